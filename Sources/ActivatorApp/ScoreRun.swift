package import ActivatorCore
package import ActivatorReports
import ActivatorTerminal

/// `activator score`: one file as a summary (or its JSON), or many files as rows of a batch
/// format or as the cohort summary, written to stdout or atomically to a file.
package struct ScoreRun {
  package var paths: [String]
  package var sources: RuleSources
  /// nil: a summary for one file; a table on a terminal, JSON lines otherwise.
  package var format: BatchFormat?
  package var language: String?
  package var color: Bool
  package var jobs: Int?
  package var out: String?
  package var summary: Bool
  package var failFast: Bool
  package var detail: Bool
  package var quiet: Bool
  package var force: Bool
  /// CSV starts with a byte-order mark (for Excel).
  package var excel: Bool
  /// The table shows scores instead of stages.
  package var scores: Bool
  /// Which metrics get a column and an aggregate in the summary.
  package var metrics: MetricSelection

  package init(
    paths: [String], sources: RuleSources, format: BatchFormat?, language: String?, color: Bool, jobs: Int?,
    out: String?,
    summary: Bool, failFast: Bool, detail: Bool, quiet: Bool, force: Bool, excel: Bool = false, scores: Bool = false,
    metrics: MetricSelection = .byDefault
  ) {
    self.metrics = metrics
    self.paths = paths
    self.sources = sources
    self.format = format
    self.language = language
    self.color = color
    self.jobs = jobs
    self.out = out
    self.summary = summary
    self.failFast = failFast
    self.detail = detail
    self.quiet = quiet
    self.force = force
    self.excel = excel
    self.scores = scores
  }

  package func run() throws {
    let workspace = try sources.workspace()
    let single = paths.count == 1 && paths[0] != "-" && FileReading.kind(paths[0]) != .directory && !summary
    if single && (format == nil || format == .table || format == .json) && out == nil {
      let assessment = try Scoring.assess(paths[0], workspace: workspace, language: language)
      if format == .json {
        Console.out(AssessmentJSON.render(assessment) + "\n")
      } else {
        Console.out(TextReport(color: color, width: Console.width).summary(assessment), language: assessment.language)
      }
      return
    }
    try batch(workspace)
  }

  func batch(_ workspace: Workspace) throws {
    let (files, problems) = try AnswersInput.files(paths)
    if let out { try Outputs.check(out, option: "--out", inputs: files, force: force) }
    let survey = try sources.chosenSurvey(workspace)
    let format = self.format ?? (Console.stdoutIsTerminal && out == nil ? .table : .jsonl)
    // People read tables and Markdown in one language; JSON and CSV keep each file's own.
    let readingLanguage = format.isForPeople ? Languages.output(language, survey: survey) : survey.defaultLanguage
    let columns = try Scoring.metricColumns(metrics, survey: survey, workspace: workspace)
    let renderer = format.renderer(
      survey: survey, language: readingLanguage, color: color && out == nil, detail: detail, byteOrderMark: excel,
      scores: scores,
      metrics: columns)
    let sink: OutputSink
    do {
      sink = try OutputSink(path: out, immediate: out == nil && Console.stdoutIsTerminal)
    } catch {
      Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
      throw RunFailure.exit(2)
    }
    let cohort = DeliveryState(
      CohortSummary(pillars: survey.pillars.map(\.id), topStage: survey.topStage, metrics: columns))
    let written = DeliveryState(0)
    let summaryOnly = summary
    let separator = Array(renderer.separator.utf8)
    if !summaryOnly { sink.write(renderer.header()) }
    let started = ContinuousClock.now
    let job = BatchJob(
      workspace: workspace,
      options: BatchOptions(
        jobs: jobs ?? BatchJob.cores, failFast: failFast, collectRecords: summary, recommendationLimit: detail ? nil : 5
      ),
      progress: !quiet)
    let outcome = job.run(files, render: { summaryOnly ? [] : renderer.row($0) }) { item in
      if let record = item.record { cohort.value.add(record) }
      guard !item.failed, !summaryOnly else { return !sink.failed }
      if written.value > 0 { sink.write(separator) }
      written.value += 1
      sink.write(item.output)
      return !sink.failed
    }
    sink.write(summaryOnly ? renderer.summary(cohort.value) : renderer.footer())
    // A batch that stopped early never replaces a complete output with part of one.
    let partial = outcome.stats.stoppedEarly && !sink.failed && out != nil
    do {
      try sink.finish(keep: !partial)
    } catch {
      Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
      throw RunFailure.exit(2)
    }
    if partial, let out {
      Console.note(Message(.cliFailFastNotWritten, ["path": .text(InertText.line(out))]))
    }
    if !quiet {
      closingLine(outcome.stats, files: files.count, seconds: started.secondsElapsed, wrote: partial ? nil : out)
    }
    if outcome.missingRules { try Scoring.failForMissingRules(workspace) }
    if outcome.stats.failed > 0 || problems.contains(where: { $0.severity == .error }) { throw RunFailure.exit(1) }
  }

  /// "Scored 98 of 100 files, 2 failed, in 40 ms; wrote out.csv" on stderr.
  func closingLine(_ stats: BatchStats, files: Int, seconds: Double, wrote out: String?) {
    var parts = [Console.say(Message(.cliScored, ["scored": .count(stats.scored), "count": .count(files)]))]
    if stats.failed > 0 { parts.append(Console.say(Message(.cliFailed, ["count": .count(stats.failed)]))) }
    if stats.skipped > 0 { parts.append(Console.say(Message(.cliSkippedOutputs, ["count": .count(stats.skipped)]))) }
    if stats.stoppedEarly { parts.append(Console.say(Message(.cliStoppedEarly))) }
    let time =
      seconds < 10
      ? Message(.cliMilliseconds, ["n": .text(String(Int(saturating: seconds * 1000)))])
      : Message(.cliSeconds, ["n": .text(String(Int(saturating: seconds)))])
    var line = Console.say(Message(.cliTook, ["what": .text(parts.joined(separator: ", ")), "time": .message(time)]))
    if let out { line += Console.say(Message(.cliAndWrote, ["path": .text(InertText.line(out))])) }
    Console.err(line + "\n")
  }
}
