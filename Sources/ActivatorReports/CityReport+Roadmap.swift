import ActivatorCore

/// The roadmap: per pillar, the steps in the order they can be taken — what a stage rests on,
/// then the next gate, then the one after — with the solutions for each step (those that build
/// what others need first), the solutions a step makes possible, and the WeGO programme that
/// helps at it. Pillars come in the city's order of priority.
extension CityReport {
  /// One step: a stage to consolidate or to reach in one pillar.
  package struct RoadmapStep: Sendable {
    package var stage: Int
    package var stageName: String
    package var pillar: String
    /// Whether this consolidates a stage already reached (gaps below the current stage).
    package var consolidates: Bool
    package var neededCount: Int
    /// What the criteria to meet are about (`CityReport.label`), those something else waits for first.
    package var criteria: [String]
    package var solutions: [String]
    /// Solutions set aside for a need this step builds: "name (needs …)".
    package var unlocks: [String]
    /// WeGO programmes that help at this step.
    package var programmes: [String]
  }

  static func roadmap(_ a: Assessment, _ t: Localizer) -> [RoadmapStep] {
    let program = a.program
    let survey = a.survey
    // Set-aside solutions waiting for a criterion to be met.
    var waiting: [Int: [Int]] = [:]
    for item in a.setAside where item.reasons.count == 1 && item.reasons[0].name == "needs" {
      for criterion in item.first { waiting[criterion, default: []].append(item.solution) }
    }
    var steps: [(pillar: Int, step: RoadmapStep)] = []
    // A pillar that is not assessed has no stage to consolidate or climb from.
    for pillar in pillarOrder(a) where a.pillars[pillar].assessed {
      let result = a.pillars[pillar]
      let foundation = result.openGaps.filter { program.criteria[$0].stage <= result.stage }
      if !foundation.isEmpty {
        steps.append(
          (
            pillar,
            step(
              a, t, pillar, stage: result.stage, consolidates: true, needed: foundation.count, foundation, .foundation,
              waiting)
          ))
      }
      guard let next = result.next else { continue }
      steps.append(
        (
          pillar,
          step(
            a, t, pillar, stage: next.stage, consolidates: false, needed: next.neededCount, next.candidates, .next,
            waiting)
        ))
      let later = next.stage + 1
      guard later <= survey.topStage else { continue }
      let criteria = program.criteriaByPillar[pillar][later].filter {
        a.outcomes[$0] != .met && a.outcomes[$0] != .notApplicable
      }
      let laterStep = step(a, t, pillar, stage: later, consolidates: false, needed: 0, criteria, .later, waiting)
      if !criteria.isEmpty && !laterStep.solutions.isEmpty { steps.append((pillar, laterStep)) }
    }
    // A solution a step makes possible is named at the first such step only.
    var named = Set<String>()
    for index in steps.indices {
      steps[index].step.unlocks = steps[index].step.unlocks.filter { named.insert($0).inserted }
    }
    place(a.nextSteps, on: &steps, a, t)
    return steps.map(\.step)
  }

  /// The priority pillar first, then pillars with the larger gap to a target, then the weaker.
  static func pillarOrder(_ a: Assessment) -> [Int] {
    a.pillars.sorted { x, y in
      let (px, py) = (x.pillar == a.context.priorityPillar ? 0 : 1, y.pillar == a.context.priorityPillar ? 0 : 1)
      let gapX = (x.target ?? x.stage) - x.stage
      let gapY = (y.target ?? y.stage) - y.stage
      return (px, -gapX, x.stage, x.pillar) < (py, -gapY, y.stage, y.pillar)
    }.map(\.pillar)
  }

