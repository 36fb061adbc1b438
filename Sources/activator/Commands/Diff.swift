import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Diff: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpDiffAbstract),
      discussion: helpText(.cliHelpDiffDiscussion))
  }

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpDiffRules), valueName: "dirs"))
  var rules: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpDiffSurvey), valueName: "id|file"))
  var survey: String?

  @Argument(help: ArgumentHelp(helpText(.cliHelpCommonAnswersPaths), valueName: "path"))
  var paths: [String]

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpDiffFormat)))
  var format: DiffFormat.Kind = .text

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpDiffScores)))
  var scores = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpDiffExitCode)))
  var exitCode = false

  @OptionGroup var output: OutputOptions
  @OptionGroup var metrics: MetricOptions

  func validate() throws {
    if rules.count != 2 { throw ValidationError(Console.say(Message(.cliDiffRulesTwice))) }
    if paths.isEmpty { throw ValidationError(Console.say(Message(.cliGivePaths))) }
  }

  func run() throws {
    try DiffRun(
      paths: paths, survey: survey, ruleSets: (rules[0], rules[1]), format: format, scores: scores, exitCode: exitCode,
      language: output.lang, color: output.color, metrics: metrics.selection
    ).run()
  }
}
