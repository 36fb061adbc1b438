/// A token of the expression language with its span, in Unicode scalar offsets.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case identifier(String)
    /// The magnitude of a whole number. The parser decides whether it fits: 9223372036854775808
    /// only does with a '-' in front of it.
    case int(UInt64)
    case double(Double)
    case string(String)
    case symbol(String)
    case end
  }
  var kind: Kind
  var range: Range<Int>
}

struct ExpressionError: Error, Sendable {
  var code: String
  var message: Message
  var range: Range<Int>
  /// The text `range` is in when it is not the expression's own: a definition it expands.
  var source: ExpressionSource?
  var notes: [Diagnostic.Note] = []

  init(
    code: String, message: Message, range: Range<Int>, source: ExpressionSource? = nil, notes: [Diagnostic.Note] = []
  ) {
    self.code = code
    self.message = message
    self.range = range
    self.source = source
    self.notes = notes
  }
}

/// Splits CEL source into tokens.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  static let symbols: [String] = [
    "&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "(",
    ")", "[", "]", "{", "}", ",", ".",
  ]

  mutating func tokenize() throws(ExpressionError) -> [Token] {
    var tokens: [Token] = []
    while true {
      let token = try next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    position + ahead < scalars.count ? scalars[position + ahead] : nil
  }

  /// The text of `range`, encoded once into UTF-8 (a scalar view appended scalar by scalar cost
  /// thousands of instructions per name, and every name of every rule is read here).
  private func text(_ range: Range<Int>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count)
    for scalar in scalars[range] { UTF8.encode(scalar) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// An ASCII letter: what Unicode's Alphabetic property says of ASCII, without looking it up.
  private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }

  private mutating func next() throws(ExpressionError) -> Token {
    while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" { position += 1 }
    let start = position
    guard let c = peek() else { return Token(kind: .end, range: start..<start) }
    if c == "/" && peek(1) == "/" {
      while let c = peek(), c != "\n" { position += 1 }
      return try next()
    }
    if let prefixed = try prefixedString(start) { return prefixed }
    if Self.isASCIILetter(c) || c == "_" {
      while let c = peek(), Self.isASCIILetter(c) || ("0"..."9").contains(c) || c == "_" {
        position += 1
      }
      return Token(kind: .identifier(text(start..<position)), range: start..<position)
    }
    if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
      return try number(start)
    }
    if c == "'" || c == "\"" {
      return try string(start, raw: false)
    }
    for symbol in Self.symbols {
      let symbolScalars = Array(symbol.unicodeScalars)
      if scalars[position...].starts(with: symbolScalars) {
        position += symbolScalars.count
        return Token(kind: .symbol(symbol), range: start..<position)
      }
    }
    if c == "=" {
      throw ExpressionError(code: "syntax", message: Message(.exprNotOperatorUseCompare), range: start..<start + 1)
    }
    if c == "&" || c == "|" {
      throw ExpressionError(
        code: "syntax", message: Message(.exprNotOperatorUse, ["c": "\(c)"]), range: start..<start + 1)
    }
    throw ExpressionError(
      code: "syntax", message: Message(.exprUnexpectedCharacter, ["c": "\(c)"]), range: start..<start + 1)
  }

  // MARK: - Numbers

  private mutating func number(_ start: Int) throws(ExpressionError) -> Token {
    let magnitude: UInt64?
    if peek() == "0", let x = peek(1), x == "x" || x == "X" {
      position += 2
      let digitsStart = position
      while let c = peek(), c.properties.isASCIIHexDigit { position += 1 }
      if digitsStart == position {
        throw ExpressionError(
          code: "number", message: Message(.expr0NeedsHexadecimalDigits, ["x": "\(x)"]), range: start..<position)
      }
      magnitude = UInt64(text(digitsStart..<position), radix: 16)
    } else {
      if let value = try decimal(start) { return Token(kind: .double(value), range: start..<position) }
      magnitude = UInt64(text(start..<position))
    }
    let literal = text(start..<position)
    if let u = peek(), u == "u" || u == "U" {
      // One integer type keeps answers, literals and arithmetic in one domain: CEL has no
      // arithmetic between int and uint, so an unsigned literal next to an answer could only
      // be a type error.
      throw ExpressionError(
        code: "unsupported",
        message: Message(.exprUnsignedIntegersNotPart, ["literal": "\(literal)", "u": "\(u)"]),
        range: start..<position + 1)
    }
    guard let magnitude, magnitude <= UInt64(Int.max) + 1 else {
      throw Self.outOfRange(literal, start..<position)
    }
    return Token(kind: .int(magnitude), range: start..<position)
  }

  /// Reads the digits of a decimal number; returns its value when it is a double (it has a
  /// fraction or an exponent), `nil` when it is a whole number.
  private mutating func decimal(_ start: Int) throws(ExpressionError) -> Double? {
    var isDouble = false
    while let c = peek(), ("0"..."9").contains(c) { position += 1 }
    if peek() == ".", let d = peek(1), ("0"..."9").contains(d) {
      isDouble = true
      position += 1
      while let c = peek(), ("0"..."9").contains(c) { position += 1 }
    }
    if let e = peek(), e == "e" || e == "E" {
      var look = 1
      if let sign = peek(1), sign == "+" || sign == "-" { look = 2 }
      if let d = peek(look), ("0"..."9").contains(d) {
        isDouble = true
        position += look
        while let c = peek(), ("0"..."9").contains(c) { position += 1 }
      }
    }
    guard isDouble else { return nil }
    let literal = text(start..<position)
    guard let value = Double(literal), value.isFinite else {
      throw ExpressionError(
        code: "number", message: Message(.exprNumberOutRange, ["literal": "\(literal)"]), range: start..<position)
    }
    return value
  }

  static func outOfRange(_ literal: String, _ range: Range<Int>) -> ExpressionError {
    ExpressionError(
      code: "number",
      message: Message(.exprIntegerOutRange, ["literal": "\(literal)", "min": "\(Int.min)", "max": "\(Int.max)"]),
      range: range)
  }

  // MARK: - Text

  /// `r'…'` is raw text (a backslash is a plain character); bytes (`b'…'`) are refused by name.
  private mutating func prefixedString(_ start: Int) throws(ExpressionError) -> Token? {
    var letters = ""
    var look = 0
    while look < 2, let c = peek(look), "rRbB".unicodeScalars.contains(c) {
      letters.unicodeScalars.append(c)
      look += 1
    }
    guard !letters.isEmpty, let quote = peek(look), quote == "'" || quote == "\"" else { return nil }
    let lowered = letters.lowercased()
    guard lowered == "r" || lowered == "b" || lowered == "rb" || lowered == "br" else { return nil }
    if lowered.contains("b") {
      throw ExpressionError(
        code: "unsupported", message: Message(.exprBytesNotPartRule, ["letters": "\(letters)", "quote": "\(quote)"]),
        range: start..<start + look)
    }
    position += look
    return try string(start, raw: true)
  }

  /// A text literal whose quote is under `position`: '…', "…", or tripled quotes, which may
  /// span lines.
  private mutating func string(_ start: Int, raw: Bool) throws(ExpressionError) -> Token {
    guard let quote = peek() else { return Token(kind: .end, range: start..<start) }
    let triple = peek(1) == quote && peek(2) == quote
    let closing = String(repeating: String(quote), count: triple ? 3 : 1)
    position += triple ? 3 : 1
    var value = String.UnicodeScalarView()
    while true {
      guard let c = peek() else {
        throw ExpressionError(
          code: "syntax", message: Message(.exprTextStartedHereNever, ["closing": "\(closing)"]),
          range: start..<start + 1)
      }
      if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
        position += triple ? 3 : 1
        return Token(kind: .string(String(value)), range: start..<position)
      }
      if (c == "\n" || c == "\r") && !triple {
        throw ExpressionError(
          code: "syntax",
          message: Message(.exprTextStartedHereRuns, ["closing": "\(closing)"]),
          range: start..<position)
      }
      if c == "\\" && !raw {
        value.append(try escape())
      } else {
        value.append(c)
        position += 1
      }
    }
  }

  private static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
    "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
    "\\": "\\", "'": "'", "\"": "\"", "`": "`", "?": "?",
  ]

  /// The character the escape sequence under `position` stands for; moves past it. As in CEL,
  /// `\xHH`, `\ooo`, `\uHHHH` and `\UHHHHHHHH` name a Unicode code point.
  private mutating func escape() throws(ExpressionError) -> Unicode.Scalar {
    let start = position
    guard let e = peek(1) else {
      throw ExpressionError(code: "syntax", message: Message(.exprAtEndTextEscapes), range: start..<start + 1)
    }
    if let scalar = Self.simpleEscapes[e] {
      position += 2
      return scalar
    }
    let (digits, radix): (Int, Int)
    switch e {
    case "x", "X": (digits, radix) = (2, 16)
    case "u": (digits, radix) = (4, 16)
    case "U": (digits, radix) = (8, 16)
    case "0"..."3": (digits, radix) = (3, 8)
    default:
      throw ExpressionError(
        code: "syntax", message: Message(.exprUnknownEscape, ["e": "\(e)"]), range: start..<start + 2)
    }
    let first = radix == 8 ? start + 1 : start + 2
    let end = min(scalars.count, first + digits)
    let written = text(first..<end)
    guard end - first == digits, written.unicodeScalars.allSatisfy(\.isASCII), let code = UInt32(written, radix: radix)
    else {
      let form =
        radix == 8
        ? Message(.exprEscapeOctal)
        : Message(.exprEscapeHex, ["escape": .text("\\" + String(e)), "digits": .text(String(digits))])
      throw ExpressionError(
        code: "syntax", message: Message(.exprEscapeHereNeeds, ["form": .message(form)]), range: start..<end)
    }
    if e == "u", (0xD800...0xDBFF).contains(code), let low = lowSurrogate(at: end) {
      // A pair of \u escapes for one character outside the first plane ('\uD83D\uDE00').
      position = end + 6
      return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
    }
    guard let scalar = Unicode.Scalar(code) else {
      throw ExpressionError(
        code: "syntax", message: Message(.exprNotUnicodeCharacterSurrogate, ["e": "\(e)", "written": "\(written)"]),
        range: start..<end)
    }
    position = end
    return scalar
  }

  /// The value of a `\uDC00`…`\uDFFF` escape at `offset`, if there is one.
  private func lowSurrogate(at offset: Int) -> UInt32? {
    guard offset + 6 <= scalars.count, scalars[offset] == "\\", scalars[offset + 1] == "u" else { return nil }
    let digits = text(offset + 2..<offset + 6)
    guard digits.unicodeScalars.allSatisfy(\.isASCII), let code = UInt32(digits, radix: 16),
      (0xDC00...0xDFFF).contains(code)
    else {
      return nil
    }
    return code
  }
}
