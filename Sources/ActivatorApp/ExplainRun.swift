import ActivatorCore
import ActivatorReports
import ActivatorTerminal

/// `activator explain`: each criterion met, not met or unknown, what the next stage needs and
/// why each recommendation; or, with what-if answers, what would change.
package struct ExplainRun {
  package var file: String
  package var sources: RuleSources
  package var pillar: String?
  package var format: TextOrJSON
  /// `question=value` answers to score the city again with.
  package var whatIf: [String]
  package var language: String?
  package var color: Bool
  /// Whether each criterion's basis (the citation or reason for its threshold) is shown.
  package var basis: Bool

  package init(
    file: String, sources: RuleSources, pillar: String?, format: TextOrJSON, whatIf: [String], language: String?,
    color: Bool,
    basis: Bool = false
  ) {
    self.file = file
    self.sources = sources
    self.pillar = pillar
    self.format = format
    self.whatIf = whatIf
    self.language = language
    self.color = color
    self.basis = basis
  }

  package func run() throws {
    let workspace = try sources.workspace()
    let assessment = try Scoring.assess(file, workspace: workspace, language: language)
    var pillarIndex: Int?
    if let pillar {
      guard let index = assessment.survey.pillarIndex(pillar) else {
        let ids = assessment.survey.pillars.map(\.id)
        throw RunFailure.usage(
          Console.say(
            Message(
              .cliUnknownPillar,
              [
                "pillar": .text(pillar), "hint": DidYouMean.hint(pillar, from: ids),
                "pillars": .text(ids.joined(separator: ", ")),
              ])))
      }
      pillarIndex = index
    }
    if !whatIf.isEmpty {
      try explainWhatIf(assessment)
      return
    }
    switch format {
    case .json: Console.out(AssessmentJSON.render(assessment) + "\n")
    case .text:
      var report = TextReport(color: color, width: Console.width)
      report.verboseBasis = basis
      Console.out(report.explain(assessment, pillar: pillarIndex), language: assessment.language)
    }
  }

  /// The city scored again with the what-if answers; every value is read as an answers file
  /// reads it, and a bad one is reported at its column in the argument.
  func explainWhatIf(_ before: Assessment) throws {
    let log = DiagnosticLog()
    var overrides: [AnswerOverride] = []
    for (number, argument) in whatIf.enumerated() {
      let name = whatIf.count == 1 ? "--what-if" : "--what-if #\(number + 1)"
      if let item = AnswerOverride.parse(argument, name: name, survey: before.survey, log: log) {
        overrides.append(item)
      }
    }
    if log.hasErrors {
      Diagnostics.print(log.sorted, sources: log.sources)
      throw RunFailure.exit(2)
    }
    let after = Scorer.assess(before.sheet.overriding(overrides), with: before.program)
    let report = WhatIfReport(before: before, after: after, changed: overrides.map(\.slot))
    switch format {
    case .json: Console.out(report.json())
    case .text: Console.out(report.text(style: Style(color: color), width: Console.width), language: after.language)
    }
  }
}
