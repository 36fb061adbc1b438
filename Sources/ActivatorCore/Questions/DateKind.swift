package import ActivatorYAML

/// A question answered with a calendar date, written `YYYY-MM-DD`.
package struct DateKind: QuestionKind {
  package init() {}

  package var name: String { "date" }

  package func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    guard let text = node.scalar, DateText.isValid(text.trimmingSpaces) else {
      reader.error(
        "wrong-type",
        Message(.answerDate, ["subject": AnswerParser.subject(question, reader), "found": NodeReader.shown(node)]), node
      )
      return .invalid
    }
    return .value(.date(text.trimmingSpaces))
  }

  package func fastReader(for question: Question) -> FastAnswerReader { Fast() }

  final class Fast: FastAnswerReader {
    override func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
      let text = String(decoding: bytes, as: UTF8.self)
      return DateText.isValid(text) ? .date(text) : nil
    }
  }

  package func expressionType(slot: Int) -> ExprType { .date }

  package func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    var shown = ""
    if case .date(let date)? = current { shown = date }
    return Prompt(
      kind: .text, question: "", text: shown, hint: Localizer(language)(.kindDateHint))
  }

  package func templateHint(for question: Question, language: String) -> TemplateHint {
    TemplateHint(Localizer(language)(.kindDateTemplate))
  }

  package func answerSchema(for question: Question, into writer: JSONWriter) {
    writer.key("type", "string")
    writer.key("pattern", #"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$"#)
  }
}
