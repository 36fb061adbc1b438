import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check returned answers files against their survey: types, ranges, options, required questions, skip logic.",
    discussion: """
      Problems are printed as file:line:col: error|warning: message, in each file's language unless --lang is given. Then one verdict per file: complete (every required question answered), incomplete (with how many required questions are still unanswered) or not valid. A required question left unanswered is an error in a file marked completed. Exit 0 when every file is valid (and, with --require-complete, complete), 1 otherwise.
      """)

  @Argument(help: ArgumentHelp("Answers files or folders, or '-' to read paths from stdin.", valueName: "path"))
  var paths: [String]

  @OptionGroup var sources: SourceOptions

  @Option(
    name: .long, help: ArgumentHelp("Language of the messages (default: each file's own language).", valueName: "code"))
  var lang: String?

  @Flag(name: .long, help: "An incomplete file (a required question unanswered) fails too: exit 1.")
  var requireComplete = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  func run() throws {
    try ValidateRun(
      paths: paths, sources: sources.chosen, color: !noColor, language: lang, requireComplete: requireComplete
    ).run()
  }
}
