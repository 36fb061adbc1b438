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

  @Option(name: .long, help: ArgumentHelp("Rule set A, then rule set B (exactly twice); join folders with ':'.", valueName: "dirs"))
  var rules: [String] = []

  @Option(name: .long, help: ArgumentHelp("Survey id or survey file (default: every survey in Surveys/).", valueName: "id|file"))
  var survey: String?

  @Argument(help: ArgumentHelp("Answers files or folders, or '-' to read paths from stdin.", valueName: "path"))
  var paths: [String]

  @Option(name: .long, help: "Output: text, json or csv.")
  var format: Kind = .text

  @Flag(name: .long, help: "Also list pillars whose score moves without a stage change.")
  var scores = false

  @Flag(name: .long, help: "Exit 1 when any city changes stage (like git diff --exit-code).")
  var exitCode = false

  @OptionGroup var output: OutputOptions

  enum Kind: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

  func validate() throws {
    if rules.count != 2 { throw ValidationError(Console.say(Message(.cliDiffRulesTwice))) }
    if paths.isEmpty { throw ValidationError(Console.say(Message(.cliGivePaths))) }
  }

  func run() throws {
    func sources(_ set: String) -> RuleSources {
      RuleSources(survey: survey, rules: set.split(separator: ":").map(String.init))
    }
    let setA = sources(rules[0])
    let setB = sources(rules[1])
    let workspaceA = try setA.workspace()
    let workspaceB = try setB.workspace()
    let (files, problems) = try answersFiles(paths)
    let chosen = try setB.chosenSurvey(workspaceB)
    let language = output.lang ?? Console.systemLanguage.flatMap { chosen.languages.contains($0) ? $0 : nil } ?? chosen.defaultLanguage
    let formatter = DiffFormat(
      kind: DiffFormat.Kind(rawValue: format.rawValue) ?? .text, survey: chosen, color: output.color, language: language)
    func describe(_ workspace: Workspace, _ set: String) -> String {
      let plugins = workspace.plugins.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
      return "\(set) (\(plugins.isEmpty ? "no plugins" : plugins))"
    }
    let sink = try OutputSink(path: nil, immediate: Console.stdoutIsTerminal)
    sink.write(Array(formatter.header(before: describe(workspaceA, rules[0]), after: describe(workspaceB, rules[1])).utf8))
    var summary = RuleSetDiffSummary()
    let progress = ProgressLine(total: files.count, enabled: Console.stderrIsTerminal)
    let renderer = DiagnosticRenderer(color: Console.colorEnabled(forStderr: true), language: Console.language)
    var first = true
    for path in files {
      let log = DiagnosticLog()
      guard let (sheet, survey) = AnswersLoader.load(path, registry: workspaceB.registry, log: log),
        let programA = workspaceA.program(for: survey, answeredVersion: sheet.surveyVersion, log: log),
        let programB = workspaceB.program(for: survey, answeredVersion: sheet.surveyVersion, log: log)
      else {
        summary.failed += 1
        Console.err(renderer.render(log.sorted))
        progress.advance(failed: true)
        continue
      }
      let diff = CityDiff(before: Scorer.assess(sheet, with: programA), after: Scorer.assess(sheet, with: programB))
      summary.add(diff)
      let text = formatter.city(diff, first: first, showScoreOnly: scores)
      if !text.isEmpty {
        sink.write(Array(text.utf8))
        first = false
      }
      progress.advance(failed: false)
    }
    progress.finish()
    sink.write(Array(formatter.footer(summary).utf8))
    try sink.finish()
    if summary.failed > 0 || problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    if exitCode && summary.citiesWithStageChanges > 0 { throw ExitCode(1) }
  }
}
