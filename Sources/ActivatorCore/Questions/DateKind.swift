public import ActivatorYAML

/// A question answered with a calendar date, written `YYYY-MM-DD`.
public struct DateKind: QuestionKind {
  public init() {}

  public var name: String { "date" }

  public func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    guard let text = node.scalar, DateText.isValid(text.trimmingSpaces) else {
      reader.error(
        "wrong-type", Message(.answerDate, ["subject": AnswerParser.subject(question, reader), "found": NodeReader.shown(node)]), node)
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
      kind: .text, question: "", text: shown, hint: Localizer(language)(.kindDateHint))
  }

  public func templateHint(for question: Question, language: String) -> TemplateHint {
    TemplateHint(Localizer(language)(.kindDateTemplate))
  }

  public func answerSchema(for question: Question, into writer: JSONWriter) {
    writer.key("type", "string")
    writer.key("pattern", #"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$"#)
  }
}
