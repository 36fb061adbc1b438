package import ActivatorCore

/// One city assessed twice: how each pillar moved, which criteria were newly met or lost, and
/// which earlier recommendations the city has since carried out.
package struct ProgressReport: Sendable {
  package struct PillarChange: Sendable {
    package var id: String
    package var name: String
    package var before: (stage: Int, name: String, score: Double, coverage: Double)?
    package var after: (stage: Int, name: String, score: Double, coverage: Double)
    package var target: Int?
    /// Whether the pillar was assessed then and now; a change is only read between two stages.
    package var assessedBefore = true
    package var assessedAfter = true

    package var stageChange: Int { assessedBefore && assessedAfter ? after.stage - (before?.stage ?? after.stage) : 0 }
    package var scoreChange: Double {
      assessedBefore && assessedAfter ? after.score - (before?.score ?? after.score) : 0
    }
  }

  package struct CriterionChange: Sendable {
    package var id: String
    package var pillar: String
    package var stage: Int
    package var title: String
    package var before: Outcome
    package var after: Outcome
  }

  package struct Done: Sendable {
    package var name: String
    package var city: String
    /// The criteria it was recommended for, all met now.
    package var criteria: [String]
  }

  package var language: String
  package var city: String
  package var beforeFile: String
  package var afterFile: String
  package var beforeDate: String?
  package var afterDate: String?
  package var topStage: Int
  package var stageNames: [String]
  package var overall: (before: Int?, after: Int?)
  package var pillars: [PillarChange]
  package var newlyMet: [CriterionChange]
  package var lost: [CriterionChange]
  /// Criteria that were unknown before and are known now (met or not).
  package var clarified: [CriterionChange]
  package var done: [Done]
  /// Recommendations of the new assessment that the old one did not make.
  package var newRecommendations: [String]
  /// The summary page: each pillar that moved and by how much, the criteria counts, and the next
  /// steps of the new assessment (as a city report's summary chooses them).
  package var moved: [String]
  package var criteriaCounts: String
  package var nextSteps: [CityReport.SummaryStep]
  /// Things that make the comparison less meaningful (other city, other rules, dates reversed).
  package var cautions: [String]
  package var engine: String
  package var date: String

  package init(before old: Assessment, after new: Assessment, language: String, date: String) {
    let t = Localizer(language)
    self.language = language
    self.date = t.date(date)
    engine = Engine.version
    let survey = new.survey
    city = new.sheet.city.name.isEmpty ? new.sheet.path : new.sheet.city.name
    beforeFile = old.sheet.path
    afterFile = new.sheet.path
    let before = old.sheet.completed ?? old.sheet.started
    let after = new.sheet.completed ?? new.sheet.started
    beforeDate = before.map(t.date)
    afterDate = after.map(t.date)
    topStage = survey.topStage
    stageNames = (1...max(1, survey.topStage)).map { survey.stageName($0, language) }
    overall = (old.overall, new.overall)

    cautions = Self.cautions(old, new, completed: (before, after), t)
    pillars = Self.pillarChanges(old, new, language, t)
    let criteria = Self.criterionChanges(old, new, t)
    newlyMet = criteria.newlyMet
    moved = Self.moved(pillars, language)
    criteriaCounts = t(
      .progressCriteriaCounts, ["met": .count(criteria.newlyMet.count), "lost": .count(criteria.lost.count)])
    nextSteps = CityReport.summarySteps(new, t)
    lost = criteria.lost
    clarified = criteria.clarified
    done = Self.done(old, new, outcomesNow: criteria.outcomesNow, t)
    let oldSolutionIDs = Set(old.recommendations.map { old.program.solutions[$0.solution].id })
    newRecommendations = new.recommendations.prefix(10).map { new.program.solutions[$0.solution] }
      .filter { !oldSolutionIDs.contains($0.id) }.map { t.text($0.name) }
  }

  /// What makes the comparison less meaningful: another city's name, other rules, the second
  /// file completed before the first.
  static func cautions(
    _ old: Assessment, _ new: Assessment, completed: (before: String?, after: String?), _ t: Localizer
  ) -> [String] {
    var cautions: [String] = []
    if old.sheet.city.name != new.sheet.city.name {
      cautions.append(
        t(
          .progressTwoFilesNameDifferentCities,
          ["city_name": "\(old.sheet.city.name)", "city_name2": "\(new.sheet.city.name)"]))
    }
    if old.program.hash != new.program.hash {
      cautions.append(
        t(.progressAssessmentsWereScoredWithDifferent))
    }
    if let before = completed.before, let after = completed.after, after < before {
      cautions.append(
        // The day in words; the timestamps themselves only when both fall on the same day.
        t(
          .progressSecondFileWasCompletedBefore,
          t.date(after) == t.date(before)
            ? ["after": .text(after), "before": .text(before)]
            : ["after": .text(t.date(after)), "before": .text(t.date(before))]))
    }
    return cautions
  }

  /// Each pillar of the new assessment beside the same pillar (by id) of the old one.
  static func pillarChanges(_ old: Assessment, _ new: Assessment, _ language: String, _ t: Localizer)
    -> [PillarChange]
  {
    let survey = new.survey
    let oldPillars = Dictionary(
      old.pillars.map { (old.survey.pillars[$0.pillar].id, $0) }, uniquingKeysWith: { first, _ in first })
    return new.pillars.map { result in
      let definition = survey.pillars[result.pillar]
      let previous = oldPillars[definition.id]
      let before = previous.map { ($0.stage, old.survey.stageName($0.stage, language), $0.score, $0.coverage) }
      var change = PillarChange(
        id: definition.id, name: t.text(definition.name), before: before,
        after: (result.stage, survey.stageName(result.stage, language), result.score, result.coverage),
        target: result.target)
      change.assessedBefore = previous?.assessed ?? true
      change.assessedAfter = result.assessed
      return change
    }
  }

  /// The criteria (by qualified id) whose outcome changed: newly met, lost, or unknown before and
  /// known unmet now; with every outcome of the new assessment, for `done`.
  static func criterionChanges(_ old: Assessment, _ new: Assessment, _ t: Localizer) -> (
    newlyMet: [CriterionChange], lost: [CriterionChange], clarified: [CriterionChange], outcomesNow: [String: Outcome]
  ) {
    let survey = new.survey
    var oldOutcomes: [String: Outcome] = [:]
    for (index, criterion) in old.program.criteria.enumerated() {
      oldOutcomes[criterion.qualifiedID] = old.outcomes[index]
    }
    var newlyMet: [CriterionChange] = []
    var lost: [CriterionChange] = []
    var clarified: [CriterionChange] = []
    var newOutcomes: [String: Outcome] = [:]
    for (index, criterion) in new.program.criteria.enumerated() {
      let after = new.outcomes[index]
      newOutcomes[criterion.qualifiedID] = after
      guard let before = oldOutcomes[criterion.qualifiedID], before != after else { continue }
      let change = CriterionChange(
        id: criterion.qualifiedID, pillar: t.text(survey.pillars[criterion.pillar].name), stage: criterion.stage,
        title: t.text(criterion.title), before: before, after: after)
      if after == .met {
        newlyMet.append(change)
      } else if before == .met {
        lost.append(change)
      } else if before == .unknown || before == .error, after == .unmet {
        clarified.append(change)
      }
    }
    return (newlyMet, lost, clarified, newOutcomes)
  }

  /// Earlier recommendations the city has carried out: every criterion they were made for is met
  /// now, and the new assessment no longer recommends them.
  static func done(_ old: Assessment, _ new: Assessment, outcomesNow newOutcomes: [String: Outcome], _ t: Localizer)
    -> [Done]
  {
    var done: [Done] = []
    let newSolutionIDs = Set(new.recommendations.map { new.program.solutions[$0.solution].id })
    for recommendation in old.recommendations {
      let solution = old.program.solutions[recommendation.solution]
      let criteria = recommendation.reasons.map { old.program.criteria[$0.criterion] }
      guard !criteria.isEmpty, criteria.allSatisfy({ newOutcomes[$0.qualifiedID] == .met }),
        !newSolutionIDs.contains(solution.id)
      else { continue }
      done.append(
        Done(name: t.text(solution.name), city: t.text(solution.city), criteria: criteria.map { t.text($0.title) }))
    }
    return done
  }

  /// "Smart Mobility: from stage 2 Developing to 3 Established, score +0.8": pillars that changed
  /// stage first, then those whose score alone moved.
  static func moved(_ pillars: [PillarChange], _ language: String) -> [String] {
    let t = Localizer(language)
    var stages: [String] = []
    var scores: [String] = []
    for change in pillars {
      guard let before = change.before else { continue }
      let score = ChangeText.signed(change.scoreChange, language)
      if change.stageChange != 0 {
        stages.append(
          t(
            .progressMovedStage,
            [
              "pillar": .text(change.name), "before": .text("\(before.stage) \(before.name)"),
              "after": .text("\(change.after.stage) \(change.after.name)"), "change": .text(score),
            ]))
      } else if score != "±0" {
        scores.append(
          t(
            .progressMovedScore,
            [
              "pillar": .text(change.name), "stage": .text("\(change.after.stage) \(change.after.name)"),
              "change": .text(score),
            ]))
      }
    }
    return stages + scores
  }
}
