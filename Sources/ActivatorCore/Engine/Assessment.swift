/// What a criterion came to for one city.
package enum Outcome: UInt8, Sendable, CaseIterable {
  case met
  case unmet
  /// An input was unanswered or "don't know": counts as not met, reported apart.
  case unknown
  /// Every unknown input was "not applicable": left out of the gate.
  case notApplicable
  /// Evaluation failed (division by zero, cost limit): counts as unknown, reported as a warning.
  case error

  package var name: String {
    switch self {
    case .met: "met"
    case .unmet: "unmet"
    case .unknown: "unknown"
    case .notApplicable: "not_applicable"
    case .error: "error"
    }
  }
}

package enum Confidence: String, Sendable {
  case high, medium, low

  package static func from(coverage: Double) -> Confidence {
    coverage >= 0.9 ? .high : coverage >= 0.7 ? .medium : .low
  }
}

/// The weighted evidence for one stage of one pillar.
package struct StageEvidence: Sendable {
  package var stage: Int
  package var criteria: Int
  /// Weight of criteria that count (all but not-applicable ones).
  package var applicable: Double
  package var met: Double
  package var unknown: Double
  package var excluded: Double
  /// `met / applicable`, or 0 with nothing applicable.
  package var share: Double
  package var passed: Bool
}

/// What is missing to pass the next stage's gate.
package struct StageGap: Sendable {
  package var stage: Int
  /// Weight still needed to reach θ.
  package var neededWeight: Double
  /// How many more criteria (heaviest first) would do it.
  package var neededCount: Int
  /// Criteria of that stage not met yet (unmet, unknown or failed), most useful first.
  package var candidates: [Int]
}

package struct PillarResult: Sendable {
  package var pillar: Int
  package var stage: Int
  /// Stage plus progress through the next gate, in [1, top stage].
  package var score: Double
  /// The stage the pillar would reach if every unknown criterion were met.
  package var potential: Int
  /// Share of applicable criterion weight whose outcome is known (met or unmet).
  package var coverage: Double
  package var confidence: Confidence
  package var target: Int?
  /// Evidence by stage, from stage 2 up.
  package var evidence: [StageEvidence]
  package var next: StageGap?
  /// Criteria of stages already reached that are still not met.
  package var openGaps: [Int]
  /// Whether enough is known to name a stage (the survey's coverage floor and minimum number of
  /// criteria). A pillar that is not assessed still has `stage` and `score` computed, as lower
  /// bounds for `explain`, but no output presents them as its stage.
  package var assessed: Bool = true
  /// For a pillar that is not assessed: what would be needed to assess it.
  package var toAssess: AssessmentNeed?
}

/// What a pillar that is not assessed would need before a stage can be named.
package struct AssessmentNeed: Sendable {
  package enum Reason: String, Sendable {
    /// Too little of the pillar's applicable criterion weight is known.
    case coverage
    /// Too few criteria of the first gate apply to the city (the others concern services it does
    /// not run), whatever is known.
    case fewCriteria = "few_criteria"
  }

  package var reason: Reason
  /// Known weight still needed to reach the floor (0 when coverage is not the reason).
  package var neededWeight: Double
  /// The applicable criteria of the first gate, and how many the survey asks for.
  package var firstGateCriteria: Int
  package var minimumCriteria: Int
  /// Unknown criteria, heaviest first.
  package var unknownCriteria: [Int]
  /// Questions whose unknown answers decide them, most weight first: what to find out.
  package var questions: [Int]
}

/// How many pillars the overall stage rests on.
package struct OverallBasis: Sendable, Hashable {
  /// Pillars assessed (enough known to name a stage).
  package var assessed: Int
  /// Pillars that have criteria at all.
  package var pillars: Int
}

package struct RecommendationReason: Sendable {
  package enum Gap: Int, Sendable, Comparable {
    /// Below or at the current stage: a foundation the stage rests on.
    case foundation = 0
    /// The next stage's gate.
    case next = 1
    /// Two stages up.
    case later = 2

    package static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }

    package var name: String {
      switch self {
      case .foundation: "foundation"
      case .next: "next_stage"
      case .later: "later"
      }
    }
  }

  package var criterion: Int
  package var outcome: Outcome
  package var gap: Gap
}

