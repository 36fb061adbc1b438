/// The static type of an expression, checked at load against the survey.
public indirect enum ExprType: Sendable, Hashable {
  case bool
  case int
  case double
  case string
  case date
  /// An option of the choice question in this slot.
  case choice(Int)
  case list(ExprType)
  case null
  /// The element type of an empty list literal: fits anything.
  case any
  /// An error was already reported for this sub-expression.
  case invalid

  var isNumeric: Bool { self == .int || self == .double }
  var isTextual: Bool {
    switch self {
    case .string, .date, .choice: true
    default: false
    }
  }

  var elementType: ExprType? {
    if case .list(let element) = self { return element }
    return nil
  }

  /// Words for messages: "a yes/no value", "a number".
  func describe(_ survey: Survey) -> String {
    switch self {
    case .bool: return "a yes/no (bool) value"
    case .int: return "a whole number (int)"
    case .double: return "a number (double)"
    case .string: return "text (string)"
    case .date: return "a date"
    case .choice(let slot):
      let id = slot < survey.questions.count ? survey.questions[slot].id : "?"
      return "a choice of '\(id)'"
    case .list(.choice(let slot)):
      let id = slot < survey.questions.count ? survey.questions[slot].id : "?"
      return "a list of options of '\(id)'"
    case .list(let element):
      return "a list of \(element.describe(survey).replacingArticle())"
    case .null: return "null"
    case .any: return "any value"
    case .invalid: return "an invalid value"
    }
  }

  /// Short names used in docs and `explain`: bool, int, double, string, date, choice, list(…).
  public var name: String {
    switch self {
    case .bool: "bool"
    case .int: "int"
    case .double: "double"
    case .string: "string"
    case .date: "date"
    case .choice: "choice"
    case .list(let element): "list(\(element.name))"
    case .null: "null"
    case .any: "dyn"
    case .invalid: "invalid"
    }
  }
}

extension String {
  fileprivate func replacingArticle() -> String {
    for article in ["a ", "an "] where hasPrefix(article) { return String(dropFirst(article.count)) + "s" }
    return self
  }
}

/// The static type of the answer to a question, as expressions see it: its kind decides.
extension Question {
  func expressionType(slot: Int) -> ExprType { kind.expressionType(slot: slot) }
}
