package import ActivatorYAML

/// A question answered with one of its options (`strategy: adopted`). With a `level` on every
/// option it is ordinal: rules can compare the level of the answer.
package struct ChoiceKind: QuestionKind {
  package init() {}

  package var name: String { "choice" }
  package var keys: [String] { ["options", "options_from"] }
  package var chosenOptions: ChosenOptions { .one }

  /// With `options_from` the options are those ticked in an earlier multi question; the survey
  /// loader copies them once every question is read.
  package func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {
    if fields.keys["options_from"] != nil {
      if let options = fields.keys["options"] {
        context.reader.error(
          "options", Message(.surveyOptionsFromAndOptions, ["label": .message(context.label)]), options)
      }
      return
    }
    question.options = ChoiceOptions.read(fields, context, exclusiveAllowed: false)
  }

  package func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    guard let text = node.scalar else {
      let extra: MessageArgument = node.sequence != nil ? .message(Message(.answerOnlyOneOption)) : ""
      reader.error(
        "wrong-type",
        Message(
          .answerOneOption,
          ["subject": AnswerParser.subject(question, reader), "extra": extra, "found": NodeReader.found(node)]), node)
      return .invalid
    }
    guard let index = ChoiceOptions.index(text, in: question, at: node, reader: reader) else { return .invalid }
    return .value(.choice(index))
  }

  package func fastReader(for question: Question) -> FastAnswerReader {
    Fast(options: ChoiceOptions.table(question))
  }

  final class Fast: FastAnswerReader {
    let options: ByteTable

    init(options: ByteTable) { self.options = options }

    override func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
      options.find(bytes).map { .choice($0) }
    }
  }

  package func expressionType(slot: Int) -> ExprType { .choice(slot) }

  package func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    var selected: [Int] = []
    if case .choice(let option)? = current { selected = [option] }
    return Prompt(
      kind: .select, question: "", items: ChoiceOptions.promptItems(question, language: language), selected: selected)
  }

  package func answer(choosing indices: [Int], for question: Question, language: String) -> Result<
    AnswerValue, AnswerProblem
  > {
    guard let index = indices.first, index < question.options.count else {
      return .failure(AnswerProblem(Localizer(language)(.kindChoiceChoose)))
    }
    return .success(.choice(index))
  }

  package func templateHint(for question: Question, language: String) -> TemplateHint {
    TemplateHint(
      Localizer(language)(.kindChoiceTemplate),
      options: ChoiceOptions.templateEntries(question, language: language), levels: question.options.map(\.level))
  }

  package func answerSchema(for question: Question, into writer: JSONWriter) {
    ChoiceOptions.schema(question, into: writer)
  }
}
