import ActivatorCore
import ActivatorReports
import ActivatorTerminal

/// `activator test`: each plugin's fixtures run against that plugin and the plugins it
/// requires, extra fixture files against every loaded plugin, and coverage per plugin.
public struct FixturesRun {
  public var sources: RuleSources
  /// Fixture files run against every loaded plugin.
  public var fixtures: [String]
  public var format: TextOrJSON
  public var verbose: Bool
  public var color: Bool

  public init(sources: RuleSources, fixtures: [String], format: TextOrJSON, verbose: Bool, color: Bool) {
    self.sources = sources
    self.fixtures = fixtures
    self.format = format
    self.verbose = verbose
    self.color = color
  }

  /// Programs for a survey and a set of plugins, compiled once; their errors reported once.
  final class Programs {
    var compiled: [String: Program?] = [:]
    let log = DiagnosticLog()

    func program(_ survey: Survey, _ plugins: [Plugin]) -> Program? {
      let key = survey.reference + "|" + plugins.map(\.id).sorted().joined(separator: ",")
      if let cached = compiled[key] { return cached }
      let program = ProgramCompiler.compile(survey: survey, plugins: plugins, log: log, warnUnreachable: false)
      compiled[key] = program
      return program
    }
  }

  public func run() throws {
    let workspace = Workspace()
    sources.loadSurveys(into: workspace)
    sources.loadRules(into: workspace)
    let programs = Programs()
    var results: [FixtureResult] = []
    var coverage: [FixtureCoverage] = []
    var unreadable = 0
    func run(_ paths: [String], plugins: [Plugin]) -> [FixtureResult] {
      var ran: [FixtureResult] = []
      for path in paths {
        let errorsBefore = workspace.log.errorCount
        let fixtures = FixtureLoader.load(path, registry: workspace.registry, program: { programs.program($0, plugins) }, log: workspace.log)
        if workspace.log.errorCount > errorsBefore { unreadable += 1 }
        for fixture in fixtures {
          guard let compiled = programs.program(fixture.survey, plugins) else { continue }
          ran.append(FixtureRunner.run(fixture, program: compiled))
        }
      }
      return ran
    }
    for plugin in workspace.plugins where !plugin.fixtures.isEmpty {
      let scope = ProgramCompiler.closure(of: plugin, in: workspace.plugins)
      let ran = run(plugin.fixtures, plugins: scope)
      results += ran
      for survey in workspace.registry.surveys where plugin.applies(to: survey.id, version: survey.version) {
        if let compiled = programs.program(survey, scope) {
          coverage.append(FixtureRunner.coverage(ran, program: compiled, plugin: plugin.id))
        }
      }
    }
    results += run(fixtures, plugins: workspace.plugins)

    let problems = (workspace.log.sorted + programs.log.sorted).filter { $0.severity == .error }
    if !problems.isEmpty { Diagnostics.print(problems) }
    switch format {
    case .json: Console.out(FixtureReport.json(results, coverage: coverage))
    case .text:
      if results.isEmpty && unreadable == 0 {
        Console.err(Console.say(Message(.cliNoFixtures)) + "\n")
      }
      Console.out(
        FixtureReport.text(
          results, coverage: coverage, style: Style(color: color), verbose: verbose, unreadable: unreadable, language: Console.language))
    }
    if !problems.isEmpty || results.contains(where: { !$0.passed }) { throw RunFailure.exit(1) }
  }
}
