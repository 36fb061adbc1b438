import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Test: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpTestAbstract),
      discussion: helpText(.cliHelpTestDiscussion))
  }

  @Argument(
    help: ArgumentHelp(helpText(.cliHelpTestRules), valueName: "dir"))
  var rules: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpTestFixture), valueName: "file"))
  var fixture: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpTestSurvey), valueName: "path"))
  var survey: String?

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonFormat)))
  var format: TextOrJSON = .text

  @Flag(name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpTestVerbose)))
  var verbose = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonNoColor)))
  var noColor = false

  func run() throws {
    try FixturesRun(
      sources: RuleSources(survey: survey, rules: rules), fixtures: fixture, format: format, verbose: verbose,
      color: !noColor && Console.colorEnabled()
    ).run()
  }
}
