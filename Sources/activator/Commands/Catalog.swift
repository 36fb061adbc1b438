import ActivatorApp
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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only solutions that suit this income group: low, lower-middle, upper-middle, high.", valueName: "group"))
  var income: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Only solutions that suit this city size: small, medium, large, very-large.", valueName: "size"))
  var size: String?

  @Flag(
    name: .long,
    help:
      "Print the provenance of every entry (source, last checked, status, verified) as a Markdown table, as in docs/catalog-provenance.md."
  )
  var provenance = false

  @Option(name: .long, help: "Output format: text or json.")
  var format: TextOrJSON = .text

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try CatalogRun(
      sources: sources.chosen, query: query, pillar: pillar, stage: stage, programmes: programmes, verified: verified,
      income: income,
      size: size, provenance: provenance, format: format, language: output.lang, color: output.color
    ).run()
  }
}
