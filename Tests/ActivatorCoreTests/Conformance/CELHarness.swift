import Testing

@testable import ActivatorCore

/// A value as the CEL specification writes it, to compare with what the engine computed.
indirect enum CELValue: Sendable, Equatable, CustomStringConvertible, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case list([CELValue])
  case null

  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(integerLiteral value: Int) { self = .int(value) }
  init(floatLiteral value: Double) { self = .double(value) }
  init(stringLiteral value: String) { self = .string(value) }
  init(arrayLiteral elements: CELValue...) { self = .list(elements) }
  init(nilLiteral: ()) { self = .null }

  var description: String {
    switch self {
    case .bool(let b): "bool \(b)"
    case .int(let n): "int \(n)"
    case .double(let d): "double \(d)"
    case .string(let s): "string \(s.unicodeScalars.map { "U+" + String($0.value, radix: 16) }.joined(separator: " "))"
    case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .null: "null"
    }
  }

  /// Whether the engine's value is this one: same kind (an int is not a double), same number
  /// down to the sign of zero, same code points.
  func matches(_ value: Value) -> Bool {
    switch (self, value) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): return Array(a.unicodeScalars) == Array(b.unicodeScalars)
    case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
    case (.null, .null): return true
    default: return false
    }
  }
}

/// One case: an expression and what it must give. Expressions read only literals unless
/// `answers` binds questions of the tiny test survey.
struct CELCase: Sendable, CustomTestStringConvertible {
  enum Expected: Sendable {
    /// Evaluates to this value.
    case value(CELValue)
    /// Evaluates to an error whose message contains this text.
    case error(String)
    /// Is refused when loaded, with a message containing this text.
    case refused(String)
  }

  let name: String
  let expression: String
  let expected: Expected
  var answers: [String: AnswerValue] = [:]

  init(_ name: String, _ expression: String, _ value: CELValue, answers: [String: AnswerValue] = [:]) {
    (self.name, self.expression, self.expected, self.answers) = (name, expression, .value(value), answers)
  }

  init(_ name: String, _ expression: String, error: String) {
    (self.name, self.expression, self.expected) = (name, expression, .error(error))
  }

  init(_ name: String, _ expression: String, refused: String) {
    (self.name, self.expression, self.expected) = (name, expression, .refused(refused))
  }

  var testDescription: String { "\(name): \(expression.count > 60 ? String(expression.prefix(57)) + "…" : expression)" }
}

enum CELHarness {
  static let survey: Survey? = try? TinySurvey.load()

  /// Compiles and evaluates `c.expression` and records an issue when the outcome is not the
  /// expected one.
  static func check(_ c: CELCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let survey = try #require(survey)
    let (compiled, diagnostics) = ExpressionCompiler.compile(
      ExpressionSource(c.expression), in: ExpressionEnvironment(survey: survey, purpose: .condition), expecting: nil)
    let messages = diagnostics.map(\.message)
    if case .refused(let text) = c.expected {
      #expect(compiled == nil, "accepted, but should be refused with '\(text)'", sourceLocation: sourceLocation)
      #expect(
        messages.contains { $0.contains(text) }, "refused with \(messages), expected '\(text)'",
        sourceLocation: sourceLocation)
      return
    }
    guard let compiled else {
      Issue.record("refused: \(messages)", sourceLocation: sourceLocation)
      return
    }
    var values = [Value](repeating: .unknown(.unanswered), count: survey.questions.count)
    for (id, answer) in c.answers {
      let slot = try #require(survey.questionIndex[id])
      values[slot] = Scorer.value(answer, slot: slot)
    }
    let context = EvaluationContext(values: values, optionValues: survey.questions.map { $0.options.map(\.value) })
    let result = compiled.evaluate(context)
    switch c.expected {
    case .value(let expected):
      #expect(expected.matches(result), "gave \(result), expected \(expected)", sourceLocation: sourceLocation)
    case .error(let text):
      guard case .error(let error) = result else {
        Issue.record("gave \(result), expected an error containing '\(text)'", sourceLocation: sourceLocation)
        return
      }
      #expect(
        error.message.description.contains(text), "error '\(error.message)', expected '\(text)'",
        sourceLocation: sourceLocation)
    case .refused:
      break
    }
  }
}
