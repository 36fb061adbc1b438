package import ActivatorYAML

/// The surveys known to a run, by id and version; answers files are matched against them.
package struct SurveyRegistry: Sendable {
  package private(set) var surveys: [Survey] = []

  package init(_ surveys: [Survey] = []) {
    for survey in surveys { add(survey) }
  }

  package mutating func add(_ survey: Survey) {
    surveys.append(survey)
    surveys.sort { ($0.id, $0.version) < ($1.id, $1.version) }
  }

  package func versions(of id: String) -> [Survey] { surveys.filter { $0.id == id } }

  /// The survey an answers file for `id` at `version` is read with: that exact version, else
  /// the newest loaded version with the same major version that is not older (semantic
  /// versioning: minor versions only add).
  package func survey(_ id: String, compatibleWith version: SemanticVersion) -> Survey? {
    let candidates = versions(of: id)
    if let exact = candidates.first(where: { $0.version == version }) { return exact }
    return candidates.filter { $0.version.major == version.major && $0.version >= version }.max {
      $0.version < $1.version
    }
  }

  /// The newest version of `id`, or the newest survey of all when `id` is nil.
  package func latest(_ id: String? = nil) -> Survey? {
    let candidates = id.map(versions(of:)) ?? surveys
    return candidates.max { $0.version < $1.version }
  }
}

