import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain a result: each criterion met, not met or unknown, what is missing for the next stage, why each recommendation.")

  @Argument(help: ArgumentHelp("An answers file.", valueName: "file"))
  var file: String

  @Option(name: .long, help: ArgumentHelp("Only this pillar.", valueName: "id"))
  var pillar: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @OptionGroup var sources: SourceOptions
  @OptionGroup var output: OutputOptions

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    let workspace = try sources.workspace()
    let assessment = try assessOne(file, workspace: workspace, language: output.lang)
    var pillarIndex: Int?
    if let pillar {
      guard let index = assessment.survey.pillarIndex(pillar) else {
        let ids = assessment.survey.pillars.map(\.id)
        throw ValidationError("unknown pillar '\(pillar)'\(DidYouMean.hint(pillar, from: ids)); pillars: \(ids.joined(separator: ", "))")
      }
      pillarIndex = index
    }
    switch format {
    case .json: Console.out(AssessmentJSON.render(assessment) + "\n")
    case .text: Console.out(TextReport(color: output.color, width: Console.width).explain(assessment, pillar: pillarIndex))
    }
  }
}
