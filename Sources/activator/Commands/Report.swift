import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a report people would rather look at: one city, a cohort, or progress between two assessments.",
    discussion: """
      One answers file: the city's report (a one-page summary first: city, date, overall stage, stages with coverage, radar, the three most important next steps and the strongest pillar; then the appendix: ladders, strengths, gaps, what the next stage needs, recommendations with their sources, roadmap, WeGO next steps), in the answers file's language. A folder or several files: the cohort report (heatmap of cities by pillar, distributions, medians, each city against its peers and region). --compare OLD NEW: one city's progress.

      --html and --md write files (atomically; '-' for stdout); with neither, Markdown goes to stdout. The HTML is one self-contained file: no scripts, fonts or images are fetched, and it prints to A4 or Letter. The date printed is today's, or SOURCE_DATE_EPOCH's when set.
      """)

  @Argument(
    help: ArgumentHelp(
      "An answers file (a city report), several files or folders, or '-' for file names on stdin (a cohort report); with --compare, OLD and NEW.",
      valueName: "path"))
  var paths: [String]

  @Option(name: .long, help: ArgumentHelp("Write the HTML report here.", valueName: "file"))
  var html: String?

  @Option(name: .long, help: ArgumentHelp("Write the Markdown report here.", valueName: "file"))
  var md: String?

  @Flag(name: .long, help: "Compare two assessments of the same city: OLD NEW.")
  var compare = false

  @Option(name: .long, help: "Paper to lay the printed HTML out for: auto, a4 or letter.")
  var paper: Paper = .auto

  @Flag(
    name: .long, help: "Only the one-page summary of a city report or of --compare (the first page of the full report)."
  )
  var summary = false

  @Option(name: .long, help: ArgumentHelp("Recommendations to detail in a city report.", valueName: "n"))
  var recommendations = 10

  @Option(name: .shortAndLong, help: "Parallel jobs for a cohort (default: all cores).")
  var jobs: Int?

  @Flag(name: .shortAndLong, help: "No progress bar and no closing line on stderr.")
  var quiet = false

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var overwrite: ForceOption
  @OptionGroup var metrics: MetricOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Order a cohort's cities by a metric, highest first (metric:ID), or lowest first (metric:ID:asc); the metric is shown too. A report of one city has nothing to order: the option is ignored with a warning.",
      valueName: "metric:id"))
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
