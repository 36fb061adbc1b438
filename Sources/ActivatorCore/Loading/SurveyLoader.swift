package import ActivatorYAML

/// Reads a survey definition and checks it: ids, stages, options, ranges, translations and the
/// skip-logic expressions (type-checked against the survey itself).
package enum SurveyLoader {
  static let surveyKeys = LoaderKeys.survey
  static let questionKeys = LoaderKeys.question

  package static func load(_ path: String, log: DiagnosticLog) -> Survey? {
    guard let (file, root) = Document.load(path, limits: .authored, log: log) else { return nil }
    return load(file, root, log: log)
  }

  package static func load(_ file: SourceFile, _ root: YAMLNode, log: DiagnosticLog) -> Survey? {
    var reader = NodeReader(file: file, log: log)
    let errorsBefore = log.errorCount
    reader.checkTags(root)
    guard let fields = reader.fields(root, Message(.whatSurvey), allowed: surveyKeys) else { return nil }

    // Languages first: every translatable text is checked against them.
    let languages = reader.languageList(fields)
    reader.languages = languages

    let id = fields.required("survey", reader).flatMap { reader.identifier($0, Message(.whatSurveyId2), dashes: true) }
    let version = fields.required("version", reader).flatMap { reader.version($0, Message(.whatSurveyVersion2)) }
    let title = fields.required("title", reader).flatMap { reader.localized($0, Message(.whatSurveyTitle)) }
    let description = fields.optional("description").flatMap { reader.localized($0, Message(.whatSurveyDescription)) }
    let threshold = readThreshold(fields, reader)
    let defaults = readDefaults(fields, reader)
    let stages = fields.required("stages", reader).map { readStages($0, reader) } ?? []
    let policy = readPolicy(fields, stageCount: stages.count, reader)
    let pillars = fields.required("pillars", reader).map { readPillars($0, reader) } ?? []
    let body = readSections(fields, pillars: pillars, stages: stages, defaults: defaults, reader)
    let sections = body.sections
    let questions = body.questions

    for (index, pillar) in pillars.enumerated() where !questions.contains(where: { $0.pillar == index }) {
      log.warning(
        "unused-pillar", Message(.surveyPillarHasNoQuestions, ["pillar_id": "\(pillar.id)"]), at: reader.location(root))
    }

    guard log.errorCount == errorsBefore, let id, let version, let title else { return nil }
    var survey = Survey(
      id: id, version: version, title: title, description: description, languages: languages, threshold: threshold,
      stages: stages, pillars: pillars, sections: sections, questions: questions, location: reader.location(root),
      source: file)
    survey.policy = policy
    resolvePolicy(&survey, fields: fields, questionNodes: body.questionNodes, reader)
    compileConditions(&survey, from: \.applicableSource, into: \.applicable, log: log)
    compileConditions(&survey, from: \.relevantSource, into: \.relevant, log: log)
    return log.errorCount == errorsBefore ? survey : nil
  }

  static func readThreshold(_ fields: Fields, _ reader: NodeReader) -> Double {
    guard let node = fields.optional("threshold"), let value = reader.double(node, Message(.whatThreshold)) else {
      return 0.75
    }
    guard value > 0 && value <= 1 else {
      reader.error("out-of-range", Message(.surveyThresholdMustBeMore, ["value": "\(value)"]), node)
      return 0.75
    }
    return value
  }

  /// What a question is when it does not say: `required`, and the missing-data codes it allows.
  struct QuestionDefaults {
    var required = true
    var allowed: Set<MissingCode> = [.dontKnow]
  }

  static func readDefaults(_ fields: Fields, _ reader: NodeReader) -> QuestionDefaults {
    var result = QuestionDefaults()
    guard let node = fields.optional("defaults"),
      let defaults = reader.fields(node, Message(.whatSurveyDefaults), allowed: ["required", "allow"])
    else { return result }
    if let value = defaults.optional("required").flatMap({ reader.bool($0, Message(.whatRequired)) }) {
      result.required = value
    }
    if let value = defaults["allow"] { result.allowed = allowedCodes(value, reader) }
    return result
  }

  /// The sections and their questions, numbered in file order, with each question's node (for
  /// the policy's references); duplicate section and question ids are reported.
  struct Body {
    var sections: [Section] = []
    var questions: [Question] = []
    var questionNodes: [YAMLNode] = []
    var seenQuestions: [String: YAMLNode] = [:]
    var seenSections: [String: YAMLNode] = [:]
  }

  static func readSections(
    _ fields: Fields, pillars: [Pillar], stages: [Stage], defaults: QuestionDefaults, _ reader: NodeReader
  ) -> Body {
    var body = Body()
    guard let node = fields.required("sections", reader), let items = reader.list(node, Message(.whatSections)) else {
      return body
    }
    for item in items {
      readSection(item, into: &body, pillars: pillars, stages: stages, defaults: defaults, reader)
    }
    return body
  }

  static func readSection(
    _ item: YAMLNode, into body: inout Body, pillars: [Pillar], stages: [Stage], defaults: QuestionDefaults,
    _ reader: NodeReader
  ) {
    guard
      let section = reader.fields(
        item, Message(.whatSection), allowed: ["id", "pillar", "title", "intro", "questions"])
    else { return }
    let sectionID = section.required("id", reader).flatMap { reader.identifier($0, Message(.whatSectionId)) } ?? "?"
    if let idNode = section["id"] {
      if let first = body.seenSections[sectionID] {
        reader.error(
          "duplicate-id", Message(.surveyDuplicateSectionId, ["section": .text(sectionID)]), idNode,
          notes: [.init(Message(.surveyFirstDefinedHere), at: reader.location(first))])
      }
      body.seenSections[sectionID] = idNode
    }
    let pillar = section.optional("pillar").flatMap { pillarReference($0, pillars, reader) }
    let sectionTitle = section.required("title", reader).flatMap {
      reader.localized($0, Message(.whatTitleSection, ["section": .text(sectionID)]))
    }
    let intro = section.optional("intro").flatMap {
      reader.localized($0, Message(.whatIntroSection, ["section": .text(sectionID)]))
    }
    let first = body.questions.count
    if let node = section.required("questions", reader), let items = reader.list(node, Message(.whatQuestions)) {
      if items.isEmpty {
        reader.error("empty", Message(.surveySectionHasNoQuestions, ["section": .text(sectionID)]), node)
      }
      for item in items {
        guard
          let question = readQuestion(
            item, reader: reader, pillars: pillars, stages: stages, sectionPillar: pillar,
            section: body.sections.count, defaultRequired: defaults.required, defaultAllowed: defaults.allowed)
        else { continue }
        let idNode = item.mapping?.first(where: { $0.key.scalar == "id" })?.value
        if let idNode, let first = body.seenQuestions[question.id] {
          reader.error(
            "duplicate-id", Message(.surveyDuplicateQuestionId, ["question_id": "\(question.id)"]), idNode,
            notes: [.init(Message(.surveyFirstDefinedHere), at: reader.location(first))])
          continue
        }
        if let idNode { body.seenQuestions[question.id] = idNode }
        body.questions.append(question)
        body.questionNodes.append(item)
      }
    }
    body.sections.append(
      Section(
        id: sectionID, pillar: pillar, title: sectionTitle ?? LocalizedText(sectionID), intro: intro,
        questions: first..<body.questions.count))
  }

  static func allowedCodes(_ node: YAMLNode, _ reader: NodeReader) -> Set<MissingCode> {
    if node.isNull { return [] }
    guard let items = reader.list(node, Message(.whatAllowMissingDataCodes)) else { return [] }
    var codes: Set<MissingCode> = []
    for item in items {
      guard let text = reader.string(item, Message(.whatMissingDataCode)) else { continue }
      guard let code = MissingCode(rawValue: text) else {
        let hint = DidYouMean.hint(text, from: MissingCode.allCases.map(\.rawValue))
        reader.error("unknown-code", Message(.surveyNotMissingDataCode, ["text": "\(text)", "hint": hint]), item)
        continue
      }
      codes.insert(code)
    }
    return codes
  }

  static func readStages(_ node: YAMLNode, _ reader: NodeReader) -> [Stage] {
    guard let items = reader.list(node, Message(.whatStages)) else { return [] }
    var stages: [Stage] = []
    for item in items {
      guard let fields = reader.fields(item, Message(.whatStage), allowed: ["level", "id", "name", "description"])
      else { continue }
      let level = fields.required("level", reader).flatMap { reader.int($0, Message(.whatStageLevel), in: 1...20) }
      let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatStageId)) }
      let name = fields.required("name", reader).flatMap { reader.localized($0, Message(.whatStageName)) }
      let description = fields.optional("description").flatMap { reader.localized($0, Message(.whatStageDescription)) }
      guard let level, let id, let name else { continue }
      if level != stages.count + 1 {
        reader.error(
          "stage-order",
          Message(.surveyStagesMustBeNumbered, ["stages_count": "\(stages.count + 1)", "level": "\(level)"]),
          fields["level"] ?? item)
      }
      if stages.contains(where: { $0.id == id }) {
        reader.error("duplicate-id", Message(.surveyDuplicateStageId, ["id": "\(id)"]), fields["id"] ?? item)
      }
      stages.append(Stage(level: level, id: id, name: name, description: description))
    }
    if stages.count < 2 { reader.error("stages", Message(.surveySurveyNeedsAtLeast), node) }
    return stages
  }

  static func readPillars(_ node: YAMLNode, _ reader: NodeReader) -> [Pillar] {
    guard let items = reader.list(node, Message(.whatPillars)) else { return [] }
    var pillars: [Pillar] = []
    for item in items {
      guard let fields = reader.fields(item, Message(.whatPillar), allowed: ["id", "name", "description"]) else {
        continue
      }
      let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatPillarId)) }
      let name = fields.required("name", reader).flatMap { reader.localized($0, Message(.whatPillarName)) }
      let description = fields.optional("description").flatMap { reader.localized($0, Message(.whatPillarDescription)) }
      guard let id, let name else { continue }
      if pillars.contains(where: { $0.id == id }) {
        reader.error("duplicate-id", Message(.surveyDuplicatePillarId, ["id": "\(id)"]), fields["id"] ?? item)
        continue
      }
      pillars.append(Pillar(id: id, name: name, description: description))
    }
    if pillars.isEmpty { reader.error("empty", Message(.surveySurveyNeedsAtLeast2), node) }
    return pillars
  }

  static func pillarReference(_ node: YAMLNode, _ pillars: [Pillar], _ reader: NodeReader) -> Int? {
    guard let id = reader.string(node, Message(.whatPillar2)) else { return nil }
    guard let index = pillars.firstIndex(where: { $0.id == id }) else {
      let hint = DidYouMean.hint(id, from: pillars.map(\.id))
      reader.error("unknown-pillar", Message(.surveyUnknownPillar, ["id": "\(id)", "hint": hint]), node)
      return nil
    }
    return index
  }

  static func readQuestion(
    _ node: YAMLNode, reader: NodeReader, pillars: [Pillar], stages: [Stage], sectionPillar: Int?, section: Int,
    defaultRequired: Bool, defaultAllowed: Set<MissingCode>
  ) -> Question? {
    guard let fields = reader.fields(node, Message(.whatQuestion), allowed: questionKeys) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatQuestionId2)) }
    let label = Message(.whatQuestionNamed, ["id": .text(id ?? "?")])
    if let id, MissingCode(rawValue: id) != nil {
      reader.error("reserved", Message(.surveyReservedMissingDataCode, ["id": "\(id)"]), fields["id"] ?? node)
    }
    let kind = questionKind(fields, reader)
    let text = fields.required("text", reader).flatMap {
      reader.localized($0, Message(.whatText, ["label": .message(label)]))
    }
    let short = fields.optional("short").flatMap {
      reader.localized($0, Message(.whatShortLabel, ["label": .message(label)]))
    }
    let help = fields.optional("help").flatMap { reader.localized($0, Message(.whatHelp, ["label": .message(label)])) }
    let source = fields.optional("source").flatMap {
      reader.string($0, Message(.whatIndicatorSource, ["label": .message(label)]))
    }
    let definition = fields.optional("definition").flatMap {
      reader.localized($0, Message(.whatDefinition, ["label": .message(label)]))
    }
    let dataSource = fields.optional("data_source").flatMap {
      reader.localized($0, Message(.whatDataSource, ["label": .message(label)]))
    }
    let applicable = fields.optional("applicable").flatMap {
      reader.expression($0, Message(.whatApplicable, ["label": .message(label)]))
    }
    var pillar = sectionPillar
    if let node = fields.optional("pillar") { pillar = pillarReference(node, pillars, reader) }
    let required = fields.optional("required").flatMap { reader.bool($0, Message(.whatRequired)) } ?? defaultRequired
    let allowed = fields["allow"].map { allowedCodes($0, reader) } ?? defaultAllowed
    let relevant = fields.optional("relevant").flatMap {
      reader.expression($0, Message(.whatSkipLogicRelevant, ["label": .message(label)]))
    }
    guard let id, let kind, let text else { return nil }

    rejectKeysOfOtherKinds(fields, kind, id: id, reader: reader)
    var question = Question(
      id: id, kind: kind, text: text, help: help, source: source, pillar: pillar, section: section, required: required,
      allowed: allowed, relevantSource: relevant, location: reader.location(node))
    question.short = short
    if let short, let shortNode = fields["short"] {
      checkShort(short, of: text, id: id, reader: reader, node: shortNode)
    }
    question.definition = definition
    question.dataSource = dataSource
    question.applicableSource = applicable
    kind.readDetails(
      fields, into: &question, QuestionReading(reader: reader, node: node, label: label, stageCount: stages.count))
    if let node = fields.optional("default") {
      if case .value(let value) = AnswerParser.parse(node, for: question, reader: reader) {
        question.defaultValue = value
      }
    }
    return question
  }

  /// `type:`, one of the registered question kinds.
  static func questionKind(_ fields: Fields, _ reader: NodeReader) -> (any QuestionKind)? {
    var kind: (any QuestionKind)?
    if let typeNode = fields.required("type", reader), let text = reader.string(typeNode, Message(.whatQuestionType)) {
      kind = QuestionKinds.named(text)
      if kind == nil {
        let all = QuestionKinds.names
        reader.error(
          "unknown-type",
          Message(.surveyUnknownQuestionType, ["text": .text(text), "hint": DidYouMean.hintOrAll(text, from: all)]),
          typeNode)
      }
    }
    return kind
  }

  /// Keys that belong to other kinds of question.
  static func rejectKeysOfOtherKinds(_ fields: Fields, _ kind: any QuestionKind, id: String, reader: NodeReader) {
    for key in QuestionKinds.specificKeys where !kind.keys.contains(key) {
      if let keyNode = fields.keys[key] {
        reader.error(
          "key-for-type",
          Message(
            .surveyAppliesQuestionsNotQuestion,
            [
              "key": "\(key)", "describe_kinds": "\(QuestionKinds.describeKinds(taking: key))",
              "kind_name": "\(kind.name)", "id": "\(id)",
            ]), keyNode)
      }
    }
  }

  /// A short label is for where the question does not fit: one as long as the question is a
  /// copy that will go stale when the question is reworded.
  static func checkShort(_ short: LocalizedText, of text: LocalizedText, id: String, reader: NodeReader, node: YAMLNode)
  {
    for (language, label) in short.translations where label.count >= text.text(language).count {
      reader.warning(
        "short-not-shorter", Message(.surveyShortNotShorter, ["id": .text(id), "language": .text(language)]), node)
    }
  }

  /// Type-checks each question's `relevant` (or `applicable`) condition now that every question
  /// is known: either may read earlier questions only.
  static func compileConditions(
    _ survey: inout Survey, from source: KeyPath<Question, ExpressionSource?>,
    into target: WritableKeyPath<Question, CompiledExpression?>, log: DiagnosticLog
  ) {
    for slot in survey.questions.indices {
      guard let text = survey.questions[slot][keyPath: source] else { continue }
      let environment = ExpressionEnvironment(survey: survey, purpose: .relevance(slot))
      let (compiled, diagnostics) = ExpressionCompiler.compile(text, in: environment, expecting: .bool)
      log.append(contentsOf: diagnostics)
      survey.questions[slot][keyPath: target] = compiled
    }
  }
}
