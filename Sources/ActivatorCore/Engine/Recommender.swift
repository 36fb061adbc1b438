/// Ranks the catalog's solutions for one city (docs/ranking.md).
///
/// A solution is a candidate when it is linked to a criterion the city has **not met** (a known
/// "no"; unknown answers never recommend anything) in a pillar's reached stages, next stage or
/// the one after. A candidate is set aside when what it needs is missing or unknown, when it
/// suits other income groups or city sizes, or when it starts above the pillar's next stage;
/// the criteria that would build a missing need are named instead, and solutions that build
/// them score for it. The rest are scored, factor by factor, each factor one sentence in
/// `explain`; the first five are kept diverse across pillars.
public enum Recommender {
  /// Points per factor: gaps dominate, then the city's own priorities, then fit.
  public enum Points {
    public static let nextStage = 4
    public static let foundation = 3
    public static let later = 1
    public static let priorityPillar = 6
    /// Per stage between the pillar and the target the city set, up to three.
    public static let targetStage = 3
    public static let topBarrier = 4
    public static let barrier = 1
    public static let incomeFit = 1
    public static let sizeFit = 1
    public static let stageFit = 2
    public static let belowStage = -2
    public static let deployed = 1
    public static let prepares = 2
    /// Criteria counted per gap kind, so one solution linked to many criteria cannot outweigh
    /// the city's priorities on its own.
    public static let countedGaps = 2
  }

  /// How many of the first recommendations are kept diverse, and how many of them one pillar
  /// other than the priority pillar may take.
  public static let diverseTop = 5
  public static let perPillarInTop = 3
  public static let prioritySeats = 2

  struct Candidate {
    var reasons: [RecommendationReason] = []
    var unknown: [Int] = []
    var gapCounts = [0, 0, 0]
    var pillar = -1
    var bestGap = RecommendationReason.Gap.later
  }

  public static func rank(
    _ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program, _ context: EvaluationContext, city: CityContext,
    limit: Int? = nil
  ) -> (recommendations: [Recommendation], setAside: [SetAside]) {
    let candidates = gather(outcomes, pillars, program, city: city)
    var scored: [Recommendation] = []
    var setAside: [SetAside] = []
    var prepares = [[Int]](repeating: [], count: program.solutions.count)
    for (solution, candidate) in candidates.sorted(by: { $0.key < $1.key }) {
      if candidate.reasons.isEmpty {
        setAside.append(
          SetAside(solution: solution, reasons: [.unknownAnswers], pillar: candidate.pillar, criteria: candidate.unknown, first: []))
        continue
      }
      let stage = pillars[candidate.pillar].stage
      let (reasons, unchecked) = obstacles(solution, candidate, stage: stage, program, context, city: city)
      if reasons.isEmpty {
        scored.append(score(solution, candidate, pillars, program, city: city, unchecked: unchecked))
        continue
      }
      // A missing need is worth building only for a solution that nothing else rules out.
      var first: [Int] = []
      if reasons.count == 1, case .needsMissing(let needs) = reasons[0] {
        first = prerequisites(solution, needs, outcomes, pillars, program)
        for criterion in first { for builder in program.links[criterion] { prepares[builder].append(solution) } }
      }
      setAside.append(
        SetAside(solution: solution, reasons: reasons, pillar: candidate.pillar, criteria: candidate.reasons.map(\.criterion), first: first))
    }
    for index in scored.indices {
      for target in prepares[scored[index].solution].prefix(1) {
        scored[index].factors.append(RankingFactor(.prepares, points: Points.prepares, subject: target))
        scored[index].score += Points.prepares
      }
      scored[index].factors.sort { ($1.points, $0.kind.order) < ($0.points, $1.kind.order) }
    }
    let ordered = diverse(sort(scored, pillars, program), priority: city.priorityPillar)
    return (limit.map { Array(ordered.prefix($0)) } ?? ordered, setAside)
  }

