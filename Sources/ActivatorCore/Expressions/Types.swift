/// The static type of an expression, checked at load against the survey.
package indirect enum ExprType: Sendable, Hashable {
  case bool
  case int
  case double
  case string
  case date
  /// An option of the choice question in this slot.
  case choice(Int)
  /// An option of one of several choice questions whose options have levels: what a list
  /// mixing such questions holds. `level()` reads it; it has no order of its own.
  case anyChoice
  case list(ExprType)
  case null
  /// The element type of an empty list literal: fits anything.
  case any
  /// An error was already reported for this sub-expression.
  case invalid

  var isNumeric: Bool { self == .int || self == .double }
  var isTextual: Bool {
    switch self {
    case .string, .date, .choice, .anyChoice: true
    default: false
    }
  }

  var elementType: ExprType? {
    if case .list(let element) = self { return element }
    return nil
  }

  /// Words for messages: "a yes/no value", "a number".
  func describe(_ survey: Survey) -> MessageArgument {
    .message(describeMessage(survey, plural: false))
  }

  private func describeMessage(_ survey: Survey, plural: Bool) -> Message {
    func id(_ slot: Int) -> MessageArgument { .text(slot < survey.questions.count ? survey.questions[slot].id : "?") }
    switch self {
    case .bool: return Message(plural ? .typeBools : .typeBool)
    case .int: return Message(plural ? .typeInts : .typeInt)
    case .double: return Message(plural ? .typeDoubles : .typeDouble)
    case .string: return Message(plural ? .typeStrings : .typeString)
    case .date: return Message(plural ? .typeDates : .typeDate)
    case .choice(let slot): return Message(plural ? .typeChoices : .typeChoice, ["id": id(slot)])
    case .anyChoice: return Message(plural ? .typeLevelledChoices : .typeLevelledChoice)
    case .list(.choice(let slot)): return Message(plural ? .typeOptionLists : .typeOptionList, ["id": id(slot)])
    case .list(let element):
      return Message(
        plural ? .typeLists : .typeList, ["element": .message(element.describeMessage(survey, plural: true))])
    case .null: return Message(.typeNull)
    case .any: return Message(plural ? .typeAnyValues : .typeAny)
    case .invalid: return Message(.typeInvalid)
    }
  }

  /// Short names used in docs and `explain`: bool, int, double, string, date, choice, list(…).
  package var name: String {
    switch self {
    case .bool: "bool"
    case .int: "int"
    case .double: "double"
    case .string: "string"
    case .date: "date"
    case .choice, .anyChoice: "choice"
    case .list(let element): "list(\(element.name))"
    case .null: "null"
    case .any: "dyn"
    case .invalid: "invalid"
    }
  }
}

/// The static type of the answer to a question, as expressions see it: its kind decides.
extension Question {
  func expressionType(slot: Int) -> ExprType { kind.expressionType(slot: slot) }
}