/// Reads answers files (what cities return) and checks every answer against its question.
package enum AnswersLoader {
  static let keys = LoaderKeys.answers

  package static func load(
    _ path: String, registry: SurveyRegistry, log: DiagnosticLog, limits: YAMLLimits = .untrusted
  )
    -> (AnswerSheet, Survey)?
  {
    guard let (file, root) = Document.load(path, limits: limits, log: log) else { return nil }
    return load(file, root, registry: registry, log: log)
  }

  /// What a file that is clearly not an answers file is, so one error replaces twenty
  /// "unknown key" errors.
  static func otherKind(_ root: YAMLNode) -> Message? {
    guard let pairs = root.mapping else { return nil }
    let keys = Set(pairs.compactMap(\.key.scalar))
    guard !keys.contains("answers") else { return nil }
    if keys.contains("plugin") || !keys.isDisjoint(with: ["criteria", "ladders", "metrics", "next_steps"]) {
      return Message(.answersIsPlugin)
    }
    if keys.contains("sections") || (keys.contains("survey") && keys.contains("stages")) {
      return Message(.answersIsSurvey)
    }
    if keys.contains("catalog") || !keys.isDisjoint(with: ["solutions", "programmes"]) {
      return Message(.answersIsCatalog)
    }
    if keys.contains("fixtures") {
      return Message(.answersIsFixture)
    }
    return nil
  }

  package static func load(_ file: SourceFile, _ root: YAMLNode, registry: SurveyRegistry, log: DiagnosticLog)
    -> (AnswerSheet, Survey)?
  {
    var reader = NodeReader(file: file, log: log)
    let errorsBefore = log.errorCount
    reader.checkTags(root, expressions: false)
    if let other = otherKind(root) {
      reader.error("not-answers", other, root)
      return nil
    }
    guard let fields = reader.fields(root, Message(.whatAnswersFile), allowed: keys),
      let (survey, version) = answeredSurvey(fields, registry: registry, reader)
    else { return nil }
    reader.languages = survey.languages

    // Each part is read in this fixed order, which is the order its diagnostics are listed in.
    let language = readLanguage(fields, survey, reader)
    let city = readCity(fields, reader)
    let respondent = readRespondent(fields, reader)
    let started = fields.optional("started").flatMap { timestamp($0, "started", reader) }
    let completed = fields.optional("completed").flatMap { timestamp($0, "completed", reader) }
    let (values, marks) = readAnswers(fields, root: root, survey: survey, file: file, reader)
    let targets = readTargets(fields, survey, reader)
    let notes = readNotes(fields, survey, file: file, reader)
    let evidence = fields.optional("evidence").map { readEvidence($0, survey: survey, file: file, reader) } ?? [:]
    let review = readReview(fields, survey, reader)

    var sheet = AnswerSheet(
      surveyID: survey.id, surveyVersion: version, language: language, city: city, respondent: respondent,
      started: started,
      completed: completed, values: values, marks: marks, targets: targets, notes: notes, review: review.sorted(),
      path: file.path)
    sheet.evidence = evidence
    sheet.answersLocation = fields.keys["answers"].map { reader.location($0) }
    reportCrossChecks(sheet, survey: survey, evidenceNode: fields.optional("evidence"), file: file, reader)
    guard log.errorCount == errorsBefore else { return nil }
    return (sheet, survey)
  }

  /// The survey and version the file says it answers, resolved in `registry`; an error names
  /// the surveys or versions that are loaded when it is not there.
  static func answeredSurvey(_ fields: Fields, registry: SurveyRegistry, _ reader: NodeReader)
    -> (Survey, SemanticVersion)?
  {
    guard let surveyNode = fields.required("survey", reader),
      let surveyID = reader.string(surveyNode, Message(.whatSurveyId))
    else { return nil }
    let known = Set(registry.surveys.map(\.id))
    guard !registry.versions(of: surveyID).isEmpty else {
      let hint = DidYouMean.hint(surveyID, from: known)
      let list =
        known.isEmpty
        ? Message(.answersNoSurveyLoaded)
        : Message(.answersLoadedSurveys, ["surveys": .text(known.sorted().joined(separator: ", "))])
      reader.error(
        "unknown-survey",
        Message(.answersThisFileAnswersSurvey, ["survey": .text(surveyID), "hint": hint, "list": .message(list)]),
        surveyNode)
      return nil
    }
    guard let versionNode = fields.required("survey_version", reader),
      let version = reader.version(versionNode, Message(.whatSurveyVersion))
    else { return nil }
    guard let survey = registry.survey(surveyID, compatibleWith: version) else {
      let loaded = registry.versions(of: surveyID).map { $0.version.description }.joined(separator: ", ")
      reader.error(
        "survey-version",
        Message(
          .answersThisFileAnswersBut,
          ["survey": .text(surveyID), "version": .text(version.description), "loaded": .text(loaded)]),
        versionNode)
      return nil
    }
    return (survey, version)
  }

  /// The file's language when the survey has it; otherwise the survey's default, with a warning.
  static func readLanguage(_ fields: Fields, _ survey: Survey, _ reader: NodeReader) -> String {
    let language = survey.defaultLanguage
    guard let node = fields.optional("language"), let code = reader.string(node, Message(.whatLanguage)) else {
      return language
    }
    // Written as people write it (`pt-BR`, `fr_SN`), read in the survey's spelling.
    if let found = LanguageChoice.inSurvey(code, survey) { return found }
    reader.warning(
      "language",
      Message(
        .answersLanguageNotOneSurvey,
        [
          "code": "\(code)", "languages_joined": "\(survey.languages.joined(separator: ", "))",
          "language": "\(language)",
        ]),
      node)
    return language
  }

  static func readCity(_ fields: Fields, _ reader: NodeReader) -> City {
    var city = City(name: "")
    if let node = fields.required("city", reader),
      let cityFields = reader.fields(node, Message(.whatCity), allowed: ["name", "country", "region"])
    {
      city.name = cityFields.required("name", reader).flatMap { reader.string($0, Message(.whatCityName)) } ?? ""
      city.country = cityFields.optional("country").flatMap { reader.string($0, Message(.whatCountry)) }
      city.region = cityFields.optional("region").flatMap { reader.string($0, Message(.whatRegion)) }
    }
    return city
  }

  static func readRespondent(_ fields: Fields, _ reader: NodeReader) -> Respondent? {
    guard let node = fields.optional("respondent"),
      let r = reader.fields(
        node, Message(.whatRespondent), allowed: ["name", "role", "email", "organisation", "organization"])
    else { return nil }
    return Respondent(
      name: r.optional("name").flatMap { reader.string($0, Message(.whatRespondentSName)) },
      role: r.optional("role").flatMap { reader.string($0, Message(.whatRespondentSRole)) },
      email: r.optional("email").flatMap { reader.string($0, Message(.whatRespondentSEMail)) },
      organisation: (r.optional("organisation") ?? r.optional("organization")).flatMap {
        reader.string($0, Message(.whatRespondentSOrganisation))
      })
  }

  /// Every answer by question slot, with where its value starts in the file; unknown
  /// questions, answers given twice and answers of the wrong type are reported.
  static func readAnswers(
    _ fields: Fields, root: YAMLNode, survey: Survey, file: SourceFile, _ reader: NodeReader
  ) -> (values: [AnswerValue?], marks: [YAMLMark?]) {
    var values = [AnswerValue?](repeating: nil, count: survey.questions.count)
    var marks = [YAMLMark?](repeating: nil, count: survey.questions.count)
    guard let node = fields["answers"] else {
      reader.error("missing-key", Message(.answersAnswersFileMissingRequired), root)
      return (values, marks)
    }
    // `answers:` with nothing under it: a blank file, every question unanswered.
    if node.isNull { return (values, marks) }
    guard let pairs = node.mapping else {
      reader.error("wrong-type", Message(.answersExpectedAnswersAsMapping, ["found": NodeReader.found(node)]), node)
      return (values, marks)
    }
    var seen = [YAMLMark?](repeating: nil, count: survey.questions.count)
    for pair in pairs {
      guard let slot = answerSlot(pair.key, survey: survey, seen: seen, file: file, reader) else { continue }
      seen[slot] = pair.key.start
      marks[slot] = pair.value.start
      switch AnswerParser.parse(pair.value, for: survey.questions[slot], reader: reader) {
      case .value(let value): values[slot] = value
      case .blank, .invalid: break
      }
    }
    return (values, marks)
  }

  /// The question an answer's key names, or nil (reported) when it is not a question of the
  /// survey or was already answered.
  static func answerSlot(
    _ key: YAMLNode, survey: Survey, seen: [YAMLMark?], file: SourceFile, _ reader: NodeReader
  ) -> Int? {
    guard let id = key.scalar else {
      reader.error("wrong-type", Message(.answersKeyAnswersMustBe, ["found": NodeReader.found(key)]), key)
      return nil
    }
    guard let slot = survey.questionIndex[id] else {
      let hint = DidYouMean.hint(id, from: survey.questionIndex.keys)
      reader.error(
        "unknown-question",
        Message(
          .answersUnknownQuestionAnswersSurvey, ["id": "\(id)", "reference": "\(survey.reference)", "hint": hint]),
        key)
      return nil
    }
    if let first = seen[slot] {
      reader.error(
        "duplicate-key", Message(.answersQuestionAnsweredTwice, ["id": "\(id)"]), key,
        notes: [.init(Message(.answersFirstAnsweredHere), at: file.location(first))])
      return nil
    }
    return slot
  }

  /// Target stages by pillar index.
  static func readTargets(_ fields: Fields, _ survey: Survey, _ reader: NodeReader) -> [Int: Int] {
    var targets: [Int: Int] = [:]
    guard let node = fields.optional("targets"),
      let pairs = reader.fields(node, Message(.whatTargets), allowed: survey.pillars.map(\.id))
    else { return targets }
    for key in pairs.order {
      guard let pillar = survey.pillarIndex(key), let valueNode = pairs.optional(key) else { continue }
      if let stage = stageNumber(valueNode, survey, reader) { targets[pillar] = stage }
    }
    return targets
  }

  /// Notes by question slot.
  static func readNotes(_ fields: Fields, _ survey: Survey, file: SourceFile, _ reader: NodeReader) -> [Int: String] {
    var notes: [Int: String] = [:]
    guard let node = fields.optional("notes") else { return notes }
    guard let pairs = node.mapping else {
      reader.error("wrong-type", Message(.answersExpectedNotesAsMapping, ["found": NodeReader.found(node)]), node)
      return notes
    }
    var noted = [YAMLMark?](repeating: nil, count: survey.questions.count)
    for pair in pairs {
      let id = pair.key.scalar ?? "?"
      guard let slot = reader.questionSlot(id, in: survey, at: pair.key, unknown: .answersNoteForUnknownQuestion),
        reader.firstEntry(slot, id: id, key: pair.key, seen: &noted, twice: .answersNoteOnGivenTwice)
      else { continue }
      if let text = reader.string(pair.value, Message(.whatNoteOn, ["id": "\(id)"]), allowEmpty: true) {
        notes[slot] = text
      }
    }
    return notes
  }

  /// The question slots marked for review, each once, in the file's order.
  static func readReview(_ fields: Fields, _ survey: Survey, _ reader: NodeReader) -> [Int] {
    var review: [Int] = []
    guard let node = fields.optional("review"), let items = reader.list(node, Message(.whatReview)) else {
      return review
    }
    for item in items {
      guard let id = reader.string(item, Message(.whatQuestionId)) else { continue }
      guard let slot = reader.questionSlot(id, in: survey, at: item, unknown: .answersUnknownQuestionReview) else {
        continue
      }
      if !review.contains(slot) { review.append(slot) }
    }
    return review
  }

  /// A stage given by level (`4`) or by id (`integrated`).
  /// A stage by number or id (targets, fixtures), reported at `node` when it names no stage of
  /// `survey`.
  static func stageNumber(_ node: YAMLNode, _ survey: Survey, _ reader: NodeReader) -> Int? {
    guard let stage = reader.stageReference(node, Message(.whatStage)) else { return nil }
    switch survey.stageLevel(stage.value) {
    case .success(let level): return level
    case .failure(let problem):
      reader.error(problem.code, problem.message, node)
      return nil
    }
  }

  static func timestamp(_ node: YAMLNode, _ key: String, _ reader: NodeReader) -> String? {
    guard let text = reader.string(node, Message(.whatKeyNamed, ["key": .text(key)])) else { return nil }
    if !DateText.isValid(String(text.prefix(10))) {
      reader.error("timestamp", Message(.answersMustBeDateIso, ["what": .text(key), "text": .text(text)]), node)
      return nil
    }
    return text
  }
}

