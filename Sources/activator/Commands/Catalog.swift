import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Catalog: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List and search the catalog of proven solutions and WeGO programmes.")

  @Argument(help: ArgumentHelp("Words to look for in names, cities, problems and solutions.", valueName: "query"))
  var query: [String] = []

  @Option(name: .long, help: ArgumentHelp("Only solutions for this pillar.", valueName: "id"))
  var pillar: String?

  @Option(name: .long, help: ArgumentHelp("Only solutions whose stage fit includes this stage.", valueName: "n"))
  var stage: Int?

  @Flag(name: .long, help: "List the WeGO programmes instead of solutions.")
  var programmes = false

  @Flag(name: .long, help: "Only solutions whose facts were verified against their source.")
  var verified = false

  @Option(name: .long, help: ArgumentHelp("Only solutions that suit this income group: low, lower-middle, upper-middle, high.", valueName: "group"))
  var income: String?

  @Option(name: .long, help: ArgumentHelp("Only solutions that suit this city size: small, medium, large, very-large.", valueName: "size"))
  var size: String?

  @Flag(name: .long, help: "Print the provenance of every entry (source, last checked, status, verified) as a Markdown table, as in docs/catalog-provenance.md.")
  var provenance = false

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    let workspace = try sources.workspace()
    let survey = try sources.chosenSurvey(workspace)
    let program = try scoringProgram(for: survey, workspace: workspace)
    let language = output.lang ?? Console.systemLanguage.flatMap { survey.languages.contains($0) ? $0 : nil } ?? survey.defaultLanguage
    if let pillar, survey.pillarIndex(pillar) == nil {
      let ids = survey.pillars.map(\.id)
      throw ValidationError(
        Console.say(Message(.cliUnknownPillar, ["pillar": .text(pillar), "hint": DidYouMean.hint(pillar, from: ids), "pillars": .text(ids.joined(separator: ", "))])))
    }
    if let stage, !(1...survey.topStage).contains(stage) {
      throw ValidationError(Console.say(Message(.cliStageRange, ["top": .text(String(survey.topStage))])))
    }
    if provenance {
      Console.out(CatalogProvenanceTable.markdown(program, language: output.lang ?? "en"))
      return
    }
    let incomeGroup = try income.map { word in
      guard let group = IncomeGroup(word: word) else {
        let words = IncomeGroup.allCases.map(\.rawValue)
        throw ValidationError(
          Console.say(
            Message(
              .catalogMustBeOneOf,
              ["what": "--income", "choices": .list(words.map { .text($0) }), "text": .text(word), "hint": DidYouMean.hint(word, from: words)])))
      }
      return group
    }
    let citySize = try size.map { word in
      guard let size = CitySize(word: word) else {
        let words = CitySize.allCases.map(\.rawValue)
        throw ValidationError(
          Console.say(
            Message(
              .catalogMustBeOneOf,
              ["what": "--size", "choices": .list(words.map { .text($0) }), "text": .text(word), "hint": DidYouMean.hint(word, from: words)])))
      }
      return size
    }
    let search = CatalogSearch(program: program, language: language)
    let text: String
    if programmes {
      let found = search.programmes(query: query.joined(separator: " "), stage: stage)
      text = format == .json ? search.json(programmes: found) : search.text(programmes: found, style: Style(color: output.color), width: Console.width)
    } else {
      let found = search.solutions(
        query: query.joined(separator: " "), pillar: pillar, stage: stage, verifiedOnly: verified, income: incomeGroup, size: citySize)
      text = format == .json ? search.json(solutions: found) : search.text(solutions: found, style: Style(color: output.color), width: Console.width)
    }
    Console.out(text)
  }
}
