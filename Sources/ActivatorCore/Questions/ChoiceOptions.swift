import ActivatorYAML

/// The options of choice and multi questions: read from the survey, listed in prompts,
/// templates and schemas, and looked up in answers.
enum ChoiceOptions {
  /// Reads `options:`, at least two, with unique values that are not missing-data codes, and
  /// levels on all or none. `exclusive` is allowed only where several options are chosen.
  static func read(_ fields: Fields, _ context: QuestionReading, exclusiveAllowed: Bool) -> [ChoiceOption] {
    let reader = context.reader
    let label = context.label
    guard let node = fields.required("options", reader), let items = reader.list(node, Message(.whatOptions)) else {
      return []
    }
    var options: [ChoiceOption] = []
    for item in items {
      guard
        let option = reader.fields(
          item, Message(.whatOption, ["label": .message(label)]), allowed: ["value", "label", "level", "exclusive"])
      else {
        continue
      }
      let value = option.required("value", reader).flatMap { reader.identifier($0, Message(.whatOptionValue)) }
      let optionLabel = option.required("label", reader).flatMap {
        reader.localized($0, Message(.whatLabelOption, ["label": .message(label)]))
      }
      let level = option.optional("level").flatMap {
        reader.int($0, Message(.whatOptionLevel), in: 1...max(1, context.stageCount))
      }
      let exclusive = option.optional("exclusive").flatMap { reader.bool($0, Message(.whatExclusive)) } ?? false
      if let key = option.keys["exclusive"], !exclusiveAllowed {
        reader.error("key-for-type", Message(.surveyExclusiveAppliesOptionsMulti), key)
      }
      guard let value, let optionLabel else { continue }
      if MissingCode(rawValue: value) != nil {
        reader.error(
          "reserved",
          Message(.surveyReservedMissingDataCode2, ["value": "\(value)"]),
          option["value"] ?? item)
        continue
      }
      if options.contains(where: { $0.value == value }) {
        reader.error(
          "duplicate-id", Message(.surveyDuplicateOptionValue, ["value": "\(value)", "label": .message(label)]),
          option["value"] ?? item)
        continue
      }
      options.append(ChoiceOption(value: value, label: optionLabel, level: level, exclusive: exclusive))
    }
    if items.count < 2 {
      reader.error("options", Message(.surveyNeedsAtLeastTwo, ["label": .message(label)]), node)
    }
    let withLevel = options.filter { $0.level != nil }.count
    if withLevel > 0 && withLevel < options.count {
      reader.error(
        "options",
        Message(
          .surveyEitherEveryOptionHas, ["label": .message(label), "count_with_level": "\(options.count - withLevel)"]),
        node)
    }
    return options
  }

  /// The option written in `text`, in any case (option values are lower-case identifiers, so
  /// `High` can only mean `high`), or an `unknown-option` error.
  static func index(_ text: String, in question: Question, at node: YAMLNode, reader: NodeReader) -> Int? {
    if let index = question.optionIndex(AnswerWords.folded(text)) { return index }
    reader.error("unknown-option", problem(text, question), node)
    return nil
  }

  static func problem(_ text: String, _ question: Question) -> Message {
    let values = question.options.map(\.value)
    let hint =
      DidYouMean.suggest(text, from: values + question.allowed.map(\.rawValue)).map(DidYouMean.hint)
      ?? DidYouMean.expectedOneOf(values + question.allowed.map(\.rawValue).sorted())
    return Message(.answersNotAnOption, ["text": .text(text), "id": .text(question.id), "hint": hint])
  }

  /// The options as items of a select list, in the survey's order.
  static func promptItems(_ question: Question, language: String) -> [Prompt.Item] {
    question.options.map { option in
      Prompt.Item(option.label.text(language), role: option.exclusive ? .exclusive : .choice, token: option.value)
    }
  }

  /// One template entry per option: its value, label, level and whether it stands alone.
  static func templateEntries(_ question: Question, language: String) -> [String] {
    let t = Localizer(language)
    return question.options.map { option in
      var entry = t(.templateOption, ["value": .text(option.value), "label": .text(option.label.text(language))])
      if option.exclusive { entry = t(.templateOptionAlone, ["option": .text(entry)]) }
      return entry
    }
  }

  /// The option values in any letter case, as `index` reads them (`AnswerWords`).
  static func schema(_ question: Question, into writer: JSONWriter) {
    writer.key("type", "string")
    writer.key(
      "description", "One of: " + question.options.map(\.value).joined(separator: ", ") + AnswerWords.schemaNote)
    writer.key("pattern", AnswerWords.schemaPattern(question.options.map(\.value)))
  }

  /// Option values as a byte table, for the fast reader.
  static func table(_ question: Question) -> ByteTable {
    ByteTable(question.options.enumerated().map { ($1.value, $0) })
  }
}
