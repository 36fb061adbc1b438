package import ActivatorYAML

/// What the fast reader needs to know about one survey, prepared once for a whole batch: byte
/// tables for ids, and each question's kind's own fast reader.
package final class AnswerSchema: Sendable {
  package let survey: Survey
  let questionCount: Int
  /// The survey's language for what a file names (`language:`, else the default), as the full
  /// loader chooses it.
  let language: LanguageChoice.Matcher
  let defaultLanguage: String
  let questions: ByteTable
  let pillars: ByteTable
  let stages: ByteTable
  /// Each question's kind's reader, kept alive here for as long as the schema lives.
  private let readers: [FastAnswerReader]
  /// The same readers, unretained: the schema outlives every read with it, and calling a reader
  /// through `_withUnsafeGuaranteedRef` costs no retain and release per answer.
  private let unretainedReaders: [Unmanaged<FastAnswerReader>]
  let allowsDontKnow: [Bool]
  let allowsNotApplicable: [Bool]
  /// Whether any answer can conflict with another (`AnswerChecks`): a choice limited to earlier
  /// ticks, or a data year.
  let hasCrossChecks: Bool

  package init(_ survey: Survey) {
    self.survey = survey
    questionCount = survey.questions.count
    language = LanguageChoice.Matcher(survey.languages, common: survey.languages + [survey.defaultLanguage])
    defaultLanguage = survey.defaultLanguage
    questions = ByteTable(survey.questions.enumerated().map { ($1.id, $0) })
    pillars = ByteTable(survey.pillars.enumerated().map { ($1.id, $0) })
    stages = ByteTable(survey.stages.map { ($0.id, $0.level) } + survey.stages.map { (String($0.level), $0.level) })
    readers = survey.questions.map { $0.kind.fastReader(for: $0) }
    unretainedReaders = readers.map { Unmanaged.passUnretained($0) }
    allowsDontKnow = survey.questions.map { $0.allowed.contains(.dontKnow) }
    allowsNotApplicable = survey.questions.map { $0.allowed.contains(.notApplicable) }
    hasCrossChecks = survey.policy.dataYearQuestion != nil || survey.questions.contains { $0.optionsFrom != nil }
  }

  /// Runs `body` with the reader of the question in `slot`, borrowed from this schema.
  @inline(__always)
  func withReader<Result>(_ slot: Int, _ body: (FastAnswerReader) -> Result) -> Result {
    withExtendedLifetime(self) { unretainedReaders[slot]._withUnsafeGuaranteedRef(body) }
  }
}

