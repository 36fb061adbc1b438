/// What changes for one city when the same answers are scored with two rule sets: the question
/// a rule author asks before publishing a change ("which cities move, and why?").
package struct CityDiff: Sendable {
  package struct PillarChange: Sendable {
    package var pillar: String
    /// Stage and score under each rule set; stage 0 where the pillar is not assessed.
    package var before: (stage: Int, score: Double)
    package var after: (stage: Int, score: Double)
    /// Criteria (by qualified id) of this pillar whose outcome differs, with both outcomes;
    /// `nil` on one side when the criterion exists in one rule set only.
    package var criteria: [(id: String, stage: Int, before: Outcome?, after: Outcome?)]
  }

  /// A chosen metric (`MetricSelection`) whose value differs; nil on a side whose rules lack it.
  package struct MetricChange: Sendable {
    package var column: MetricColumn
    package var before: Value?
    package var after: Value?

    /// After minus before, when both are numbers.
    package var change: Double? {
      guard let old = before?.number, let new = after?.number else { return nil }
      return new - old
    }
  }

  package var path: String
  package var city: String
  package var changes: [PillarChange]
  package var overall: (before: Int?, after: Int?)
  package var metricChanges: [MetricChange] = []

  /// Pillars whose stage moved.
  package var stageChanges: [PillarChange] { changes.filter { $0.before.stage != $0.after.stage } }

  package init(before a: Assessment, after b: Assessment, metrics: [MetricColumn] = []) {
    path = b.sheet.path
    city = b.sheet.city.name
    overall = (a.overall, b.overall)
    let survey = b.survey
    func outcomes(_ x: Assessment, pillar: String) -> [String: (stage: Int, outcome: Outcome)] {
      var result: [String: (stage: Int, outcome: Outcome)] = [:]
      for (index, criterion) in x.program.criteria.enumerated() where x.survey.pillars[criterion.pillar].id == pillar {
        result[criterion.qualifiedID] = (criterion.stage, x.outcomes[index])
      }
      return result
    }
    var changes: [PillarChange] = []
    for result in b.pillars {
      let id = survey.pillars[result.pillar].id
      guard let old = a.pillars.first(where: { a.survey.pillars[$0.pillar].id == id }) else { continue }
      let (oldStage, newStage) = (old.assessed ? old.stage : 0, result.assessed ? result.stage : 0)
      let scoreMoved = (old.score * 100).rounded() != (result.score * 100).rounded()
      guard oldStage != newStage || scoreMoved else { continue }
      let before = outcomes(a, pillar: id)
      let after = outcomes(b, pillar: id)
      // By stage, then id: the gates that moved the stage come first.
      let ids = Set(before.keys).union(after.keys).sorted { a, b in
        let stageA = after[a]?.stage ?? before[a]?.stage ?? 0
        let stageB = after[b]?.stage ?? before[b]?.stage ?? 0
        return (stageA, a) < (stageB, b)
      }
      let differing = ids.compactMap { criterion -> (String, Int, Outcome?, Outcome?)? in
        let (old, new) = (before[criterion], after[criterion])
        guard old?.outcome != new?.outcome || (old == nil) != (new == nil) else { return nil }
        return (criterion, new?.stage ?? old?.stage ?? 0, old?.outcome, new?.outcome)
      }
      changes.append(
        PillarChange(pillar: id, before: (oldStage, old.score), after: (newStage, result.score), criteria: differing))
    }
    self.changes = changes
    metricChanges = metrics.compactMap { column in
      let (old, new) = (column.result(in: a)?.value, column.result(in: b)?.value)
      let code = { (value: Value?) in value.map { ValueText.code($0, survey: b.survey) } }
      return code(old) == code(new) ? nil : MetricChange(column: column, before: old, after: new)
    }
  }
}

/// Totals over many cities.
package struct RuleSetDiffSummary: Sendable {
  package var cities = 0
  package var citiesWithStageChanges = 0
  package var failed = 0
  /// Per pillar id: cities moving up and down a stage or more.
  package var up: [String: Int] = [:]
  package var down: [String: Int] = [:]

  package init() {}

  package mutating func add(_ diff: CityDiff) {
    cities += 1
    let moved = diff.stageChanges
    if !moved.isEmpty { citiesWithStageChanges += 1 }
    for change in moved {
      if change.after.stage > change.before.stage {
        up[change.pillar, default: 0] += 1
      } else {
        down[change.pillar, default: 0] += 1
      }
    }
  }
}
