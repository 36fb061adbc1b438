/// A token of the expression language with its span, in Unicode scalar offsets.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case identifier(String)
    case int(Int)
    case double(Double)
    case string(String)
    case symbol(String)
    case end
  }
  var kind: Kind
  var range: Range<Int>
}

struct ExpressionError: Error, Sendable, Equatable {
  var code: String
  var message: String
  var range: Range<Int>
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

  private mutating func next() throws(ExpressionError) -> Token {
    while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
    let start = position
    guard let c = peek() else { return Token(kind: .end, range: start..<start) }
    if c == "/" && peek(1) == "/" {
      while let c = peek(), c != "\n" { position += 1 }
      return try next()
    }
    if c.properties.isAlphabetic && c.isASCII || c == "_" {
      while let c = peek(), c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) || c == "_" {
        position += 1
      }
      let word = String(String.UnicodeScalarView(scalars[start..<position]))
      return Token(kind: .identifier(word), range: start..<position)
    }
    if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
      return try number(start)
    }
    if c == "'" || c == "\"" {
      return try string(quote: c, start: start)
    }
    for symbol in Self.symbols {
      let symbolScalars = Array(symbol.unicodeScalars)
      if scalars[position...].starts(with: symbolScalars) {
        position += symbolScalars.count
        return Token(kind: .symbol(symbol), range: start..<position)
      }
    }
    if c == "=" {
      throw ExpressionError(code: "syntax", message: "'=' is not an operator; use '==' to compare", range: start..<start + 1)
    }
    if c == "&" || c == "|" {
      throw ExpressionError(
        code: "syntax", message: "'\(c)' is not an operator; use '\(c)\(c)'", range: start..<start + 1)
    }
    throw ExpressionError(code: "syntax", message: "unexpected character '\(c)'", range: start..<start + 1)
  }

  private mutating func number(_ start: Int) throws(ExpressionError) -> Token {
    var isDouble = false
    if peek() == "0", let x = peek(1), x == "x" || x == "X" {
      position += 2
      let digitsStart = position
      while let c = peek(), c.properties.isASCIIHexDigit { position += 1 }
      let digits = String(String.UnicodeScalarView(scalars[digitsStart..<position]))
      guard let value = Int(digits, radix: 16) else {
        throw ExpressionError(code: "number", message: "hexadecimal number out of range", range: start..<position)
      }
      return Token(kind: .int(value), range: start..<position)
    }
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
    if peek() == "u" || peek() == "U" { position += 1 }  // CEL unsigned suffix, read as int
    let text = String(String.UnicodeScalarView(scalars[start..<position])).filter { $0 != "u" && $0 != "U" }
    if isDouble {
      guard let value = Double(text), value.isFinite else {
        throw ExpressionError(code: "number", message: "number '\(text)' is out of range", range: start..<position)
      }
      return Token(kind: .double(value), range: start..<position)
    }
    guard let value = Int(text) else {
      throw ExpressionError(
        code: "number", message: "integer '\(text)' is out of range (at most \(Int.max))", range: start..<position)
    }
    return Token(kind: .int(value), range: start..<position)
  }

  private mutating func string(quote: Unicode.Scalar, start: Int) throws(ExpressionError) -> Token {
    position += 1
    var value = String.UnicodeScalarView()
    while true {
      guard let c = peek() else {
        throw ExpressionError(
          code: "syntax", message: "text started here is never closed with \(quote)", range: start..<start + 1)
      }
      if c == quote {
        position += 1
        return Token(kind: .string(String(value)), range: start..<position)
      }
      if c == "\n" {
        throw ExpressionError(
          code: "syntax", message: "text started here runs past the end of the line", range: start..<position)
      }
      if c == "\\" {
        guard let e = peek(1) else { position += 1; continue }
        switch e {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "\\", "'", "\"", "`", "?": value.append(e)
        case "u":
          let hexStart = position + 2
          guard hexStart + 4 <= scalars.count,
            let code = UInt32(String(String.UnicodeScalarView(scalars[hexStart..<hexStart + 4])), radix: 16),
            let scalar = Unicode.Scalar(code)
          else {
            throw ExpressionError(code: "syntax", message: "'\\u' needs four hexadecimal digits", range: position..<position + 2)
          }
          value.append(scalar)
          position += 4
        default:
          throw ExpressionError(code: "syntax", message: "unknown escape '\\\(e)'", range: position..<position + 2)
        }
        position += 2
        continue
      }
      value.append(c)
      position += 1
    }
  }
}
