/// The catalog side of compiling: entries indexed across plugins, the criteria each solution
/// helps with, the conditions of what it needs, and the city context the ranking reads.
extension ProgramCompiler {
  struct CatalogIndex {
    var solutions: [Solution] = []
    var solutionIndex: [String: Int] = [:]
    var programmes: [Programme] = []
    var programmeIndex: [String: Int] = [:]
  }

  static func indexCatalog(_ plugins: [Plugin], survey: Survey, log: DiagnosticLog) -> CatalogIndex {
    var index = CatalogIndex()
    for plugin in plugins {
      for solution in plugin.solutions {
        if let first = index.solutionIndex[solution.id] {
          log.error(
            "duplicate-id", Message(.compileDuplicateSolutionId, ["solution_id": .text(solution.id)]),
            at: solution.location,
            notes: [.init(Message(.surveyFirstDefinedHere), at: index.solutions[first].location)])
          continue
        }
        for pillar in solution.pillars where survey.pillarIndex(pillar.value) == nil {
          log.error(
            "unknown-pillar",
            Message(
              .compileUnknownPillarSolution,
              [
                "pillar_value": .text(pillar.value), "solution_id": .text(solution.id),
                "hint": DidYouMean.hint(pillar.value, from: survey.pillars.map(\.id)),
              ]),
            at: pillar.location)
        }
        var resolved = solution
        (resolved.stageMin, resolved.stageMax) = stageLevels(
          solution.stage, of: Message(.whatSolutionNamed, ["id": .text(solution.id)]), survey: survey, log: log)
        index.solutionIndex[solution.id] = index.solutions.count
        index.solutions.append(resolved)
      }
      for programme in plugin.programmes {
        if let first = index.programmeIndex[programme.id] {
          log.error(
            "duplicate-id", Message(.compileDuplicateProgrammeId, ["programme_id": .text(programme.id)]),
            at: programme.location,
            notes: [.init(Message(.surveyFirstDefinedHere), at: index.programmes[first].location)])
          continue
        }
        var resolved = programme
        (resolved.stageMin, resolved.stageMax) = stageLevels(
          programme.stage, of: Message(.whatProgrammeNamed, ["id": .text(programme.id)]), survey: survey, log: log)
        index.programmeIndex[programme.id] = index.programmes.count
        index.programmes.append(resolved)
      }
    }
    return index
  }

  /// A stage fit as levels of the survey; (1, 1) after a reported problem, so the entry still
  /// exists.
  static func stageLevels(_ fit: StageFit?, of label: Message, survey: Survey, log: DiagnosticLog) -> (Int, Int) {
    guard let fit, let low = survey.stageLevel(fit.min, log: log), let high = survey.stageLevel(fit.max, log: log)
    else { return (1, 1) }
    guard low <= high else {
      log.error(
        "range", Message(.pluginStageMinGreaterThan, ["low": "\(low)", "high": "\(high)", "label": .message(label)]),
        at: fit.location)
      return (1, 1)
    }
    return (low, high)
  }

  /// What a `helps` list names: question slots, and criteria named by their own or their ladder's
  /// id; nil entries were unknown ids, already reported.
  static func helped(
    _ references: [Located<String>], survey: Survey, criteria: [Criterion], criterionIDs: [String: Int],
    log: DiagnosticLog
  ) -> (slots: Set<Int>, criteria: Set<Int>, complete: Bool) {
    var slots = Set<Int>()
    var named = Set<Int>()
    var complete = true
    for reference in references {
      if let index = criterionIDs[survey.canonicalCriterionID(reference.value)] {
        if index >= 0 { named.insert(index) }
        continue
      }
      let ladder = criteria.indices.filter { criteria[$0].ladder?.ladderID == reference.value }
      if !ladder.isEmpty {
        named.formUnion(ladder)
        continue
      }
      if let slot = survey.questionIndex[reference.value] {
        if !criteria.contains(where: { $0.condition.reads.contains(slot) }) {
          log.warning(
            "helps-nothing", Message(.compileNoCriterionReadsQuestion, ["question": .text(reference.value)]),
            at: reference.location)
        }
        slots.insert(slot)
        continue
      }
      let known = Array(survey.questionIndex.keys) + criteria.map(\.id) + Set(criteria.compactMap(\.ladder?.ladderID))
      log.error(
        "unknown-reference",
        Message(
          .compileNeitherQuestionLadderNor,
          ["id": .text(reference.value), "hint": DidYouMean.hint(reference.value, from: known)]),
        at: reference.location)
      complete = false
    }
    return (slots, named, complete)
  }

