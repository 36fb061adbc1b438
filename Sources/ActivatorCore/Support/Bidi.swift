/// Left-to-right runs (numbers, ids, units, Latin names) inside right-to-left text, isolated so
/// that the Unicode bidirectional algorithm keeps each in its own order and lets it pull nothing
/// around it: `<bdi>` in HTML, FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE (U+2069)
/// in Markdown and in a terminal.
package enum Bidi {
  /// FSI and PDI, which Activator writes itself (text from files never keeps its own: `InertText`).
  package static let isolateStart: Unicode.Scalar = "\u{2068}"
  package static let isolateEnd: Unicode.Scalar = "\u{2069}"

  /// `text` with every left-to-right run wrapped by `wrap`, everything passed through `escape`.
  /// A run starts at a letter of a left-to-right script or a digit and takes in the spaces and
  /// punctuation up to the last such character before right-to-left text, plus a unit sign
  /// right after it ("42%", "12 km²").
  package static func isolatingLeftToRightRuns(_ text: String, escape: (String) -> String, wrap: (String) -> String)
    -> String
  {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    var plain = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      guard startsRun(scalars[index]) else {
        plain.append(scalars[index])
        index += 1
        continue
      }
      var end = index + 1
      var look = index + 1
      // Brackets opened inside the run close inside it: "(confidence high)" stays whole.
      var open = 0
      while look < scalars.count, !isRightToLeft(scalars[look]) {
        let scalar = scalars[look]
        if scalar == "(" || scalar == "[" { open += 1 }
        if startsRun(scalar) || "%‰°²³".unicodeScalars.contains(scalar)
          || (open > 0 && (scalar == ")" || scalar == "]"))
        {
          end = look + 1
        }
        if open > 0 && (scalar == ")" || scalar == "]") { open -= 1 }
        look += 1
      }
      out += escape(String(plain))
      plain = String.UnicodeScalarView()
      var run = String.UnicodeScalarView()
      run.append(contentsOf: scalars[index..<end])
      out += wrap(escape(String(run)))
      index = end
    }
    return out + escape(String(plain))
  }

  /// Isolated with FSI … PDI, for Markdown and terminal text in a right-to-left language.
  package static func isolated(_ text: String) -> String {
    isolatingLeftToRightRuns(text, escape: { $0 }) { "\u{2068}" + $0 + "\u{2069}" }
  }

  /// Terminal text in a right-to-left language, already inert (so any isolate a file held is
  /// shown visibly): each line's left-to-right runs isolated with FSI … PDI, Activator's colour
  /// sequences (`ESC [ … m`) kept whole and outside the isolates.
  package static func isolatedInTerminal(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var out = ""
      var rest = Substring(line)
      while let style = rest.firstMatch(of: /\u{1B}\[[0-9;]*m/) {
        out += isolated(String(rest[..<style.range.lowerBound])) + style.output
        rest = rest[style.range.upperBound...]
      }
      return out + isolated(String(rest))
    }.joined(separator: "\n")
  }

  /// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks, and their
  /// presentation forms.
  package static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
    default: false
    }
  }

  static func startsRun(_ scalar: Unicode.Scalar) -> Bool {
    if ("0"..."9").contains(scalar) { return true }
    return scalar.properties.isAlphabetic && !isRightToLeft(scalar)
  }
}
