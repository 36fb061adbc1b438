import ActivatorCore
import ActivatorReports
import ActivatorTerminal

/// `activator catalog`: the proven solutions (or WeGO programmes) that match a search, or the
/// provenance of every entry.
package struct CatalogRun {
  package var sources: RuleSources
  package var query: [String]
  package var pillar: String?
  package var stage: Int?
  package var programmes: Bool
  package var verified: Bool
  /// An income group and a city size, as typed (checked here).
  package var income: String?
  package var size: String?
  package var provenance: Bool
  package var format: TextOrJSON
  package var language: String?
  package var color: Bool

  package init(
    sources: RuleSources, query: [String], pillar: String?, stage: Int?, programmes: Bool, verified: Bool,
    income: String?,
    size: String?, provenance: Bool, format: TextOrJSON, language: String?, color: Bool
  ) {
    self.sources = sources
    self.query = query
    self.pillar = pillar
    self.stage = stage
    self.programmes = programmes
    self.verified = verified
    self.income = income
    self.size = size
    self.provenance = provenance
    self.format = format
    self.language = language
    self.color = color
  }

  package func run() throws {
    let workspace = try sources.workspace()
    let survey = try sources.chosenSurvey(workspace)
    let program = try Scoring.program(for: survey, workspace: workspace)
    if let pillar, survey.pillarIndex(pillar) == nil {
      let ids = survey.pillars.map(\.id)
      throw RunFailure.usage(
        Console.say(
          Message(
            .cliUnknownPillar,
            [
              "pillar": .text(pillar), "hint": DidYouMean.hint(pillar, from: ids),
              "pillars": .text(ids.joined(separator: ", ")),
            ])))
    }
    if let stage, !(1...survey.topStage).contains(stage) {
      throw RunFailure.usage(Console.say(Message(.cliStageRange, ["top": .text(String(survey.topStage))])))
    }
    if provenance {
      Console.out(CatalogProvenanceTable.markdown(program, language: language ?? "en"))
      return
    }
    let incomeGroup = try income.map { try Self.word($0, IncomeGroup.init(word:), option: "--income") }
    let citySize = try size.map { try Self.word($0, CitySize.init(word:), option: "--size") }
    let search = CatalogSearch(program: program, language: Languages.output(language, survey: survey))
    let style = Style(color: color)
    let text: String
    if programmes {
      let found = search.programmes(query: query.joined(separator: " "), stage: stage)
      text =
        format == .json
        ? search.json(programmes: found) : search.text(programmes: found, style: style, width: Console.width)
    } else {
      let found = search.solutions(
        query: query.joined(separator: " "), pillar: pillar, stage: stage, verifiedOnly: verified, income: incomeGroup,
        size: citySize)
      text =
        format == .json
        ? search.json(solutions: found) : search.text(solutions: found, style: style, width: Console.width)
    }
    Console.out(text)
  }

  /// One of a closed set of words (an income group, a city size), or a usage error naming them.
  static func word<Value: CaseIterable & RawRepresentable<String>>(
    _ text: String, _ make: (String) -> Value?, option: String
  ) throws -> Value {
    if let value = make(text) { return value }
    let words = Value.allCases.map(\.rawValue)
    throw RunFailure.usage(
      Console.say(
        Message(
          .catalogMustBeOneOf,
          [
            "what": .text(option), "choices": .list(words.map { .text($0) }), "text": .text(text),
            "hint": DidYouMean.hint(text, from: words),
          ])))
  }
}
