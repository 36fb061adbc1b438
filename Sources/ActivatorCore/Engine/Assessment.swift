/// What a criterion came to for one city.
public enum Outcome: UInt8, Sendable, CaseIterable {
  case met
  case unmet
  /// An input was unanswered or "don't know": counts as not met, reported apart.
  case unknown
  /// Every unknown input was "not applicable": left out of the gate.
  case notApplicable
  /// Evaluation failed (division by zero, cost limit): counts as unknown, reported as a warning.
  case error

  public var name: String {
    switch self {
    case .met: "met"
    case .unmet: "unmet"
    case .unknown: "unknown"
    case .notApplicable: "not_applicable"
    case .error: "error"
    }
  }
}

public enum Confidence: String, Sendable {
  case high, medium, low

  public static func from(coverage: Double) -> Confidence {
    coverage >= 0.9 ? .high : coverage >= 0.7 ? .medium : .low
  }
}

/// The weighted evidence for one stage of one pillar.
public struct StageEvidence: Sendable {
  public var stage: Int
  public var criteria: Int
  /// Weight of criteria that count (all but not-applicable ones).
  public var applicable: Double
  public var met: Double
  public var unknown: Double
  public var excluded: Double
  /// `met / applicable`, or 0 with nothing applicable.
  public var share: Double
  public var passed: Bool
}

/// What is missing to pass the next stage's gate.
public struct StageGap: Sendable {
  public var stage: Int
  /// Weight still needed to reach θ.
  public var neededWeight: Double
  /// How many more criteria (heaviest first) would do it.
  public var neededCount: Int
  /// Criteria of that stage not met yet (unmet, unknown or failed), most useful first.
  public var candidates: [Int]
}

public struct PillarResult: Sendable {
  public var pillar: Int
  public var stage: Int
  /// Stage plus progress through the next gate, in [1, top stage].
  public var score: Double
  /// The stage the pillar would reach if every unknown criterion were met.
  public var potential: Int
  /// Share of applicable criterion weight whose outcome is known (met or unmet).
  public var coverage: Double
  public var confidence: Confidence
  public var target: Int?
  /// Evidence by stage, from stage 2 up.
  public var evidence: [StageEvidence]
  public var next: StageGap?
  /// Criteria of stages already reached that are still not met.
  public var openGaps: [Int]
  /// Whether enough is known to name a stage (the survey's coverage floor and minimum number of
  /// criteria). A pillar that is not assessed still has `stage` and `score` computed, as lower
  /// bounds for `explain`, but no output presents them as its stage.
  public var assessed: Bool = true
  /// For a pillar that is not assessed: what would be needed to assess it.
  public var toAssess: AssessmentNeed?
}

/// What a pillar that is not assessed would need before a stage can be named.
public struct AssessmentNeed: Sendable {
  public enum Reason: String, Sendable {
    /// Too little of the pillar's applicable criterion weight is known.
    case coverage
    /// Too few criteria of the first gate apply to the city (the others concern services it does
    /// not run), whatever is known.
    case fewCriteria = "few_criteria"
  }

  public var reason: Reason
  /// Known weight still needed to reach the floor (0 when coverage is not the reason).
  public var neededWeight: Double
  /// The applicable criteria of the first gate, and how many the survey asks for.
  public var firstGateCriteria: Int
  public var minimumCriteria: Int
  /// Unknown criteria, heaviest first.
  public var unknownCriteria: [Int]
  /// Questions whose unknown answers decide them, most weight first: what to find out.
  public var questions: [Int]
}

/// How many pillars the overall stage rests on.
public struct OverallBasis: Sendable, Hashable {
  /// Pillars assessed (enough known to name a stage).
  public var assessed: Int
  /// Pillars that have criteria at all.
  public var pillars: Int
}

public struct RecommendationReason: Sendable {
  public enum Gap: Int, Sendable, Comparable {
    /// Below or at the current stage: a foundation the stage rests on.
    case foundation = 0
    /// The next stage's gate.
    case next = 1
    /// Two stages up.
    case later = 2

    public static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
      switch self {
      case .foundation: "foundation"
      case .next: "next_stage"
      case .later: "later"
      }
    }
  }

  public var criterion: Int
  public var outcome: Outcome
  public var gap: Gap
}

/// One reason a solution ranks where it does, worth `points`; `explain` and the reports say
/// each in plain words.
public struct RankingFactor: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    /// It addresses unmet criteria of the next stage's gate (`count` of them).
    case nextStage = "next_stage"
    /// It addresses gaps in stages already reached.
    case foundation
    /// It addresses criteria two stages up.
    case later
    /// The gaps are in the pillar the city chose as its priority.
    case priorityPillar = "priority_pillar"
    /// The city set itself a target stage above the pillar's current one (`subject`: the target).
    case target
    /// It eases the barrier the city named as its biggest (`subject`: the barrier option).
    case topBarrier = "top_barrier"
    /// It eases another barrier the city named.
    case barrier
    /// It suits cities of the city's income group.
    case incomeFit = "income_fit"
    /// It suits cities of the city's size.
    case sizeFit = "size_fit"
    /// Its stage fit covers the pillar's current or next stage.
    case stageFit = "stage_fit"
    /// Cities usually take it up at lower stages than the pillar's (negative).
    case belowStage = "below_stage"
    /// It runs at city scale somewhere (not only a pilot or a study).
    case deployed
    /// It builds what a set-aside solution needs (`subject`: that solution).
    case prepares
  }

  public var kind: Kind
  public var points: Int
  /// What the factor is about: a pillar, a barrier option, a solution, or a count of criteria.
  public var subject: Int

  public init(_ kind: Kind, points: Int, subject: Int = 0) {
    self.kind = kind
    self.points = points
    self.subject = subject
  }
}