  /// Every solution linked to an unmet or unknown criterion within two stages of its pillar.
  static func gather(_ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program, city: CityContext) -> [Int: Candidate] {
    var candidates: [Int: Candidate] = [:]
    for index in program.linking {
      let outcome = outcomes[index]
      guard outcome == .unmet || outcome == .unknown || outcome == .error else { continue }
      let pillar = program.criterionPillars[index]
      let current = pillars[pillar].stage
      let stage = program.criterionStages[index]
      let gap: RecommendationReason.Gap
      if stage <= current { gap = .foundation } else if stage == current + 1 { gap = .next } else if stage == current + 2 { gap = .later } else { continue }
      for solution in program.links[index] {
        var candidate = candidates[solution] ?? Candidate()
        if outcome != .unmet {
          candidate.unknown.append(index)
          if candidate.pillar < 0 { candidate.pillar = pillar }
        } else {
          candidate.reasons.append(RecommendationReason(criterion: index, outcome: outcome, gap: gap))
          candidate.gapCounts[gap.rawValue] += 1
          // The pillar it is recommended for: its nearest gap, the priority pillar among equals.
          let better = candidate.reasons.count == 1 || gap < candidate.bestGap
            || (gap == candidate.bestGap && pillar == city.priorityPillar && candidate.pillar != pillar)
          if better {
            candidate.pillar = pillar
            candidate.bestGap = gap
          }
        }
        candidates[solution] = candidate
      }
    }
    return candidates
  }

  /// Why a candidate cannot be recommended (empty when it can), and the needs no answer shows.
  static func obstacles(
    _ solution: Int, _ candidate: Candidate, stage: Int, _ program: Program, _ context: EvaluationContext, city: CityContext
  ) -> ([SetAside.Reason], [Int]) {
    let entry = program.solutions[solution]
    var reasons: [SetAside.Reason] = []
    var missing: [Int] = []
    var unknown: [Int] = []
    var unchecked: [Int] = []
    for (need, condition) in program.needConditions[solution].enumerated() {
      guard let condition else {
        unchecked.append(need)
        continue
      }
      switch condition.evaluate(context) {
      case .bool(true): break
      case .bool(false): missing.append(need)
      default: unknown.append(need)
      }
    }
    if !missing.isEmpty { reasons.append(.needsMissing(missing)) }
    if !unknown.isEmpty { reasons.append(.needsUnknown(unknown)) }
    if let income = city.income, !entry.fits.income.contains(income) { reasons.append(.income(income)) }
    if let size = city.size, !entry.fits.size.contains(size) { reasons.append(.size(size)) }
    if entry.stageMin > stage + 1 { reasons.append(.tooAdvanced(pillarStage: stage)) }
    return (reasons, unchecked)
  }

  /// The criteria that would put missing needs in place: those reading the same answers or named
  /// by `met()`, and the next gate of pillars whose stage a need asks for, not yet met.
  static func prerequisites(_ solution: Int, _ needs: [Int], _ outcomes: [Outcome], _ pillars: [PillarResult], _ program: Program) -> [Int] {
    var first: [Int] = []
    for need in needs {
      let target = program.needTargets[solution][need]
      for criterion in target.criteria where outcomes[criterion] != .met && outcomes[criterion] != .notApplicable {
        if !first.contains(criterion) { first.append(criterion) }
      }
      for pillar in target.pillars {
        for criterion in pillars[pillar].next?.candidates ?? [] where !first.contains(criterion) { first.append(criterion) }
      }
    }
    return first.sorted { (program.criterionStages[$0], $0) < (program.criterionStages[$1], $1) }
  }

