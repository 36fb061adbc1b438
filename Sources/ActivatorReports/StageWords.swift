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

  /// A stage gate's evidence, the weighted share named as such: "met 5 of 7 criteria, 80% of
  /// their weight (75% needed)".
  public func gate(met: Int, of count: Int, share: Double) -> String {
    t(
      .stageGateMet,
      ["met": .count(met), "count": .count(count), "share": .text(t.percent(share)), "threshold": .text(t.percent(a.program.threshold))])
  }

  /// Said beside the overall stage: what it is, how many pillars it rests on when some are not
  /// assessed, and how to read it.
  public var overallNote: String {
    t.overallBasis(a).map { t(.stageOverallMedianAssessed, ["basis": .text($0)]) } ?? t(.stageOverallMedian)
  }

  /// The unmet criteria among `candidates` that are close, in words: every format says a near
  /// miss through here, so a maximum always reads "above … — to go down by …" and a minimum
  /// "short of …", in every language.
  public func nearMisses(_ candidates: [Int]) -> [String] {
    nearMissFacts(candidates).map(words)
  }

  /// The unmet criteria among `candidates` that are close: a number within a fifth of its
  /// threshold, on the side the ladder's direction counts as short, or a choice one level off.
  public func nearMissFacts(_ candidates: [Int]) -> [NearMiss] {
    candidates.compactMap { index in
      guard a.outcomes[index] == .unmet, let ladder = a.program.criteria[index].ladder else { return nil }
      let value = a.values[ladder.question]
      let question = a.survey.questions[ladder.question]
      let higher = ladder.direction == .higher
      if ladder.byLevel {
        guard case .choice(_, let option) = value, let level = question.options[Int(option)].level,
          Double(level) == ladder.threshold + (higher ? -1 : 1)
        else { return nil }
        return NearMiss(
          criterion: index, question: ladder.question, side: higher ? .levelBelow : .levelAbove, value: Double(level),
          threshold: ladder.threshold, distance: 1)
      }
      guard let number = value.numberValue else { return nil }
      let distance = higher ? ladder.threshold - number : number - ladder.threshold
      guard distance > 0 && distance <= max(abs(ladder.threshold), 1) * 0.2 else { return nil }
      return NearMiss(
        criterion: index, question: ladder.question, side: higher ? .shortOfMinimum : .aboveMaximum, value: number,
        threshold: ladder.threshold, distance: distance)
    }
  }

  /// One near miss in the report's language: the criterion's title (what the city reads in the
  /// list above it), the city's figure and how far it is from the threshold, in the direction
  /// that counts.
  public func words(_ miss: NearMiss) -> String {
    let question = a.survey.questions[miss.question]
    let subject = t.text(a.program.criteria[miss.criterion].title)
    switch miss.side {
    case .levelBelow, .levelAbove:
      let answer = ValueText.answer(a.values[miss.question], slot: miss.question, survey: a.survey, language: a.language)
      return t(miss.side == .levelBelow ? .stageLevelBelow : .stageLevelAbove, ["subject": .text(subject), "answer": .text(answer)])
    case .shortOfMinimum, .aboveMaximum:
      let unit = ValueText.unit(of: question, a.language)
      let percent = unit?.hasPrefix("%") == true
      let distance = ValueText.number(miss.distance, a.language)
      return t(
        miss.side == .shortOfMinimum ? .stageShortOfMinimum : .stageAboveMaximum,
        [
          "subject": .text(subject),
          "value": .text(ValueText.withUnit(question.kind.formatNumber(miss.value, language: a.language), unit: unit)),
          "threshold": .text(question.kind.formatNumber(miss.threshold, language: a.language) + (percent ? "%" : "")),
          "distance": .text(percent ? t(.stagePoints, ["count": .number(miss.distance)]) : distance),
        ])
    }
  }
}

/// An unmet criterion whose answer is close to its ladder's threshold. `side` says which way it
/// misses: below a minimum, above a maximum, or one level off an ordinal choice; JSON writes it
/// as a reason code (`rawValue`), the reports in words (`StageWords.words`).
public struct NearMiss: Sendable {
  public enum Side: String, Sendable {
    case shortOfMinimum = "short_of_minimum"
    case aboveMaximum = "above_maximum"
    case levelBelow = "one_level_below"
    case levelAbove = "one_level_above"
  }

  /// Indices into the program's criteria and the survey's questions.
  public var criterion: Int
  public var question: Int
  public var side: Side
  /// The city's figure (or its option's level) and the threshold it misses.
  public var value: Double
  public var threshold: Double
  /// How far the figure must move, always positive: up for a minimum, down for a maximum.
  public var distance: Double
}
