package import ActivatorApp
import ActivatorCore
package import ActivatorReports
import ActivatorTerminal
package import ArgumentParser

/// Options shared by the commands that read surveys and rules.
struct SourceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpSourcesSurvey), valueName: "id|file"))
  var survey: String?

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpSourcesRules), valueName: "dir"))
  var rules: [String] = []

  var chosen: RuleSources { RuleSources(survey: survey, rules: rules) }
}

struct OutputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpOutputLang), valueName: "code"))
  var lang: String?

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpOutputNoColor)))
  var noColor = false

  var color: Bool { !noColor && Console.colorEnabled() }
}

/// `--force`, for every command that writes a file.
struct ForceOption: ParsableArguments {
  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpForceForce)))
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
    help: ArgumentHelp(helpText(.cliHelpMetricsIds), valueName: "id"))
  var ids: [String] = []

  @Flag(name: .customLong("metrics"), help: ArgumentHelp(helpText(.cliHelpMetricsAll)))
  var all = false

  var selection: MetricSelection { all ? .all : ids.isEmpty ? .byDefault : .ids(ids) }
}

/// A help text (abstract, discussion, an option's help) in the program's language. argument-parser
/// reads the help when it builds a command's value and its configuration, which is after
/// `Activator.main` has chosen `Console.language`, so `--help` speaks the user's language; its own
/// words (USAGE, OPTIONS, "Show help information.") stay English.
func helpText(_ key: MessageKey) -> String { Console.say(Message(key)) }
