package import ActivatorCore

/// The sentences every format says the same way about a result: a pillar that is not assessed
/// and what would assess it, what the overall stage rests on, outcomes beside a stage, and how
/// old the figures are. Formats lay them out; the wording lives in the message catalogue.
extension Localizer {
  package var notAssessed: String { self(.wordNotAssessed) }

  /// "2 Developing" or "not assessed".
  package func stage(_ pillar: PillarResult, _ survey: Survey) -> String {
    pillar.assessed ? "\(pillar.stage) \(survey.stageName(pillar.stage, language))" : notAssessed
  }

  /// How a reader is shown a question: by its words (the short label where there is one), never
  /// by its id. Every sentence below that names questions names them through here.
  package func question(_ slot: Int, _ a: Assessment) -> String {
    a.survey.questions[slot].label(language)
  }

  /// Why a pillar is not assessed and what to find out.
  package func assessmentNeed(_ pillar: PillarResult, _ a: Assessment, limit: Int = 5) -> String {
    guard let need = pillar.toAssess else { return "" }
    var text: String
    switch need.reason {
    case .coverage:
      text = self(
        .assessmentNeedCoverage,
        ["coverage": .text(percent(pillar.coverage)), "floor": .text(percent(a.survey.policy.coverageFloor))])
    case .fewCriteria:
      text = self(
        .assessmentNeedFewCriteria, ["count": .count(need.firstGateCriteria), "minimum": .count(need.minimumCriteria)])
    }
    if need.reason == .coverage && !need.questions.isEmpty {
      text += self(
        .assessmentFindOutFirst, ["questions": .text(shortList(need.questions.map { question($0, a) }, limit: limit))])
    }
    return text
  }

  /// "a; b; c and 3 more": at most `limit` items named. Semicolons, as a question's label may
  /// hold a comma or an "and" of its own.
  func shortList(_ items: [String], limit: Int) -> String {
    let shown = items.prefix(limit).joined(separator: semicolon)
    return items.count > limit ? shown + self(.assessmentAndMore, ["count": .count(items.count - limit)]) : shown
  }

  /// "from 5 of 6 pillars" when the overall stage rests on fewer than all pillars; nil otherwise.
  package func overallBasis(_ a: Assessment) -> String? {
    let basis = a.overallBasis
    guard a.overall != nil, basis.assessed < basis.pillars else { return nil }
    return self(.assessmentOverallBasis, ["assessed": .count(basis.assessed), "pillars": .count(basis.pillars)])
  }

  /// "5 of 6 pillars assessed": said on the summary whether or not all are.
  package func pillarsAssessed(_ a: Assessment) -> String {
    let basis = a.overallBasis
    return self(.reportSummaryPillarsAssessed, ["assessed": .count(basis.assessed), "pillars": .count(basis.pillars)])
  }

  /// "Figures of 2023": the year the profile says most figures describe; nil when not given.
  package func dataYear(_ a: Assessment) -> String? {
    // Years are written as they are, never grouped ("2023", not "2,023").
    a.dataYear.map { self(.reportSummaryDataYear, ["year": .text(String($0))]) }
  }

  /// "2 Developing, from 5 of 6 pillars", or why there is no overall stage.
  package func overall(_ a: Assessment) -> String {
    guard let overall = a.overall else {
      let basis = a.overallBasis
      return self(.assessmentOverallNone, ["assessed": .count(basis.assessed), "pillars": .count(basis.pillars)])
    }
    let name = "\(overall) \(a.survey.stageName(overall, language))"
    return overallBasis(a).map { name + ", " + $0 } ?? name
  }

  /// An outcome beside a stage: "Households with fixed broadband: 9% (2019)".
  package func outcome(_ result: MetricResult, _ a: Assessment) -> String {
    let metric = a.program.metrics[result.metric]
    var value: String
    switch result.value {
    case .double(let d): value = ValueText.number(Self.shown(d), language)
    case .int(let n): value = ValueText.number(Double(n), language)
    case .bool(let b): value = self(b ? .valueYes : .valueNo)
    default: value = ValueText.code(result.value, survey: a.survey)
    }
    switch result.value {
    case .double, .int: value = ValueText.withUnit(value, unit: metric.unit.map { self.text($0) })
    default: break  // a unit follows numbers only ("yes", never "yes%")
    }
    var text = "\(self.text(metric.title)): \(value)"
    // The year is said where it is not the one most figures describe, or where it is old.
    if let year = a.year(reading: metric.expression.reads), year != a.dataYear || a.isOld(year) {
      text += a.isOld(year) ? " (\(year), " + old(a) + ")" : " (\(year))"
    }
    return text
  }

  /// A computed rate shown with the digits it can bear: 42,017 per 100,000, not 42,017.26.
  static func shown(_ value: Double) -> Double {
    let magnitude = abs(value)
    let decimals = magnitude >= 100 ? 0.0 : magnitude >= 10 ? 1 : 2
    let scale = pow(10, decimals)
    return (value * scale).rounded() / scale
  }

  /// "more than 3 years old"
  package func old(_ a: Assessment) -> String {
    self(.assessmentOld, ["limit": .count(a.survey.policy.dataAgeLimit ?? 0)])
  }

  /// How old the data is: the year most figures describe, and the figures older than the limit.
  /// Nil when the survey asks for no data year.
  package func dataAge(_ a: Assessment, limit: Int = 6) -> String? {
    guard a.survey.policy.dataYearQuestion != nil || !a.sheet.evidence.isEmpty else { return nil }
    var text: String
    if let year = a.dataYear {
      // Years are written as they are, never grouped ("2023", not "2,023").
      text = self(.assessmentDataYear, ["year": .text(String(year))])
      if a.dataYearIsOld { text += self(.assessmentDataYearOld, ["old": .text(old(a))]) }
    } else {
      text = self(.assessmentDataYearMissing)
    }
    let olds = a.oldFigures
    if !olds.isEmpty, let limitYears = a.survey.policy.dataAgeLimit {
      let figures = shortList(olds.map { "\(question($0.slot, a)) (\($0.year))" }, limit: limit)
      text += self(.assessmentOldFigures, ["limit": .count(limitYears), "figures": .text(figures)])
    }
    return text + "."
  }
}