  static func step(
    _ a: Assessment, _ t: Localizer, _ pillar: Int, stage: Int, consolidates: Bool, needed: Int, _ criteria: [Int],
    _ gap: RecommendationReason.Gap, _ waiting: [Int: [Int]]
  ) -> RoadmapStep {
    let program = a.program
    // What others wait for comes first.
    let ordered = criteria.enumerated().sorted { x, y in
      (waiting[x.element] == nil ? 1 : 0, x.offset) < (waiting[y.element] == nil ? 1 : 0, y.offset)
    }.map(\.element)
    let solutions = a.recommendations.filter { recommendation in
      recommendation.pillar == pillar && recommendation.reasons.contains { $0.gap == gap }
    }.enumerated().sorted { x, y in
      (x.element.has(.prepares) ? 0 : 1, x.offset) < (y.element.has(.prepares) ? 0 : 1, y.offset)
    }.prefix(3).map { t.text(program.solutions[$0.element.solution].name) }
    var unlocked: [Int] = []
    for criterion in ordered {
      for solution in waiting[criterion] ?? [] where !unlocked.contains(solution) { unlocked.append(solution) }
    }
    let unlocks = unlocked.map { solution -> String in
      let entry = program.solutions[solution]
      let needs = a.setAside.first { $0.solution == solution }.flatMap { item -> String? in
        guard case .needsMissing(let list)? = item.reasons.first else { return nil }
        return list.map { t.text(entry.needs[$0].text) }.joined(separator: t.semicolon)
      }
      return t.text(entry.name) + (needs.map { " (" + t.label(.recommendationNeeds) + $0 + ")" } ?? "")
    }
    // By what they are about (the pillar's section gives each criterion in full), each once.
    var labels: [String] = []
    for criterion in ordered where !labels.contains(label(a, t, criterion)) { labels.append(label(a, t, criterion)) }
    return RoadmapStep(
      stage: stage, stageName: a.survey.stageName(stage, a.language), pillar: t.text(a.survey.pillars[pillar].name),
      consolidates: consolidates, neededCount: needed, criteria: labels,
      solutions: solutions,
      unlocks: unlocks, programmes: [])
  }

  /// Each WeGO programme the city is offered goes to the first step its stage range covers: in
  /// a pillar its rules are about (a rule naming one or two pillars: the first such step of
  /// either), else in the priority pillar, else anywhere. A rule that names more pillars is about the city as a whole. A step
  /// holds three programmes at most; more go on to the next step that fits. Programmes about a
  /// pillar are placed first, then those that carry out projects, then the rest.
  static func place(
    _ nextSteps: [NextStepResult], on steps: inout [(pillar: Int, step: RoadmapStep)], _ a: Assessment, _ t: Localizer
  ) {
    let perStep = 3
    let specific = { (next: NextStepResult) in next.pillars.count <= 2 && !next.pillars.isEmpty }
    let chain: [ChainStep] = [.implementer, .finder, .activator]
    let ordered = nextSteps.enumerated().sorted { x, y in
      let keyX = (
        specific(x.element) ? 0 : 1, chain.firstIndex(of: a.program.programmes[x.element.programme].step) ?? 0, x.offset
      )
      let keyY = (
        specific(y.element) ? 0 : 1, chain.firstIndex(of: a.program.programmes[y.element.programme].step) ?? 0, y.offset
      )
      return keyX < keyY
    }.map(\.element)
    for next in ordered {
      let programme = a.program.programmes[next.programme]
      let label = t.text(programme.name)
      func fits(_ index: Int, in steps: [(pillar: Int, step: RoadmapStep)]) -> Bool {
        (programme.stageMin...programme.stageMax).contains(steps[index].step.stage)
          && steps[index].step.programmes.count < perStep
      }
      let pillars = specific(next) ? next.pillars : a.context.priorityPillar.map { [$0] } ?? []
      // The first fitting step of any of its pillars: a programme is on the roadmap once.
      if let index = steps.indices.first(where: { pillars.contains(steps[$0].pillar) && fits($0, in: steps) })
        ?? steps.indices.first(where: { fits($0, in: steps) })
      {
        steps[index].step.programmes.append(label)
      }
    }
  }
}
