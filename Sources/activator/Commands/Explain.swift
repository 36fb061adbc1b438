import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Explain a result: each criterion met, not met or unknown, what is missing for the next stage, why each recommendation."
  )

  @Argument(help: ArgumentHelp("An answers file.", valueName: "file"))
  var file: String

  @Option(name: .long, help: ArgumentHelp("Only this pillar.", valueName: "id"))
  var pillar: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: TextOrJSON = .text

  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(
      "Score the city again with this answer changed (question=value, written as in an answers file; an empty value leaves the question unanswered) and show which stages, criteria, recommendations and next steps would change. Repeat for several answers. The file is not changed.",
      valueName: "question=value"))
  var whatIf: [String] = []

  @Flag(name: .long, help: "Show the basis of each criterion: the citation or stated reason for its threshold.")
  var basis = false

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    try ExplainRun(
      file: file, sources: sources.chosen, pillar: pillar, format: format, whatIf: whatIf, language: output.lang,
      color: output.color,
      basis: basis
    ).run()
  }
}
