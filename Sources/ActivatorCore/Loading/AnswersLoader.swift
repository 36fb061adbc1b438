public import ActivatorYAML

/// The surveys known to a run, by id and version; answers files are matched against them.
public struct SurveyRegistry: Sendable {
  public private(set) var surveys: [Survey] = []

  public init(_ surveys: [Survey] = []) {
    for survey in surveys { add(survey) }
  }

  public mutating func add(_ survey: Survey) {
    surveys.append(survey)
    surveys.sort { ($0.id, $0.version) < ($1.id, $1.version) }
  }

  public func versions(of id: String) -> [Survey] { surveys.filter { $0.id == id } }

  /// The survey an answers file for `id` at `version` is read with: that exact version, else
  /// the newest loaded version with the same major version that is not older (semantic
  /// versioning: minor versions only add).
  public func survey(_ id: String, compatibleWith version: SemanticVersion) -> Survey? {
    let candidates = versions(of: id)
    if let exact = candidates.first(where: { $0.version == version }) { return exact }
    return candidates.filter { $0.version.major == version.major && $0.version >= version }.max { $0.version < $1.version }
  }

  /// The newest version of `id`, or the newest survey of all when `id` is nil.
  public func latest(_ id: String? = nil) -> Survey? {
    let candidates = id.map(versions(of:)) ?? surveys
    return candidates.max { $0.version < $1.version }
  }
}

/// Reads answers files (what cities return) and checks every answer against its question.
public enum AnswersLoader {
  static let keys = LoaderKeys.answers

  public static func load(_ path: String, registry: SurveyRegistry, log: DiagnosticLog, limits: YAMLLimits = .untrusted)
    -> (AnswerSheet, Survey)?
  {
    guard let (file, root) = Document.load(path, limits: limits, log: log) else { return nil }
    return load(file, root, registry: registry, log: log)
  }

  /// What a file that is clearly not an answers file is, so one error replaces twenty
  /// "unknown key" errors.
  static func otherKind(_ root: YAMLNode) -> String? {
    guard let pairs = root.mapping else { return nil }
    let keys = Set(pairs.compactMap(\.key.scalar))
    guard !keys.contains("answers") else { return nil }
    if keys.contains("plugin") || !keys.isDisjoint(with: ["criteria", "ladders", "metrics", "next_steps"]) {
      return "this is a rule plugin file, not an answers file (give rule plugins with --rules)"
    }
    if keys.contains("sections") || (keys.contains("survey") && keys.contains("stages")) {
      return "this is a survey definition, not an answers file (give surveys with --survey)"
    }
    if keys.contains("catalog") || !keys.isDisjoint(with: ["solutions", "programmes"]) {
      return "this is a catalog file of a rule plugin, not an answers file"
    }
    if keys.contains("fixtures") {
      return "this is a rule test file (fixtures), not an answers file; run it with 'activator test'"
    }
    return nil
  }

