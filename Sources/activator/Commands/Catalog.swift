import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Catalog: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpCatalogAbstract))
  }

  @Argument(help: ArgumentHelp(helpText(.cliHelpCatalogQuery), valueName: "query"))
  var query: [String] = []

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpCatalogPillar), valueName: "id"))
  var pillar: String?

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpCatalogStage), valueName: "n"))
  var stage: Int?

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCatalogProgrammes)))
  var programmes = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCatalogVerified)))
  var verified = false

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpCatalogIncome), valueName: "group"))
  var income: String?

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpCatalogSize), valueName: "size"))
  var size: String?

  @Flag(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpCatalogProvenance))
  )
  var provenance = false

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonFormat)))
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
