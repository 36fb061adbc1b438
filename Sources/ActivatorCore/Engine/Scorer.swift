/// Turns one answer sheet into an assessment with a compiled program.
package enum Scorer {
  /// - Parameters:
  ///   - sheet: consumed: a batch hands its sheet over, and the assessment keeps it without a copy.
  ///   - recommendationLimit: build only the first recommendations (a batch row shows five); nil
  ///     for all of them.
  package static func assess(
    _ sheet: consuming AnswerSheet, with program: Program, recommendationLimit: Int? = nil
  ) -> Assessment {
    let (context, relevant, counts, issues) = prepare(sheet, tables: program.tables)
    var allIssues = issues

    // Criteria.
    let conditions = program.conditions
    let plans = program.ladderPlans
    var outcomes = [Outcome](repeating: .unknown, count: conditions.count)
    var errors: [Int: EvaluationError] = [:]
    let values = context.values
    for index in conditions.indices {
      let value = plans[index]?.evaluate(values) ?? conditions[index].evaluate(context)
      outcomes[index] = outcome(value)
      if case .error(let error) = value {
        errors[index] = error
        allIssues.append(
          AnswerIssue(
            kind: .evaluationError, slot: nil,
            message: Message(
              .scoreCriterionFailed,
              ["id": .text(program.criteria[index].qualifiedID), "problem": .message(error.message)]),
            location: error.location(in: conditions[index].source)))
      }
    }

    // Pillars.
    var pillars: [PillarResult] = []
    let pillarCount = program.criteriaByPillar.count
    pillars.reserveCapacity(pillarCount)
    for pillar in 0..<pillarCount {
      var result = pillarResult(pillar, outcomes, program, target: sheet.targets[pillar])
      if program.survey.policy.hasFloor { judgeAssessment(&result, outcomes, program, values: context.values) }
      pillars.append(result)
    }
    let (overall, overallBasis) = overallStage(pillars, program)

    // Metrics and next steps read the outcomes.
    // Fields read by index: mapping the results with key paths copied each one (its arrays retained).
    context.outcomes = OutcomeView(
      stages: pillars.indices.map { pillars[$0].stage }, scores: pillars.indices.map { pillars[$0].score },
      coverage: pillars.indices.map { pillars[$0].coverage }, targets: pillars.indices.map { pillars[$0].target },
      overall: overall, criteria: outcomes.map { $0 == .met ? true : $0 == .unmet ? false : nil },
      assessed: pillars.indices.map { pillars[$0].assessed })
    let metrics = metricResults(program, context, issues: &allIssues)
    let city = program.context.read(context.values)
    let (recommendations, setAside) = Recommender.rank(
      outcomes, pillars, program, context, city: city, limit: recommendationLimit)
    let (nextSteps, programmesSetAside) = nextSteps(program, context, city: city)

    return Assessment(
      program: program, sheet: sheet, values: context.values, relevant: relevant, outcomes: outcomes, errors: errors,
      pillars: pillars, overall: overall, overallBasis: overallBasis, metrics: metrics,
      recommendations: recommendations,
      setAside: setAside,
      nextSteps: nextSteps, programmesSetAside: programmesSetAside, context: city, issues: allIssues, counts: counts)
  }

  /// Every metric's value (`context.metricValues`, kept for metrics and next steps that read
  /// them) and its pool's parts; a metric whose expression fails adds an issue.
  static func metricResults(_ program: Program, _ context: EvaluationContext, issues: inout [AnswerIssue])
    -> [MetricResult]
  {
    // In dependency order, so that a metric reading another (`metric('id')`) finds its value;
    // listed in the order the plugins declare them.
    context.metricValues = [Value](repeating: .unknown(.unavailable), count: program.metrics.count)
    // Expressions and pools from the program's flat lists: copying a `Metric` out of its array
    // retained and released each of its texts.
    let expressions = program.metricExpressions
    for index in program.metricOrder {
      let value = expressions[index].evaluate(context)
      if case .error(let error) = value {
        issues.append(
          AnswerIssue(
            kind: .evaluationError, slot: nil,
            message: Message(
              .scoreMetricFailed, ["id": .text(program.metrics[index].qualifiedID), "problem": .message(error.message)]),
            location: error.location(in: expressions[index].source)))
      }
      context.metricValues[index] = value
    }
    let pools = program.metricPools
    return context.metricValues.indices.map { index in
      MetricResult(
        metric: index, value: context.metricValues[index],
        parts: pools[index] == nil ? nil : Self.poolParts(pools[index], context))
    }
  }

  /// A city's share of a pooled ratio: both parts known numbers, or nothing.
  static func poolParts(_ pool: MetricPool?, _ context: EvaluationContext) -> (numerator: Double, denominator: Double)?
  {
    guard case .ratio(let numerator, let denominator)? = pool,
      let top = numerator.evaluate(context).number, let bottom = denominator.evaluate(context).number
    else { return nil }
    return (top, bottom)
  }

  /// The programmes whose next-step rules hold, merged per programme, in WeGO's chain order.
  /// WeGO's own eligibility decides: a programme WeGO gives other income groups, or one that
  /// has ended, is set aside.
  static func nextSteps(_ program: Program, _ context: EvaluationContext, city: CityContext) -> (
    [NextStepResult], [ProgrammeSetAside]
  ) {
    var nextSteps: [NextStepResult] = []
    var setAside: [ProgrammeSetAside] = []
    // By index, each field read in place: copying a step retained its condition, texts and
    // pillar list (some twenty steps for every city).
    let steps = program.nextSteps
    let conditions = program.nextStepConditions
    for index in steps.indices {
      guard case .bool(true) = conditions[index].evaluate(context) else { continue }
      let programme = steps[index].programme
      let reason: ProgrammeSetAside.Reason? =
        program.programmeDiscontinued[programme]
        ? .discontinued
        : city.income.flatMap {
          Program.holds(program.programmeIncomes[programme], $0, of: IncomeGroup.allCases) ? nil : .income($0)
        }
      if let reason {
        if !setAside.contains(where: { $0.programme == programme }) {
          setAside.append(ProgrammeSetAside(programme: programme, reason: reason))
        }
        continue
      }
      if let existing = nextSteps.firstIndex(where: { $0.programme == programme }) {
        nextSteps[existing].because.append(steps[index].because)
        for pillar in steps[index].pillars where !nextSteps[existing].pillars.contains(pillar) {
          nextSteps[existing].pillars.append(pillar)
        }
      } else {
        nextSteps.append(
          NextStepResult(programme: programme, because: [steps[index].because], pillars: steps[index].pillars))
      }
    }
    nextSteps.sort { program.programmeOrder[$0.programme] < program.programmeOrder[$1.programme] }
    return (nextSteps, setAside)
  }

  /// Prepared values in asking order: skip logic is evaluated as the questionnaire would, so a
  /// question hidden by an earlier answer reads as "not relevant".
  package static func prepare(_ sheet: AnswerSheet, survey: Survey)
    -> (EvaluationContext, [Bool], AnswerCounts, [AnswerIssue])
  {
    prepare(sheet, tables: SurveyTables(survey))
  }

  static func prepare(_ sheet: AnswerSheet, tables: SurveyTables)
    -> (EvaluationContext, [Bool], AnswerCounts, [AnswerIssue])
  {
    let count = tables.ids.count
    let context = EvaluationContext(
      values: [Value](repeating: .unknown(.unanswered), count: count), optionValues: tables.optionValues)
    var relevant = [Bool](repeating: true, count: count)
    var counts = AnswerCounts()
    var issues: [AnswerIssue] = []
    for slot in 0..<count {
      let answer = slot < sheet.values.count ? sheet.values[slot] : nil
      var applies = true
      if let condition = tables.applicability[slot] {
        applies = !isInapplicable(condition.evaluate(context), hiddenToo: true)
      }
      if applies, let condition = tables.relevance[slot] {
        let shown = condition.evaluate(context)
        // A follow-up whose condition waits only on not-applicable answers is not applicable
        // itself, never "no": a city that runs no schools has no school devices to count.
        applies = !isInapplicable(shown, hiddenToo: false)
        relevant[slot] = applies && isRelevant(shown)
      }
      guard applies else {
        // Not asked (the questionnaire skips it) and read as not applicable, never as "no".
        relevant[slot] = false
        context.values[slot] = .unknown(.notApplicable)
        counts.notApplicable += 1
        if let answer, answer != .missing(.notApplicable) {
          issues.append(
            AnswerIssue(
              kind: .answeredButNotApplicable, slot: slot,
              message: Message(
                .scoreAnsweredButNotApplicable,
                [
                  "id": .text(tables.ids[slot]),
                  "condition": .text(
                    tables.applicabilityTexts[slot].isEmpty
                      ? tables.relevanceTexts[slot] : tables.applicabilityTexts[slot]),
                ]),
              location: sheet.location(of: slot)))
        }
        continue
      }
      guard relevant[slot] else {
        context.values[slot] = .unknown(.notRelevant)
        counts.skipped += 1
        if answer != nil {
          issues.append(
            AnswerIssue(
              kind: .answeredButSkipped, slot: slot,
              message: Message(
                .scoreAnsweredButSkipped,
                ["id": .text(tables.ids[slot]), "condition": .text(tables.relevanceTexts[slot])]),
              location: sheet.location(of: slot)))
        }
        continue
      }
      guard let answer else {
        counts.unanswered += 1
        if tables.required[slot] {
          issues.append(
            AnswerIssue(
              kind: .requiredUnanswered, slot: slot,
              message: Message(.scoreRequiredUnanswered, ["id": .text(tables.ids[slot])]),
              location: sheet.answersLocation))
        }
        continue
      }
      context.values[slot] = value(answer, slot: slot)
      switch answer {
      case .missing(.dontKnow): counts.dontKnow += 1
      case .missing(.notApplicable): counts.notApplicable += 1
      default: counts.answered += 1
      }
    }
    return (context, relevant, counts, issues)
  }

  /// Whether a question does not apply: its `applicable` condition is false, or waits only on
  /// answers that are not applicable (or, for `applicable`, hidden); for `relevant`, waiting only
  /// on not-applicable answers.
  static func isInapplicable(_ value: Value, hiddenToo: Bool) -> Bool {
    switch value {
    case .bool(let b): return hiddenToo && !b
    case .unknown(let why):
      guard why.isSubset(of: [.notApplicable, .notRelevant]) else { return false }
      return why.contains(.notApplicable) || (hiddenToo && why == .notRelevant)
    default: return false
    }
  }

  /// Skip logic: false hides; unknown shows the question, unless everything it waited on was
  /// itself hidden (a follow-up of a hidden follow-up stays hidden).
  static func isRelevant(_ value: Value) -> Bool {
    switch value {
    case .bool(let b): return b
    case .unknown(let why): return why != .notRelevant
    default: return true
    }
  }

  package static func value(_ answer: AnswerValue, slot: Int) -> Value {
    switch answer {
    case .bool(let b): return .bool(b)
    case .integer(let n): return .int(n)
    case .decimal(let d): return .double(d)
    case .choice(let option): return .choice(Int32(slot), Int32(option))
    case .choices(let options): return .list(options.map { .choice(Int32(slot), Int32($0)) })
    case .text(let text): return .string(text)
    case .date(let date): return .string(date)
    case .missing(.dontKnow): return .unknown(.dontKnow)
    case .missing(.notApplicable): return .unknown(.notApplicable)
    }
  }

  /// Unknowns caused only by skip logic count as not met (the capability the hidden question
  /// asks about is absent); unknowns caused only by "not applicable" leave the gate.
  static func outcome(_ value: Value) -> Outcome {
    switch value {
    case .bool(true): return .met
    case .bool(false): return .unmet
    case .unknown(let why):
      if why == .notRelevant { return .unmet }
      if why.isSubset(of: [.notApplicable, .notRelevant]) && why.contains(.notApplicable) { return .notApplicable }
      return .unknown
    case .error: return .error
    default: return .unknown
    }
  }

  static func pillarResult(_ pillar: Int, _ outcomes: [Outcome], _ program: Program, target: Int?) -> PillarResult {
    let top = program.survey.topStage
    let theta = program.threshold
    var evidence: [StageEvidence] = []
    evidence.reserveCapacity(max(1, top - 1))
    var stage = 1
    var potential = 1
    var climbing = true
    var potentialClimbing = true
    var knownWeight = 0.0
    var applicableWeight = 0.0
    let levels = program.levelCriteria
    for level in stride(from: 2, through: max(2, top), by: 1) {
      let range = levels.range(pillar, level)
      var item = StageEvidence(
        stage: level, criteria: range.count, applicable: 0, met: 0, unknown: 0, excluded: 0, share: 0, passed: false)
      for position in range {
        let index = levels.items[position]
        let weight = program.weights[index]
        switch outcomes[index] {
        case .met:
          item.met += weight
          item.applicable += weight
        case .unmet: item.applicable += weight
        case .unknown, .error:
          item.unknown += weight
          item.applicable += weight
        case .notApplicable: item.excluded += weight
        }
      }
      item.share = item.applicable > 0 ? item.met / item.applicable : 0
      item.passed = item.applicable > 0 && item.share >= theta - 1e-9
      let optimistic = item.applicable > 0 && (item.met + item.unknown) / item.applicable >= theta - 1e-9
      if climbing && item.passed { stage = level } else { climbing = false }
      if potentialClimbing && optimistic { potential = level } else { potentialClimbing = false }
      knownWeight += item.applicable - item.unknown
      applicableWeight += item.applicable
      evidence.append(item)
    }
    var score = Double(stage)
    var next: StageGap?
    if stage < top, let nextEvidence = evidence.first(where: { $0.stage == stage + 1 }) {
      score += min(0.99, nextEvidence.share / theta)
      next = nextGap(pillar, nextEvidence, outcomes, program)
    }
    score = (score * 100).rounded() / 100
    var openGaps: [Int] = []
    if stage >= 2 {
      openGaps.reserveCapacity((2...stage).reduce(0) { $0 + levels.range(pillar, $1).count })
      for level in 2...stage {
        for position in levels.range(pillar, level) {
          let index = levels.items[position]
          if outcomes[index] != .met && outcomes[index] != .notApplicable { openGaps.append(index) }
        }
      }
    }
    let coverage = applicableWeight > 0 ? knownWeight / applicableWeight : 0
    return PillarResult(
      pillar: pillar, stage: stage, score: score, potential: max(potential, stage),
      coverage: coverage, confidence: .from(coverage: coverage), target: target,
      evidence: evidence, next: next, openGaps: openGaps)
  }

  /// What the next stage asks of a pillar: its unmet or unknown criteria, heaviest first, and
  /// the weight and number of them still needed to pass its gate.
  static func nextGap(_ pillar: Int, _ evidence: StageEvidence, _ outcomes: [Outcome], _ program: Program) -> StageGap {
    let levels = program.levelCriteria
    let theta = program.threshold
    var candidates: [Int] = []
    candidates.reserveCapacity(levels.range(pillar, evidence.stage).count)
    for position in levels.range(pillar, evidence.stage) {
      let index = levels.items[position]
      if outcomes[index] == .unmet || outcomes[index] == .unknown || outcomes[index] == .error {
        candidates.append(index)
      }
    }
    candidates.sort { a, b in
      let (wa, wb) = (program.weights[a], program.weights[b])
      if wa != wb { return wa > wb }
      return a < b
    }
    let needed = max(0, theta * evidence.applicable - evidence.met)
    var count = 0
    var gathered = 0.0
    for index in candidates where gathered + 1e-9 < needed {
      gathered += program.weights[index]
      count += 1
    }
    return StageGap(
      stage: evidence.stage, neededWeight: needed, neededCount: max(count, needed > 0 ? 1 : 0), candidates: candidates)
  }

  /// The lower median of the stages of the assessed pillars (among those that have criteria), and
  /// how many it rests on. With fewer than half of the pillars assessed there is no overall stage:
  /// a median of one or two pillars would speak for the whole city.
  static func overallStage(_ pillars: [PillarResult], _ program: Program) -> (Int?, OverallBasis) {
    // By index: filtering the results themselves would copy each one (retaining its arrays).
    var scored = 0
    var stages: [Int] = []
    stages.reserveCapacity(pillars.count)
    for index in pillars.indices where program.pillarHasCriteria[pillars[index].pillar] {
      scored += 1
      if pillars[index].assessed { stages.append(pillars[index].stage) }
    }
    stages.sort()
    let basis = OverallBasis(assessed: stages.count, pillars: scored)
    guard !stages.isEmpty, stages.count * 2 >= scored else { return (nil, basis) }
    return (stages[(stages.count - 1) / 2], basis)
  }

  /// Decides whether a pillar is assessed under the survey's coverage floor and minimum number
  /// of first-gate criteria, and if not, what would be needed: the known weight missing and the
  /// questions whose unknown answers decide the most weight.
  static func judgeAssessment(_ result: inout PillarResult, _ outcomes: [Outcome], _ program: Program, values: [Value])
  {
    let policy = program.survey.policy
    let byStage = program.criteriaByPillar[result.pillar]
    let firstGate = byStage.count > 2 ? byStage[2].filter { outcomes[$0] != .notApplicable }.count : 0
    let enoughCriteria = firstGate >= policy.minimumCriteria
    let enoughKnown = result.coverage >= policy.coverageFloor - 1e-9
    guard !(enoughCriteria && enoughKnown) else { return }
    result.assessed = false
    var applicable = 0.0
    var known = 0.0
    var unknown: [Int] = []
    for level in byStage.indices where level >= 2 {
      for index in byStage[level] where outcomes[index] != .notApplicable {
        applicable += program.weights[index]
        if outcomes[index] == .unknown || outcomes[index] == .error {
          unknown.append(index)
        } else {
          known += program.weights[index]
        }
      }
    }
    unknown.sort { a, b in program.weights[a] != program.weights[b] ? program.weights[a] > program.weights[b] : a < b }
    // Weight per unknown question: a question that decides several criteria is worth finding out first.
    var weightBySlot: [Int: Double] = [:]
    for index in unknown {
      let slots = program.ladderPlans[index].map { [$0.slot] } ?? program.conditions[index].reads
      for slot in slots where slot < values.count {
        guard case .unknown(let why) = values[slot], !why.isDisjoint(with: [.dontKnow, .unanswered]) else { continue }
        weightBySlot[slot, default: 0] += program.weights[index]
      }
    }
    let questions = weightBySlot.keys.sorted { a, b in
      weightBySlot[a] != weightBySlot[b] ? (weightBySlot[a] ?? 0) > (weightBySlot[b] ?? 0) : a < b
    }
    result.toAssess = AssessmentNeed(
      reason: enoughCriteria ? .coverage : .fewCriteria,
      neededWeight: enoughKnown ? 0 : max(0, policy.coverageFloor * applicable - known),
      firstGateCriteria: firstGate, minimumCriteria: policy.minimumCriteria,
      unknownCriteria: unknown, questions: questions)
  }
}
