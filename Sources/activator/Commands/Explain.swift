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

  @Option(
    name: .customLong("what-if"),
    help: ArgumentHelp(
      "Score the city again with this answer changed (question=value, written as in an answers file; an empty value leaves the question unanswered) and show which stages, criteria, recommendations and next steps would change. Repeat for several answers. The file is not changed.",
      valueName: "question=value"))
  var whatIf: [String] = []

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
        throw ValidationError(
          Console.say(Message(.cliUnknownPillar, ["pillar": .text(pillar), "hint": DidYouMean.hint(pillar, from: ids), "pillars": .text(ids.joined(separator: ", "))])))
      }
      pillarIndex = index
    }
    if !whatIf.isEmpty {
      try explainWhatIf(assessment)
      return
    }
    switch format {
    case .json: Console.out(AssessmentJSON.render(assessment) + "\n")
    case .text: Console.out(TextReport(color: output.color, width: Console.width).explain(assessment, pillar: pillarIndex))
    }
  }

  /// The city scored again with the --what-if answers; every value is read as an answers file
  /// reads it, and a bad one is reported at its column in the argument.
  func explainWhatIf(_ before: Assessment) throws {
    let log = DiagnosticLog()
    var overrides: [AnswerOverride] = []
    for (number, argument) in whatIf.enumerated() {
      let name = whatIf.count == 1 ? "--what-if" : "--what-if #\(number + 1)"
      if let item = AnswerOverride.parse(argument, name: name, survey: before.survey, log: log) { overrides.append(item) }
    }
    if log.hasErrors {
      Diagnostics.print(log.sorted, sources: log.sources)
      throw ExitCode(2)
    }
    let after = Scorer.assess(before.sheet.overriding(overrides), with: before.program)
    let report = WhatIfReport(before: before, after: after, changed: overrides.map(\.slot))
    switch format {
    case .json: Console.out(report.json())
    case .text: Console.out(report.text(style: Style(color: output.color), width: Console.width))
    }
  }
}
