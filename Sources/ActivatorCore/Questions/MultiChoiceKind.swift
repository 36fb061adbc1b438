package import ActivatorYAML

/// A question answered with any of its options, as a list (`[a, b]`). An option marked
/// `exclusive` ("none of these") stands alone; `min_choices` and `max_choices` bound how many.
///
/// These rules exist here once (`problem`): the loader, the batch reader and the questionnaire
/// all ask it.
package struct MultiChoiceKind: QuestionKind {
  package init() {}

  package var name: String { "multi" }
  package var keys: [String] { ["options", "min_choices", "max_choices"] }
  package var chosenOptions: ChosenOptions { .several }

  /// Why a set of chosen options is not an answer.
  package enum Problem: Sendable, Equatable {
    /// This exclusive option was chosen with others.
    case exclusive(option: Int)
    case tooFew(minimum: Int)
    case tooMany(maximum: Int)
  }

  /// What is wrong with choosing `chosen` (distinct option indices), if anything.
  package static func problem(_ chosen: [Int], for question: Question) -> Problem? {
    if chosen.count > 1, let exclusive = chosen.first(where: { question.options[$0].exclusive }) {
      return .exclusive(option: exclusive)
    }
    if let low = question.minChoices, chosen.count < low { return .tooFew(minimum: low) }
    if let high = question.maxChoices, chosen.count > high { return .tooMany(maximum: high) }
    return nil
  }

  package func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {
    let reader = context.reader
    question.options = ChoiceOptions.read(fields, context, exclusiveAllowed: true)
    question.minChoices = fields.optional("min_choices").flatMap {
      reader.int($0, Message(.whatMinChoices), in: 0...1000)
    }
    question.maxChoices = fields.optional("max_choices").flatMap {
      reader.int($0, Message(.whatMaxChoices), in: 1...1000)
    }
    if let low = question.minChoices, let high = question.maxChoices, low > high {
      reader.error(
        "range",
        Message(.answersMinChoicesGreaterThan, ["low": "\(low)", "high": "\(high)", "label": .message(context.label)]),
        fields["min_choices"] ?? context.node)
    }
    if let low = question.minChoices, low > question.options.count, !question.options.isEmpty {
      reader.error(
        "range",
        Message(
          .answersMinChoicesMoreThan,
          ["low": "\(low)", "options_count": "\(question.options.count)", "label": .message(context.label)]),
        fields["min_choices"] ?? context.node)
    }
  }

  package func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    let id = question.id
    var chosen: [Int] = []
    var failed = false
    for item in node.sequence ?? [node] {
      guard let text = item.scalar, !item.isNull else {
        reader.error(
          "wrong-type", Message(.answersEachItemMustBe, ["id": "\(id)", "found": NodeReader.found(item)]), item)
        failed = true
        continue
      }
      if AnswerWords.missingCode(text) != nil {
        reader.error("missing-code", Message(.answersMustBeWholeAnswer, ["text": "\(text)", "id": "\(id)"]), item)
        failed = true
        continue
      }
      guard let index = ChoiceOptions.index(text, in: question, at: item, reader: reader) else {
        failed = true
        continue
      }
      if chosen.contains(index) {
        reader.error("duplicate-option", Message(.answersChosenTwice, ["text": "\(text)", "id": "\(id)"]), item)
        failed = true
        continue
      }
      chosen.append(index)
    }
    if failed { return .invalid }
    switch Self.problem(chosen, for: question) {
    case .exclusive(let option)?:
      reader.error(
        "exclusive-option",
        Message(.answerExclusive, ["option": .text(question.options[option].value), "id": .text(id)]), node
      )
    case .tooFew(let low)?:
      reader.error(
        "choices",
        Message(
          .answerTooFewOptions,
          ["subject": AnswerParser.subject(question, reader), "low": .count(low), "count": .count(chosen.count)]), node)
    case .tooMany(let high)?:
      reader.error(
        "choices",
        Message(
          .answerTooManyOptions,
          ["subject": AnswerParser.subject(question, reader), "high": .count(high), "count": .count(chosen.count)]),
        node)
    case nil:
      return .value(.choices(chosen.sorted()))
    }
    return .invalid
  }

  package func fastReader(for question: Question) -> FastAnswerReader {
    Fast(question: question, options: ChoiceOptions.table(question))
  }

  final class Fast: FastAnswerReader {
    let question: Question
    let options: ByteTable

    init(question: Question, options: ByteTable) {
      self.question = question
      self.options = options
    }

    override func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
      listItem(bytes).flatMap { list([$0]) }
    }

    override func listItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { options.find(bytes) }

    override func list(_ chosen: [Int]) -> AnswerValue? {
      guard Set(chosen).count == chosen.count, MultiChoiceKind.problem(chosen, for: question) == nil else { return nil }
      return .choices(chosen.sorted())
    }
  }

  package func expressionType(slot: Int) -> ExprType { .list(.choice(slot)) }

  /// Whether "none of them" is an answer the survey did not give an option for: the question
  /// has no exclusive option and may be answered with an empty list (`[]`).
  static func offersNone(_ question: Question) -> Bool {
    !question.options.contains { $0.exclusive } && (question.minChoices ?? 0) == 0
  }

  /// The options to tick; where an empty list is an answer but no option says so, a last item
  /// "None of these" stands for it, so that choosing nothing is always said, never assumed.
  package func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    var items = ChoiceOptions.promptItems(question, language: language)
    if Self.offersNone(question) {
      items.append(Prompt.Item(Localizer(language)(.kindMultiNoneOfThese), role: .exclusive, token: "[]"))
    }
    var selected: [Int] = []
    if case .choices(let chosen)? = current {
      selected = chosen.isEmpty && Self.offersNone(question) ? [items.count - 1] : chosen
    }
    return Prompt(kind: .multiSelect, question: "", items: items, selected: selected)
  }

  package func answer(choosing indices: [Int], for question: Question, language: String) -> Result<
    AnswerValue, AnswerProblem
  > {
    if Self.offersNone(question), indices == [question.options.count] { return .success(.choices([])) }
    let chosen = indices.sorted()
    let t = Localizer(language)
    switch Self.problem(chosen, for: question) {
    case .exclusive(let option)?:
      return .failure(
        AnswerProblem(t(.kindMultiExclusive, ["label": .quoted(question.options[option].label.text(language))])))
    case .tooFew(let low)?:
      return .failure(AnswerProblem(t(.kindMultiAtLeast, ["count": .count(low)])))
    case .tooMany(let high)?:
      return .failure(AnswerProblem(t(.kindMultiAtMost, ["count": .count(high)])))
    case nil:
      return .success(.choices(chosen))
    }
  }

  package func templateHint(for question: Question, language: String) -> TemplateHint {
    let t = Localizer(language)
    return TemplateHint(
      t(.kindMultiTemplate) + (Self.offersNone(question) ? " " + t(.kindMultiTemplateNone) : ""),
      options: ChoiceOptions.templateEntries(question, language: language), levels: question.options.map(\.level))
  }

  package func answerSchema(for question: Question, into writer: JSONWriter) {
    writer.key("anyOf") {
      writer.array {
        writer.object {
          writer.key("type", "array")
          writer.key("items") { writer.object { ChoiceOptions.schema(question, into: writer) } }
          writer.key("uniqueItems", true)
          if let low = question.minChoices { writer.key("minItems", low) }
          if let high = question.maxChoices { writer.key("maxItems", high) }
        }
        // A single option may be written without brackets.
        writer.object { ChoiceOptions.schema(question, into: writer) }
      }
    }
  }
}