  public static func load(_ file: SourceFile, _ root: YAMLNode, registry: SurveyRegistry, log: DiagnosticLog)
    -> (AnswerSheet, Survey)?
  {
    var reader = NodeReader(file: file, log: log)
    let errorsBefore = log.errorCount
    reader.checkTags(root, expressions: false)
    if let other = otherKind(root) {
      reader.error("not-answers", other, root)
      return nil
    }
    guard let fields = reader.fields(root, "an answers file", allowed: keys) else { return nil }

    guard let surveyNode = fields.required("survey", reader), let surveyID = reader.string(surveyNode, "the survey id")
    else { return nil }
    let known = Set(registry.surveys.map(\.id))
    guard !registry.versions(of: surveyID).isEmpty else {
      let hint = DidYouMean.hint(surveyID, from: known)
      let list = known.isEmpty ? "no survey is loaded" : "loaded surveys: " + known.sorted().joined(separator: ", ")
      reader.error("unknown-survey", "this file answers survey '\(surveyID)', which is not loaded\(hint) (\(list))", surveyNode)
      return nil
    }
    guard let versionNode = fields.required("survey_version", reader),
      let version = reader.version(versionNode, "survey_version")
    else { return nil }
    guard let survey = registry.survey(surveyID, compatibleWith: version) else {
      let loaded = registry.versions(of: surveyID).map { $0.version.description }.joined(separator: ", ")
      reader.error(
        "survey-version",
        "this file answers \(surveyID) \(version), but only version \(loaded) is loaded and none is compatible (same major version, not older)",
        versionNode)
      return nil
    }
    reader.languages = survey.languages

    var language = survey.defaultLanguage
    if let node = fields.optional("language"), let code = reader.string(node, "language") {
      if survey.languages.contains(code) {
        language = code
      } else {
        reader.warning(
          "language",
          "language '\(code)' is not one of the survey's (\(survey.languages.joined(separator: ", "))); reports will use \(language)",
          node)
      }
    }

    var city = City(name: "")
    if let node = fields.required("city", reader),
      let cityFields = reader.fields(node, "the city", allowed: ["name", "country", "region"])
    {
      city.name = cityFields.required("name", reader).flatMap { reader.string($0, "the city name") } ?? ""
      city.country = cityFields.optional("country").flatMap { reader.string($0, "the country") }
      city.region = cityFields.optional("region").flatMap { reader.string($0, "the region") }
    }
    var respondent: Respondent?
    if let node = fields.optional("respondent"),
      let r = reader.fields(node, "the respondent", allowed: ["name", "role", "email", "organisation", "organization"])
    {
      respondent = Respondent(
        name: r.optional("name").flatMap { reader.string($0, "the respondent's name") },
        role: r.optional("role").flatMap { reader.string($0, "the respondent's role") },
        email: r.optional("email").flatMap { reader.string($0, "the respondent's e-mail") },
        organisation: (r.optional("organisation") ?? r.optional("organization")).flatMap { reader.string($0, "the respondent's organisation") })
    }
    let started = fields.optional("started").flatMap { timestamp($0, "started", reader) }
    let completed = fields.optional("completed").flatMap { timestamp($0, "completed", reader) }

    var values = [AnswerValue?](repeating: nil, count: survey.questions.count)
    var marks = [YAMLMark?](repeating: nil, count: survey.questions.count)
    if let node = fields["answers"] {
      if node.isNull {
        // `answers:` with nothing under it: a blank file, every question unanswered.
      } else if let pairs = node.mapping {
        var seen = [YAMLMark?](repeating: nil, count: survey.questions.count)
        for pair in pairs {
          guard let id = pair.key.scalar else {
            reader.error("wrong-type", "a key in answers must be a question id, found \(pair.key.kindDescription)", pair.key)
            continue
          }
          guard let slot = survey.questionIndex[id] else {
            let hint = DidYouMean.hint(id, from: survey.questionIndex.keys)
            reader.error("unknown-question", "unknown question '\(id)' in answers (survey \(survey.reference))\(hint)", pair.key)
            continue
          }
          if let first = seen[slot] {
            reader.error(
              "duplicate-key", "question '\(id)' is answered twice", pair.key,
              notes: [.init("first answered here", at: file.location(first))])
            continue
          }
          seen[slot] = pair.key.start
          marks[slot] = pair.value.start
          switch AnswerParser.parse(pair.value, for: survey.questions[slot], reader: reader) {
          case .value(let value): values[slot] = value
          case .blank, .invalid: break
          }
        }
      } else {
        reader.error("wrong-type", "expected answers as a mapping of 'question_id: answer' lines, found \(node.kindDescription)", node)
      }
    } else {
      reader.error("missing-key", "an answers file is missing the required key 'answers'", root)
    }

    var targets: [Int: Int] = [:]
    if let node = fields.optional("targets"), let pairs = reader.fields(node, "targets", allowed: survey.pillars.map(\.id)) {
      for key in pairs.order {
        guard let pillar = survey.pillarIndex(key), let valueNode = pairs.optional(key) else { continue }
        if let stage = stageNumber(valueNode, survey, reader) { targets[pillar] = stage }
      }
    }
    var notes: [Int: String] = [:]
    if let node = fields.optional("notes"), let pairs = node.mapping {
      var noted = [YAMLMark?](repeating: nil, count: survey.questions.count)
      for pair in pairs {
        guard let id = pair.key.scalar, let slot = survey.questionIndex[id] else {
          let id = pair.key.scalar ?? "?"
          reader.error("unknown-question", "note for unknown question '\(id)'" + DidYouMean.hint(id, from: survey.questionIndex.keys), pair.key)
          continue
        }
        // Two notes on one question: keeping either would silently lose the other.
        if let first = noted[slot] {
          reader.error(
            "duplicate-key", "the note on '\(id)' is given twice", pair.key,
            notes: [.init("first given here", at: file.location(first))])
          continue
        }
        noted[slot] = pair.key.start
        if let text = reader.string(pair.value, "the note on '\(id)'", allowEmpty: true) { notes[slot] = text }
      }
    }
    if let node = fields.optional("notes"), node.mapping == nil {
      reader.error("wrong-type", "expected notes as a mapping of 'question_id: text' lines, found \(node.kindDescription)", node)
    }
    var review: [Int] = []
    if let node = fields.optional("review"), let items = reader.list(node, "review") {
      for item in items {
        guard let id = reader.string(item, "a question id") else { continue }
        guard let slot = survey.questionIndex[id] else {
          reader.error("unknown-question", "unknown question '\(id)' in review" + DidYouMean.hint(id, from: survey.questionIndex.keys), item)
          continue
        }
        if !review.contains(slot) { review.append(slot) }
      }
    }

    guard log.errorCount == errorsBefore else { return nil }
    let sheet = AnswerSheet(
      surveyID: survey.id, surveyVersion: version, language: language, city: city, respondent: respondent, started: started,
      completed: completed, values: values, marks: marks, targets: targets, notes: notes, review: review.sorted(),
      path: file.path)
    var located = sheet
    located.answersLocation = fields.keys["answers"].map { reader.location($0) }
    return (located, survey)
  }

