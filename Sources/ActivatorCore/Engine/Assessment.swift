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

public struct Recommendation: Sendable {
  public var solution: Int
  public var reasons: [RecommendationReason]
  /// Whether the solution's stage fit covers the pillar's current or next stage.
  public var fits: Bool
  /// Prerequisites (indices into the solution's list) that the answers show are not met.
  public var missingPrerequisites: [Int]
  public var pillar: Int
}

public struct NextStepResult: Sendable {
  public var programme: Int
  public var because: [LocalizedText]
}

public struct MetricResult: Sendable {
  public var metric: Int
  public var value: Value
}

/// Something about the answers worth telling the respondent, not an error.
public struct AnswerIssue: Sendable {
  public enum Kind: String, Sendable {
    /// An answer was given to a question that skip logic hides; it is not used.
    case answeredButSkipped = "answered_but_skipped"
    /// A required, relevant question has no answer.
    case requiredUnanswered = "required_unanswered"
    /// A criterion or metric failed to evaluate.
    case evaluationError = "evaluation_error"
  }

  public var kind: Kind
  public var slot: Int?
  public var message: String
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
  public var overall: Int?
  public var metrics: [MetricResult]
  public var recommendations: [Recommendation]
  public var nextSteps: [NextStepResult]
  public var issues: [AnswerIssue]
  public var counts: AnswerCounts

  public var survey: Survey { program.survey }
  public var language: String { sheet.language }
}
