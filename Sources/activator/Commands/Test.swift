import ActivatorApp
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

  @Argument(
    help: ArgumentHelp("Rule plugin folders or files (default: the rules 'activator paths' lists).", valueName: "dir"))
  var rules: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp("Extra fixture file, run against all loaded plugins; repeat for several.", valueName: "file"))
  var fixture: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp("Survey file or folder (default: the surveys 'activator paths' lists).", valueName: "path"))
  var survey: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: TextOrJSON = .text

  @Flag(name: .shortAndLong, help: "List passing fixtures too.")
  var verbose = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  func run() throws {
    try FixturesRun(
      sources: RuleSources(survey: survey, rules: rules), fixtures: fixture, format: format, verbose: verbose,
      color: !noColor && Console.colorEnabled()
    ).run()
  }
}