  /// A stage given by level (`4`) or by id (`integrated`).
  static func stageNumber(_ node: YAMLNode, _ survey: Survey, _ reader: NodeReader) -> Int? {
    guard let text = node.scalar else {
      reader.error("wrong-type", "expected a stage (1 to \(survey.topStage) or a stage id), found \(node.kindDescription)", node)
      return nil
    }
    if let level = Int(text.trimmingSpaces) {
      guard survey.stages.contains(where: { $0.level == level }) else {
        reader.error("out-of-range", "stage must be from 1 to \(survey.topStage), not \(level)", node)
        return nil
      }
      return level
    }
    if let stage = survey.stages.first(where: { $0.id == text }) { return stage.level }
    reader.error(
      "unknown-stage", "unknown stage '\(text)'" + DidYouMean.hint(text, from: survey.stages.map(\.id)) + " (use 1 to \(survey.topStage))",
      node)
    return nil
  }

  static func timestamp(_ node: YAMLNode, _ what: String, _ reader: NodeReader) -> String? {
    guard let text = reader.string(node, what) else { return nil }
    if !DateText.isValid(String(text.prefix(10))) {
      reader.error("timestamp", "\(what) must be a date or an ISO 8601 timestamp (e.g. 2026-10-02T11:40:00Z), not '\(text)'", node)
      return nil
    }
    return text
  }
}

/// Reads one answer for one question: a value of its type, or an allowed missing-data code.
public enum AnswerParser {
  public enum Parsed: Sendable {
    case value(AnswerValue)
    /// Nothing was written (`question:` with no value): unanswered.
    case blank
    /// An error was reported.
    case invalid
  }

  /// Reads the answer in `node`: nothing, an allowed missing-data code, or what the question's
  /// kind reads.
  public static func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> Parsed {
    let id = question.id
    if node.isNull { return .blank }
    if let text = node.scalar, let code = MissingCode(rawValue: text) {
      guard question.allowed.contains(code) else {
        let allowed = question.allowed.map(\.rawValue).sorted()
        let what = allowed.isEmpty ? "no missing-data code" : "only " + allowed.joined(separator: ", ")
        reader.error("missing-code", "'\(id)' does not allow \(text) (it allows \(what)); give a value instead", node)
        return .invalid
      }
      return .value(.missing(code))
    }
    return question.kind.parse(node, for: question, reader: reader)
  }

  static func shown(_ node: YAMLNode) -> String {
    node.scalar.map { "'\($0)'" } ?? node.kindDescription
  }

  static func codesHint(_ question: Question) -> String {
    let codes = question.allowed.map(\.rawValue).sorted()
    return codes.isEmpty ? "" : " (or " + codes.joined(separator: " / ") + ")"
  }

  static func unitHint(_ question: Question) -> String {
    guard let unit = question.unit?.text("en"), !unit.isEmpty else { return "" }
    return unit == "%" ? "%" : " \(unit)"
  }
}
