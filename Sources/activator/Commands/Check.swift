import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Check: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpCheckAbstract),
      discussion: helpText(.cliHelpCheckDiscussion))
  }

  @Argument(
    help: ArgumentHelp(helpText(.cliHelpCheckPaths), valueName: "path"))
  var paths: [String] = []

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonFormat)))
  var format: TextOrJSON = .text

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCheckAllowWarnings)))
  var allowWarnings = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonNoColor)))
  var noColor = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCheckTimings)))
  var timings = false

  func run() throws {
    try CheckRun(paths: paths, format: format, allowWarnings: allowWarnings, color: !noColor, timings: timings).run()
  }
}
