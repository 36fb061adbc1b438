/// What a survey asks before a stage is named and of the evidence behind it: the survey's own
/// standard, so that an older survey that predates a rule is not broken by it (docs/rules.md,
/// "The coverage floor", "Capability before outcome"; docs/file-formats.md, "Survey").
package struct AssessmentPolicy: Sendable {
  /// A pillar whose known share of applicable criterion weight is below this is not assessed
  /// (`coverage_floor`; 0: every pillar is assessed).
  package var coverageFloor: Double = 0
  /// A pillar whose first gate has fewer applicable criteria than this is not assessed: a stage is
  /// never decided by one answer (`min_criteria`; 1: any applicable criterion will do).
  package var minimumCriteria: Int = 1
  /// Criteria of kind `outcome` may only stand at this stage or above (`outcomes_from_stage`).
  package var outcomesFromStage: Int?
  /// Figures whose year is more than this many years before the survey date are flagged
  /// (`data_age_limit`; nil: never).
  package var dataAgeLimit: Int?
  /// The question whose answer is the year of every figure that has none of its own (`data_year`).
  package var dataYearQuestion: Int?
  /// Fields every question must have (`every_question_has`).
  package var questionFields: [QuestionField] = []
  /// Fields every ladder and criterion of a plugin for this survey must have (`every_criterion_has`).
  package var criterionFields: [CriterionField] = []

  package init() {}

  /// Whether pillars are ever left unassessed.
  package var hasFloor: Bool { coverageFloor > 0 || minimumCriteria > 1 }
}

/// Documentation fields a survey may require of each of its questions.
package enum QuestionField: String, Sendable, CaseIterable {
  case definition
  case source
  case dataSource = "data_source"
  case help
}

/// Fields a survey may require of every ladder and criterion that scores it.
package enum CriterionField: String, Sendable, CaseIterable {
  case kind
  case basis
}

/// What a criterion, ladder or metric measures: what the city has done, or a result that depends
/// strongly on income and region (docs/rules.md, "Capability before outcome").
package enum EvidenceKind: String, Sendable, CaseIterable {
  case capability
  case outcome
}
