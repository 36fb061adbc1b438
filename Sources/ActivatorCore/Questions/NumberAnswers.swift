import ActivatorYAML

/// A kind whose answers are numbers (integer, decimal, percent, year): everything but its name,
/// keys and type comes from its `NumberRules`.
protocol NumberKind: QuestionKind {
  var rules: NumberRules { get }
}

extension Question {
  /// Whether the answer is a figure that may have a source and a year of its own (`evidence:`):
  /// a number, but not a year, which is itself the date.
  package var isFigure: Bool { kind is any NumberKind && !(kind is YearKind) }
}

extension NumberKind {
  package func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {
    rules.readDetails(fields, into: &question, context, kind: name)
  }

  package func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    rules.parse(node, for: question, reader: reader)
  }

  package func fastReader(for question: Question) -> FastAnswerReader { rules.fastReader(for: question) }

  package func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    rules.prompt(for: question, current: current, language: language)
  }

  package func typedReadings(_ text: String, locale: LocaleRules) -> TypedReadings {
    rules.typedReadings(text, locale: locale)
  }

  package func templateHint(for question: Question, language: String) -> TemplateHint {
    rules.templateHint(for: question, language: language)
  }

  package func answerSchema(for question: Question, into writer: JSONWriter) {
    rules.answerSchema(for: question, into: writer)
  }
}

/// What integer, decimal, percent and year questions share: `unit`, `min` and `max` in the
/// survey, reading a number answer, and the fast path's number reading. Each kind says how its
/// numbers differ (`NumberRules`).
struct NumberRules: Sendable {
  /// Only whole numbers are answers (and `min`/`max` must be whole).
  var whole: Bool
  /// An answer may end in '%'.
  var percentSign: Bool
  /// `min` and `max` must lie within this range, if any.
  var limits: ClosedRange<Double>?
  /// "a whole number", "a year": what an answer is (hints and templates).
  var noun: MessageKey
  /// "a number", "a year": what the loader says an answer must be when it is not one.
  var expected: MessageKey
  /// Digits are grouped in thousands when shown and may be when typed ("12,500"); a year's
  /// never are.
  var groupsDigits = true

  /// A number shown in a message: in the person's notation at the prompt ("1,200.5", "1200,5"
  /// while typing), as answers files write it otherwise ("1200.5").
  func figure(_ number: Double, _ reader: NodeReader) -> MessageArgument {
    reader.atPrompt ? .figure(number, grouped: groupsDigits) : .text(JSONWriter.format(number))
  }

