public import ActivatorYAML

/// A question answered with a calendar date, written `YYYY-MM-DD`.
public struct DateKind: QuestionKind {
  public init() {}

  public var name: String { "date" }

  public func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    guard let text = node.scalar, DateText.isValid(text.trimmingSpaces) else {
      reader.error(
        "wrong-type", "'\(question.id)' takes a date written YYYY-MM-DD, found \(AnswerParser.shown(node))", node)
      return .invalid
    }
    return .value(.date(text.trimmingSpaces))
  }

  public func fastReader(for question: Question) -> any FastAnswerReading { Fast() }

  final class Fast: FastAnswerReading {
    func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
      let text = String(decoding: bytes, as: UTF8.self)
      return DateText.isValid(text) ? .date(text) : nil
    }
  }

  public func expressionType(slot: Int) -> ExprType { .date }

  public func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    var shown = ""
    if case .date(let date)? = current { shown = date }
    return Prompt(
      kind: .text, question: "", text: shown, hint: language == "es" ? "una fecha, AAAA-MM-DD" : "a date, YYYY-MM-DD")
  }

  public func templateHint(for question: Question, language: String) -> TemplateHint {
    TemplateHint(language == "es" ? "Responda: una fecha AAAA-MM-DD" : "Answer: a date YYYY-MM-DD")
  }

  public func answerSchema(for question: Question, into writer: JSONWriter) {
    writer.key("type", "string")
    writer.key("pattern", #"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$"#)
  }
}
