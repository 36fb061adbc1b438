import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run rule fixtures (answers + expected results) and report coverage.",
    discussion: """
      Loads the rule folders given (default: the rules that 'activator paths' lists). Each plugin's fixtures (its tests/ folder) run against that plugin and the plugins it names in 'requires', so a lens plugin loaded beside wego-core does not change wego-core's expected results. Fixture files given with --fixture run against every loaded plugin. Coverage per plugin lists criteria never met or never unmet, options never chosen and solutions never recommended. Exit 1 when a fixture fails or a file has errors.
      """)

  @Argument(help: ArgumentHelp("Rule plugin folders or files (default: the rules 'activator paths' lists).", valueName: "dir"))
  var rules: [String] = []

  @Option(name: .long, help: ArgumentHelp("Extra fixture file, run against all loaded plugins; repeat for several.", valueName: "file"))
  var fixture: [String] = []

  @Option(name: .long, help: ArgumentHelp("Survey file or folder (default: the surveys 'activator paths' lists).", valueName: "path"))
  var survey: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @Flag(name: .shortAndLong, help: "List passing fixtures too.")
  var verbose = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    let sources = RuleSources(survey: survey, rules: rules)
    let workspace = Workspace()
    sources.loadSurveys(into: workspace)
    sources.loadRules(into: workspace)

    // Programs for a survey and a set of plugins, compiled once; their errors reported once.
    var programs: [String: Program?] = [:]
    let compileLog = DiagnosticLog()
    func program(_ survey: ActivatorCore.Survey, _ plugins: [Plugin]) -> Program? {
      let key = survey.reference + "|" + plugins.map(\.id).sorted().joined(separator: ",")
      if let cached = programs[key] { return cached }
      let compiled = ProgramCompiler.compile(survey: survey, plugins: plugins, log: compileLog, warnUnreachable: false)
      programs[key] = compiled
      return compiled
    }

    var results: [FixtureResult] = []
    var coverage: [FixtureCoverage] = []
    var unreadable = 0
    func run(_ paths: [String], plugins: [Plugin]) -> [FixtureResult] {
      var ran: [FixtureResult] = []
      for path in paths {
        let errorsBefore = workspace.log.errorCount
        let fixtures = FixtureLoader.load(path, registry: workspace.registry, program: { program($0, plugins) }, log: workspace.log)
        if workspace.log.errorCount > errorsBefore { unreadable += 1 }
        for fixture in fixtures {
          guard let compiled = program(fixture.survey, plugins) else { continue }
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
        if let compiled = program(survey, scope) {
          coverage.append(FixtureRunner.coverage(ran, program: compiled, plugin: plugin.id))
        }
      }
    }
    results += run(fixture, plugins: workspace.plugins)

    let problems = (workspace.log.sorted + compileLog.sorted).filter { $0.severity == .error }
    if !problems.isEmpty { Diagnostics.print(problems) }
    switch format {
    case .json: Console.out(FixtureReport.json(results, coverage: coverage))
    case .text:
      if results.isEmpty && unreadable == 0 {
        Console.err(Console.say(Message(.cliNoFixtures)) + "\n")
      }
      Console.out(
        FixtureReport.text(
          results, coverage: coverage, style: Style(color: !noColor && Console.colorEnabled()), verbose: verbose, unreadable: unreadable,
          language: Console.language))
    }
    if !problems.isEmpty || results.contains(where: { !$0.passed }) { throw ExitCode(1) }
  }
}
