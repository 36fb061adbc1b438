/// What reports say beside a stage: the outcomes that do not gate it, and how old the figures
/// behind it are (docs/rules.md, "Capability before outcome" and "Data age").
extension Assessment {
  /// A figure's year and source, and whether it is older than the survey's data-age limit.
  package struct FigureAge: Sendable {
    package var slot: Int
    package var year: Int
    package var source: String?
    /// True when the year is more than `data_age_limit` years before the survey date.
    package var old: Bool
  }

  /// The year most figures describe (the answer to the survey's `data_year` question).
  package var dataYear: Int? {
    guard let slot = survey.policy.dataYearQuestion, case .integer(let year)? = sheet.values[slot] else { return nil }
    return year
  }

  /// The year a figure describes: its own (`evidence:`), else the data year.
  package func year(of slot: Int) -> Int? {
    sheet.evidence[slot]?.year ?? dataYear
  }

  /// Whether a year is more than the survey's limit before the survey date.
  package func isOld(_ year: Int) -> Bool {
    Self.isOld(year, limit: survey.policy.dataAgeLimit, surveyYear: sheet.surveyYear)
  }

  private static func isOld(_ year: Int, limit: Int?, surveyYear: Int?) -> Bool {
    guard let limit, let surveyYear else { return false }
    return surveyYear - year > limit
  }

  /// Every answered figure (a value, not a missing-data code) that has a year, in asking order.
  package var figureAges: [FigureAge] {
    // Read once, not per question: the survey date is parsed from the answers file's text.
    let (dataYear, limit, surveyYear) = (self.dataYear, survey.policy.dataAgeLimit, sheet.surveyYear)
    let dataYearQuestion = survey.policy.dataYearQuestion
    return survey.questions.indices.compactMap { slot in
      guard slot != dataYearQuestion, let value = sheet.values[slot], value.missingCode == nil,
        let year = sheet.evidence[slot]?.year ?? dataYear
      else { return nil }
      return FigureAge(
        slot: slot, year: year, source: sheet.evidence[slot]?.source,
        old: Self.isOld(year, limit: limit, surveyYear: surveyYear))
    }
  }

  /// Figures older than the limit whose year is their own (the data year being old is said once).
  package var oldFigures: [FigureAge] {
    figureAges.filter { $0.old && sheet.evidence[$0.slot]?.year != nil }
  }

  /// Whether the data year itself is older than the limit: then most figures are.
  package var dataYearIsOld: Bool { dataYear.map(isOld) ?? false }

  /// The oldest year among the answers an expression reads, when one has a year of its own.
  package func year(reading slots: [Int]) -> Int? {
    let dataYear = self.dataYear
    var oldest: Int?
    for slot in slots where sheet.values[slot] != nil {
      guard let year = sheet.evidence[slot]?.year ?? dataYear else { continue }
      oldest = min(oldest ?? year, year)
    }
    return oldest
  }

  /// The outcome metrics of a pillar with a known value: shown beside its stage in every report,
  /// since outcomes that do not gate the stage must not disappear from view.
  package func outcomes(of pillar: Int) -> [MetricResult] {
    metrics.filter { result in
      let metric = program.metrics[result.metric]
      guard metric.pillar == pillar, metric.kind == .outcome else { return false }
      switch result.value {
      case .int, .double, .bool, .string: return true
      default: return false
      }
    }
  }

  /// The number a criterion from a `value:` ladder computed (a rate from raw counts), if known.
  package func measured(_ criterion: Int) -> Double? {
    guard let measure = program.criteria[criterion].measure else { return nil }
    return measure.value.evaluate(EvaluationContext(values: values, optionValues: program.optionValues)).numberValue
  }
}
