public import ActivatorCore

extension Questionnaire {
  /// One detail asked about the city or the respondent.
  struct Detail {
    var question: String
    var required: Bool
    var city: WritableKeyPath<City, String?>?
    var respondent: WritableKeyPath<Respondent, String?>?
  }

  func askCityDetails() -> PromptResult {
    let section = t(.questionnaireAboutYourCity)
    var city = session.sheet.city
    var respondent = session.sheet.respondent ?? Respondent()
    let details = [
      Detail(question: t(.questionnaireCityName), required: true),
      Detail(question: t(.questionnaireCountry), required: false, city: \City.country),
      Detail(question: t(.questionnaireRegionOptionalEGLatin), required: false, city: \City.region),
      Detail(question: t(.questionnaireYourNameOptional), required: false, respondent: \Respondent.name),
      Detail(question: t(.questionnaireYourRoleOptional), required: false, respondent: \Respondent.role),
    ]
    var index = 0
    while index < details.count {
      let detail = details[index]
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
}
