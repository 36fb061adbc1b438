public import ActivatorCore

/// What every format says about stages, worded once: how a pillar reaches a stage, what score
/// and coverage mean, and which unmet criteria of the next stage are close. The terminal
/// explanation and the report model (`CityReport`) both take their sentences from here.
public struct StageWords {
  let a: Assessment
  let t: Localizer

  public init(_ a: Assessment) {
    self.a = a
    self.t = Localizer(a.language)
  }

  /// "A pillar reaches a stage when at least 75% of the weighted criteria … are met."
  public var rule: String { t(.stageRule, ["threshold": .text(t.percent(a.program.threshold))]) }

  /// The rule, then what score and coverage mean and how low confidence is marked.
  public var method: String {
    rule + " " + t(.stageScoreAndCoverage, ["glyph": .quoted(StatusMark.lowConfidence.glyph)])
  }

  /// Said beside the overall stage: what it is and how to read it.
  public var overallNote: String { t(.stageOverallMedian) }

  /// The unmet criteria among `candidates` that are close: a number within a fifth of its
  /// threshold, on the side the ladder's direction counts as short, or a choice one level below.
  public func nearMisses(_ candidates: [Int]) -> [String] {
    var lines: [String] = []
    for index in candidates where a.outcomes[index] == .unmet {
      guard let ladder = a.program.criteria[index].ladder else { continue }
      let value = a.values[ladder.question]
      let question = a.survey.questions[ladder.question]
      if ladder.byLevel {
        if case .choice(_, let option) = value, let level = question.options[Int(option)].level, Double(level) == ladder.threshold - 1 {
          let answer = ValueText.answer(value, slot: ladder.question, survey: a.survey, language: a.language)
          lines.append(t(.stageOneLevelBelow, ["question": .text(question.id), "answer": .text(answer)]))
        }
        continue
      }
      guard let number = value.numberValue else { continue }
      let distance = ladder.direction == .higher ? ladder.threshold - number : number - ladder.threshold
      let scale = max(abs(ladder.threshold), 1)
      guard distance > 0 && distance <= scale * 0.2 else { continue }
      let unit = question.unit?.text(a.language) ?? ""
      let shownUnit = unit == "%" ? "%" : unit.isEmpty ? "" : " " + unit
      lines.append(
        t(
          .stageShortOf,
          [
            "question": .text(question.id), "value": .text(question.kind.formatNumber(number, language: a.language) + shownUnit),
            "distance": .text(ValueText.number(distance, a.language)),
            "threshold": .text(question.kind.formatNumber(ladder.threshold, language: a.language)),
          ]))
    }
    return lines
  }
}