/// One reason a solution ranks where it does, worth `points`; `explain` and the reports say
/// each in plain words.
package struct RankingFactor: Sendable, Equatable {
  package enum Kind: String, Sendable, CaseIterable {
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

  package var kind: Kind
  package var points: Int
  /// What the factor is about: a pillar, a barrier option, a solution, or a count of criteria.
  package var subject: Int

  package init(_ kind: Kind, points: Int, subject: Int = 0) {
    self.kind = kind
    self.points = points
    self.subject = subject
  }
}

package struct Recommendation: Sendable {
  package var solution: Int
  /// The unmet criteria it addresses, nearest stage first.
  package var reasons: [RecommendationReason]
  /// Why it ranks where it does, largest first.
  package var factors: [RankingFactor]
  package var score: Int
  /// The pillar of the gaps it is recommended for.
  package var pillar: Int
  /// Whether the solution's stage fit covers the pillar's current or next stage.
  package var fits: Bool
  /// Needs no answer can show (a law, a partner): the city should check them first.
  package var uncheckedNeeds: [Int]

  package func has(_ kind: RankingFactor.Kind) -> Bool { factors.contains { $0.kind == kind } }
}

/// A solution that addresses the city's gaps but is not recommended, and why: what it needs is
/// missing or unknown, it suits other cities, it is for cities further along, or it would only
/// be recommended from unknown answers.
package struct SetAside: Sendable {
  package enum Reason: Sendable, Equatable {
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

    package var name: String {
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

  package var solution: Int
  package var reasons: [Reason]
  package var pillar: Int
  /// The criteria it would address (unmet, or unknown for `unknownAnswers`).
  package var criteria: [Int]
  /// For missing needs: the criteria to meet first, lowest stage first.
  package var first: [Int]
}

/// A programme a next-step rule chose that WeGO does not offer this city.
package struct ProgrammeSetAside: Sendable {
  package enum Reason: Sendable, Equatable {
    case income(IncomeGroup)
    case discontinued

    package var name: String {
      switch self {
      case .income: "income"
      case .discontinued: "discontinued"
      }
    }
  }

  package var programme: Int
  package var reason: Reason
}

package struct NextStepResult: Sendable {
  package var programme: Int
  package var because: [LocalizedText]
  /// Pillars its rules name, where the roadmap shows it.
  package var pillars: [Int]
}

package struct MetricResult: Sendable {
  package var metric: Int
  package var value: Value
  /// The numerator and denominator a pooled share adds up across cities; nil when the metric
  /// pools no ratio or either part is unknown for this city.
  package var parts: (numerator: Double, denominator: Double)? = nil
}

/// Something about the answers worth telling the respondent, not an error.
package struct AnswerIssue: Sendable {
  package enum Kind: String, Sendable {
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

  package var kind: Kind
  package var slot: Int?
  /// What it says, shown in the reader's language.
  package var message: Message
  package var location: SourceLocation?
}

package struct AnswerCounts: Sendable, Hashable {
  package var answered = 0
  package var dontKnow = 0
  package var notApplicable = 0
  package var unanswered = 0
  package var skipped = 0
}

/// The full result for one answers file.
package struct Assessment: Sendable {
  package let program: Program
  package let sheet: AnswerSheet
  /// Prepared value per question slot (skip logic and missing codes applied).
  package var values: [Value]
  package var relevant: [Bool]
  package var outcomes: [Outcome]
  package var errors: [Int: EvaluationError]
  package var pillars: [PillarResult]
  /// The lower median of the assessed pillars' stages; nil with fewer than half of them assessed.
  package var overall: Int?
  package var overallBasis: OverallBasis
  package var metrics: [MetricResult]
  package var recommendations: [Recommendation]
  /// Solutions that address the gaps but are not recommended, with the reasons.
  package var setAside: [SetAside]
  package var nextSteps: [NextStepResult]
  package var programmesSetAside: [ProgrammeSetAside]
  /// The city's situation as the answers state it.
  package var context: CityContext
  package var issues: [AnswerIssue]
  package var counts: AnswerCounts

  /// A copy is one retain (`Survey` keeps its fields in a shared box); a `_read` accessor here
  /// cost a heap-allocated coroutine frame on every call from the reports module.
  package var survey: Survey { program.survey }
  package var language: String { sheet.language }
}
