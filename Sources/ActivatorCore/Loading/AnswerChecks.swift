import ActivatorYAML

/// Checks that read more than one answer: a choice limited to what was ticked in an earlier
/// question (`options_from`), and years that cannot be later than the survey date. Both readers
/// run them, so a batch and `validate` judge a file alike: the loader reports each problem; the
/// batch's fast reader leaves a file with any problem to the loader.
package enum AnswerChecks {
  package struct Problem: Sendable {
    /// The diagnostic code: `unknown-option` or `future-year`.
    package var code: String
    package var slot: Int
    /// True when the problem is in the `evidence:` entry of the question, not in its answer.
    package var inEvidence: Bool
    package var message: Message
  }

  package static func problems(_ sheet: AnswerSheet, survey: Survey) -> [Problem] {
    var found: [Problem] = []
    for slot in survey.questions.indices {
      guard let source = survey.questions[slot].optionsFrom, case .choice(let chosen)? = sheet.values[slot] else {
        continue
      }
      let question = survey.questions[slot]
      let value = question.options[chosen].value
      guard case .choices(let ticked)? = sheet.values[source] else { continue }
      let tickedValues = ticked.map { survey.questions[source].options[$0].value }
      if !tickedValues.contains(value) {
        found.append(
          Problem(
            code: "unknown-option", slot: slot, inEvidence: false,
            message: Message(
              .answersNotTicked,
              [
                "value": .text(value), "source": .text(survey.questions[source].id), "id": .text(question.id),
                "ticked": .text(tickedValues.joined(separator: ", ")),
              ])))
      }
    }
    guard let surveyYear = sheet.surveyYear else { return found }
    if let slot = survey.policy.dataYearQuestion, let year = sheet.values[slot]?.wholeNumber, year > surveyYear {
      found.append(
        Problem(
          code: "future-year", slot: slot, inEvidence: false,
          message: Message(
            .answersFutureDataYear, ["year": .text(String(year)), "survey_year": .text(String(surveyYear))])))
    }
    for (slot, evidence) in sheet.evidence.sorted(by: { $0.key < $1.key }) {
      if let year = evidence.year, year > surveyYear {
        found.append(
          Problem(
            code: "future-year", slot: slot, inEvidence: true,
            message: Message(
              .answersFutureEvidenceYear,
              [
                "id": .text(survey.questions[slot].id), "year": .text(String(year)),
                "survey_year": .text(String(surveyYear)),
              ])))
      }
    }
    return found
  }
}

extension AnswerChecks {
  /// The years a figure's evidence may give: from the survey's data-year question's range (else
  /// a year kind's, from 1900) to the survey date's year (else this year), never later, as
  /// `future-year` refuses later ones.
  package static func evidenceYears(_ sheet: AnswerSheet, survey: Survey, thisYear: Int) -> ClosedRange<Int> {
    let bounds = survey.policy.dataYearQuestion.map { survey.questions[$0].bounds } ?? YearKind().impliedBounds
    let low = bounds.min.flatMap { Int(exactly: $0) } ?? 1900
    let high = min(bounds.max.flatMap { Int(exactly: $0) } ?? 2100, sheet.surveyYear ?? thisYear)
    return low...max(low, high)
  }
}

extension AnswerValue {
  /// A whole-number answer (a count or a year).
  var wholeNumber: Int? {
    if case .integer(let n) = self { return n }
    return nil
  }
}
