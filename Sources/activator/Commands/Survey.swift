import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct SurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: "Answer the survey interactively in the terminal; every answer is saved as you go.",
    discussion: """
      Arrow keys and type-ahead in lists, Tab for don't know, ? for help, Ctrl-B back, Ctrl-G jump to any question, Ctrl-C save and quit (exit 130). The answers file is rewritten atomically after every answer, so a closed terminal loses nothing; --resume continues where you stopped. Line mode (numbered options, plain prompts; for screen readers and piped input) is used when stdin or stdout is not a terminal, or with --plain.
      """)

  @Option(name: .long, help: ArgumentHelp("Survey id or survey file (default: wego-activator).", valueName: "id|file"))
  var survey: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rule plugin folder for the closing summary (default: the rules 'activator paths' lists).", valueName: "dir"))
  var rules: [String] = []

  @Option(name: .long, help: ArgumentHelp("Language: es, en… (default: LANG/LC_ALL, else English).", valueName: "code"))
  var lang: String?

  @Option(
    name: .shortAndLong, help: ArgumentHelp("Where to save the answers (default: <city>.yaml here).", valueName: "file")
  )
  var out: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Continue an answers file: its survey, city and answers are restored.", valueName: "file"))
  var resume: String?

  @Option(name: .long, help: ArgumentHelp("The city's name (skips the questions about the city).", valueName: "name"))
  var city: String?

  @Flag(name: .long, help: "Line mode: numbered options and plain prompts, for screen readers and piped input.")
  var plain = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    try SurveyRun(
      sources: RuleSources(survey: survey, rules: rules), language: lang, out: out, resume: resume, city: city,
      plain: plain,
      color: !noColor && Console.colorEnabled(), force: overwrite.force
    ).run()
  }
}
