package import ActivatorCore
package import ActivatorReports
import ActivatorTerminal

/// `activator report`: one city's report, a cohort's, or one city's progress between two
/// assessments, in each format asked for (Markdown on stdout when none is).
package struct ReportRun {
  package var paths: [String]
  package var sources: RuleSources
  /// Where each format goes ('-' for stdout); empty: Markdown on stdout.
  package var targets: [(option: String, path: String, renderer: any ReportRenderer)]
  package var compare: Bool
  package var recommendations: Int
  package var language: String?
  package var jobs: Int?
  package var quiet: Bool
  package var force: Bool
  /// Only the one-page summary (a city's or a comparison's; a cohort has none).
  package var summaryOnly: Bool
  /// The metrics a cohort report shows.
  package var metrics: MetricSelection
  /// `metric:ID`, `metric:ID:asc` or `metric:ID:desc`: the cohort's cities in that metric's order.
  package var sortBy: String?

  package init(
    paths: [String], sources: RuleSources, targets: [(option: String, path: String, renderer: any ReportRenderer)],
    compare: Bool,
    recommendations: Int, language: String?, jobs: Int?, quiet: Bool, force: Bool, summaryOnly: Bool = false,
    metrics: MetricSelection = .byDefault, sortBy: String? = nil
  ) {
    self.metrics = metrics
    self.sortBy = sortBy
    self.paths = paths
    self.sources = sources
    self.summaryOnly = summaryOnly
    self.targets = targets.isEmpty ? [("--md", "-", MarkdownReport(summaryOnly: summaryOnly))] : targets
    self.compare = compare
    self.recommendations = recommendations
    self.language = language
    self.jobs = jobs
    self.quiet = quiet
    self.force = force
  }

  package func run() throws {
    try checkOutputs(inputs: paths)
    let workspace = try sources.workspace()
    let date = ReportDate.today(environment: ProcessEnvironment.all)
    let single = paths.count == 1 && paths[0] != "-" && FileReading.kind(paths[0]) != .directory
    // The report is right without the order, so it is written; the option is not silently dropped.
    if sortBy != nil && (compare || single) { Console.warning(Message(.cliSortByOneCity)) }
    if compare {
      let before = try Scoring.assess(paths[0], workspace: workspace, language: language)
      let after = try Scoring.assess(paths[1], workspace: workspace, language: language)
      try write(
        .progress(ProgressReport(before: before, after: after, language: language ?? after.language, date: date)))
      return
    }
    if single {
      let assessment = try Scoring.assess(paths[0], workspace: workspace, language: language)
      try write(.city(CityReport(assessment, recommendationLimit: recommendations, date: date)))
      return
    }
    if summaryOnly { throw RunFailure.usage(Console.say(Message(.cliSummaryNotCohort))) }
    try cohort(workspace: workspace, date: date)
  }

  func cohort(workspace: Workspace, date: String) throws {
    let (files, problems) = try AnswersInput.files(paths)
    try checkOutputs(inputs: files)
    let survey = try sources.chosenSurvey(workspace)
    let program = try Scoring.program(for: survey, workspace: workspace)
    var columns = try Scoring.metricColumns(metrics, survey: survey, workspace: workspace)
    let ranking = try self.ranking(program, columns: &columns)
    let collected = DeliveryState(CohortCollection())
    let job = BatchJob(
      workspace: workspace,
      options: BatchOptions(
        jobs: jobs ?? BatchJob.cores, failFast: false, collectRecords: true, recommendationLimit: 3),
      progress: !quiet)
    let outcome = job.run(files, render: { _ in [] }) { item in
      collected.value.add(item)
      return true
    }
    let report = CohortReport(
      records: collected.value.records, failures: collected.value.failures, program: program,
      language: Languages.output(language, survey: survey), date: date, metrics: columns, ranking: ranking)
    try write(.cohort(report))
    if !quiet {
      var line = Console.say(
        Message(.cliReported, ["scored": .count(outcome.stats.scored), "count": .count(files.count)]))
      if outcome.stats.failed > 0 {
        line += Console.say(Message(.cliReportFailed, ["count": .count(outcome.stats.failed)]))
      }
      Console.err(line + "\n")
    }
    if outcome.missingRules { try Scoring.failForMissingRules(workspace) }
    if outcome.stats.failed > 0 || problems.contains(where: { $0.severity == .error }) { throw RunFailure.exit(1) }
  }

  /// The ranking `--sort-by` asks for; its metric joins the columns when it is not among them.
  func ranking(_ program: Program, columns: inout [MetricColumn]) throws -> CohortReport.Ranking? {
    guard let sortBy else { return nil }
    var parts = sortBy.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    var ascending = false
    if parts.count == 3, let last = parts.last, last == "asc" || last == "desc" {
      ascending = last == "asc"
      parts.removeLast()
    }
    guard parts.count == 2, parts[0] == "metric", !parts[1].isEmpty else {
      throw RunFailure.usage(Console.say(Message(.cliSortByForm, ["found": .text(InertText.line(sortBy))])))
    }
    let metric: MetricColumn
    do {
      guard let found = try MetricSelection.ids([parts[1]]).columns(program).first else { return nil }
      metric = found
    } catch {
      throw RunFailure.usage(Console.say(error.message))
    }
    if let index = columns.firstIndex(where: { $0.id == metric.id }) {
      return CohortReport.Ranking(metric: index, ascending: ascending)
    }
    columns.insert(metric, at: 0)
    return CohortReport.Ranking(metric: 0, ascending: ascending)
  }

  func checkOutputs(inputs: some Sequence<String>) throws {
    for target in targets where target.path != "-" {
      // A wildcard such as *.yaml that expanded into the option's value names an answers file.
      let path = target.path
      let wildcard =
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        ? Message(.cliWildcardHint, ["option": .text(target.option)]) : nil
      try Outputs.check(path, option: target.option, inputs: inputs, force: force, hint: wildcard)
    }
  }

  /// Writes the document in each format asked for.
  func write(_ document: ReportDocument) throws {
    for target in targets { try Outputs.write(target.renderer.render(document), to: target.path, quiet: quiet) }
  }
}

/// A cohort's records and failures, in delivery order.
struct CohortCollection {
  private(set) var records: [CohortRecord] = []
  private(set) var failures: [CohortReport.Failure] = []

  mutating func add(_ item: BatchItem) {
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