  /// What a person typed, as the answers-file numbers it may mean in their language: "1.500"
  /// typed in Spanish may be 1500 or 1.5, "1,200" in English is 1200.
  func typedReadings(_ raw: String, locale: LocaleRules) -> TypedReadings {
    var text = raw.trimmingSpaces
    if percentSign, text.hasSuffix("%") { text = String(text.dropLast()).trimmingSpaces }
    if groupsDigits {
      let readings = locale.notation.readings(text)
      if !readings.isEmpty { return .readings(readings) }
    } else if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
      return .readings([text])
    }
    // Scientific notation (1e6) is read as an answers file reads it.
    if text.contains(where: { $0 == "e" || $0 == "E" }), case .value = NumberText.parse(text) {
      return .readings([text])
    }
    let examples: [Double] = !groupsDigits ? [2024] : whole ? [12500] : percentSign ? [72.5] : [72.5, 12500]
    return .problem(
      Message(
        .answerTypedExample,
        [
          "what": .message(Message(noun)),
          "examples": .alternatives(examples.map { .figure($0, grouped: groupsDigits) }),
        ]))
  }

  /// Reads `unit` (for kinds that take it), `min` and `max` and checks them.
  func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading, kind: String) {
    let reader = context.reader
    if fields.keys["unit"] != nil {
      question.unit = fields.optional("unit").flatMap {
        reader.unit($0, Message(.whatUnit, ["label": .message(context.label)]))
      }
    }
    question.minimum = fields.optional("min").flatMap { reader.double($0, Message(.whatMin)) }
    question.maximum = fields.optional("max").flatMap { reader.double($0, Message(.whatMax)) }
    if let low = question.minimum, let high = question.maximum, low > high {
      reader.error(
        "range",
        Message(
          .answersMinGreaterThanMax,
          [
            "format": "\(JSONWriter.format(low))", "format2": "\(JSONWriter.format(high))",
            "label": .message(context.label),
          ]),
        fields["min"] ?? context.node)
      question.minimum = nil
      question.maximum = nil
    }
    for (key, value) in [("min", question.minimum), ("max", question.maximum)] {
      guard let value else { continue }
      if whole, value != value.rounded() {
        reader.error(
          "range",
          Message(
            .answersMustBeWholeNumber,
            [
              "key": "\(key)", "kind": "\(kind)", "label": .message(context.label),
              "format": "\(JSONWriter.format(value))",
            ]),
          fields[key] ?? context.node)
      }
      if let limits, !limits.contains(value) {
        reader.error(
          "range",
          Message(
            .answersMustBeWithinNot,
            [
              "key": "\(key)", "kind": "\(kind)", "label": .message(context.label),
              "format": "\(JSONWriter.format(limits.lowerBound))", "format2": "\(JSONWriter.format(limits.upperBound))",
              "format3": "\(JSONWriter.format(value))",
            ]),
          fields[key] ?? context.node)
      }
    }
  }

  /// Reads a number answer: a plain number (a percent may end in '%') within the question's
  /// bounds, whole where the kind says so.
  func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    guard var text = node.scalar else {
      reader.error(
        "wrong-type",
        Message(
          .answerTakes,
          [
            "subject": AnswerParser.subject(question, reader), "what": .message(Message(expected)),
            "found": NodeReader.found(node),
          ]), node)
      return .invalid
    }
    text = text.trimmingSpaces
    if percentSign, text.hasSuffix("%") { text = String(text.dropLast()).trimmingSpaces }
    let number: Double
    switch NumberText.parse(text, whole: whole) {
    case .value(let value): number = value
    case .problem(let problem):
      reader.error(
        "wrong-type",
        Message(
          .answerNotNumber,
          [
            "subject": AnswerParser.subject(question, reader), "what": .message(Message(expected)),
            "codes": AnswerParser.codesHint(question, reader), "text": .text(text), "problem": .message(problem),
          ]), node)
      return .invalid
    }
    let (low, high) = question.bounds
    if let low, number < low {
      reader.error(
        "out-of-range",
        Message(
          .answerAtLeast,
          [
            "subject": AnswerParser.subject(question, reader), "low": figure(low, reader),
            "unit": AnswerParser.unitHint(question, count: low), "value": figure(number, reader),
          ]),
        node)
      return .invalid
    }
    if let high, number > high {
      reader.error(
        "out-of-range",
        Message(
          .answerAtMost,
          [
            "subject": AnswerParser.subject(question, reader), "high": figure(high, reader),
            "unit": AnswerParser.unitHint(question, count: high), "value": figure(number, reader),
          ]),
        node)
      return .invalid
    }
    guard whole else { return .value(.decimal(number)) }
    guard number == number.rounded(), abs(number) < 9e15 else {
      reader.error(
        "wrong-type",
        Message(
          .answerNotWhole,
          [
            "subject": AnswerParser.subject(question, reader), "what": .message(Message(noun)),
            "value": figure(number, reader),
          ]), node)
      return .invalid
    }
    return .value(.integer(Int(saturating: number)))
  }

  func fastReader(for question: Question) -> FastAnswerReader {
    let (low, high) = question.bounds
    return FastNumber(low: low, high: high, whole: whole, percentSign: percentSign)
  }

  /// A text prompt with the current answer and a hint: what to type, the range and the unit,
  /// every figure in the language's notation (the answer ungrouped, for editing).
  func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    let t = Localizer(language)
    let locale = t.locale
    var shown = ""
    if let number = current?.number { shown = locale.exact(number, grouped: false) }
    var parts = [t(noun)]
    let (low, high) = question.bounds
    let figure = { (value: Double) in MessageArgument.figure(value, grouped: groupsDigits) }
    if let low, let high {
      parts.append(t(.kindNumberHintRange, ["low": figure(low), "high": figure(high)]))
    } else if let low {
      parts.append(t(.kindNumberHintAtLeast, ["low": figure(low)]))
    }
    if let unit = question.unit?.text(language), !unit.isEmpty { parts.append(unit) }
    return Prompt(kind: .text, question: "", text: shown, hint: parts.joined(separator: ", "))
  }

  func templateHint(for question: Question, language: String) -> TemplateHint {
    let t = Localizer(language)
    let (low, high) = question.bounds
    let what = MessageArgument.text(t(noun))
    var line: String
    if let low, let high {
      line = t(
        .kindNumberTemplateRange,
        ["what": what, "low": .text(JSONWriter.format(low)), "high": .text(JSONWriter.format(high))])
    } else if let low {
      line = t(.kindNumberTemplateAtLeast, ["what": what, "low": .text(JSONWriter.format(low))])
    } else {
      line = t(.kindNumberTemplate, ["what": what])
    }
    if let unit = question.unit?.text(language), !unit.isEmpty {
      line = t(.kindNumberTemplateUnit, ["answer": .text(line), "unit": .text(unit)])
    }
    return TemplateHint(line)
  }

  func answerSchema(for question: Question, into writer: JSONWriter) {
    let (low, high) = question.bounds
    let number = {
      writer.object {
        writer.key("type", whole ? "integer" : "number")
        if let low { writer.key("minimum", low) }
        if let high { writer.key("maximum", high) }
      }
    }
    guard percentSign else {
      writer.key("type", whole ? "integer" : "number")
      if let low { writer.key("minimum", low) }
      if let high { writer.key("maximum", high) }
      return
    }
    writer.key("anyOf") {
      writer.array {
        number()
        writer.object {
          writer.key("type", "string")
          writer.key("pattern", #"^\s*[-+]?[0-9.eE+-]+\s*%\s*$"#)
        }
      }
    }
  }
}