/// Reads a well-formed answers file straight from libyaml's events into an `AnswerSheet`, for
/// batches. It handles only what it is sure of: at the first thing the full loader would report
/// (an error or a warning) or that it does not expect (aliases, tags, unusual layout), it gives
/// up and returns nil, and the caller reads the file with `AnswersLoader`, which then reports
/// exactly what is wrong. For every file it accepts, the result equals the full loader's.
package enum FastAnswersReader {
  /// - Parameter schema: the schema of the survey an answers file names, by id and the version
  ///   it answers (nil when no loaded survey is compatible: the full loader explains).
  package static func read(
    _ file: SourceFile, limits: YAMLLimits, schema: (String, SemanticVersion) -> AnswerSchema?
  ) -> (AnswerSheet, AnswerSchema)? {
    file.bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(file: file, stream: YAMLEventStream(buffer, maxDepth: limits.maxDepth), limits: limits)
      return reader.run(schema: schema)
    }
  }

  /// The same, looking surveys up in a registry (tests and one-off use).
  package static func read(_ file: SourceFile, limits: YAMLLimits, registry: SurveyRegistry) -> (AnswerSheet, Survey)? {
    let found = read(file, limits: limits) { id, version in
      registry.survey(id, compatibleWith: version).map(AnswerSchema.init)
    }
    return found.map { ($0.0, $0.1.survey) }
  }

  struct Reader {
    let file: SourceFile
    let stream: YAMLEventStream
    let limits: YAMLLimits
    var nodes = 0

    init(file: SourceFile, stream: YAMLEventStream, limits: YAMLLimits) {
      self.file = file
      self.stream = stream
      self.limits = limits
    }

    /// The next event, giving up on anything oversized. Every node counts, collections too, so
    /// that no file the loader refuses for its size is read here.
    mutating func next() -> YAMLEventStream.Event {
      let event = stream.next()
      switch event {
      case .scalar(let bytes, _, _):
        nodes += 1
        if bytes.count > limits.maxScalarBytes { return .unusual }
      case .mappingStart, .sequenceStart:
        nodes += 1
      default:
        return event
      }
      return nodes > limits.maxNodes / 2 ? .unusual : event
    }

    /// What the header keys of an answers file gave, as they are read; everything else is read
    /// straight into the sheet, which is then handed on whole (copying its parts over from here
    /// afterwards cost a retain and a release each, and the finished sheet was copied again).
    struct TopLevel {
      var surveyID: String?
      var version: SemanticVersion?
      var schema: AnswerSchema?
      var language: String?
      /// Whether `city:` was read (into the sheet).
      var hasCity = false
    }

    mutating func run(schema schemaFor: (String, SemanticVersion) -> AnswerSchema?) -> (AnswerSheet, AnswerSchema)? {
      guard case .boundary = next(), case .boundary = next(), case .mappingStart = next() else { return nil }
      var read = TopLevel()
      // Header fields are placeholders until `complete` fills them from `read`.
      var sheet = AnswerSheet(
        surveyID: "", surveyVersion: SemanticVersion(0, 0, 0), language: "", city: City(name: ""), values: [],
        path: file.path)
      var seen: UInt32 = 0
      var extensionKeys: [[UInt8]] = []
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { break }
        guard case .scalar(let key, .plain, let keyMark) = keyEvent else { return nil }
        guard let field = Self.topLevel(key) else {
          // x- extension keys are ignored, once each: a repeated key is the loader's to report.
          // Keys beyond ASCII are left to the loader too: it compares keys as Unicode text, so
          // two spellings of one key (NFC and NFD) are a repeat there and not in bytes.
          guard key.count > 2, key[0] == UInt8(ascii: "x"), key[1] == UInt8(ascii: "-"), key.allSatisfy({ $0 < 0x80 })
          else { return nil }
          let extensionKey = Array(key)
          guard !extensionKeys.contains(extensionKey), stream.skip(next()) else { return nil }
          extensionKeys.append(extensionKey)
          continue
        }
        guard seen & field.bit == 0 else { return nil }
        seen |= field.bit
        guard readValue(of: field, at: keyMark, into: &read, &sheet, schemaFor) else { return nil }
      }
      guard case .boundary = next(), case .end = next(), let schema = complete(&sheet, read) else { return nil }
      // Problems between answers (a choice not ticked earlier, a year after the survey date) are
      // the loader's to report.
      if schema.hasCrossChecks || !sheet.evidence.isEmpty, !AnswerChecks.problems(sheet, survey: schema.survey).isEmpty
      {
        return nil
      }
      // `consume`: without it the sheet was copied into the result and then destroyed, a retain
      // and a release for each of its parts.
      return (consume sheet, schema)
    }

    /// Reads the value of one top-level key; false hands the file to the loader.
    mutating func readValue(
      of field: AnswersKey, at keyMark: YAMLMark, into read: inout TopLevel, _ sheet: inout AnswerSheet,
      _ schemaFor: (String, SemanticVersion) -> AnswerSchema?
    ) -> Bool {
      switch field {
      case .survey:
        guard let text = plainText(next()) else { return false }
        read.surveyID = text
      case .surveyVersion:
        let event = next()
        if case .scalar(let bytes, _, _) = event, let plain = SemanticVersion.plain(bytes) {
          read.version = plain
          return true
        }
        guard let text = plainText(event), let parsed = SemanticVersion(text) else { return false }
        read.version = parsed
      case .language:
        let event = next()
        if Self.isNull(event) { return true }
        guard let text = plainText(event) else { return false }
        read.language = text
      case .city:
        guard case .mappingStart = next(), readCity(into: &sheet.city) else { return false }
        read.hasCity = true
      case .respondent:
        let event = next()
        if Self.isNull(event) { return true }
        guard case .mappingStart = event, readRespondent(into: &sheet.respondent) else { return false }
      case .started, .completed:
        let event = next()
        if Self.isNull(event) { return true }
        guard let text = plainText(event), DateText.isValid(String(text.prefix(10))) else { return false }
        if field == .started { sheet.started = text } else { sheet.completed = text }
      case .answers:
        guard let surveyID = read.surveyID, let version = read.version, let prepared = schemaFor(surveyID, version)
        else { return false }
        read.schema = prepared
        sheet.answersLocation = file.location(keyMark)
        sheet.values = [AnswerValue?](repeating: nil, count: prepared.questionCount)
        sheet.marks = [YAMLMark?](repeating: nil, count: prepared.questionCount)
        let event = next()
        if Self.isNull(event) { return true }
        guard case .mappingStart = event, readAnswers(prepared, &sheet.values, &sheet.marks) else { return false }
      case .targets, .notes, .review, .evidence:
        // Read against the questions, which only `answers:` (written before them) names.
        guard let schema = read.schema else { return false }
        let event = next()
        if Self.isNull(event) { return true }
        switch (field, event) {
        case (.targets, .mappingStart): return readTargets(schema, &sheet.targets)
        case (.notes, .mappingStart): return readNotes(schema, &sheet.notes)
        case (.review, .sequenceStart): return readReview(schema, &sheet.review)
        case (.evidence, .mappingStart): return readEvidence(schema, &sheet.evidence)
        default: return false
        }
      }
      return true
    }

    /// Fills in the sheet's header from what the top-level keys gave, if the file is complete:
    /// the schema it was read with, or nil for the loader.
    func complete(_ sheet: inout AnswerSheet, _ read: TopLevel) -> AnswerSchema? {
      guard let schema = read.schema, read.hasCity, let version = read.version, let surveyID = read.surveyID
      else { return nil }
      // As the full loader reads it: any usual spelling of one of the survey's languages.
      guard let chosenLanguage = schema.language.match(read.language ?? schema.defaultLanguage) else { return nil }
      sheet.surveyID = surveyID
      sheet.surveyVersion = version
      sheet.language = chosenLanguage
      sheet.review.sort()
      return schema
    }

    static let topLevelKeys: [(bytes: [UInt8], key: AnswersKey)] = AnswersKey.allCases.map {
      (Array($0.rawValue.utf8), $0)
    }

    static func topLevel(_ key: UnsafeBufferPointer<UInt8>) -> AnswersKey? {
      for candidate in topLevelKeys where candidate.bytes.count == key.count {
        if candidate.bytes.withUnsafeBufferPointer({ sameBytes($0, key) }) { return candidate.key }
      }
      return nil
    }

    static func isNull(_ event: YAMLEventStream.Event) -> Bool {
      guard case .scalar(let bytes, .plain, _) = event else { return false }
      switch bytes.count {
      case 0: return true
      case 1: return bytes[0] == UInt8(ascii: "~")
      case 4: return equalsAny(bytes, ["null", "Null", "NULL"])
      default: return false
      }
    }

    /// Text of a non-null scalar in any style.
    func text(_ event: YAMLEventStream.Event) -> String? {
      guard case .scalar(let bytes, _, _) = event, !Self.isNull(event) else { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }

    /// Text of a non-empty scalar (what `NodeReader.string` accepts without an error). Text
    /// that is only spaces, or starts with anything unusual, is left to the full loader.
    func plainText(_ event: YAMLEventStream.Event) -> String? {
      guard case .scalar(let bytes, _, _) = event, !Self.isNull(event), let first = bytes.first, first > 0x20,
        first < 0x80
      else {
        return nil
      }
      return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads `city:` straight into the sheet's (returned, the City was copied on its way there).
    mutating func readCity(into city: inout City) -> Bool {
      var named = false
      var seen: UInt8 = 0
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { break }
        guard case .scalar(let key, .plain, _) = keyEvent else { return false }
        let field = equalsAny(key, ["name"]) ? 0 : equalsAny(key, ["country"]) ? 1 : equalsAny(key, ["region"]) ? 2 : -1
        guard field >= 0, seen & (1 << field) == 0 else { return false }
        seen |= 1 << field
        let value = next()
        if field == 0 {
          guard let text = plainText(value) else { return false }
          city.name = text
          named = true
          continue
        }
        if Self.isNull(value) { continue }
        guard let text = plainText(value) else { return false }
        if field == 1 { city.country = text } else { city.region = text }
      }
      return named
    }

    /// Reads `respondent:` straight into the sheet's, from locals made into a Respondent once at
    /// the end (returned, or filled in field by field, the Respondent was copied on its way).
    mutating func readRespondent(into respondent: inout Respondent?) -> Bool {
      var (name, role, email, organisation): (String?, String?, String?, String?)
      var seen: UInt8 = 0
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { break }
        guard case .scalar(let key, .plain, _) = keyEvent else { return false }
        let field: Int
        if equalsAny(key, ["name"]) {
          field = 0
        } else if equalsAny(key, ["role"]) {
          field = 1
        } else if equalsAny(key, ["email"]) {
          field = 2
        } else if equalsAny(key, ["organisation", "organization"]) {
          field = 3
        } else {
          return false
        }
        guard seen & (1 << field) == 0 else { return false }
        seen |= 1 << field
        let value = next()
        if Self.isNull(value) { continue }
        guard let text = plainText(value) else { return false }
        switch field {
        case 0: name = text
        case 1: role = text
        case 2: email = text
        default: organisation = text
        }
      }
      respondent = Respondent(name: name, role: role, email: email, organisation: organisation)
      return true
    }

    mutating func readAnswers(_ schema: AnswerSchema, _ values: inout [AnswerValue?], _ marks: inout [YAMLMark?])
      -> Bool
    {
      var answered = [Bool](repeating: false, count: values.count)
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        guard case .scalar(let key, _, _) = keyEvent, let slot = schema.questions.find(key), !answered[slot] else {
          return false
        }
        answered[slot] = true
        let valueEvent = next()
        switch valueEvent {
        case .scalar(let bytes, _, let mark):
          marks[slot] = mark
          if Self.isNull(valueEvent) { continue }
          guard let value = Self.value(bytes, slot: slot, schema) else { return false }
          values[slot] = value
        case .sequenceStart:
          marks[slot] = stream.mark
          var chosen: [Int] = []
          while true {
            let item = next()
            if case .sequenceEnd = item { break }
            guard case .scalar(let bytes, _, _) = item, !Self.isNull(item),
              let option = schema.withReader(slot, { $0.listItem(bytes) })
            else {
              return false
            }
            chosen.append(option)
          }
          guard let value = schema.withReader(slot, { $0.list(chosen) }) else { return false }
          values[slot] = value
        default:
          return false
        }
      }
    }

    /// A scalar answer, or nil where the full loader would say something about it.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, slot: Int, _ schema: AnswerSchema) -> AnswerValue? {
      // The missing codes start with 'd' and 'n'; most answers (numbers, options) are ruled out by one byte.
      if let first = bytes.first, first == UInt8(ascii: "d") || first == UInt8(ascii: "n") {
        if equalsAny(bytes, ["dont_know"]) { return schema.allowsDontKnow[slot] ? .missing(.dontKnow) : nil }
        if equalsAny(bytes, ["not_applicable"]) {
          return schema.allowsNotApplicable[slot] ? .missing(.notApplicable) : nil
        }
      }
      return schema.withReader(slot) { $0.scalar(bytes) }
    }

    mutating func readTargets(_ schema: AnswerSchema, _ targets: inout [Int: Int]) -> Bool {
      var seen = [Bool](repeating: false, count: schema.survey.pillars.count)
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        guard case .scalar(let key, .plain, _) = keyEvent, let pillar = schema.pillars.find(key), !seen[pillar] else {
          return false
        }
        seen[pillar] = true
        let value = next()
        if Self.isNull(value) { continue }
        guard case .scalar(let bytes, _, _) = value, let stage = schema.stages.find(bytes) else { return false }
        targets[pillar] = stage
      }
    }

    mutating func readReview(_ schema: AnswerSchema, _ review: inout [Int]) -> Bool {
      while true {
        let item = next()
        if case .sequenceEnd = item { return true }
        guard case .scalar(let bytes, _, _) = item, let slot = schema.questions.find(bytes) else { return false }
        if !review.contains(slot) { review.append(slot) }
      }
    }

    /// `evidence:` entries of plain `source` text and a four-digit `year`; anything else is left to
    /// the loader.
    mutating func readEvidence(_ schema: AnswerSchema, _ evidence: inout [Int: Evidence]) -> Bool {
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        guard case .scalar(let key, _, _) = keyEvent, let slot = schema.questions.find(key), evidence[slot] == nil,
          case .mappingStart = next()
        else { return false }
        var item = Evidence()
        var seenSource = false
        var seenYear = false
        while true {
          let fieldEvent = next()
          if case .mappingEnd = fieldEvent { break }
          guard case .scalar(let field, .plain, _) = fieldEvent else { return false }
          // An event's bytes last until the next event is read: decide on the key first.
          let isSource = equalsAny(field, ["source"])
          let isYear = equalsAny(field, ["year"])
          let value = next()
          if isSource, !seenSource {
            seenSource = true
            if Self.isNull(value) { continue }
            guard let text = plainText(value) else { return false }
            item.source = text
          } else if isYear, !seenYear {
            seenYear = true
            if Self.isNull(value) { continue }
            guard case .scalar(let bytes, .plain, _) = value, let year = Self.fourDigits(bytes) else { return false }
            item.year = year
          } else {
            return false
          }
        }
        if !item.isEmpty { evidence[slot] = item }
      }
    }

    static func fourDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
      guard bytes.count == 4, bytes[0] != UInt8(ascii: "0") else { return nil }
      var year = 0
      for byte in bytes {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        year = year * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return year
    }

    mutating func readNotes(_ schema: AnswerSchema, _ notes: inout [Int: String]) -> Bool {
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        // A second note on one question is the loader's to report.
        guard case .scalar(let key, _, _) = keyEvent, let slot = schema.questions.find(key), notes[slot] == nil else {
          return false
        }
        let value = next()
        guard case .scalar(let bytes, _, _) = value, !Self.isNull(value) else { return false }
        notes[slot] = String(decoding: bytes, as: UTF8.self)
      }
    }
  }
}

extension AnswersKey {
  /// One bit per key, for a set of keys without hashing (the fast reader's "seen").
  fileprivate var bit: UInt32 {
    switch self {
    case .survey: 1 << 0
    case .surveyVersion: 1 << 1
    case .language: 1 << 2
    case .city: 1 << 3
    case .respondent: 1 << 4
    case .started: 1 << 5
    case .completed: 1 << 6
    case .answers: 1 << 7
    case .targets: 1 << 8
    case .notes: 1 << 9
    case .review: 1 << 10
    case .evidence: 1 << 11
    }
  }
}
