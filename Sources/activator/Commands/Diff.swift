import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show which cities change stage, in which pillar, between two rule sets.",
    discussion: """
      For authors changing rules: the same answers files are scored with rule set A and rule set B
      (--rules given twice; a rule set may join several folders with ':', e.g.
      --rules Rules --rules Rules:Examples/plugins/digital-inclusion). Cities are listed in path
      order with each pillar whose stage moves and the criteria whose outcome differs.
      Exit status: 0, or 1 if a file failed or, with --exit-code, if any stage changed.
      """)

  @Option(
    name: .long,
    help: ArgumentHelp("Rule set A, then rule set B (exactly twice); join folders with ':'.", valueName: "dirs"))
  var rules: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp("Survey id or survey file (default: every survey in Surveys/).", valueName: "id|file"))
  var survey: String?

  @Argument(help: ArgumentHelp("Answers files or folders, or '-' to read paths from stdin.", valueName: "path"))
  var paths: [String]

  @Option(name: .long, help: "Output: text, json or csv.")
  var format: DiffFormat.Kind = .text

  @Flag(name: .long, help: "Also list pillars whose score moves without a stage change.")
  var scores = false

  @Flag(name: .long, help: "Exit 1 when any city changes stage (like git diff --exit-code).")
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
