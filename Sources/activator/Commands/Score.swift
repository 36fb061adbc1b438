import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Score: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpScoreAbstract),
      discussion: helpText(.cliHelpScoreDiscussion))
  }

  @Argument(help: ArgumentHelp(helpText(.cliHelpScorePaths), valueName: "path"))
  var paths: [String]

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var overwrite: ForceOption
  @OptionGroup var metrics: MetricOptions

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpScoreFormat)))
  var format: BatchFormat?

  @Option(name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpScoreJobs)))
  var jobs: Int?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(helpText(.cliHelpScoreOut), valueName: "file"))
  var out: String?

  @Flag(
    name: .long, help: ArgumentHelp(helpText(.cliHelpScoreSummary)))
  var summary = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpScoreFailFast)))
  var failFast = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpScoreDetail)))
  var detail = false

  @Flag(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpScoreExcel))
  )
  var excel = false

  @Flag(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpScoreScores))
  )
  var scores = false

  @Flag(name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpScoreQuiet)))
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError(Console.say(Message(.cliJobs))) }
    if paths.isEmpty { throw ValidationError(Console.say(Message(.cliGivePaths))) }
  }

  func run() throws {
    try ScoreRun(
      paths: paths, sources: sources.chosen, format: format, language: output.lang, color: output.color, jobs: jobs,
      out: out,
      summary: summary, failFast: failFast, detail: detail, quiet: quiet, force: overwrite.force, excel: excel,
      scores: scores,
      metrics: metrics.selection
    ).run()
  }
}
