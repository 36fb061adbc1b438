package import ActivatorApp
import ActivatorCore
package import ActivatorReports
import ActivatorTerminal
package import ArgumentParser

/// Options shared by the commands that read surveys and rules.
struct SourceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Survey id or survey file (default: the surveys found as 'activator paths' shows).", valueName: "id|file"))
  var survey: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rule plugin folder or file; repeat for several. Replaces the default rules and every added plugin.",
      valueName: "dir"))
  var rules: [String] = []

  var chosen: RuleSources { RuleSources(survey: survey, rules: rules) }
}

struct OutputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Language of the output, one of the survey's (en, es, fr, pt-br or ko for the shipped one; default: the answers file's, else LANG).",
      valueName: "code"))
  var lang: String?

  @Flag(name: .long, help: "Never use colour (NO_COLOR is honoured too).")
  var noColor = false

  var color: Bool { !noColor && Console.colorEnabled() }
}

/// `--force`, for every command that writes a file.
struct ForceOption: ParsableArguments {
  @Flag(name: .long, help: "Replace the output even if it is an answers file or a file this run reads.")
  var force = false
}

// The formats and choices the library names, taken from the command line by their names.
extension BatchFormat: ExpressibleByArgument {}
extension TextOrJSON: ExpressibleByArgument {}
extension DiffFormat.Kind: ExpressibleByArgument {}

extension Paper: ExpressibleByArgument {
  /// Any case: `A4` is `a4`.
  package init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// Which metrics get a column (batch formats, summaries, the cohort report, diff).
struct MetricOptions: ParsableArguments {
  @Option(
    name: .customLong("metric"),
    help: ArgumentHelp(
      "A metric to show as a column, by id or plugin/id; repeat for more (default: the metrics the rules mark headline, or all when there are six or fewer).",
      valueName: "id"))
  var ids: [String] = []

  @Flag(name: .customLong("metrics"), help: "Show every metric of the rules as a column.")
  var all = false

  var selection: MetricSelection { all ? .all : ids.isEmpty ? .byDefault : .ids(ids) }
}
