package import ActivatorCore

/// `activator catalog`: filters and ranks catalog entries for a query.
package struct CatalogSearch: Sendable {
  package let program: Program
  package let language: String

  package init(program: Program, language: String) {
    self.program = program
    self.language = language
  }

  /// Solutions matching every word of `query` (in any language, accents ignored), best matches
  /// first: a word in the name counts more than one in the description.
  package func solutions(
    query: String, pillar: String?, stage: Int?, verifiedOnly: Bool, income: IncomeGroup? = nil, size: CitySize? = nil
  ) -> [Solution] {
    let words = Self.words(query)
    var scored: [(Int, Solution)] = []
    for solution in program.solutions {
      if let pillar, !solution.pillars.contains(where: { $0.value == pillar }) { continue }
      if let stage, !(solution.stageMin...solution.stageMax).contains(stage) { continue }
      if verifiedOnly && !solution.verified { continue }
      if let income, !solution.fits.income.contains(income) { continue }
      if let size, !solution.fits.size.contains(size) { continue }
      guard !words.isEmpty else {
        scored.append((0, solution))
        continue
      }
      let name = Self.fold(all(solution.name) + " " + all(solution.city) + " " + (solution.country.map(all) ?? ""))
      let body = Self.fold(
        all(solution.problem) + " " + all(solution.solution) + " " + solution.id + " "
          + solution.pillars.map(\.value).joined(separator: " "))
      var score = 0
      var matchedAll = true
      for word in words {
        if name.contains(word) { score += 3 } else if body.contains(word) { score += 1 } else { matchedAll = false }
      }
      if matchedAll { scored.append((score, solution)) }
    }
    return scored.sorted { ($0.0, $1.1.id) > ($1.0, $0.1.id) }.map(\.1)
  }

  package func programmes(query: String, stage: Int?) -> [Programme] {
    let words = Self.words(query)
    return program.programmes.filter { programme in
      if let stage, !(programme.stageMin...programme.stageMax).contains(stage) { return false }
      let text = Self.fold(
        all(programme.name) + " " + all(programme.description) + " " + programme.id + " " + programme.step.rawValue)
      return words.allSatisfy { text.contains($0) }
    }
  }

  func all(_ text: LocalizedText) -> String { text.translations.map(\.text).joined(separator: " ") }

  static func words(_ query: String) -> [String] {
    fold(query).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
  }

  static func fold(_ text: String) -> String { Fold.text(text) }

  package func text(solutions: [Solution], style: Style, width: Int) -> String {
    let t = Localizer(language)
    let survey = program.survey
    if solutions.isEmpty { return t(.catalogNoSolutionMatches) + "\n" }
    var out = ""
    for solution in solutions {
      let origin = [t.text(solution.city), solution.country.map { t.text($0) }, solution.year.map(String.init)]
        .compactMap { $0 }.joined(separator: ", ")
      out += style.bold(t.text(solution.name)) + " " + style.dim("[\(solution.id)]") + "\n"
      let pillars = solution.pillars.compactMap { survey.pillarIndex($0.value) }.map { t.text(survey.pillars[$0].name) }
        .joined(separator: ", ")
      var meta = "  \(origin) · \(pillars) · " + t(.catalogStages) + " \(solution.stageMin)–\(solution.stageMax)"
      meta += " · " + t.status(solution.status) + " · " + t(.catalogCost) + " " + t.cost(solution.cost)
      if !solution.verified { meta += " · " + t(.catalogUnverified) }
      out += style.dim(meta) + "\n"
      let fits =
        t.label(.catalogSuits) + solution.fits.income.map(\.rawValue).joined(separator: ", ") + t(.catalogIncome)
        + solution.fits.size.map(\.rawValue).joined(separator: ", ") + t(.catalogCities)
      out += style.dim("  " + fits) + "\n"
      for line in DisplayWidth.wrap(t(.catalogProblem) + t.text(solution.problem), width: width - 4) {
        out += "  \(line)\n"
      }
      for line in DisplayWidth.wrap(t(.catalogSolution) + t.text(solution.solution), width: width - 4) {
        out += "  \(line)\n"
      }
      for need in solution.needs {
        for line in DisplayWidth.wrap(t(.catalogNeeds) + t.text(need.text), width: width - 4) { out += "  \(line)\n" }
      }
      if let source = solution.source { out += style.dim("  \(source)") + "\n" }
      out += "\n"
    }
    out += t(.catalogSolutionsCountSolutionS, ["solutions_count": "\(solutions.count)"]) + "\n"
    return out
  }

  package func text(programmes: [Programme], style: Style, width: Int) -> String {
    let t = Localizer(language)
    if programmes.isEmpty { return t(.catalogNoProgrammeMatches) + "\n" }
    var out = ""
    for step in ChainStep.allCases {
      let inStep = programmes.filter { $0.step == step }
      guard !inStep.isEmpty else { continue }
      out += style.bold(t.step(step)) + "\n"
      for programme in inStep {
        out +=
          "  • \(t.text(programme.name)) "
          + style.dim("[\(programme.id)] " + t(.catalogStages) + " \(programme.stageMin)–\(programme.stageMax)") + "\n"
        for line in DisplayWidth.wrap(t.text(programme.description), width: width - 6) { out += "    \(line)\n" }
        if let source = programme.source { out += style.dim("    \(source)") + "\n" }
      }
      out += "\n"
    }
    return out
  }

  package func json(solutions: [Solution]) -> String {
    let writer = JSONWriter(pretty: true)
    writer.array {
      for solution in solutions {
        writer.object {
          writer.key("id", solution.id)
          writer.key("name", solution.name.text(language))
          writer.key("city", solution.city.text(language))
          writer.key("country", solution.country?.text(language))
          writer.key("year", solution.year)
          writer.key("pillars", strings: solution.pillars.map(\.value))
          writer.key("problem", solution.problem.text(language))
          writer.key("solution", solution.solution.text(language))
          writer.key("stage") {
            writer.object {
              writer.key("min", solution.stageMin)
              writer.key("max", solution.stageMax)
            }
          }
          writer.key("status", solution.status.rawValue)
          writer.key("fits") { fits(solution.fits, into: writer) }
          writer.key("cost", solution.cost.rawValue)
          writer.key("cost_basis", solution.costBasis?.text(language))
          writer.key("needs") {
            writer.array {
              for need in solution.needs {
                writer.object {
                  writer.key("text", need.text.text(language))
                  writer.key("requires", need.requires?.text)
                }
              }
            }
          }
          writer.key("helps", strings: solution.helps.map(\.value))
          provenance(solution.provenance, into: writer)
        }
      }
    }
    return writer.finish() + "\n"
  }

  package func json(programmes: [Programme]) -> String {
    let writer = JSONWriter(pretty: true)
    writer.array {
      for programme in programmes {
        writer.object {
          writer.key("id", programme.id)
          writer.key("name", programme.name.text(language))
          writer.key("step", programme.step.rawValue)
          writer.key("description", programme.description.text(language))
          writer.key("stage") {
            writer.object {
              writer.key("min", programme.stageMin)
              writer.key("max", programme.stageMax)
            }
          }
          writer.key("eligibility", programme.eligibility.text(language))
          writer.key("fits") { fits(programme.fits, into: writer) }
          writer.key("fits_basis", programme.fitsBasis?.text(language))
          writer.key("status", programme.status.rawValue)
          writer.key("last_seen", programme.lastSeen)
          provenance(programme.provenance, into: writer)
        }
      }
    }
    return writer.finish() + "\n"
  }
}

extension CatalogSearch {
  func fits(_ fits: CatalogFit, into writer: JSONWriter) {
    writer.object {
      writer.key("income", strings: fits.income.map(\.rawValue))
      writer.key("size", strings: fits.size.map(\.rawValue))
    }
  }

  func provenance(_ provenance: CatalogProvenance, into writer: JSONWriter) {
    writer.key("figures") {
      writer.array {
        for figure in provenance.figures {
          writer.object {
            writer.key("fact", figure.fact)
            writer.key("source", figure.source)
          }
        }
      }
    }
    writer.key("source", provenance.source)
    writer.key("sources", strings: provenance.sources)
    writer.key("verified", provenance.verified)
    writer.key("last_checked", provenance.lastChecked)
    writer.key("check_note", provenance.checkNote)
  }

}
