import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Test: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run rule fixtures (answers + expected results) and report coverage.",
    discussion: """
      Loads the rule folders given (default: Rules/) as one rule set, runs the fixtures in each
      plugin's tests/ folder (and any fixture files given with --fixture), and reports criteria never
      met or never unmet, options never chosen and solutions never recommended. Exit 1 when a
      fixture fails or a file has errors.
      """)

  @Argument(help: ArgumentHelp("Rule plugin folders or files (default: Rules/).", valueName: "dir"))
  var rules: [String] = []

  @Option(name: .long, help: ArgumentHelp("Extra fixture file to run; repeat for several.", valueName: "file"))
  var fixture: [String] = []

  @Option(name: .long, help: ArgumentHelp("Survey file or folder (default: Surveys/).", valueName: "path"))
  var survey: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @Flag(name: .shortAndLong, help: "List passing fixtures too.")
  var verbose = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    let home = Workspace.home(executable: CommandLine.arguments.first ?? "", environment: Environment.all)
    let workspace = Workspace()
    workspace.loadSurveys([survey ?? home.map { PluginLoader.join($0, "Surveys") } ?? "Surveys"])
    workspace.loadRules(rules.isEmpty ? [home.map { PluginLoader.join($0, "Rules") } ?? "Rules"] : rules)
    var programs: [Program] = []
    for survey in workspace.registry.surveys {
      if let program = workspace.program(for: survey) { programs.append(program) }
    }
    let files = workspace.plugins.flatMap(\.fixtures) + fixture
    var fixtures: [Fixture] = []
    var unreadable = 0
    for path in files {
      let errorsBefore = workspace.log.errorCount
      fixtures += FixtureLoader.load(path, registry: workspace.registry, program: { workspace.program(for: $0) }, log: workspace.log)
      if workspace.log.errorCount > errorsBefore { unreadable += 1 }
    }
    let problems = workspace.log.sorted.filter { $0.severity == .error }
    if !problems.isEmpty { Diagnostics.print(problems) }
    var results: [FixtureResult] = []
    for fixture in fixtures {
      guard let program = workspace.program(for: fixture.survey) else { continue }
      results.append(FixtureRunner.run(fixture, program: program))
    }
    let coverage = programs.map { FixtureRunner.coverage(results, program: $0) }
    switch format {
    case .json: Console.out(FixtureReport.json(results, coverage: coverage))
    case .text:
      if files.isEmpty {
        Console.err("no fixtures found (a plugin keeps them in its tests/ folder)\n")
      }
      Console.out(
        FixtureReport.text(
          results, coverage: coverage, style: Style(color: !noColor && Console.colorEnabled()), verbose: verbose, unreadable: unreadable))
    }
    if !problems.isEmpty || results.contains(where: { !$0.passed }) { throw ExitCode(1) }
  }
}
