import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Report: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpReportAbstract),
      discussion: helpText(.cliHelpReportDiscussion))
  }

  @Argument(
    help: ArgumentHelp(helpText(.cliHelpReportPaths), valueName: "path"))
  var paths: [String]

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpReportHtml), valueName: "file"))
  var html: String?

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpReportMd), valueName: "file"))
  var md: String?

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpReportCompare)))
  var compare = false

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpReportPaper)))
  var paper: Paper = .auto

  @Flag(
    name: .long, help: ArgumentHelp(helpText(.cliHelpReportSummary))
  )
  var summary = false

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpReportRecommendations), valueName: "n"))
  var recommendations = 10

  @Option(name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpReportJobs)))
  var jobs: Int?

  @Flag(name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpReportQuiet)))
  var quiet = false

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var overwrite: ForceOption
  @OptionGroup var metrics: MetricOptions

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpReportSortBy), valueName: "metric:id"))
  var sortBy: String?

  func validate() throws {
    if paths.isEmpty { throw ValidationError(Console.say(Message(.cliGiveReportPaths))) }
    if compare && paths.count != 2 { throw ValidationError(Console.say(Message(.cliCompareTwo))) }
    if recommendations < 0 { throw ValidationError(Console.say(Message(.cliRecommendations))) }
    if let jobs, jobs < 1 { throw ValidationError(Console.say(Message(.cliJobs))) }
    if html == "-" && md == "-" { throw ValidationError(Console.say(Message(.cliOneStdout))) }
  }

  func run() throws {
    var targets: [(option: String, path: String, renderer: any ReportRenderer)] = []
    if let html { targets.append(("--html", html, HTMLReport(paper: paper, summaryOnly: summary))) }
    if let md { targets.append(("--md", md, MarkdownReport(summaryOnly: summary))) }
    try ReportRun(
      paths: paths, sources: sources.chosen, targets: targets, compare: compare, recommendations: recommendations,
      language: output.lang, jobs: jobs, quiet: quiet, force: overwrite.force, summaryOnly: summary,
      metrics: metrics.selection,
      sortBy: sortBy
    ).run()
  }
}
