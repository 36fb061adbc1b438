import ActivatorCore
import ActivatorTerminal
import ActivatorApp
import ArgumentParser

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check returned answers files against their survey: types, ranges, options, required questions, skip logic.",
    discussion: """
      Problems are printed as file:line:col: error|warning: message. A required question left unanswered is an error in a file marked completed and a warning in one still in progress. Exit 0 when every file is valid, 1 otherwise.
      """)

  @Argument(help: ArgumentHelp("Answers files or folders, or '-' to read paths from stdin.", valueName: "path"))
  var paths: [String]

  @OptionGroup var sources: SourceOptions

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  func run() throws {
    try ValidateRun(paths: paths, sources: sources.chosen, color: !noColor).run()
  }
}
