/// Builds YAML text line by line with safe quoting.
///
/// Values are written plain only when every YAML 1.1 reader would read them back as the same
/// text; anything else is double-quoted with escapes, which is always valid YAML.
package struct YAMLWriter: Sendable {
  package private(set) var text = ""
  package var indentWidth = 2

  package init() {}

  package mutating func raw(_ line: String) {
    text += line
    text += "\n"
  }

  package mutating func blankLine() { text += "\n" }

  /// Writes `# text`, one comment line per line of `text`, at the given depth.
  ///
  /// A comment ends at any YAML line break (LF, CR, CRLF, NEL, LS, PS; see `LineBreak`), so
  /// each of them starts a new comment line; characters YAML does not allow in a file are shown
  /// as `\u{…}`.
  package mutating func comment(_ comment: String, depth: Int = 0) {
    let pad = String(repeating: " ", count: depth * indentWidth)
    for line in LineBreak.split(comment) {
      text += line.isEmpty ? "\(pad)#\n" : "\(pad)# \(Self.printable(line))\n"
    }
  }

  /// Whether YAML allows `scalar` in a file as it is (its printable set, line breaks aside).
  package static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  /// One line of comment text with what YAML does not allow in a file shown as `\u{…}`.
  static func printable(_ line: String) -> String {
    guard !line.unicodeScalars.allSatisfy(isPrintable) else { return line }
    var out = ""
    for scalar in line.unicodeScalars {
      if isPrintable(scalar) {
        out.unicodeScalars.append(scalar)
      } else {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  /// Writes `key:` opening a nested block.
  package mutating func open(_ key: String, depth: Int = 0) {
    text += String(repeating: " ", count: depth * indentWidth)
    text += Self.scalar(key)
    text += ":\n"
  }

  /// Writes `key: value` where `value` is already valid YAML (a number, a flow list, a quoted text).
  package mutating func pair(_ key: String, rawValue: String, depth: Int = 0, comment: String? = nil) {
    text += String(repeating: " ", count: depth * indentWidth)
    text += Self.scalar(key)
    text += rawValue.isEmpty ? ":" : ": \(rawValue)"
    if let comment { text += "  # " + Self.printable(LineBreak.split(comment).joined(separator: " ")) }
    text += "\n"
  }

  /// Writes `key: value` quoting `value` as needed.
  package mutating func pair(_ key: String, _ value: String, depth: Int = 0) {
    pair(key, rawValue: Self.scalar(value), depth: depth)
  }

  /// A flow list `[a, b, "c d"]`.
  package static func flowList(_ items: [String]) -> String {
    "[" + items.map(scalar).joined(separator: ", ") + "]"
  }

  /// `text` as a YAML scalar: plain when that is unambiguous, double-quoted otherwise.
  package static func scalar(_ value: String) -> String {
    isSafePlain(value) ? value : doubleQuoted(value)
  }

  /// Always double-quoted, with every character that could be misread escaped.
  package static func doubleQuoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case "\0": out += "\\0"
      default:
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
          out += "\\x" + hex(v, width: 2)
        } else if v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
          || (0xD800...0xDFFF).contains(v)
        {
          out += "\\u" + hex(v, width: 4)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Words and shapes a YAML 1.1 or 1.2 reader would turn into something other than text.
  private static let resolvedWords: Set<String> = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~",
  ]

  static func isSafePlain(_ value: String) -> Bool {
    guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else {
      return false
    }
    if resolvedWords.contains(value) || looksNumeric(value) { return false }
    if first == " " || last == " " || last == ":" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    var previous: Unicode.Scalar = " "
    for scalar in value.unicodeScalars {
      let v = scalar.value
      if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
        || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
      {
        return false
      }
      if scalar == "#" && previous == " " { return false }
      if previous == ":" && scalar == " " { return false }
      if ",[]{}".unicodeScalars.contains(scalar) { return false }
      previous = scalar
    }
    return true
  }

  /// Numbers, timestamps, infinities and NaNs in any form YAML 1.1 or 1.2 resolvers know.
  static func looksNumeric(_ value: String) -> Bool {
    let lowered = value.lowercased()
    if [".inf", "-.inf", "+.inf", ".nan"].contains(lowered) { return true }
    var scalars = Array(value.unicodeScalars)
    guard let first = scalars.first else { return false }
    func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    // Dates and timestamps (2026-10-02, 2026-10-02T11:40:00Z) start with four digits and a dash.
    if scalars.count >= 10, scalars[0..<4].allSatisfy(isDigit), scalars[4] == "-" { return true }
    if first == "+" || first == "-" { scalars.removeFirst() }
    guard let lead = scalars.first, isDigit(lead) || lead == "." else { return false }
    // Hexadecimal, octal, binary and sexagesimal (YAML 1.1) forms.
    if scalars.count > 1, lead == "0", "xob".unicodeScalars.contains(scalars[1]) { return true }
    if scalars.contains(":") { return scalars.allSatisfy { isDigit($0) || $0 == ":" || $0 == "_" || $0 == "." } }
    // Decimal integers and floats, with YAML 1.1's underscores: at most one dot, one exponent.
    var dots = 0
    var index = 0
    var digits = 0
    while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "_" || scalars[index] == "." {
      if scalars[index] == "." { dots += 1 } else if isDigit(scalars[index]) { digits += 1 }
      index += 1
    }
    guard dots <= 1, digits > 0 || dots == 1 else { return false }
    if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
      index += 1
      if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
      let exponentStart = index
      while index < scalars.count, isDigit(scalars[index]) { index += 1 }
      if index == exponentStart { return false }
    }
    return index == scalars.count
  }
}
