package import ActivatorYAML

/// A question answered with free text. Text is kept as written and shown in reports; rules may
/// read it, but no stage depends on free text, so a required text question on a pillar gets a
/// warning.
package struct TextKind: QuestionKind {
  package init() {}

  package var name: String { "text" }
  /// Typed text stays exactly what was typed: `yes` or `12` are text here, not YAML values.
  package var typedStyle: ScalarStyle { .doubleQuoted }

  package func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {
    if question.pillar != nil, question.required {
      context.reader.log.warning(
        "unscored-required",
        Message(.surveyTextQuestionRequiredBut, ["question_id": "\(question.id)"]),
        at: question.location)
    }
  }

  package func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    guard let text = node.scalar else {
      reader.error(
        "wrong-type",
        Message(.answerText, ["subject": AnswerParser.subject(question, reader), "found": NodeReader.found(node)]), node
      )
      return .invalid
    }
    return .value(.text(text))
  }

  package func fastReader(for question: Question) -> FastAnswerReader { Fast() }

  final class Fast: FastAnswerReader {
    override func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
      .text(String(decoding: bytes, as: UTF8.self))
    }
  }

  package func expressionType(slot: Int) -> ExprType { .string }

  package func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    var shown = ""
    if case .text(let text)? = current { shown = text }
    return Prompt(kind: .text, question: "", text: shown)
  }

  package func templateHint(for question: Question, language: String) -> TemplateHint {
    TemplateHint(Localizer(language)(.kindTextTemplate))
  }

  package func answerSchema(for question: Question, into writer: JSONWriter) {
    writer.key("type", "string")
  }
}
