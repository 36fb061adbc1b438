import ActivatorCore
import ActivatorReports
import ActivatorTerminal

/// `activator test`: each plugin's fixtures run against that plugin and the plugins it
/// requires, extra fixture files against every loaded plugin, and coverage per plugin.
package struct FixturesRun {
  package var sources: RuleSources
  /// Fixture files run against every loaded plugin.
  package var fixtures: [String]
  package var format: TextOrJSON
  package var verbose: Bool
  package var color: Bool

  package init(sources: RuleSources, fixtures: [String], format: TextOrJSON, verbose: Bool, color: Bool) {
    self.sources = sources
    self.fixtures = fixtures
    self.format = format
    self.verbose = verbose
    self.color = color
  }

  package func run() throws {
    let workspace = Workspace()
    sources.loadSurveys(into: workspace)
    sources.loadRules(into: workspace)
    let suite = FixtureSuite(workspace: workspace, files: fixtures)
    var results: [FixtureResult] = []
    var coverage: [FixtureCoverage] = []
    for group in suite.groups {
      let ran = group.fixtures.compactMap { fixture in
        suite.program(fixture.survey, group.plugins).map { FixtureRunner.run(fixture, program: $0) }
      }
      results += ran
      guard let plugin = group.plugin else { continue }
      for survey in workspace.registry.surveys where plugin.applies(to: survey.id, version: survey.version) {
        if let compiled = suite.program(survey, group.plugins) {
          coverage.append(FixtureRunner.coverage(ran, program: compiled, plugin: plugin.id))
        }
      }
    }
    let unreadable = suite.unreadable
    let problems = (workspace.log.sorted + suite.programLog.sorted).filter { $0.severity == .error }
    if !problems.isEmpty {
      Diagnostics.print(problems, sources: workspace.log.sources.merging(suite.programLog.sources) { a, _ in a })
    }
    switch format {
    case .json: Console.out(FixtureReport.json(results, coverage: coverage))
    case .text:
      if results.isEmpty && unreadable == 0 {
        Console.err(Console.say(Message(.cliNoFixtures)) + "\n")
      }
      Console.out(
        FixtureReport.text(
          results, coverage: coverage, style: Style(color: color), verbose: verbose, unreadable: unreadable,
          language: Console.language))
    }
    if !problems.isEmpty || results.contains(where: { !$0.passed }) { throw RunFailure.exit(1) }
  }
}
