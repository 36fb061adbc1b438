import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score answers files: a maturity stage per pillar, with the top recommendations.")

  @Argument(help: ArgumentHelp("Answers files.", valueName: "file"))
  var files: [String]

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions

  @Option(name: .long, help: "Output format: table or json.")
  var format: Format?

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  func run() throws {
    let workspace = try sources.workspace()
    var failed = false
    for file in files {
      do {
        let assessment = try assessOne(file, workspace: workspace, language: output.lang)
        switch format ?? .table {
        case .json: Console.out(AssessmentJSON.render(assessment) + "\n")
        case .table: Console.out(TextReport(color: output.color, width: Console.width).summary(assessment))
        }
      } catch let code as ExitCode where code == ExitCode(1) {
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }
}
