package import ActivatorCore

extension Questionnaire {
  /// One detail asked about the city or the respondent.
  struct Detail {
    var question: String
    var required: Bool
    var city: WritableKeyPath<City, String?>?
    var respondent: WritableKeyPath<Respondent, String?>?
    /// The region, chosen from `Regions` rather than typed.
    var picksRegion = false
  }

  func askCityDetails() -> PromptResult {
    let section = t(.questionnaireAboutYourCity)
    var city = session.sheet.city
    var respondent = session.sheet.respondent ?? Respondent()
    let details = [
      Detail(question: t(.questionnaireCityName), required: true),
      Detail(question: t(.questionnaireCountry), required: false, city: \City.country),
      Detail(question: t(.questionnaireRegion), required: false, picksRegion: true),
      Detail(question: t(.questionnaireYourNameOptional), required: false, respondent: \Respondent.name),
      Detail(question: t(.questionnaireYourRoleOptional), required: false, respondent: \Respondent.role),
    ]
    var index = 0
    while index < details.count {
      let detail = details[index]
      if detail.picksRegion {
        let result = askRegion(&city, section: section)
        switch result {
        case .back: index -= 1
        case .interrupt, .endOfInput: return result
        default: index += 1
        }
        continue
      }
      var current = city.name
      if let field = detail.city { current = city[keyPath: field] ?? "" }
      if let field = detail.respondent { current = respondent[keyPath: field] ?? "" }
      let prompt = Prompt(kind: .text, question: detail.question, text: current, allowsNavigation: index > 0)
      let result = driver.ask(prompt, context: context(section: section, slot: nil)) { result in
        guard case .text(let text) = result else { return nil }
        if detail.required, text.trimmingSpaces.isEmpty { return t(.questionnairePleaseTypeCitySName) }
        return session.problem(withText: text.trimmingSpaces).map { Self.sentence($0.text(language)) }
      }
      switch result {
      case .text(let text):
        let value = text.trimmingSpaces
        if let field = detail.city {
          city[keyPath: field] = value.isEmpty ? nil : value
        } else if let field = detail.respondent {
          respondent[keyPath: field] = value.isEmpty ? nil : value
        } else {
          city.name = value
        }
        index += 1
      case .back:
        index = max(0, index - 1)
      case .interrupt, .endOfInput:
        return result
      default:
        index += 1
      }
    }
    session.setCity(city, respondent: respondent)
    return savedOrRecovered() ?? .selected([0])
  }

  /// The region from the list, stored as its id: the file's, else the one the country implies,
  /// is offered first. "Other" takes words (kept as typed unless they name a listed region);
  /// the last item leaves the region out.
  func askRegion(_ city: inout City, section: String) -> PromptResult {
    let regions = Regions.all
    var items = regions.map { Prompt.Item(Regions.name($0.id, language: language), token: $0.id) }
    items.append(Prompt.Item(t(.questionnaireRegionOther), token: "other"))
    items.append(Prompt.Item(t(.questionnaireRegionLeftOut), token: "-"))
    let listed = (city.region ?? city.country.flatMap(Regions.implied(byCountry:))).flatMap { id in
      regions.firstIndex { $0.id == id }
    }
    let selected = listed ?? (city.region == nil ? regions.count + 1 : regions.count)
    var prompt = Prompt(
      kind: .select, question: t(.questionnaireRegion), items: items, selected: [selected], allowsNavigation: true)
    if city.region == nil, listed != nil { prompt.suggestedBecause = t(.lineRegionOfCountry) }
    while true {
      let result = driver.ask(prompt, context: context(section: section, slot: nil)) { _ in nil }
      guard case .selected(let picked) = result, let choice = picked.first else { return result }
      if choice < regions.count {
        city.region = regions[choice].id
        return result
      }
      if choice > regions.count {
        city.region = nil
        return result
      }
      let typed = Prompt(
        kind: .text, question: t(.questionnaireRegionOwnWords), text: listed == nil ? city.region ?? "" : "",
        allowsNavigation: true)
      let words = driver.ask(typed, context: context(section: section, slot: nil)) { result in
        guard case .text(let text) = result else { return nil }
        return session.problem(withText: text.trimmingSpaces).map { Self.sentence($0.text(language)) }
      }
      switch words {
      case .text(let text):
        let value = text.trimmingSpaces
        city.region = value.isEmpty ? nil : Regions.id(for: value) ?? value
        return words
      case .back: continue
      default: return words
      }
    }
  }
}
