import ActivatorYAML

/// Text from a file, or a file's name, made inert before it reaches a terminal or a log.
///
/// A terminal acts on control characters: ESC starts sequences that set the window title, clear
/// the screen or recolour what follows; C1 controls (U+0080–U+009F, such as CSI U+009B) do the
/// same in one character; CR and a line feed forge lines; bidirectional overrides (U+202E) and
/// isolates reorder what is shown. Every such character is shown visibly instead, as `\u{1B}`,
/// so what a city or an author wrote can be read but never act.
package enum InertText {
  /// For one line (a file name, a city, a key): every control character and line break.
  package static func line(_ text: some StringProtocol) -> String { inert(text, keepingLines: false) }

  /// For text of several lines (help, notes, catalog descriptions): line feeds and tabs stay.
  package static func text(_ text: some StringProtocol) -> String { inert(text, keepingLines: true) }

  /// Text bound for a terminal or a log as a whole (what `Console` writes): line feeds and tabs
  /// stay, every other active character is shown visibly; with `keepingStyle`, escape sequences
  /// that only set Activator's own colours and weights (`ESC [ 1 ; 31 m`…) stay too, and no other.
  package static func terminal(_ text: String, keepingStyle: Bool) -> String {
    guard mayHoldActive(text.utf8, keepingLines: true) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}", keepingStyle, let length = styleSequenceLength(scalars, at: index) {
        out.unicodeScalars.append(contentsOf: scalars[index..<index + length])
        index += length
        continue
      }
      if isActive(scalar, keepingLines: true) {
        out += visible(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
      index += 1
    }
    return out
  }

  /// Parameters of the colour sequences Activator writes (`Style`): reset, bold, dim, reverse
  /// and the six foreground colours. Anything else (hidden text, cursor moves, titles) is refused.
  private static let styleParameters: Set<Int> = [0, 1, 2, 7, 31, 32, 33, 34, 35, 36]

  /// The length of an `ESC [ n ; n m` sequence at `index` whose parameters are all Activator's.
  private static func styleSequenceLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
    guard index + 2 < scalars.count, scalars[index + 1] == "[" else { return nil }
    var end = index + 2
    var number = ""
    while end < scalars.count, end - index < 16 {
      let scalar = scalars[end]
      if ("0"..."9").contains(scalar) {
        number.unicodeScalars.append(scalar)
      } else if scalar == ";" || scalar == "m" {
        guard let value = Int(number), styleParameters.contains(value) else { return nil }
        if scalar == "m" { return end - index + 1 }
        number = ""
      } else {
        return nil
      }
      end += 1
    }
    return nil
  }

  /// Whether a terminal would act on `scalar`, or it would reorder the text around it.
  package static func isActive(_ scalar: Unicode.Scalar, keepingLines: Bool) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return !keepingLines
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// How an active character is shown: `\u{1B}`.
  package static func visible(_ scalar: Unicode.Scalar) -> String {
    "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
  }

  /// `U+0085`: how messages name a character.
  package static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func inert(_ text: some StringProtocol, keepingLines: Bool) -> String {
    guard mayHoldActive(text.utf8, keepingLines: keepingLines) else { return String(text) }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if isActive(scalar, keepingLines: keepingLines) {
        out += visible(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A quick look at the bytes: nearly all text has no byte that could start an active character.
  private static func mayHoldActive(_ bytes: some Sequence<UInt8>, keepingLines: Bool) -> Bool {
    for byte in bytes {
      if byte < 0x20 {
        if keepingLines && (byte == 0x0A || byte == 0x09) { continue }
        return true
      }
      if byte == 0x7F || byte == 0xC2 || byte == 0xE2 { return true }
    }
    return false
  }
}

/// Display width of text in a terminal, the one measure of every layout, wrap, truncation,
/// cursor position and progress line: East Asian wide and fullwidth characters (Hangul, CJK,
/// emoji) take two columns, marks and joiners none, and a grapheme cluster (a letter with its
/// accents, an emoji joined by ZWJ, a flag, a Hangul syllable in jamo) counts as what it shows.
/// The tables are generated from the Unicode Character Database (`Scripts/generate-widths`,
/// `unicodeVersion`); Ambiguous characters (“ ” ‘ ’) count one column, as outside CJK locales.
package enum DisplayWidth {
  package static func of(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for character in text {
      if inEscape {
        if character == "m" { inEscape = false }
        continue
      }
      if character == "\u{1B}" {
        inEscape = true
        continue
      }
      width += of(character)
    }
    return width
  }

  /// Columns of one grapheme cluster: its base character's, two when an emoji presentation
  /// selector (U+FE0F) asks for an emoji or for a pair of regional indicators (a flag), one for a
  /// text presentation selector (U+FE0E).
  package static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count == 1 { return of(first) }
    if scalars.contains("\u{FE0F}") { return 2 }
    if scalars.contains("\u{FE0E}") { return 1 }
    if (0x1F1E6...0x1F1FF).contains(first.value) { return scalars.count >= 2 ? 2 : 1 }
    // A cluster that starts with a mark or a joiner still shows what follows it.
    return scalars.lazy.map(of).first { $0 > 0 } ?? 0
  }

  package static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    if contains(zero, v) { return 0 }
    return contains(wide, v) ? 2 : 1
  }

  static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if value < ranges[middle].lowerBound {
        high = middle - 1
      } else if value > ranges[middle].upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// The columns of characters taken from a text (an answer being typed).
  package static func columns(_ characters: some Sequence<Character>) -> Int { characters.reduce(0) { $0 + of($1) } }

  package static func pad(_ text: String, to width: Int) -> String {
    let current = of(text)
    return current >= width ? text : text + String(repeating: " ", count: width - current)
  }

  package static func padLeft(_ text: String, to width: Int) -> String {
    let current = of(text)
    return current >= width ? text : String(repeating: " ", count: width - current) + text
  }

  /// Cuts text to at most `width` columns, ending with '…' when cut.
  package static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    var out = ""
    var used = 0
    for character in text {
      let w = of(character)
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return out + "…"
  }

  /// Text cut to at most `width` columns at a word boundary, ending with '…' when cut (a
  /// question's text named in a message).
  package static func shorten(_ text: String, to width: Int) -> String {
    let line = LineBreak.split(text).first.map { String($0) } ?? text
    guard of(line) > width || line != text else { return text }
    var out = ""
    for word in line.split(separator: " ") {
      let candidate = out.isEmpty ? String(word) : out + " " + word
      if of(candidate) > width - 1 { break }
      out = candidate
    }
    return out.isEmpty ? truncate(line, to: width) : out + "…"
  }

  /// Wraps text into lines of at most `width` columns, breaking at spaces; every line break
  /// (`LineBreak`) in `text` starts a new line. With `breakingWords`, a word longer than a line
  /// is cut across lines (a screen must never be wider than the terminal); otherwise it
  /// stands alone on a longer line (files).
  package static func wrap(_ text: String, width: Int, breakingWords: Bool = false) -> [String] {
    var lines: [String] = []
    let width = max(1, width)
    for paragraph in LineBreak.split(text) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        var word = String(word)
        let candidate = line.isEmpty ? word : line + " " + word
        if of(candidate) <= width {
          line = candidate
          continue
        }
        if !line.isEmpty { lines.append(line) }
        line = ""
        while breakingWords, of(word) > width {
          let (head, rest) = split(word, at: width)
          lines.append(head)
          word = rest
        }
        line = word
      }
      lines.append(line)
    }
    return lines
  }

  /// The first `width` columns of `word` and the rest.
  static func split(_ word: String, at width: Int) -> (String, String) {
    var head = ""
    var used = 0
    var index = word.startIndex
    while index < word.endIndex {
      let w = of(word[index])
      if used + w > width && !head.isEmpty { break }
      head.append(word[index])
      used += w
      index = word.index(after: index)
    }
    return (head, String(word[index...]))
  }
}
