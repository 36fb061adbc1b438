import ActivatorYAML

/// The parts of a survey that say when a pillar is assessed and what the survey requires of its
/// questions, criteria and figures (`AssessmentPolicy`), and the question keys that depend on
/// other questions (`applicable`, `options_from`).
extension SurveyLoader {
  static let policyKeys = [
    "coverage_floor", "min_criteria", "outcomes_from_stage", "data_age_limit", "data_year", "every_question_has",
    "every_criterion_has",
  ]

  /// Reads the policy keys; `data_year` is resolved once the questions are known.
  static func readPolicy(_ fields: Fields, stageCount: Int, _ reader: NodeReader) -> AssessmentPolicy {
    var policy = AssessmentPolicy()
    if let node = fields.optional("coverage_floor"),
      let value = reader.double(node, Message(.whatKeyNamed, ["key": "coverage_floor"]))
    {
      if value >= 0 && value <= 1 {
        policy.coverageFloor = value
      } else {
        reader.error(
          "out-of-range", Message(.surveyCoverageFloorRange, ["value": .text(ValueText.format(value))]), node)
      }
    }
    if let node = fields.optional("min_criteria"),
      let value = reader.int(node, Message(.whatKeyNamed, ["key": "min_criteria"]), in: 1...100)
    {
      policy.minimumCriteria = value
    }
    if let node = fields.optional("outcomes_from_stage"),
      let value = reader.int(node, Message(.whatKeyNamed, ["key": "outcomes_from_stage"]), in: 2...max(2, stageCount))
    {
      policy.outcomesFromStage = value
    }
    if let node = fields.optional("data_age_limit"),
      let value = reader.int(node, Message(.whatDataAgeLimit), in: 0...200)
    {
      policy.dataAgeLimit = value
    }
    if let node = fields.optional("every_question_has") {
      policy.questionFields = names(node, "every_question_has", reader)
    }
    if let node = fields.optional("every_criterion_has") {
      policy.criterionFields = names(node, "every_criterion_has", reader)
    }
    return policy
  }

  static func names<Field: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, _ reader: NodeReader)
    -> [Field] where Field.RawValue == String
  {
    var found: [Field] = []
    for item in reader.listOrSingle(node) {
      guard let text = reader.string(item, Message(.whatFieldName)) else { continue }
      guard let field = Field(rawValue: text) else {
        let all = Field.allCases.map(\.rawValue)
        reader.error(
          "unknown-field",
          Message(
            .surveyUnknownRequiredField,
            ["text": .text(text), "key": .text(what), "hint": DidYouMean.hintOrAll(text, from: all)]),
          item)
        continue
      }
      found.append(field)
    }
    return found
  }

  /// Resolves what needs the whole survey: `data_year` names a year question, `options_from` an
  /// earlier multi question, and every question has the fields the survey requires.
  static func resolvePolicy(_ survey: inout Survey, fields: Fields, questionNodes: [YAMLNode], _ reader: NodeReader) {
    if let node = fields.optional("data_year"),
      let id = reader.identifier(node, Message(.whatKeyNamed, ["key": "data_year"]))
    {
      if let slot = survey.questionIndex[id], survey.questions[slot].kind.name == "year" {
        survey.policy.dataYearQuestion = slot
      } else {
        let years = survey.questions.filter { $0.kind.name == "year" }.map(\.id)
        reader.error(
          "data-year",
          Message(
            years.isEmpty ? .surveyDataYearNoYearQuestion : .surveyDataYearNotYear,
            ["hint": DidYouMean.hint(id, from: years)]),
          node)
      }
    }
    for slot in survey.questions.indices where slot < questionNodes.count {
      resolveOptionsFrom(&survey, slot, node: questionNodes[slot], reader)
      checkRequiredFields(survey.questions[slot], survey.policy.questionFields, node: questionNodes[slot], reader)
    }
  }

  /// `options_from: barriers`: the options are those of an earlier multi question, less its
  /// options that stand alone ("none of these"); an answer must be one that was ticked there.
  static func resolveOptionsFrom(_ survey: inout Survey, _ slot: Int, node: YAMLNode, _ reader: NodeReader) {
    guard let keyNode = node.mapping?.first(where: { $0.key.scalar == "options_from" })?.value else { return }
    guard let id = reader.identifier(keyNode, Message(.whatKeyNamed, ["key": "options_from"])) else { return }
    let question = survey.questions[slot]
    let earlierMulti = survey.questions[..<slot].filter { $0.kind.chosenOptions == .several }.map(\.id)
    guard let source = survey.questionIndex[id], source < slot, survey.questions[source].kind.chosenOptions == .several
    else {
      let what = Message(
        survey.questionIndex[id] == nil ? .surveyNoQuestion : .surveyNotEarlierMulti, ["id": .text(id)])
      reader.error(
        "options-from",
        Message(
          .surveyOptionsFromEarlierMulti,
          ["id": .text(question.id), "what": .message(what), "hint": DidYouMean.hint(id, from: earlierMulti)]),
        keyNode)
      return
    }
    survey.questions[slot].optionsFrom = source
    survey.questions[slot].options = survey.questions[source].options.filter { !$0.exclusive }.map {
      ChoiceOption(value: $0.value, label: $0.label, level: nil, exclusive: false)
    }
  }

  static func checkRequiredFields(
    _ question: Question, _ required: [QuestionField], node: YAMLNode, _ reader: NodeReader
  ) {
    for field in required {
      let present: Bool
      switch field {
      case .definition: present = question.definition != nil
      case .source: present = !(question.source ?? "").trimmingSpaces.isEmpty
      case .dataSource: present = question.dataSource != nil
      case .help: present = question.help != nil
      }
      if !present {
        reader.error(
          "missing-field",
          Message(.surveyMissingQuestionField, ["id": .text(question.id), "field": .text(field.rawValue)]),
          node)
      }
    }
  }
}