  static func score(
    _ solution: Int, _ candidate: Candidate, _ pillars: [PillarResult], _ program: Program, city: CityContext, unchecked: [Int]
  ) -> Recommendation {
    let stage = pillars[candidate.pillar].stage
    let entry = program.solutions[solution]
    var factors: [RankingFactor] = []
    let gapKinds: [(RecommendationReason.Gap, RankingFactor.Kind, Int)] = [
      (.next, .nextStage, Points.nextStage), (.foundation, .foundation, Points.foundation), (.later, .later, Points.later),
    ]
    for (gap, kind, points) in gapKinds where candidate.gapCounts[gap.rawValue] > 0 {
      let count = candidate.gapCounts[gap.rawValue]
      factors.append(RankingFactor(kind, points: points * min(count, Points.countedGaps), subject: count))
    }
    if let priority = city.priorityPillar, candidate.reasons.contains(where: { program.criterionPillars[$0.criterion] == priority }) {
      factors.append(RankingFactor(.priorityPillar, points: Points.priorityPillar, subject: priority))
    }
    if let target = pillars[candidate.pillar].target, target > stage {
      factors.append(RankingFactor(.target, points: Points.targetStage * min(target - stage, 3), subject: target))
    }
    let easing = program.context.easing
    if let top = city.topBarrier, top < easing.count, easing[top].contains(solution) {
      factors.append(RankingFactor(.topBarrier, points: Points.topBarrier, subject: top))
    }
    for barrier in city.barriers where barrier != city.topBarrier && barrier < easing.count && easing[barrier].contains(solution) {
      guard factors.count(where: { $0.kind == .barrier }) < 2 else { break }
      factors.append(RankingFactor(.barrier, points: Points.barrier, subject: barrier))
    }
    if let income = city.income, let index = IncomeGroup.allCases.firstIndex(of: income) {
      factors.append(RankingFactor(.incomeFit, points: Points.incomeFit, subject: index))
    }
    if let size = city.size, let index = CitySize.allCases.firstIndex(of: size) {
      factors.append(RankingFactor(.sizeFit, points: Points.sizeFit, subject: index))
    }
    let fits = entry.stageMin <= stage + 1 && entry.stageMax >= stage
    if fits {
      factors.append(RankingFactor(.stageFit, points: Points.stageFit, subject: stage))
    } else if entry.stageMax < stage {
      factors.append(RankingFactor(.belowStage, points: Points.belowStage, subject: stage))
    }
    if entry.status == .deployed { factors.append(RankingFactor(.deployed, points: Points.deployed)) }
    let reasons = candidate.reasons.sorted { ($0.gap.order, $0.criterion) < ($1.gap.order, $1.criterion) }
    return Recommendation(
      solution: solution, reasons: reasons, factors: factors, score: factors.reduce(0) { $0 + $1.points }, pillar: candidate.pillar,
      fits: fits, uncheckedNeeds: unchecked)
  }

  /// Highest score first; then more gaps addressed, the weaker pillar, and id order.
  static func sort(_ recommendations: [Recommendation], _ pillars: [PillarResult], _ program: Program) -> [Recommendation] {
    recommendations.sorted { a, b in
      if a.score != b.score { return a.score > b.score }
      if a.reasons.count != b.reasons.count { return a.reasons.count > b.reasons.count }
      let (stageA, stageB) = (pillars[a.pillar].stage, pillars[b.pillar].stage)
      if stageA != stageB { return stageA < stageB }
      return program.solutionIDRanks[a.solution] < program.solutionIDRanks[b.solution]
    }
  }

  /// The first five take at most three from any one pillar other than the priority pillar, and
  /// at least two that address the priority pillar when there are two; what is passed over
  /// follows in score order.
  static func diverse(_ ordered: [Recommendation], priority: Int?) -> [Recommendation] {
    var top: [Int] = []
    var perPillar: [Int: Int] = [:]
    let addressesPriority = { (index: Int) in ordered[index].has(.priorityPillar) }
    let fits = { (index: Int) in
      ordered[index].pillar == priority || perPillar[ordered[index].pillar, default: 0] < perPillarInTop
    }
    func take(_ index: Int) {
      top.append(index)
      perPillar[ordered[index].pillar, default: 0] += 1
    }
    let seats = min(prioritySeats, ordered.indices.count(where: addressesPriority))
    // First in score order, keeping places for the priority pillar; then what fits; then anything.
    for index in ordered.indices where top.count < diverseTop && fits(index) {
      let reserved = max(0, seats - top.count(where: addressesPriority))
      if addressesPriority(index) || diverseTop - top.count > reserved { take(index) }
    }
    for index in ordered.indices where top.count < diverseTop && !top.contains(index) && fits(index) { take(index) }
    for index in ordered.indices where top.count < diverseTop && !top.contains(index) { take(index) }
    top.sort()
    let chosen = Set(top)
    return top.map { ordered[$0] } + ordered.indices.filter { !chosen.contains($0) }.map { ordered[$0] }
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
  var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
