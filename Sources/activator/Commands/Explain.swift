import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Explain: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpExplainAbstract)
    )
  }

  @Argument(help: ArgumentHelp(helpText(.cliHelpExplainFile), valueName: "file"))
  var file: String

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpExplainPillar), valueName: "id"))
  var pillar: String?

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonFormat)))
  var format: TextOrJSON = .text

  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(helpText(.cliHelpExplainWhatIf), valueName: "question=value"))
  var whatIf: [String] = []

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpExplainBasis)))
  var basis = false

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ExplainRun(
      file: file, sources: sources.chosen, pillar: pillar, format: format, whatIf: whatIf, language: output.lang,
      color: output.color,
      basis: basis
    ).run()
  }
}