  /// The criteria a `helps` list covers: those it names, and those whose every answer read is a
  /// question it names (a criterion combining two questions needs both, or its own id).
  static func criteriaHelped(
    _ references: [Located<String>], survey: Survey, criteria: [Criterion], criterionIDs: [String: Int],
    log: DiagnosticLog
  ) -> Set<Int> {
    let (slots, named, _) = helped(references, survey: survey, criteria: criteria, criterionIDs: criterionIDs, log: log)
    var covered = named
    guard !slots.isEmpty else { return covered }
    for (index, criterion) in criteria.enumerated() {
      // Context questions (sections without a pillar, such as a city profile) are what a rate is
      // computed over, not a gap a solution closes: only the pillar's own answers need covering.
      let reads = criterion.condition.reads.filter { survey.questions[$0].pillar != nil }
      if !reads.isEmpty && reads.allSatisfy(slots.contains) { covered.insert(index) }
    }
    return covered
  }

  /// The solutions linked to each criterion: those its rule recommends, and those whose `helps`
  /// cover it at a stage within the solution's stage fit (a system cities adopt at stages 3–4
  /// does not answer the stage-5 gate of the same question). A rule that recommends a solution
  /// for a criterion the solution's `helps` does not cover is warned about: that is how
  /// mis-mapped recommendations show up. Also returns, per solution, every criterion its `helps`
  /// covers at any stage (what `explain --what-if` checks before saying its gaps are closed).
  static func links(
    criteria: [Criterion], solutions: [Solution], survey: Survey, criterionIDs: [String: Int], pluginIDs: [String],
    log: DiagnosticLog
  ) -> (links: [[Int]], helped: [[Int]]) {
    var links = criteria.map(\.recommend)
    var helped = [Set<Int>](repeating: [], count: solutions.count)
    for (solution, entry) in solutions.enumerated() {
      helped[solution] = criteriaHelped(
        entry.helps, survey: survey, criteria: criteria, criterionIDs: criterionIDs, log: log)
      for criterion in helped[solution].sorted() where !links[criterion].contains(solution) {
        if (entry.stageMin...entry.stageMax).contains(criteria[criterion].stage) { links[criterion].append(solution) }
      }
    }
    for (index, criterion) in criteria.enumerated() {
      for solution in criterion.recommend where !helped[solution].contains(index) {
        let entry = solutions[solution]
        let (slots, _, complete) = self.helped(
          entry.helps, survey: survey, criteria: criteria, criterionIDs: criterionIDs, log: DiagnosticLog())
        // An unknown id in helps is reported already; another plugin's solution cannot name this
        // plugin's criteria, so it is enough that it helps with one of the answers read.
        if !complete { continue }
        if entry.plugin != pluginIDs[criterion.plugin] && criterion.condition.reads.contains(where: slots.contains) {
          continue
        }
        let what =
          entry.helps.isEmpty
          ? Message(.compileHelpsEmpty)
          : Message(.compileHelpsDoNotCover, ["helps": .text(entry.helps.map(\.value).joined(separator: ", "))])
        log.warning(
          "recommend-not-helped",
          Message(
            .compileCriterionRecommendsButAdd,
            ["criterion": .text(criterion.qualifiedID), "solution": .text(entry.id), "why": .message(what)]),
          at: criterion.location)
      }
    }
    return (links, helped.map { $0.sorted() })
  }

  /// Each need's `requires` condition, type-checked against the survey (answers and scoring
  /// outcomes), and the criteria that measure what it asks for.
  static func needs(
    _ solutions: [Solution], survey: Survey, criteria: [Criterion], environment: (String) -> ExpressionEnvironment,
    log: DiagnosticLog
  ) -> (conditions: [[CompiledExpression?]], measuredBy: [[NeedTarget]]) {
    var conditions: [[CompiledExpression?]] = []
    var measuredBy: [[NeedTarget]] = []
    for solution in solutions {
      var compiled: [CompiledExpression?] = []
      var targets: [NeedTarget] = []
      for need in solution.needs {
        guard let source = need.requires else {
          compiled.append(nil)
          targets.append(NeedTarget())
          continue
        }
        let scope = environment(solution.plugin)
        let (condition, diagnostics) = ExpressionCompiler.compile(source, in: scope, expecting: .bool)
        log.append(contentsOf: diagnostics)
        compiled.append(condition)
        var target = NeedTarget()
        if let condition {
          target.criteria = criteria.indices.filter {
            !Set(criteria[$0].condition.reads).isDisjoint(with: condition.reads)
          }
          for id in condition.criteriaNamed {
            if let index = scope.criterionIDs[id], index >= 0, !target.criteria.contains(index) {
              target.criteria.append(index)
            }
          }
          target.pillars = condition.pillarsNamed
          target.criteria.sort { (criteria[$0].stage, $0) < (criteria[$1].stage, $1) }
        }
        targets.append(target)
      }
      conditions.append(compiled)
      measuredBy.append(targets)
    }
    return (conditions, measuredBy)
  }
}

/// What shows a need is in place: criteria reading the same answers, and pillars whose stage it asks for.
package struct NeedTarget: Sendable {
  package var criteria: [Int] = []
  package var pillars: [Int] = []
}