public struct Recommendation: Sendable {
  public var solution: Int
  /// The unmet criteria it addresses, nearest stage first.
  public var reasons: [RecommendationReason]
  /// Why it ranks where it does, largest first.
  public var factors: [RankingFactor]
  public var score: Int
  /// The pillar of the gaps it is recommended for.
  public var pillar: Int
  /// Whether the solution's stage fit covers the pillar's current or next stage.
  public var fits: Bool
  /// Needs no answer can show (a law, a partner): the city should check them first.
  public var uncheckedNeeds: [Int]

  public func has(_ kind: RankingFactor.Kind) -> Bool { factors.contains { $0.kind == kind } }
}

/// A solution that addresses the city's gaps but is not recommended, and why: what it needs is
/// missing or unknown, it suits other cities, it is for cities further along, or it would only
/// be recommended from unknown answers.
public struct SetAside: Sendable {
  public enum Reason: Sendable, Equatable {
    /// Needs (indices) whose conditions the answers show are not met.
    case needsMissing([Int])
    /// Needs whose conditions read unknown answers.
    case needsUnknown([Int])
    case income(IncomeGroup)
    case size(CitySize)
    /// It starts at a stage above the pillar's next one.
    case tooAdvanced(pillarStage: Int)
    /// Every criterion it addresses is unknown, not unmet.
    case unknownAnswers

    public var name: String {
      switch self {
      case .needsMissing: "needs"
      case .needsUnknown: "needs_unknown"
      case .income: "income"
      case .size: "size"
      case .tooAdvanced: "stage"
      case .unknownAnswers: "unknown_answers"
      }
    }
  }

  public var solution: Int
  public var reasons: [Reason]
  public var pillar: Int
  /// The criteria it would address (unmet, or unknown for `unknownAnswers`).
  public var criteria: [Int]
  /// For missing needs: the criteria to meet first, lowest stage first.
  public var first: [Int]
}

/// A programme a next-step rule chose that WeGO does not offer this city.
public struct ProgrammeSetAside: Sendable {
  public enum Reason: Sendable, Equatable {
    case income(IncomeGroup)
    case discontinued

    public var name: String {
      switch self {
      case .income: "income"
      case .discontinued: "discontinued"
      }
    }
  }

  public var programme: Int
  public var reason: Reason
}

public struct NextStepResult: Sendable {
  public var programme: Int
  public var because: [LocalizedText]
  /// Pillars its rules name, where the roadmap shows it.
  public var pillars: [Int]
}

public struct MetricResult: Sendable {
  public var metric: Int
  public var value: Value
  /// The numerator and denominator a pooled share adds up across cities; nil when the metric
  /// pools no ratio or either part is unknown for this city.
  public var parts: (numerator: Double, denominator: Double)? = nil
}

/// Something about the answers worth telling the respondent, not an error.
public struct AnswerIssue: Sendable {
  public enum Kind: String, Sendable {
    /// An answer was given to a question that skip logic hides; it is not used.
    case answeredButSkipped = "answered_but_skipped"
    /// An answer was given to a question that does not apply to the city (its `applicable`
    /// condition, or a not-applicable question it follows); it is not used.
    case answeredButNotApplicable = "answered_but_not_applicable"
    /// A required, relevant question has no answer.
    case requiredUnanswered = "required_unanswered"
    /// A criterion or metric failed to evaluate.
    case evaluationError = "evaluation_error"
  }

  public var kind: Kind
  public var slot: Int?
  /// What it says, shown in the reader's language.
  public var message: Message
  public var location: SourceLocation?
}

public struct AnswerCounts: Sendable, Hashable {
  public var answered = 0
  public var dontKnow = 0
  public var notApplicable = 0
  public var unanswered = 0
  public var skipped = 0
}

/// The full result for one answers file.
public struct Assessment: Sendable {
  public let program: Program
  public let sheet: AnswerSheet
  /// Prepared value per question slot (skip logic and missing codes applied).
  public var values: [Value]
  public var relevant: [Bool]
  public var outcomes: [Outcome]
  public var errors: [Int: EvaluationError]
  public var pillars: [PillarResult]
  /// The lower median of the assessed pillars' stages; nil with fewer than half of them assessed.
  public var overall: Int?
  public var overallBasis: OverallBasis
  public var metrics: [MetricResult]
  public var recommendations: [Recommendation]
  /// Solutions that address the gaps but are not recommended, with the reasons.
  public var setAside: [SetAside]
  public var nextSteps: [NextStepResult]
  public var programmesSetAside: [ProgrammeSetAside]
  /// The city's situation as the answers state it.
  public var context: CityContext
  public var issues: [AnswerIssue]
  public var counts: AnswerCounts

  public var survey: Survey { program.survey }
  public var language: String { sheet.language }
}
