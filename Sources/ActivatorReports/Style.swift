/// ANSI styling that disappears when colour is off.
public struct Style: Sendable {
  public var color: Bool

  public init(color: Bool) { self.color = color }

  func wrap(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func blue(_ text: String) -> String { wrap(text, "34") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }

  /// The colour of a stage on a 1–5 scale: red, yellow, then green.
  public func stage(_ text: String, _ stage: Int, top: Int) -> String {
    guard color else { return text }
    let fraction = top > 1 ? Double(stage - 1) / Double(top - 1) : 1
    let code = fraction < 0.3 ? "31" : fraction < 0.6 ? "33" : fraction < 0.9 ? "32" : "1;32"
    return wrap(text, code)
  }
}

/// Display width of text in a terminal: wide East Asian characters take two columns,
/// combining marks none.
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        continue
      }
      width += of(scalar)
    }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  public static func pad(_ text: String, to width: Int) -> String {
    let current = of(text)
    return current >= width ? text : text + String(repeating: " ", count: width - current)
  }

  public static func padLeft(_ text: String, to width: Int) -> String {
    let current = of(text)
    return current >= width ? text : String(repeating: " ", count: width - current) + text
  }

  /// Cuts text to at most `width` columns, ending with '…' when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    var out = ""
    var used = 0
    for character in text {
      let w = of(String(character))
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }

  /// Wraps text into lines of at most `width` columns, breaking at spaces.
  public static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if of(candidate) > width && !line.isEmpty {
          lines.append(line)
          line = String(word)
        } else {
          line = candidate
        }
      }
      lines.append(line)
    }
    return lines
  }
}
