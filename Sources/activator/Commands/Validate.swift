import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Validate: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpValidateAbstract),
      discussion: helpText(.cliHelpValidateDiscussion))
  }

  @Argument(help: ArgumentHelp(helpText(.cliHelpCommonAnswersPaths), valueName: "path"))
  var paths: [String]

  @OptionGroup var sources: SourceOptions

  @Option(
    name: .long, help: ArgumentHelp(helpText(.cliHelpValidateLang), valueName: "code"))
  var lang: String?

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpValidateRequireComplete)))
  var requireComplete = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonNoColor)))
  var noColor = false

  func run() throws {
    try ValidateRun(
      paths: paths, sources: sources.chosen, color: !noColor, language: lang, requireComplete: requireComplete
    ).run()
  }
}
