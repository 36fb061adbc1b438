import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a report people would rather look at: one city, a cohort, or progress between two assessments.",
    discussion: """
      One answers file: the city's report (radar, ladders, strengths, gaps, what the next stage needs, recommendations with their sources, roadmap, WeGO next steps), in the answers file's language. A folder or several files: the cohort report (heatmap of cities by pillar, distributions, medians, each city against its peers and region). --compare OLD NEW: one city's progress.

      --html and --md write files (atomically; '-' for stdout); with neither, Markdown goes to stdout. The HTML is one self-contained file: no scripts, fonts or images are fetched, and it prints to A4 or Letter. The date printed is today's, or SOURCE_DATE_EPOCH's when set.
      """)

  @Argument(help: ArgumentHelp("An answers file (a city report), several files or folders, or '-' for file names on stdin (a cohort report); with --compare, OLD and NEW.", valueName: "path"))
  var paths: [String]

  @Option(name: .long, help: ArgumentHelp("Write the HTML report here.", valueName: "file"))
  var html: String?

  @Option(name: .long, help: ArgumentHelp("Write the Markdown report here.", valueName: "file"))
  var md: String?

  @Flag(name: .long, help: "Compare two assessments of the same city: OLD NEW.")
  var compare = false

  @Option(name: .customLong("paper"), help: "Paper to lay the printed HTML out for: auto, a4 or letter.")
  var paperName = "auto"

  var paper: Paper { Paper(rawValue: paperName.lowercased()) ?? .auto }

  @Option(name: .long, help: ArgumentHelp("Recommendations to detail in a city report.", valueName: "n"))
  var recommendations = 10

  @Option(name: .shortAndLong, help: "Parallel jobs for a cohort (default: all cores).")
  var jobs: Int?

  @Flag(name: .shortAndLong, help: "No progress bar and no closing line on stderr.")
  var quiet = false

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var overwrite: ForceOption

  func validate() throws {
    if paths.isEmpty { throw ValidationError(Console.say(Message(.cliGiveReportPaths))) }
    if compare && paths.count != 2 { throw ValidationError(Console.say(Message(.cliCompareTwo))) }
    if recommendations < 0 { throw ValidationError(Console.say(Message(.cliRecommendations))) }
    if let jobs, jobs < 1 { throw ValidationError(Console.say(Message(.cliJobs))) }
    if Paper(rawValue: paperName.lowercased()) == nil { throw ValidationError(Console.say(Message(.cliPaper))) }
    if html == "-" && md == "-" { throw ValidationError(Console.say(Message(.cliOneStdout))) }
  }

  func run() throws {
    try guardOutputs(inputs: paths)
    let workspace = try sources.workspace()
    let date = ReportDate.today(environment: Environment.all)
    if compare {
      let before = try assessOne(paths[0], workspace: workspace, language: output.lang)
      let after = try assessOne(paths[1], workspace: workspace, language: output.lang)
      let report = ProgressReport(before: before, after: after, language: output.lang ?? after.language, date: date)
      try emit(html: { HTMLReport.progress(report, paper: paper) }, markdown: { MarkdownReport.progress(report) })
      return
    }
    let single = paths.count == 1 && paths[0] != "-" && FileReading.kind(paths[0]) != .directory
    if single {
      let assessment = try assessOne(paths[0], workspace: workspace, language: output.lang)
      let report = CityReport(assessment, recommendationLimit: recommendations, date: date)
      try emit(html: { HTMLReport.city(report, paper: paper) }, markdown: { MarkdownReport.city(report) })
      return
    }
    try cohort(workspace: workspace, date: date)
  }

  func cohort(workspace: Workspace, date: String) throws {
    let (files, problems) = try answersFiles(paths)
    try guardOutputs(inputs: files)
    let survey = try sources.chosenSurvey(workspace)
    let program = try scoringProgram(for: survey, workspace: workspace)
    let collected = CohortCollector()
    let missingRules = MissingRulesSeen()
    let progress = ProgressLine(total: files.count, enabled: !quiet && Console.stderrIsTerminal)
    let renderer = DiagnosticRenderer(color: Console.colorEnabled(forStderr: true), language: Console.language)
    let runner = BatchRunner(
      registry: workspace.registry, plugins: workspace.plugins,
      options: BatchOptions(jobs: jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), failFast: false, collectRecords: true, recommendationLimit: 3),
      render: { _ in [] })
    let stats = runner.run(files) { item in
      if item.skipped {
        Console.err(renderer.render(item.diagnostics))
        return true
      }
      missingRules.note(item)
      progress.advance(failed: item.failed)
      if !item.diagnostics.isEmpty { Console.err(renderer.render(item.diagnostics)) }
      collected.add(item)
      return true
    }
    progress.finish()
    let language = output.lang ?? Console.systemLanguage.flatMap { survey.languages.contains($0) ? $0 : nil } ?? survey.defaultLanguage
    let report = CohortReport(records: collected.records, failures: collected.failures, program: program, language: language, date: date)
    try emit(html: { HTMLReport.cohort(report, paper: paper) }, markdown: { MarkdownReport.cohort(report) })
    if !quiet {
      var line = Console.say(Message(.cliReported, ["scored": .count(stats.scored), "count": .count(files.count)]))
      if stats.failed > 0 { line += Console.say(Message(.cliReportFailed, ["count": .count(stats.failed)])) }
      Console.err(line + "\n")
    }
    if missingRules.seen { try failForMissingRules(workspace) }
    if stats.failed > 0 || problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
  }

  func guardOutputs(inputs: some Sequence<String>) throws {
    for (option, path) in [("--html", html), ("--md", md)] {
      // A wildcard such as *.yaml that expanded into the option's value names an answers file.
      if let path, path != "-" {
        let wildcard = path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? Message(.cliWildcardHint, ["option": .text(option)]) : nil
        try guardOutput(path, option: option, inputs: inputs, force: overwrite.force, hint: wildcard)
      }
    }
  }

  /// Writes each requested format; Markdown to stdout when none is.
  func emit(html makeHTML: @escaping () -> String, markdown makeMarkdown: @escaping () -> String) throws {
    var targets: [(String, () -> String)] = []
    if let html { targets.append((html, makeHTML)) }
    if let md { targets.append((md, makeMarkdown)) }
    if targets.isEmpty { targets.append(("-", makeMarkdown)) }
    for (path, make) in targets {
      let text = make()
      if path == "-" {
        Console.out(text)
        continue
      }
      do {
        try FileReading.writeAtomically(path, text)
      } catch {
        Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
        throw ExitCode(2)
      }
      if !quiet { Console.err(Console.say(Message(.cliWrote, ["path": .text(InertText.line(path))])) + "\n") }
    }
  }
}


/// Records and failures in delivery order (the batch delivers serially).
final class CohortCollector: @unchecked Sendable {
  private(set) var records: [CohortRecord] = []
  private(set) var failures: [CohortReport.Failure] = []

  func add(_ item: BatchItem) {
    if let record = item.record {
      records.append(record)
    } else if item.failed {
      let message =
        item.diagnostics.first { $0.severity == .error }.map {
          Message(.batchRulesErrorAt, ["place": .text($0.location.description), "problem": .message($0.content)])
        } ?? Message(.reportCouldNotBeScored)
      failures.append(CohortReport.Failure(path: item.path, message: message))
    }
  }
}
