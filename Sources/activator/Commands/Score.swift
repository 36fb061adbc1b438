import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score answers files: a maturity stage per pillar, with the top recommendations.",
    discussion: """
      One file: a summary with bars (or --format json for the full result). Several files, folders (searched recursively for .yaml, .yml and .json) or '-' (paths on stdin): one row per city, in path order, scored on all cores. Bad files are reported on stderr as file:line:col: error: … and never stop the batch; the exit status is 1 if any file failed.
      """)

  @Argument(help: ArgumentHelp("Answers files, folders, or '-' to read paths from stdin.", valueName: "path"))
  var paths: [String]

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var overwrite: ForceOption
  @OptionGroup var metrics: MetricOptions

  @Option(name: .long, help: "Output format (default: a summary for one file; a table on a terminal, jsonl otherwise).")
  var format: BatchFormat?

  @Option(name: .shortAndLong, help: "Parallel jobs (default: all cores).")
  var jobs: Int?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write the output to this file (atomically) instead of stdout.", valueName: "file"))
  var out: String?

  @Flag(
    name: .long, help: "Print the cohort summary (stages per pillar, medians, per region) instead of one row per city.")
  var summary = false

  @Flag(name: .long, help: "Stop at the first file that fails.")
  var failFast = false

  @Flag(name: .long, help: "Include every criterion in json/jsonl output.")
  var detail = false

  @Flag(
    name: .long,
    help:
      "Start CSV with a UTF-8 byte-order mark, which Excel needs to show accents; off by default because Python, pandas, DuckDB and R read it into the first column's name."
  )
  var excel = false

  @Flag(
    name: .long,
    help:
      "In the table, show each pillar's score (stage plus the share of the next stage's criteria met) instead of its stage."
  )
  var scores = false

  @Flag(name: .shortAndLong, help: "No progress bar and no closing count on stderr.")
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
