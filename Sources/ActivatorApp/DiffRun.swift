package import ActivatorCore
package import ActivatorReports
import ActivatorTerminal

/// `activator diff`: the same answers files scored with two rule sets, listing the cities whose
/// stage moves and the criteria whose outcome differs.
package struct DiffRun {
  package var paths: [String]
  package var survey: String?
  /// Rule set A and rule set B, each one or more folders joined with ':'.
  package var ruleSets: (before: String, after: String)
  package var format: DiffFormat.Kind
  package var scores: Bool
  package var exitCode: Bool
  package var language: String?
  package var color: Bool
  /// Metrics whose change is listed (chosen from rule set B).
  package var metrics: MetricSelection

  package init(
    paths: [String], survey: String?, ruleSets: (before: String, after: String), format: DiffFormat.Kind, scores: Bool,
    exitCode: Bool, language: String?, color: Bool, metrics: MetricSelection = .byDefault
  ) {
    self.metrics = metrics
    self.paths = paths
    self.survey = survey
    self.ruleSets = ruleSets
    self.format = format
    self.scores = scores
    self.exitCode = exitCode
    self.language = language
    self.color = color
  }

  package func run() throws {
    let setA = RuleSources(survey: survey, rules: ruleSets.before.split(separator: ":").map(String.init))
    let setB = RuleSources(survey: survey, rules: ruleSets.after.split(separator: ":").map(String.init))
    let workspaceA = try setA.workspace()
    let workspaceB = try setB.workspace()
    let (files, problems) = try AnswersInput.files(paths)
    let chosen = try setB.chosenSurvey(workspaceB)
    let columns = try Scoring.metricColumns(metrics, survey: chosen, workspace: workspaceB)
    let formatter = DiffFormat(
      kind: format, survey: chosen, color: color, language: Languages.output(language, survey: chosen), metrics: columns
    )
    func describe(_ workspace: Workspace, _ set: String) -> String {
      let plugins = workspace.plugins.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
      return "\(set) (\(plugins.isEmpty ? Localizer(formatter.language)(.diffNoPlugins) : plugins))"
    }
    let sink = try OutputSink(path: nil, immediate: Console.stdoutIsTerminal)
    sink.write(
      Array(
        formatter.header(before: describe(workspaceA, ruleSets.before), after: describe(workspaceB, ruleSets.after))
          .utf8))
    var summary = RuleSetDiffSummary()
    let progress = ProgressLine(total: files.count, enabled: Console.stderrIsTerminal)
    let renderer = Diagnostics.renderer()
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
      let diff = CityDiff(
        before: Scorer.assess(sheet, with: programA), after: Scorer.assess(sheet, with: programB), metrics: columns)
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
    if summary.failed > 0 || problems.contains(where: { $0.severity == .error }) { throw RunFailure.exit(1) }
    if exitCode && summary.citiesWithStageChanges > 0 { throw RunFailure.exit(1) }
  }
}