/// The fast path's number answers: what `NumberText.parse` reads, within bounds.
final class FastNumber: FastAnswerReader {
  let low: Double?
  let high: Double?
  let whole: Bool
  let percentSign: Bool

  init(low: Double?, high: Double?, whole: Bool, percentSign: Bool) {
    self.low = low
    self.high = high
    self.whole = whole
    self.percentSign = percentSign
  }

  override func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
    guard let number = Self.number(bytes, percent: percentSign) else { return nil }
    if let low, number < low { return nil }
    if let high, number > high { return nil }
    guard whole else { return .decimal(number) }
    guard number == number.rounded(), abs(number) < 9e15 else { return nil }
    return .integer(Int(saturating: number))
  }

  /// 10^exponent for 0...15, each exact in a Double. A switch over literals is a constant table;
  /// a static array cost a `swift_once` call and a bounds check for every decimal answer.
  @inline(__always)
  static func powerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: 1
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    default: 1e15
    }
  }

  /// The number `NumberText.parse` would read: digits, sign, point and exponent only, finite;
  /// a percent may end in '%'. -0 reads as 0.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>, percent: Bool) -> Double? {
    var end = bytes.count
    if percent, end > 0, bytes[end - 1] == UInt8(ascii: "%") {
      end -= 1
      while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    }
    guard end > 0, end <= 64 else { return nil }
    if end <= 17, let exact = plainDecimal(bytes, end: end) { return exact }
    for index in 0..<end {
      let byte = bytes[index]
      let ok =
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x65 || byte == 0x45
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

  /// Plain decimals (most answers) without strtod. With at most 15 digits the digits form an
  /// integer below 2^53 and 10^k (k ≤ 15) is exact, so one correctly rounded division gives
  /// exactly what strtod gives (Clinger's fast path).
  @inline(__always)
  static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Double? {
    var mantissa = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    var negative = false
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
        return nil
      }
    }
    guard digits > 0 && digits <= 15 && !(seenPoint && bytes[end - 1] == 0x2E) else { return nil }
    // At most 15 digits, so at most 15 after the point.
    let magnitude = Double(mantissa) / powerOfTen(fractionDigits)
    return mantissa == 0 ? 0 : negative ? -magnitude : magnitude
  }
}
