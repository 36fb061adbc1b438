/// What changes for one city when the same answers are scored with two rule sets: the question
/// a rule author asks before publishing a change ("which cities move, and why?").
public struct CityDiff: Sendable {
  public struct PillarChange: Sendable {
    public var pillar: String
    /// Stage and score under each rule set; stage 0 where the pillar is not assessed.
    public var before: (stage: Int, score: Double)
    public var after: (stage: Int, score: Double)
    /// Criteria (by qualified id) of this pillar whose outcome differs, with both outcomes;
    /// `nil` on one side when the criterion exists in one rule set only.
    public var criteria: [(id: String, stage: Int, before: Outcome?, after: Outcome?)]
  }

  /// A chosen metric (`MetricSelection`) whose value differs; nil on a side whose rules lack it.
  public struct MetricChange: Sendable {
    public var column: MetricColumn
    public var before: Value?
    public var after: Value?

    /// After minus before, when both are numbers.
    public var change: Double? {
      guard let old = before?.number, let new = after?.number else { return nil }
      return new - old
    }
  }

  public var path: String
  public var city: String
  public var changes: [PillarChange]
  public var overall: (before: Int?, after: Int?)
  public var metricChanges: [MetricChange] = []

  /// Pillars whose stage moved.
  public var stageChanges: [PillarChange] { changes.filter { $0.before.stage != $0.after.stage } }

  public init(before a: Assessment, after b: Assessment, metrics: [MetricColumn] = []) {
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
      changes.append(PillarChange(pillar: id, before: (oldStage, old.score), after: (newStage, result.score), criteria: differing))
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
public struct RuleSetDiffSummary: Sendable {
  public var cities = 0
  public var citiesWithStageChanges = 0
  public var failed = 0
  /// Per pillar id: cities moving up and down a stage or more.
  public var up: [String: Int] = [:]
  public var down: [String: Int] = [:]

  public init() {}

  public mutating func add(_ diff: CityDiff) {
    cities += 1
    let moved = diff.stageChanges
    if !moved.isEmpty { citiesWithStageChanges += 1 }
    for change in moved {
      if change.after.stage > change.before.stage { up[change.pillar, default: 0] += 1 } else { down[change.pillar, default: 0] += 1 }
    }
  }
}
