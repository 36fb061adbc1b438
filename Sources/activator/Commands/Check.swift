import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check surveys, rule plugins, catalogs and fixtures (and answers files), reporting every problem at once.",
    discussion: """
      With no paths, checks every survey and rule plugin the other commands would load (see 'activator paths'). Fixtures are loaded as 'activator test' loads them, without running them. Problems are printed as file:line:col: error|warning: message. Exit 0 when clean, 1 with findings, 2 on usage errors.
      """)

  @Argument(
    help: ArgumentHelp("Files or folders: surveys, rule plugins, fixture files, answers files.", valueName: "path"))
  var paths: [String] = []

  @Option(name: .long, help: "Output format: text or json.")
  var format: TextOrJSON = .text

  @Flag(name: .long, help: "Exit 0 when there are warnings but no errors.")
  var allowWarnings = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  @Flag(name: .long, help: "Print how long reading and compiling took.")
  var timings = false

  func run() throws {
    try CheckRun(paths: paths, format: format, allowWarnings: allowWarnings, color: !noColor, timings: timings).run()
  }
}
