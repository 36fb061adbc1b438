import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Paths: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show where surveys and rule plugins are looked for, and where each one was loaded from.",
    discussion: """
      Places, best first: --survey FILE and --rules DIR (they replace everything else); $ACTIVATOR_HOME; the current folder when it holds Surveys/ or Rules/; the user's surveys/ and rules/ in $XDG_DATA_HOME/activator (default ~/.local/share/activator); system-wide ones in activator/ under each $XDG_DATA_DIRS folder (default /usr/local/share and /usr/share); the installed data in share/activator beside the executable's folder (/usr/share/activator); the executable's parent folders (a source checkout). The shipped Surveys/ and Rules/ come from the first place that has them; the user's and system-wide surveys and plugins are added to them. A plugin id (or survey version) found in two places is taken from the better one; the other is listed as shadowed.
      """)

  @OptionGroup var sources: SourceOptions

  func run() throws {
    try PathsRun(sources: sources.chosen).run()
  }
}
