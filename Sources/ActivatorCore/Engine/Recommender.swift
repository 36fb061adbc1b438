/// Ranks the catalog's solutions for one city (docs/ranking.md).
///
/// A solution is a candidate when it is linked to a criterion the city has **not met** (a known
/// "no"; unknown answers never recommend anything) in a pillar's reached stages, next stage or
/// the one after. A candidate is set aside when what it needs is missing or unknown, when it
/// suits other income groups or city sizes, or when it starts above the pillar's next stage;
/// the criteria that would build a missing need are named instead, and solutions that build
/// them score for it. The rest are scored, factor by factor, each factor one sentence in
/// `explain`; the first five are kept diverse across pillars.
package enum Recommender {
  /// Points per factor: gaps dominate, then the city's own priorities, then fit.
  package enum Points {
    package static let nextStage = 4
    package static let foundation = 3
    package static let later = 1
    package static let priorityPillar = 6
    /// Per stage between the pillar and the target the city set, up to three.
    package static let targetStage = 3
    package static let topBarrier = 4
    package static let barrier = 1
    package static let incomeFit = 1
    package static let sizeFit = 1
    package static let stageFit = 2
    package static let belowStage = -2
    package static let deployed = 1
    package static let prepares = 2
    /// Criteria counted per gap kind, so one solution linked to many criteria cannot outweigh
    /// the city's priorities on its own.
    package static let countedGaps = 2
  }

  /// How many of the first recommendations are kept diverse, and how many of them one pillar
  /// other than the priority pillar may take.
  package static let diverseTop = 5
  package static let perPillarInTop = 3
  package static let prioritySeats = 2
  /// At most one factor of each kind is listed.
  static let factorKinds = RankingFactor.Kind.allCases.count

  /// What the gaps say about each solution, one tally per solution (a batch ranks thousands of
  /// cities: no dictionary, no array per candidate). Reasons are not kept: the few solutions
  /// returned rebuild theirs (`reasons(of:)`), so gathering only counts.
  struct Gathered {
    struct Tally {
      var reasons = 0
      /// Unmet criteria by gap kind, counted per solution (foundation, next, later).
      var foundation = 0
      var next = 0
      var later = 0
      var pillar = -1
      var bestGap = RecommendationReason.Gap.later
      var touchesPriority = false
      var hasUnknown = false

      func count(_ gap: RecommendationReason.Gap) -> Int {
        switch gap {
        case .foundation: foundation
        case .next: next
        case .later: later
        }
      }

      mutating func add(_ gap: RecommendationReason.Gap) {
        switch gap {
        case .foundation: foundation += 1
        case .next: next += 1
        case .later: later += 1
        }
      }
    }

    var tallies: [Tally]
    var unknown: [(solution: Int, criterion: Int)] = []
  }

  /// A recommendation before it is spelled out: what sorting and diversity need.
  struct Ranked {
    var solution: Int
    var score: Int
    var pillar: Int
    var addressesPriority: Bool
    var reasonCount: Int
    var prepares: Int?
  }

  package static func rank(
    _ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program, _ context: EvaluationContext,
    city: CityContext,
    limit: Int? = nil
  ) -> (recommendations: [Recommendation], setAside: [SetAside]) {
    let gathered = gather(outcomes, pillars, program, city: city)
    var ranked: [Ranked] = []
    ranked.reserveCapacity(program.solutions.count)
    var setAside: [SetAside] = []
    var prepares = [Int?](repeating: nil, count: program.solutions.count)
    for solution in program.solutions.indices
    where gathered.tallies[solution].reasons > 0 || gathered.tallies[solution].hasUnknown {
      let tally = gathered.tallies[solution]
      let pillar = tally.pillar
      guard tally.reasons > 0 else {
        if limit == nil {
          let criteria = gathered.unknown.filter { $0.solution == solution }.map(\.criterion)
          setAside.append(
            SetAside(solution: solution, reasons: [.unknownAnswers], pillar: pillar, criteria: criteria, first: []))
        }
        continue
      }
      let stage = pillars[pillar].stage
      let reasons =
        fits(solution, stage: stage, program, context, city: city)
        ? [] : obstacles(solution, stage: stage, program, context, city: city)
      if reasons.isEmpty {
        var score = 0
        factors(solution, tally, pillars, program, city: city) { _, points, _ in score += points }
        ranked.append(
          Ranked(
            solution: solution, score: score, pillar: pillar, addressesPriority: tally.touchesPriority,
            reasonCount: tally.reasons))
        continue
      }
      // A missing need is worth building only for a solution that nothing else rules out.
      var first: [Int] = []
      if reasons.count == 1, case .needsMissing(let needs) = reasons[0] {
        first = prerequisites(solution, needs, outcomes, pillars, program)
        for criterion in first {
          for builder in program.links[criterion] where prepares[builder] == nil { prepares[builder] = solution }
        }
      }
      if limit == nil {
        let criteria = Self.reasons(of: solution, outcomes, pillars, program).map(\.criterion).sorted()
        setAside.append(
          SetAside(solution: solution, reasons: reasons, pillar: pillar, criteria: criteria, first: first))
      }
    }
    for index in ranked.indices {
      guard let target = prepares[ranked[index].solution] else { continue }
      ranked[index].prepares = target
      ranked[index].score += Points.prepares
    }
    let ordered = diverse(sort(ranked, pillars, program), priority: city.priorityPillar, pillars: pillars.count)
    let shown = limit.map { Array(ordered.prefix($0)) } ?? ordered
    return (shown.map { spellOut($0, gathered, outcomes, pillars, program, city: city) }, setAside)
  }

  /// The full recommendation: its reasons, and every factor of its score, largest first.
  static func spellOut(
    _ item: Ranked, _ gathered: Gathered, _ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program,
    city: CityContext
  ) -> Recommendation {
    var list: [RankingFactor] = []
    list.reserveCapacity(factorKinds)
    factors(item.solution, gathered.tallies[item.solution], pillars, program, city: city) { kind, points, subject in
      list.append(RankingFactor(kind, points: points, subject: subject))
    }
    if let target = item.prepares { list.append(RankingFactor(.prepares, points: Points.prepares, subject: target)) }
    list.sort { ($1.points, $0.kind.order) < ($0.points, $1.kind.order) }
    let stages = program.solutionStages[item.solution]
    let stage = pillars[item.pillar].stage
    let needs = program.needConditions[item.solution]
    return Recommendation(
      solution: item.solution, reasons: Self.reasons(of: item.solution, outcomes, pillars, program), factors: list,
      score: item.score,
      pillar: item.pillar,
      fits: stages.min <= stage + 1 && stages.max >= stage, uncheckedNeeds: needs.indices.filter { needs[$0] == nil })
  }

  /// Every solution linked to an unmet or unknown criterion within two stages of its pillar.
  static func gather(_ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program, city: CityContext)
    -> Gathered
  {
    var tallies = [Gathered.Tally](repeating: Gathered.Tally(), count: program.solutions.count)
    var unknown: [(solution: Int, criterion: Int)] = []
    let links = program.linkLists
    tallies.withUnsafeMutableBufferPointer { tallies in
      for index in program.linking {
        let outcome = outcomes[index]
        guard outcome == .unmet || outcome == .unknown || outcome == .error,
          let gap = gap(of: index, pillars, program)
        else { continue }
        let pillar = program.criterionPillars[index]
        for position in links.range(index) {
          let solution = links.items[position]
          guard outcome == .unmet else {
            tallies[solution].hasUnknown = true
            unknown.append((solution, index))
            if tallies[solution].pillar < 0 { tallies[solution].pillar = pillar }
            continue
          }
          tallies[solution].reasons += 1
          tallies[solution].add(gap)
          if pillar == city.priorityPillar { tallies[solution].touchesPriority = true }
          // The pillar it is recommended for: its nearest gap, the priority pillar among equals.
          let best = tallies[solution].bestGap
          let better =
            tallies[solution].reasons == 1 || gap < best
            || (gap == best && pillar == city.priorityPillar && tallies[solution].pillar != pillar)
          if better {
            tallies[solution].pillar = pillar
            tallies[solution].bestGap = gap
          }
        }
      }
    }
    return Gathered(tallies: tallies, unknown: unknown)
  }

  /// How far above its pillar's stage a criterion is: a foundation (at or below), the next stage,
  /// or the one after; nil beyond.
  static func gap(of criterion: Int, _ pillars: [PillarResult], _ program: Program) -> RecommendationReason.Gap? {
    let current = pillars[program.criterionPillars[criterion]].stage
    let stage = program.criterionStages[criterion]
    if stage <= current { return .foundation }
    if stage == current + 1 { return .next }
    if stage == current + 2 { return .later }
    return nil
  }

  /// A solution's reasons, rebuilt from the criteria linked to it as `gather` counted them: the
  /// next stage first, then foundations, then later stages, in criterion order.
  static func reasons(of solution: Int, _ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program)
    -> [RecommendationReason]
  {
    var found: [RecommendationReason] = []
    let linked = program.linkedCriteria
    for position in linked.range(solution) {
      let criterion = linked.items[position]
      guard outcomes[criterion] == .unmet, let gap = gap(of: criterion, pillars, program) else { continue }
      found.append(RecommendationReason(criterion: criterion, outcome: .unmet, gap: gap))
    }
    return found.sorted { ($0.gap.order, $0.criterion) < ($1.gap.order, $1.criterion) }
  }

  /// Whether nothing keeps a candidate from being recommended (the common case, checked without
  /// building any list).
  static func fits(_ solution: Int, stage: Int, _ program: Program, _ context: EvaluationContext, city: CityContext)
    -> Bool
  {
    if program.solutionStages[solution].min > stage + 1 { return false }
    if let income = city.income, !Program.holds(program.solutionIncomes[solution], income, of: IncomeGroup.allCases) {
      return false
    }
    if let size = city.size, !Program.holds(program.solutionSizes[solution], size, of: CitySize.allCases) {
      return false
    }
    let needs = program.needConditionLists
    for position in needs.range(solution) {
      guard let condition = needs.items[position] else { continue }
      guard case .bool(true) = condition.evaluate(context) else { return false }
    }
    return true
  }

  /// Why a candidate cannot be recommended (empty when it can).
  static func obstacles(
    _ solution: Int, stage: Int, _ program: Program, _ context: EvaluationContext, city: CityContext
  ) -> [SetAside.Reason] {
    var reasons: [SetAside.Reason] = []
    var missing: [Int] = []
    var unknown: [Int] = []
    let needs = program.needConditionLists
    let range = needs.range(solution)
    for position in range {
      guard let condition = needs.items[position] else { continue }
      let need = position - range.lowerBound
      switch condition.evaluate(context) {
      case .bool(true): break
      case .bool(false): missing.append(need)
      default: unknown.append(need)
      }
    }
    if !missing.isEmpty { reasons.append(.needsMissing(missing)) }
    if !unknown.isEmpty { reasons.append(.needsUnknown(unknown)) }
    if let income = city.income, !Program.holds(program.solutionIncomes[solution], income, of: IncomeGroup.allCases) {
      reasons.append(.income(income))
    }
    if let size = city.size, !Program.holds(program.solutionSizes[solution], size, of: CitySize.allCases) {
      reasons.append(.size(size))
    }
    if program.solutionStages[solution].min > stage + 1 { reasons.append(.tooAdvanced(pillarStage: stage)) }
    return reasons
  }

  /// The criteria that would put missing needs in place: those reading the same answers or named
  /// by `met()`, and the next gate of pillars whose stage a need asks for, not yet met.
  static func prerequisites(
    _ solution: Int, _ needs: [Int], _ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program
  ) -> [Int] {
    var first: [Int] = []
    for need in needs {
      let target = program.needTargets[solution][need]
      for criterion in target.criteria where outcomes[criterion] != .met && outcomes[criterion] != .notApplicable {
        if !first.contains(criterion) { first.append(criterion) }
      }
      for pillar in target.pillars {
        for criterion in pillars[pillar].next?.candidates ?? [] where !first.contains(criterion) {
          first.append(criterion)
        }
      }
    }
    return first.sorted { (program.criterionStages[$0], $0) < (program.criterionStages[$1], $1) }
  }

  /// Every factor of a solution's score but `prepares` (which depends on the other candidates),
  /// handed to `add` as kind, points and subject: summed while ranking, listed when spelled out.
  static func factors(
    _ solution: Int, _ tally: Gathered.Tally, _ pillars: [PillarResult], _ program: Program, city: CityContext,
    add: (RankingFactor.Kind, Int, Int) -> Void
  ) {
    let pillar = tally.pillar
    let stage = pillars[pillar].stage
    let stages = program.solutionStages[solution]
    func gapFactor(_ count: Int, _ kind: RankingFactor.Kind, _ points: Int) {
      if count > 0 { add(kind, points * min(count, Points.countedGaps), count) }
    }
    gapFactor(tally.next, .nextStage, Points.nextStage)
    gapFactor(tally.foundation, .foundation, Points.foundation)
    gapFactor(tally.later, .later, Points.later)
    if let priority = city.priorityPillar, tally.touchesPriority {
      add(.priorityPillar, Points.priorityPillar, priority)
    }
    if let target = pillars[pillar].target, target > stage {
      add(.target, Points.targetStage * min(target - stage, 3), target)
    }
    let eases = program.context.eases
    if let top = city.topBarrier, top < eases.count, eases[top][solution] { add(.topBarrier, Points.topBarrier, top) }
    var others = 0
    for barrier in city.barriers
    where others < 2 && barrier != city.topBarrier && barrier < eases.count && eases[barrier][solution] {
      add(.barrier, Points.barrier, barrier)
      others += 1
    }
    if let income = city.income, let index = IncomeGroup.allCases.firstIndex(of: income) {
      add(.incomeFit, Points.incomeFit, index)
    }
    if let size = city.size, let index = CitySize.allCases.firstIndex(of: size) { add(.sizeFit, Points.sizeFit, index) }
    if stages.min <= stage + 1 && stages.max >= stage {
      add(.stageFit, Points.stageFit, stage)
    } else if stages.max < stage {
      add(.belowStage, Points.belowStage, stage)
    }
    if program.solutionDeployed[solution] { add(.deployed, Points.deployed, 0) }
  }

  /// Highest score first; then more gaps addressed, the weaker pillar, and id order: one integer
  /// compare per pair (a batch sorts some fifty candidates for every city).
  static func sort(_ ranked: [Ranked], _ pillars: [PillarResult], _ program: Program) -> [Ranked] {
    func key(_ item: Ranked) -> UInt64 {
      let score = UInt64(clamping: (1 << 19) - item.score)
      let reasons = UInt64(clamping: 0xFFFF - min(item.reasonCount, 0xFFFF))
      let stage = UInt64(clamping: min(max(pillars[item.pillar].stage, 0), 0xFF))
      return score << 40 | reasons << 24 | stage << 16
        | UInt64(clamping: min(program.solutionIDRanks[item.solution], 0xFFFF))
    }
    // Each key with the item's place below it: sorting plain integers moves sixteen bytes a
    // swap and calls no closure, where sorting (key, item) pairs moved some seventy.
    var order = ranked.indices.map { UInt128(key(ranked[$0])) << 64 | UInt128($0) }
    order.sort()
    return order.map { ranked[Int(truncatingIfNeeded: $0)] }
  }

  /// The first five take at most three from any one pillar other than the priority pillar, and
  /// at least two that address the priority pillar when there are two; what is passed over
  /// follows in score order.
  static func diverse(_ ordered: [Ranked], priority: Int?, pillars: Int) -> [Ranked] {
    var inTop = [Bool](repeating: false, count: ordered.count)
    var taken = 0
    var priorityTaken = 0
    var perPillar = [Int](repeating: 0, count: pillars)
    func fits(_ index: Int) -> Bool {
      ordered[index].pillar == priority || perPillar[ordered[index].pillar] < perPillarInTop
    }
    func take(_ index: Int) {
      inTop[index] = true
      taken += 1
      perPillar[ordered[index].pillar] += 1
      if ordered[index].addressesPriority { priorityTaken += 1 }
    }
    let seats = min(prioritySeats, ordered.count { $0.addressesPriority })
    // First in score order, keeping places for the priority pillar; then what fits; then anything.
    for index in ordered.indices where taken < diverseTop && fits(index) {
      if ordered[index].addressesPriority || diverseTop - taken > max(0, seats - priorityTaken) { take(index) }
    }
    for index in ordered.indices where taken < diverseTop && !inTop[index] && fits(index) { take(index) }
    for index in ordered.indices where taken < diverseTop && !inTop[index] { take(index) }
    var result: [Ranked] = []
    result.reserveCapacity(ordered.count)
    for index in ordered.indices where inTop[index] { result.append(ordered[index]) }
    for index in ordered.indices where !inTop[index] { result.append(ordered[index]) }
    return result
  }

}

extension RecommendationReason.Gap {
  /// The order reasons are listed in: the next stage, then reached stages, then later.
  var order: Int {
    switch self {
    case .next: 0
    case .foundation: 1
    case .later: 2
    }
  }
}

extension RankingFactor.Kind {
  /// Declaration order, the tie-break when factors are listed.
  var order: Int {
    switch self {
    case .nextStage: 0
    case .foundation: 1
    case .later: 2
    case .priorityPillar: 3
    case .target: 4
    case .topBarrier: 5
    case .barrier: 6
    case .incomeFit: 7
    case .sizeFit: 8
    case .stageFit: 9
    case .belowStage: 10
    case .deployed: 11
    case .prepares: 12
    }
  }
}
