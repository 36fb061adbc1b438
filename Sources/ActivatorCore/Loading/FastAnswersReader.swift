public import ActivatorYAML

/// An open-addressing table from byte strings to integers: looks up question ids, option values
/// and pillar ids straight from libyaml's buffers, without making a String for each.
struct ByteTable: Sendable {
  // All keys in one buffer, so a lookup touches no reference-counted array per key.
  private var storage: [UInt8] = []
  private var starts: [Int32] = []
  private var lengths: [Int32] = []
  private var values: [Int] = []
  private var slots: [Int32]
  private let mask: Int

  init(_ entries: [(String, Int)]) {
    var size = 16
    while size < entries.count * 3 { size *= 2 }
    mask = size - 1
    slots = [Int32](repeating: -1, count: size)
    for (key, value) in entries {
      let bytes = Array(key.utf8)
      if bytes.withUnsafeBufferPointer({ find($0) }) != nil { continue }
      var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(values.count)
      starts.append(Int32(storage.count))
      lengths.append(Int32(bytes.count))
      storage += bytes
      values.append(value)
    }
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: hash ^ (hash >> 32))
  }

  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var slot = Self.hash(bytes) & mask
    return storage.withUnsafeBufferPointer { all in
      while true {
        let entry = Int(slots[slot])
        if entry < 0 { return nil }
        if Int(lengths[entry]) == bytes.count {
          let key = UnsafeBufferPointer(rebasing: all[Int(starts[entry])..<Int(starts[entry]) + bytes.count])
          if sameBytes(key, bytes) { return values[entry] }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}

/// What the fast reader needs to know about one survey, prepared once for a whole batch.
public final class AnswerSchema: Sendable {
  public let survey: Survey
  let questionCount: Int
  let languages: [String]
  let defaultLanguage: String
  let questions: ByteTable
  let options: [ByteTable]
  let pillars: ByteTable
  let stages: ByteTable
  let types: [QuestionType]
  let allowsDontKnow: [Bool]
  let allowsNotApplicable: [Bool]
  let bounds: [(Double?, Double?)]
  let minChoices: [Int?]
  let maxChoices: [Int?]
  let exclusive: [[Bool]]

  public init(_ survey: Survey) {
    self.survey = survey
    questionCount = survey.questions.count
    languages = survey.languages
    defaultLanguage = survey.defaultLanguage
    questions = ByteTable(survey.questions.enumerated().map { ($1.id, $0) })
    options = survey.questions.map { question in ByteTable(question.options.enumerated().map { ($1.value, $0) }) }
    pillars = ByteTable(survey.pillars.enumerated().map { ($1.id, $0) })
    stages = ByteTable(survey.stages.map { ($0.id, $0.level) } + survey.stages.map { (String($0.level), $0.level) })
    types = survey.questions.map(\.type)
    allowsDontKnow = survey.questions.map { $0.allowed.contains(.dontKnow) }
    allowsNotApplicable = survey.questions.map { $0.allowed.contains(.notApplicable) }
    bounds = survey.questions.map { ($0.bounds.min, $0.bounds.max) }
    minChoices = survey.questions.map(\.minChoices)
    maxChoices = survey.questions.map(\.maxChoices)
    exclusive = survey.questions.map { $0.options.map(\.exclusive) }
  }
}

/// Reads a well-formed answers file straight from libyaml's events into an `AnswerSheet`, for
/// batches. It handles only what it is sure of: at the first thing the full loader would report
/// (an error or a warning) or that it does not expect (aliases, tags, unusual layout), it gives
/// up and returns nil, and the caller reads the file with `AnswersLoader`, which then reports
/// exactly what is wrong. For every file it accepts, the result equals the full loader's.
public enum FastAnswersReader {
  /// - Parameter schema: the schema of the survey an answers file names, by id and the version
  ///   it answers (nil when no loaded survey is compatible: the full loader explains).
  public static func read(
    _ file: SourceFile, limits: YAMLLimits, schema: (String, SemanticVersion) -> AnswerSchema?
  ) -> (AnswerSheet, AnswerSchema)? {
    file.bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(file: file, stream: YAMLEventStream(buffer, maxDepth: limits.maxDepth), limits: limits)
      return reader.run(schema: schema)
    }
  }

  /// The same, looking surveys up in a registry (tests and one-off use).
  public static func read(_ file: SourceFile, limits: YAMLLimits, registry: SurveyRegistry) -> (AnswerSheet, Survey)? {
    let found = read(file, limits: limits) { id, version in
      registry.survey(id, compatibleWith: version).map(AnswerSchema.init)
    }
    return found.map { ($0.0, $0.1.survey) }
  }

  struct Reader {
    let file: SourceFile
    let stream: YAMLEventStream
    let limits: YAMLLimits
    var scalars = 0

    init(file: SourceFile, stream: YAMLEventStream, limits: YAMLLimits) {
      self.file = file
      self.stream = stream
      self.limits = limits
    }

    /// The next event, giving up on anything oversized.
    mutating func next() -> YAMLEventStream.Event {
      let event = stream.next()
      if case .scalar(let bytes, _, _) = event {
        scalars += 1
        if bytes.count > limits.maxScalarBytes || scalars > limits.maxNodes / 2 { return .unusual }
      }
      return event
    }

    mutating func run(schema schemaFor: (String, SemanticVersion) -> AnswerSchema?) -> (AnswerSheet, AnswerSchema)? {
      guard case .boundary = next(), case .boundary = next(), case .mappingStart = next() else { return nil }
      var surveyID: String?
      var version: SemanticVersion?
      var schema: AnswerSchema?
      var language: String?
      var city: City?
      var respondent: Respondent?
      var started: String?
      var completed: String?
      var values: [AnswerValue?] = []
      var marks: [YAMLMark?] = []
      var answersLocation: SourceLocation?
      var targets: [Int: Int] = [:]
      var notes: [Int: String] = [:]
      var review: [Int] = []
      var seen: UInt32 = 0
      var extensionKeys: [[UInt8]] = []
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { break }
        guard case .scalar(let key, .plain, let keyMark) = keyEvent else { return nil }
        let field = Self.topLevel(key)
        if field == -1 {
          // x- extension keys are ignored (once each: a repeated key is the loader's to report);
          // anything else is for the full loader to report.
          guard key.count > 2, key[0] == UInt8(ascii: "x"), key[1] == UInt8(ascii: "-") else { return nil }
          let extensionKey = Array(key)
          guard !extensionKeys.contains(extensionKey), stream.skip(next()) else { return nil }
          extensionKeys.append(extensionKey)
          continue
        }
        guard seen & (1 << field) == 0 else { return nil }
        seen |= 1 << field
        switch field {
        case 0:  // survey
          guard let text = plainText(next()) else { return nil }
          surveyID = text
        case 1:  // survey_version
          guard let text = plainText(next()), let parsed = SemanticVersion(text) else { return nil }
          version = parsed
        case 2:  // language
          guard let text = plainText(next()) else { return nil }
          language = text
        case 3:  // city
          guard case .mappingStart = next(), let read = readCity() else { return nil }
          city = read
        case 4:  // respondent
          let event = next()
          if Self.isNull(event) { continue }
          guard case .mappingStart = event, let read = readRespondent() else { return nil }
          respondent = read
        case 5, 6:  // started, completed
          let event = next()
          if Self.isNull(event) { continue }
          guard let text = plainText(event), DateText.isValid(String(text.prefix(10))) else { return nil }
          if field == 5 { started = text } else { completed = text }
        case 7:  // answers
          guard let surveyID, let version, let prepared = schemaFor(surveyID, version) else { return nil }
          schema = prepared
          answersLocation = file.location(keyMark)
          values = [AnswerValue?](repeating: nil, count: prepared.questionCount)
          marks = [YAMLMark?](repeating: nil, count: prepared.questionCount)
          let event = next()
          if Self.isNull(event) { continue }
          guard case .mappingStart = event, readAnswers(prepared, &values, &marks) else { return nil }
        case 8:  // targets
          guard let schema else { return nil }
          let event = next()
          if Self.isNull(event) { continue }
          guard case .mappingStart = event, readTargets(schema, &targets) else { return nil }
        case 9:  // notes
          guard let schema else { return nil }
          let event = next()
          if Self.isNull(event) { continue }
          guard case .mappingStart = event, readNotes(schema, &notes) else { return nil }
        default:  // review
          guard let schema else { return nil }
          let event = next()
          if Self.isNull(event) { continue }
          guard case .sequenceStart = event else { return nil }
          while true {
            let item = next()
            if case .sequenceEnd = item { break }
            guard case .scalar(let bytes, _, _) = item, let slot = schema.questions.find(bytes) else { return nil }
            if !review.contains(slot) { review.append(slot) }
          }
        }
      }
      guard case .boundary = next(), case .end = next() else { return nil }
      guard let schema, let city, let version else { return nil }
      let chosenLanguage = language ?? schema.defaultLanguage
      guard schema.languages.contains(chosenLanguage), let surveyID else { return nil }
      var sheet = AnswerSheet(
        surveyID: surveyID, surveyVersion: version, language: chosenLanguage, city: city, respondent: respondent,
        started: started, completed: completed, values: values, marks: marks, targets: targets, notes: notes,
        review: review.sorted(), path: file.path)
      sheet.answersLocation = answersLocation
      return (sheet, schema)
    }

    static let topLevelKeys: [[UInt8]] = LoaderKeys.answers.map { Array($0.utf8) }

    static func topLevel(_ key: UnsafeBufferPointer<UInt8>) -> Int {
      for (index, candidate) in topLevelKeys.enumerated() where candidate.count == key.count {
        if candidate.withUnsafeBufferPointer({ sameBytes($0, key) }) { return index }
      }
      return -1
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

    static func equalsAny(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
      for word in words where word.utf8CodeUnitCount == bytes.count {
        if sameBytes(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount), bytes) { return true }
      }
      return false
    }

    /// Text of a non-null scalar in any style.
    func text(_ event: YAMLEventStream.Event) -> String? {
      guard case .scalar(let bytes, _, _) = event, !Self.isNull(event) else { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }

    /// Text of a non-empty scalar (what `NodeReader.string` accepts without an error). Text
    /// that is only spaces, or starts with anything unusual, is left to the full loader.
    func plainText(_ event: YAMLEventStream.Event) -> String? {
      guard case .scalar(let bytes, _, _) = event, !Self.isNull(event), let first = bytes.first, first > 0x20, first < 0x80 else {
        return nil
      }
      return String(decoding: bytes, as: UTF8.self)
    }

    mutating func readCity() -> City? {
      var city = City(name: "")
      var seen = Set<Int>()
      var named = false
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { break }
        guard case .scalar(let key, .plain, _) = keyEvent else { return nil }
        let field = Self.equalsAny(key, ["name"]) ? 0 : Self.equalsAny(key, ["country"]) ? 1 : Self.equalsAny(key, ["region"]) ? 2 : -1
        guard field >= 0, seen.insert(field).inserted else { return nil }
        let value = next()
        if field == 0 {
          guard let name = plainText(value) else { return nil }
          city.name = name
          named = true
          continue
        }
        if Self.isNull(value) { continue }
        guard let text = plainText(value) else { return nil }
        if field == 1 { city.country = text } else { city.region = text }
      }
      return named ? city : nil
    }

    mutating func readRespondent() -> Respondent? {
      var respondent = Respondent()
      var seen = Set<Int>()
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { break }
        guard case .scalar(let key, .plain, _) = keyEvent else { return nil }
        let field: Int
        if Self.equalsAny(key, ["name"]) { field = 0 } else if Self.equalsAny(key, ["role"]) { field = 1 } else if Self.equalsAny(key, ["email"]) {
          field = 2
        } else if Self.equalsAny(key, ["organisation", "organization"]) {
          field = 3
        } else {
          return nil
        }
        guard seen.insert(field).inserted else { return nil }
        let value = next()
        if Self.isNull(value) { continue }
        guard let text = plainText(value) else { return nil }
        switch field {
        case 0: respondent.name = text
        case 1: respondent.role = text
        case 2: respondent.email = text
        default: respondent.organisation = text
        }
      }
      return respondent
    }

    mutating func readAnswers(_ schema: AnswerSchema, _ values: inout [AnswerValue?], _ marks: inout [YAMLMark?]) -> Bool {
      var answered = [Bool](repeating: false, count: values.count)
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        guard case .scalar(let key, _, _) = keyEvent, let slot = schema.questions.find(key), !answered[slot] else { return false }
        answered[slot] = true
        let valueEvent = next()
        switch valueEvent {
        case .scalar(let bytes, let style, let mark):
          marks[slot] = mark
          if Self.isNull(valueEvent) { continue }
          guard let value = Self.value(bytes, style: style, slot: slot, schema) else { return false }
          values[slot] = value
        case .sequenceStart:
          guard schema.types[slot] == .multi else { return false }
          marks[slot] = stream.mark
          var chosen: [Int] = []
          while true {
            let item = next()
            if case .sequenceEnd = item { break }
            guard case .scalar(let bytes, _, _) = item, !Self.isNull(item), let option = schema.options[slot].find(bytes),
              !chosen.contains(option)
            else { return false }
            chosen.append(option)
          }
          guard Self.acceptable(chosen, slot: slot, schema) else { return false }
          values[slot] = .choices(chosen.sorted())
        default:
          return false
        }
      }
    }

    static func acceptable(_ chosen: [Int], slot: Int, _ schema: AnswerSchema) -> Bool {
      if chosen.count > 1 && chosen.contains(where: { schema.exclusive[slot][$0] }) { return false }
      if let low = schema.minChoices[slot], chosen.count < low { return false }
      if let high = schema.maxChoices[slot], chosen.count > high { return false }
      return true
    }

    /// A scalar answer, or nil where the full loader would say something about it.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, slot: Int, _ schema: AnswerSchema) -> AnswerValue? {
      // The missing codes start with 'd' and 'n'; most answers (numbers, options) are ruled out by one byte.
      if let first = bytes.first, first == UInt8(ascii: "d") || first == UInt8(ascii: "n") {
        if equalsAny(bytes, ["dont_know"]) { return schema.allowsDontKnow[slot] ? .missing(.dontKnow) : nil }
        if equalsAny(bytes, ["not_applicable"]) { return schema.allowsNotApplicable[slot] ? .missing(.notApplicable) : nil }
      }
      switch schema.types[slot] {
      case .yesNo:
        if equalsAny(bytes, ["yes", "Yes", "YES", "true", "True", "TRUE", "si", "Si", "SI"]) { return .bool(true) }
        if equalsAny(bytes, ["no", "No", "NO", "false", "False", "FALSE"]) { return .bool(false) }
        return nil
      case .choice:
        return schema.options[slot].find(bytes).map { .choice($0) }
      case .multi:
        guard let option = schema.options[slot].find(bytes), acceptable([option], slot: slot, schema) else { return nil }
        return .choices([option])
      case .integer, .decimal, .percent:
        guard let number = number(bytes, percent: schema.types[slot] == .percent) else { return nil }
        let (low, high) = schema.bounds[slot]
        if let low, number < low { return nil }
        if let high, number > high { return nil }
        if schema.types[slot] == .integer {
          guard number == number.rounded(), abs(number) < 9e15 else { return nil }
          return .integer(Int(saturating: number))
        }
        return .decimal(number)
      case .text:
        return .text(String(decoding: bytes, as: UTF8.self))
      case .date:
        let text = String(decoding: bytes, as: UTF8.self)
        guard DateText.isValid(text) else { return nil }
        return .date(text)
      }
    }

    static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The number `NumberText.parse` would read: digits, sign, point and exponent only, finite;
    /// a percent may end in '%'. -0 reads as 0.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, percent: Bool) -> Double? {
      var end = bytes.count
      if percent, end > 0, bytes[end - 1] == UInt8(ascii: "%") {
        end -= 1
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
      }
      guard end > 0, end <= 64 else { return nil }
      // Plain decimals (most answers) without strtod. With at most 15 digits the digits form
      // an integer below 2^53 and 10^k (k ≤ 15) is exact, so one correctly rounded division
      // gives exactly what strtod gives (Clinger's fast path).
      if end <= 17 {
        var mantissa = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var negative = false
        var plain = true
        for index in 0..<end {
          let byte = bytes[index]
          if index == 0 && (byte == 0x2D || byte == 0x2B) {
            negative = byte == 0x2D
          } else if byte == 0x2E && !seenPoint {
            seenPoint = true
          } else if byte >= 0x30 && byte <= 0x39 {
            mantissa = mantissa * 10 + Int(byte &- 0x30)
            digits += 1
            if seenPoint { fractionDigits += 1 }
          } else {
            plain = false
            break
          }
        }
        if plain && digits > 0 && digits <= 15 && !(seenPoint && bytes[end - 1] == 0x2E) {
          let magnitude = Double(mantissa) / Self.powersOfTen[fractionDigits]
          return mantissa == 0 ? 0 : negative ? -magnitude : magnitude
        }
      }
      for index in 0..<end {
        let byte = bytes[index]
        let ok = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x65 || byte == 0x45
        guard ok else { return nil }
      }
      // A NUL-terminated copy on the stack for strtod (libyaml's buffer may end in '%').
      let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: end + 1) { text -> Double? in
        for index in 0..<end { text[index] = CChar(bitPattern: bytes[index]) }
        text[end] = 0
        var parsedEnd: UnsafeMutablePointer<CChar>?
        guard let start = text.baseAddress else { return nil }
        let result = strtod(start, &parsedEnd)
        guard let parsedEnd, parsedEnd - start == end else { return nil }
        return result
      }
      guard let value, value.isFinite else { return nil }
      return value == 0 ? 0 : value
    }

    mutating func readTargets(_ schema: AnswerSchema, _ targets: inout [Int: Int]) -> Bool {
      var seen = Set<Int>()
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        guard case .scalar(let key, .plain, _) = keyEvent, let pillar = schema.pillars.find(key), seen.insert(pillar).inserted else {
          return false
        }
        let value = next()
        if Self.isNull(value) { continue }
        guard case .scalar(let bytes, _, _) = value, let stage = schema.stages.find(bytes) else { return false }
        targets[pillar] = stage
      }
    }

    mutating func readNotes(_ schema: AnswerSchema, _ notes: inout [Int: String]) -> Bool {
      while true {
        let keyEvent = next()
        if case .mappingEnd = keyEvent { return true }
        guard case .scalar(let key, _, _) = keyEvent, let slot = schema.questions.find(key) else { return false }
        let value = next()
        guard case .scalar(let bytes, _, _) = value, !Self.isNull(value) else { return false }
        notes[slot] = String(decoding: bytes, as: UTF8.self)
      }
    }
  }
}

/// Whether two byte buffers hold the same bytes (empty buffers may have no address).
@inline(__always)
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard a.count == b.count else { return false }
  guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
  return memcmp(x, y, a.count) == 0
}
