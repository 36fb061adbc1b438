/// Why a value is unknown. Kept as a set so the result of `a && b` can say what it waited on.
package struct Unknowns: OptionSet, Sendable, Hashable {
  package let rawValue: UInt8
  package init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The question was relevant but has no answer.
  package static let unanswered = Unknowns(rawValue: 1)
  /// The respondent answered "don't know".
  package static let dontKnow = Unknowns(rawValue: 2)
  /// The respondent answered "not applicable".
  package static let notApplicable = Unknowns(rawValue: 4)
  /// Skip logic hid the question (its `relevant` condition is false).
  package static let notRelevant = Unknowns(rawValue: 8)
  /// A result the expression asked for is not available (e.g. no target stated).
  package static let unavailable = Unknowns(rawValue: 16)
}

/// A runtime value of the rule language.
package enum Value: Sendable {
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  /// An option of a choice question: (question slot, option index).
  case choice(Int32, Int32)
  case list([Value])
  case null
  case unknown(Unknowns)
  case error(EvaluationError)

  /// The value as a number, for a whole or decimal number (a finite one); nil otherwise.
  package var number: Double? {
    switch self {
    case .int(let n): Double(n)
    case .double(let d) where d.isFinite: d
    default: nil
    }
  }

  package var isUnknown: Bool {
    if case .unknown = self { return true }
    return false
  }
}

/// A failure while evaluating (division by zero, overflow, index out of range, cost limit).
/// It is a value, not a trap: it flows through `&&` / `||` like CEL errors do.
package struct EvaluationError: Error, Sendable, Hashable {
  package var message: Message
  /// Span in the expression text, in Unicode scalar offsets.
  package var range: Range<Int>
  /// Where it happened when that is inside a definition the expression uses, not in the
  /// expression's own text (which `range` then does not refer to).
  package var location: SourceLocation?

  /// Where in the file it happened: in `source`, the expression that was evaluated, unless
  /// it happened in a definition that expression uses.
  package func location(in source: ExpressionSource) -> SourceLocation {
    location ?? source.location(ofOffset: range.lowerBound)
  }

  package init(_ message: Message, range: Range<Int>) {
    self.message = message
    self.range = range
  }
}

/// Per-pillar results that expressions in metrics and next steps may read (`stage('mobility')`).
package struct OutcomeView: Sendable {
  package var stages: [Int]
  package var scores: [Double]
  package var coverage: [Double]
  package var targets: [Int?]
  package var overall: Int?
  /// Criterion outcomes by criterion index: true met, false not met, nil unknown.
  package var criteria: [Bool?]
  /// Whether each pillar is assessed; `stage()` and `score()` of one that is not are unknown.
  package var assessed: [Bool]

  package init(
    stages: [Int], scores: [Double], coverage: [Double], targets: [Int?], overall: Int?, criteria: [Bool?],
    assessed: [Bool]? = nil
  ) {
    self.stages = stages
    self.scores = scores
    self.coverage = coverage
    self.targets = targets
    self.overall = overall
    self.criteria = criteria
    self.assessed = assessed ?? stages.map { _ in true }
  }
}

/// What an evaluation reads: the prepared answer values and, after stages are known, outcomes.
package final class EvaluationContext {
  // A context is used by one evaluation at a time, so the per-access exclusivity check the
  // compiler adds for class properties is pure overhead in the scoring loop.

  /// Value per question slot, with skip logic and missing codes already turned into unknowns.
  @exclusivity(unchecked) package var values: [Value]
  @exclusivity(unchecked) package var outcomes: OutcomeView?
  @exclusivity(unchecked) var locals: [Value] = []
  /// Metric values by metric index, filled in dependency order (what `metric('id')` reads).
  @exclusivity(unchecked) var metricValues: [Value] = []
  @exclusivity(unchecked) var steps = 0
  let stepLimit: Int
  let optionValues: [[String]]

  package init(values: [Value], optionValues: [[String]], stepLimit: Int = 100_000) {
    self.values = values
    self.optionValues = optionValues
    self.stepLimit = stepLimit
  }

  func optionValue(_ question: Int32, _ option: Int32) -> String {
    let q = Int(question)
    let o = Int(option)
    guard q < optionValues.count, o < optionValues[q].count else { return "" }
    return optionValues[q][o]
  }
}

extension Value {
  /// The value as a number, for ints and doubles.
  package var numberValue: Double? {
    switch self {
    case .int(let n): Double(n)
    case .double(let d): d
    default: nil
    }
  }
}
