import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a blank answers file with every question, its options, unit, range and help as comments.",
    discussion: """
      For officials who fill the survey in an editor and e-mail it back. A filled template validates and scores with no edits beyond the answers.

      With --schema, writes instead a JSON Schema of this survey's answers files (question ids, options, ranges), for editors that complete and check YAML as it is typed.
      """)

  @OptionGroup var sources: SourceOptions

  @Option(
    name: .long,
    help: ArgumentHelp("Language of the comments (default: LANG, else the survey's first).", valueName: "code"))
  var lang: String?

  @Option(name: .long, help: ArgumentHelp("Fill in the city name.", valueName: "name"))
  var city: String?

  @Option(
    name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
  var out: String?

  @Flag(name: .long, help: "Write a JSON Schema of the survey's answers files instead of a template.")
  var schema = false

  @Flag(
    name: .long,
    help:
      "For authors: show the stage each option counts towards. Hidden by default, so that officials answer what is true rather than aim for a stage."
  )
  var showLevels = false

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    try TemplateRun(
      sources: sources.chosen, language: lang, city: city, out: out, schema: schema, force: overwrite.force,
      showLevels: showLevels
    ).run()
  }
}
