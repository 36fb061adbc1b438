package import ActivatorCore

/// What every format says about stages, worded once: how a pillar reaches a stage, what score
/// and coverage mean, and which unmet criteria of the next stage are close. The terminal
/// explanation and the report model (`CityReport`) both take their sentences from here.
package struct StageWords {
  let a: Assessment
  let t: Localizer

  package init(_ a: Assessment) {
    self.a = a
    self.t = Localizer(a.language)
  }

  /// "A pillar reaches a stage when at least 75% of the weighted criteria … are met."
  package var rule: String { t(.stageRule, ["threshold": .text(t.percent(a.program.threshold))]) }

  /// The rule, then what score and coverage mean and how low confidence is marked.
  package var method: String {
    rule + " " + t(.stageScoreAndCoverage, ["glyph": .quoted(StatusMark.lowConfidence.glyph)])
  }

  /// A stage gate's evidence, the weighted share named as such: "met 5 of 7 criteria, 80% of
  /// their weight (75% needed)".
  package func gate(met: Int, of count: Int, share: Double) -> String {
    t(
      .stageGateMet,
      [
        "met": .count(met), "count": .count(count), "share": .text(t.percent(share)),
        "threshold": .text(t.percent(a.program.threshold)),
      ])
  }

  /// Said beside the overall stage: what it is, how many pillars it rests on when some are not
  /// assessed, and how to read it.
  package var overallNote: String {
    t.overallBasis(a).map { t(.stageOverallMedianAssessed, ["basis": .text($0)]) } ?? t(.stageOverallMedian)
  }

  /// The unmet criteria among `candidates` that are close, in words: every format says a near
  /// miss through here, so a maximum always reads "above … — to go down by …" and a minimum
  /// "short of …", in every language.
  package func nearMisses(_ candidates: [Int]) -> [String] {
    nearMissFacts(candidates).map { words($0) }
  }

  /// The unmet criteria among `candidates` that are close: a number within a fifth of its
  /// threshold, on the side the ladder's direction counts as short, or a choice one level off.
  /// A number is an answer (a question's ladder) or what a `value:` ladder computes from answers
  /// (a rate per 100,000 residents), read the same way.
  package func nearMissFacts(_ candidates: [Int]) -> [NearMiss] {
    Self.nearMissFacts(a, candidates)
  }

  /// The same without the words: machine output (JSON) asks for the facts of every pillar of every
  /// city, and a `StageWords` holds a copy of the assessment and a localizer it would not use.
  package static func nearMissFacts(_ a: Assessment, _ candidates: [Int]) -> [NearMiss] {
    candidates.compactMap { index in
      guard a.outcomes[index] == .unmet else { return nil }
      // Read in place: a copy of the `Criterion` would retain and release each of its fields.
      if a.program.ladderPlans[index] != nil { return answerMiss(a, index) }
      guard let measure = a.program.criteria[index].measure, let number = a.measured(index) else { return nil }
      return numberMiss(
        index, question: nil, number, threshold: measure.threshold, higher: measure.direction == .higher)
    }
  }

  /// A ladder step's near miss, read from its plan (the step's question, threshold, direction
  /// and option levels), not from the survey: a copy of the question retained each of its fields.
  static func answerMiss(_ a: Assessment, _ index: Int) -> NearMiss? {
    guard let plan = a.program.ladderPlans[index] else { return nil }
    let value = a.values[plan.slot]
    guard let levels = plan.levels else {
      return value.numberValue.flatMap {
        numberMiss(index, question: plan.slot, $0, threshold: plan.threshold, higher: plan.higher)
      }
    }
    guard case .choice(_, let option) = value, levels.indices.contains(Int(option)),
      levels[Int(option)] == plan.threshold + (plan.higher ? -1 : 1)
    else { return nil }
    return NearMiss(
      criterion: index, question: plan.slot, side: plan.higher ? .levelBelow : .levelAbove, value: levels[Int(option)],
      threshold: plan.threshold, distance: 1)
  }

  static func numberMiss(_ index: Int, question: Int?, _ number: Double, threshold: Double, higher: Bool) -> NearMiss? {
    let distance = higher ? threshold - number : number - threshold
    guard distance > 0 && distance <= max(abs(threshold), 1) * 0.2 else { return nil }
    return NearMiss(
      criterion: index, question: question, side: higher ? .shortOfMinimum : .aboveMaximum, value: number,
      threshold: threshold,
      distance: distance)
  }

  /// One near miss in the report's language: the criterion's title (what the city reads in the
  /// list above it), the city's figure and how far it is from the threshold, in the direction
  /// that counts, each number with its unit.
  /// `status` replaces the title where the criterion and the city's answer are shown beside it:
  /// the next stage's table says "not met: 27%, 3 points short of 30%" or "not met: one level
  /// below" in its status column.
  package func words(_ miss: NearMiss, status: String? = nil) -> String {
    let criterion = a.program.criteria[miss.criterion]
    let subject = status ?? t.text(criterion.title)
    switch miss.side {
    case .levelBelow, .levelAbove:
      if status != nil {
        return t(
          miss.side == .levelBelow ? .stageLevelBelowBesideAnswer : .stageLevelAboveBesideAnswer,
          ["subject": .text(subject)])
      }
      guard let slot = miss.question else { return subject }
      let answer = ValueText.answer(a.values[slot], slot: slot, survey: a.survey, language: a.language)
      return t(
        miss.side == .levelBelow ? .stageLevelBelow : .stageLevelAbove,
        ["subject": .text(subject), "answer": .text(answer)])
    case .shortOfMinimum, .aboveMaximum:
      // An answer is written as its question's kind writes it; a computed rate with the digits
      // it can bear (42,017 per 100,000, not 42,017.26).
      let question = miss.question.map { a.survey.questions[$0] }
      let unit =
        question.flatMap { ValueText.unit(of: $0, a.language, count: miss.value) }
        ?? criterion.measure?.unit.map { t.text($0) }
      let format = { (number: Double) in
        question.map { $0.kind.formatNumber(number, language: a.language) }
          ?? ValueText.number(Localizer.shown(number), a.language)
      }
      let percent = unit?.hasPrefix("%") == true
      let gap = question == nil ? Localizer.shown(miss.distance) : miss.distance
      let distance = percent ? t(.stagePoints, ["count": .number(gap)]) : ValueText.number(gap, a.language)
      return t(
        miss.side == .shortOfMinimum ? .stageShortOfMinimum : .stageAboveMaximum,
        [
          "subject": .text(subject), "value": .text(ValueText.withUnit(format(miss.value), unit: unit)),
          "threshold": .text(format(miss.threshold) + (percent ? "%" : "")), "distance": .text(distance),
        ])
    }
  }
}

/// An unmet criterion whose answer is close to its ladder's threshold. `side` says which way it
/// misses: below a minimum, above a maximum, or one level off an ordinal choice; JSON writes it
/// as a reason code (`rawValue`), the reports in words (`StageWords.words`).
package struct NearMiss: Sendable {
  package enum Side: String, Sendable {
    case shortOfMinimum = "short_of_minimum"
    case aboveMaximum = "above_maximum"
    case levelBelow = "one_level_below"
    case levelAbove = "one_level_above"
  }

  /// Indices into the program's criteria and the survey's questions; no question for a number a
  /// `value:` ladder computes from several answers.
  package var criterion: Int
  package var question: Int?
  package var side: Side
  /// The city's figure (or its option's level) and the threshold it misses.
  package var value: Double
  package var threshold: Double
  /// How far the figure must move, always positive: up for a minimum, down for a maximum.
  package var distance: Double
}