/// Reads one answer for one question: a value of its type, or an allowed missing-data code.
package enum AnswerParser {
  package enum Parsed: Sendable {
    case value(AnswerValue)
    /// Nothing was written (`question:` with no value): unanswered.
    case blank
    /// An error was reported.
    case invalid
  }

  /// Reads the answer in `node`: nothing, an allowed missing-data code, or what the question's
  /// kind reads.
  package static func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> Parsed {
    let id = question.id
    if node.isNull { return .blank }
    if let text = node.scalar, let code = AnswerWords.missingCode(text) {
      guard question.allowed.contains(code) else {
        let allowed = question.allowed.map(\.rawValue).sorted()
        let what =
          allowed.isEmpty
          ? Message(.answersNoCodeAllowed)
          : Message(.answersOnlyCodes, ["codes": .text(allowed.joined(separator: ", "))])
        reader.error(
          "missing-code",
          Message(
            .answerCodeNotAllowed,
            ["subject": subject(question, reader), "code": .text(text), "allowed": .message(what)]), node)
        return .invalid
      }
      return .value(.missing(code))
    }
    return question.kind.parse(node, for: question, reader: reader)
  }

  /// "'gov_budget' " opening a message about an answer; nothing where the question is already
  /// in view (the questionnaire shows the message under it, capitalized).
  static func subject(_ question: Question, _ reader: NodeReader) -> MessageArgument {
    reader.atPrompt ? "" : .message(Message(.answerSubject, ["id": .text(question.id)]))
  }

  /// " (or dont_know / not_applicable)" in a file, " (or don't know)" in words at the prompt;
  /// nothing when the question allows no code.
  static func codesHint(_ question: Question, _ reader: NodeReader) -> MessageArgument {
    let codes = MissingCode.allCases.filter { question.allowed.contains($0) }
    guard !codes.isEmpty else { return .text("") }
    guard reader.atPrompt else {
      return .message(Message(.answersCodesHint, ["codes": .text(codes.map(\.rawValue).joined(separator: " / "))]))
    }
    let words = codes.map { MessageArgument.message(Message($0 == .dontKnow ? .valueDontKnow : .valueNotApplicable)) }
    return .message(Message(.answersCodesHint, ["codes": .alternatives(words)]))
  }

  /// " datasets" after `count` in the reader's language, in the form its plural rule gives
  /// that count ("1 dataset"); "%" stays against it.
  static func unitHint(_ question: Question, count: Double) -> MessageArgument {
    guard let unit = question.unit, !unit.text("en").isEmpty else { return .text("") }
    if unit.text("en") == "%" { return .text("%") }
    return .localized(
      LocalizedText(unit.text.translations.map { ($0.language, " " + unit.text($0.language, count: count)) }))
  }
}
