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

  @Option(name: .long, help: "Output: table, csv, json, jsonl or md (default: a summary for one file; a table on a terminal, jsonl otherwise).")
  var format: Format?

  @Option(name: .shortAndLong, help: "Parallel jobs (default: all cores).")
  var jobs: Int?

  @Option(name: .shortAndLong, help: ArgumentHelp("Write the output to this file (atomically) instead of stdout.", valueName: "file"))
  var out: String?

  @Flag(name: .long, help: "Print the cohort summary (stages per pillar, medians, per region) instead of one row per city.")
  var summary = false

  @Flag(name: .long, help: "Stop at the first file that fails.")
  var failFast = false

  @Flag(name: .long, help: "Include every criterion in json/jsonl output.")
  var detail = false

  @Flag(name: .shortAndLong, help: "No progress bar and no closing count on stderr.")
  var quiet = false

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, jsonl, md }

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError(Console.say(Message(.cliJobs))) }
    if paths.isEmpty { throw ValidationError(Console.say(Message(.cliGivePaths))) }
  }

  func run() throws {
    let workspace = try sources.workspace()
    let single = paths.count == 1 && paths[0] != "-" && FileReading.kind(paths[0]) != .directory && !summary
    if single && (format == nil || format == .table || format == .json) && out == nil {
      try scoreOne(paths[0], workspace: workspace)
      return
    }
    let (files, problems) = try answersFiles(paths)
    if let out { try guardOutput(out, option: "--out", inputs: files, force: overwrite.force) }
    let survey = try sources.chosenSurvey(workspace)
    let kind = BatchFormat.Kind(rawValue: (format ?? (Console.stdoutIsTerminal && out == nil ? .table : .jsonl)).rawValue) ?? .jsonl
    // People read tables and Markdown in one language; JSON and CSV keep each file's own.
    let readingLanguage = output.lang ?? Console.systemLanguage.flatMap { survey.languages.contains($0) ? $0 : nil } ?? survey.defaultLanguage
    let batchFormat = BatchFormat(
      kind: kind, survey: survey, language: kind == .table || kind == .md ? readingLanguage : output.lang, color: output.color && out == nil,
      detail: detail)
    let sink: OutputSink
    do {
      sink = try OutputSink(path: out, immediate: out == nil && Console.stdoutIsTerminal)
    } catch {
      Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
      throw ExitCode(2)
    }
    let cohort = CohortBox(survey: survey)
    let progress = ProgressLine(total: files.count, enabled: !quiet && Console.stderrIsTerminal)
    let renderer = DiagnosticRenderer(color: Console.colorEnabled(forStderr: true), language: Console.language)
    let summaryOnly = summary
    let separator = Array(batchFormat.separator.utf8)
    if !summaryOnly { sink.write(batchFormat.header()) }
    let started = ContinuousClock.now
    let runner = BatchRunner(
      registry: workspace.registry, plugins: workspace.plugins,
      options: BatchOptions(
        jobs: jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), failFast: failFast, collectRecords: summary,
        recommendationLimit: detail ? nil : 5),
      render: { summaryOnly ? [] : batchFormat.row($0) })
    let written = WrittenCounter()
    let missingRules = MissingRulesSeen()
    let stats = runner.run(files) { item in
      if item.skipped {
        Console.err(renderer.render(item.diagnostics))
        return true
      }
      missingRules.note(item)
      progress.advance(failed: item.failed)
      if !item.diagnostics.isEmpty { Console.err(renderer.render(item.diagnostics)) }
      if let record = item.record { cohort.add(record) }
      guard !item.failed, !summaryOnly else { return !sink.failed }
      if written.next() > 0 { sink.write(separator) }
      sink.write(item.output)
      return !sink.failed
    }
    progress.finish()
    if summaryOnly {
      sink.write(batchFormat.summary(cohort.value))
    } else {
      sink.write(batchFormat.footer())
    }
    // A batch that stopped early never replaces a complete output with part of one.
    let partial = stats.stoppedEarly && !sink.failed && out != nil
    do {
      try sink.finish(keep: !partial)
    } catch {
      Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
      throw ExitCode(2)
    }
    if partial, let out {
      Console.note(Message(.cliFailFastNotWritten, ["path": .text(InertText.line(out))]))
    }
    if !quiet {
      let seconds = started.secondsElapsed
      var parts = [Console.say(Message(.cliScored, ["scored": .count(stats.scored), "count": .count(files.count)]))]
      if stats.failed > 0 { parts.append(Console.say(Message(.cliFailed, ["count": .count(stats.failed)]))) }
      if stats.skipped > 0 { parts.append(Console.say(Message(.cliSkippedOutputs, ["count": .count(stats.skipped)]))) }
      if stats.stoppedEarly { parts.append(Console.say(Message(.cliStoppedEarly))) }
      let time =
        seconds < 10
        ? Message(.cliMilliseconds, ["n": .text(String(Int(saturating: seconds * 1000)))])
        : Message(.cliSeconds, ["n": .text(String(Int(saturating: seconds)))])
      var line = Console.say(Message(.cliTook, ["what": .text(parts.joined(separator: ", ")), "time": .message(time)]))
      if let out, !partial { line += Console.say(Message(.cliAndWrote, ["path": .text(InertText.line(out))])) }
      Console.err(line + "\n")
    }
    if missingRules.seen { try failForMissingRules(workspace) }
    if stats.failed > 0 || !problems.filter({ $0.severity == .error }).isEmpty { throw ExitCode(1) }
  }

  func scoreOne(_ path: String, workspace: Workspace) throws {
    let assessment = try assessOne(path, workspace: workspace, language: output.lang)
    switch format ?? .table {
    case .json: Console.out(AssessmentJSON.render(assessment) + "\n")
    default: Console.out(TextReport(color: output.color, width: Console.width).summary(assessment))
    }
  }

}

/// The cohort summary, added to in delivery order.
final class CohortBox: @unchecked Sendable {
  private(set) var value: CohortSummary

  init(survey: Survey) {
    value = CohortSummary(pillars: survey.pillars.map(\.id), topStage: survey.topStage)
  }

  /// Called only from the batch's in-order delivery, which is never concurrent.
  func add(_ record: CohortRecord) { value.add(record) }
}

/// Counts written rows (delivery is serialised, so no lock is needed).
final class WrittenCounter: @unchecked Sendable {
  private var count = 0
  func next() -> Int {
    defer { count += 1 }
    return count
  }
}
