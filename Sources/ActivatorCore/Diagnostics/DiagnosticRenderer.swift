/// Prints diagnostics the way compilers do: `file:line:col: error: message`, optionally followed
/// by the source line and a caret under the column.
package struct DiagnosticRenderer: Sendable {
  package var color: Bool
  package var showSource: Bool
  /// Files the renderer may quote lines from, by path.
  package var sources: [String: SourceFile]
  /// How many diagnostics of one file are shown; the rest are counted by kind in a closing note,
  /// so a file with 24,000 problems prints as quickly as one with 50. Nil shows all.
  package var limitPerFile: Int?
  /// The language messages are shown in (the severity words stay English, as compilers write
  /// them, for editors and scripts).
  package var language: String

  package static let defaultLimitPerFile = 50

  package init(
    color: Bool = false, showSource: Bool = false, sources: [String: SourceFile] = [:],
    limitPerFile: Int? = DiagnosticRenderer.defaultLimitPerFile, language: String = "en"
  ) {
    self.language = language
    self.color = color
    self.showSource = showSource
    self.sources = sources
    self.limitPerFile = limitPerFile
  }

  package func render(_ diagnostic: Diagnostic) -> String {
    var out = ""
    let severity = diagnostic.severity.rawValue
    let label: String
    if color {
      let code = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36"
      label = "\u{1B}[1;\(code)m\(severity):\u{1B}[0m"
    } else {
      label = "\(severity):"
    }
    // File names and messages quote what files hold: made inert here, for every command.
    out += "\(Self.place(diagnostic.location)): \(label) \(InertText.line(diagnostic.text(language)))\n"
    let location = diagnostic.location
    if showSource, location.line > 0, let file = sources[location.file],
      let range = file.lines.byteRange(ofLine: location.line),
      let target = file.lines.byteOffset(line: location.line, column: location.column, in: file.bytes)
    {
      let (quoted, caret) = Self.quote(file.bytes[range], at: target)
      out += "  \(quoted)\n  \(String(repeating: " ", count: caret))^\n"
    }
    for note in diagnostic.notes {
      let place = note.location.map { "\(Self.place($0)): " } ?? ""
      out += "\(place)note: \(InertText.line(note.content.text(language)))\n"
    }
    return out
  }

  /// `file:line:col` with the file name made inert (a name can hold a line break or an escape).
  package static func place(_ location: SourceLocation) -> String {
    var inert = location
    inert.file = InertText.line(location.file)
    return inert.description
  }

  /// Columns of a quoted line shown around the caret; a longer line is cut to a window.
  package static let quoteWidth = 100

  /// A source line as shown under a diagnostic, and how many display columns precede the caret.
  ///
  /// The line is an editor line (see `LineBreak`) and `column` counts its Unicode scalars, as
  /// every position does. Tabs become four spaces, active characters their visible form, and a
  /// line longer than `quoteWidth` columns is cut to a window around the column, with '…' at
  /// the cuts. `target` is the byte offset of the column (`TextLines` finds it without scanning
  /// the line) and only the window around it is decoded, so quoting a 250 KB line costs little
  /// more than quoting a short one.
  package static func quote(_ line: ArraySlice<UInt8>, at target: Int) -> (text: String, caret: Int) {
    let margin = 16 * quoteWidth
    var windowStart = max(line.startIndex, target - margin)
    while windowStart < target, line[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
    var windowEnd = min(line.endIndex, target + margin)
    while windowEnd < line.endIndex, line[windowEnd] & 0xC0 == 0x80 { windowEnd += 1 }
    // Counted as decoding counts (invalid bytes are characters too), so the caret stays true.
    let before = String(decoding: line[windowStart..<min(max(windowStart, target), windowEnd)], as: UTF8.self)
      .unicodeScalars.count
    let scalars = Array(String(decoding: line[windowStart..<windowEnd], as: UTF8.self).unicodeScalars)
    return quote(
      scalars, target: min(before, scalars.count), cutBefore: windowStart > line.startIndex,
      cutAfter: windowEnd < line.endIndex)
  }

  /// The same for a line given as text, `column` counting its Unicode scalars from 1.
  package static func quote(_ line: String, column: Int) -> (text: String, caret: Int) {
    let bytes = ArraySlice(line.utf8)
    let prefix = line.unicodeScalars.prefix(max(0, column - 1)).reduce(0) { $0 + UTF8.width($1) }
    return quote(bytes, at: prefix)
  }

  private static func quote(_ scalars: [Unicode.Scalar], target: Int, cutBefore: Bool, cutAfter: Bool) -> (
    text: String, caret: Int
  ) {
    func shown(_ scalar: Unicode.Scalar) -> String {
      scalar == "\t"
        ? "    " : InertText.isActive(scalar, keepingLines: false) ? InertText.visible(scalar) : String(scalar)
    }
    func width(_ scalar: Unicode.Scalar) -> Int {
      scalar == "\t"
        ? 4
        : InertText.isActive(scalar, keepingLines: false) ? InertText.visible(scalar).count : DisplayWidth.of(scalar)
    }
    // Widen the window from the caret outwards until it holds `quoteWidth` columns.
    var start = target
    var end = target
    var used = 0
    while used < quoteWidth && (start > 0 || end < scalars.count) {
      if start > 0 && (target - start < quoteWidth / 3 || end >= scalars.count) {
        start -= 1
        used += width(scalars[start])
      } else if end < scalars.count {
        used += width(scalars[end])
        end += 1
      }
    }
    var text = ""
    var caret = 0
    if start > 0 || cutBefore {
      text = "…"
      caret = 1
    }
    for index in start..<end {
      if index < target { caret += width(scalars[index]) }
      text += shown(scalars[index])
    }
    if end < scalars.count || cutAfter { text += "…" }
    return (text, caret)
  }

  package func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    render(diagnostics) { out += $0 }
    return out
  }

  /// Renders `diagnostics` one at a time to `write`, at most `limitPerFile` of each file, then
  /// for each file cut short a note counting what was not shown, by kind.
  package func render(_ diagnostics: [Diagnostic], to write: (String) -> Void) {
    var shown: [String: Int] = [:]
    var hidden: [(file: String, counts: [String: Int], total: Int)] = []
    var hiddenIndex: [String: Int] = [:]
    for diagnostic in diagnostics {
      let file = diagnostic.location.file
      let count = shown[file, default: 0]
      if let limitPerFile, count >= limitPerFile {
        let index =
          hiddenIndex[file]
          ?? {
            hidden.append((file, [:], 0))
            hiddenIndex[file] = hidden.count - 1
            return hidden.count - 1
          }()
        hidden[index].counts[diagnostic.code, default: 0] += 1
        hidden[index].total += 1
        continue
      }
      shown[file] = count + 1
      write(render(diagnostic))
    }
    for (file, counts, total) in hidden {
      let kinds = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { "\(Self.count($0.value)) \($0.key)" }.joined(separator: ", ")
      let note = Message(.diagnosticsNotShown, ["count": .count(total), "kinds": .text(kinds)])
      write("\(InertText.line(file)): note: \(note.text(language))\n")
    }
  }

  /// `23,950`: counts in notes, grouped by thousands.
  static func count(_ value: Int) -> String {
    var digits = Array(String(value))
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + String(digits.suffix(3)) + grouped
      digits.removeLast(3)
    }
    return String(digits) + grouped
  }

  /// Diagnostics as a JSON array for editors and CI.
  package static func json(_ diagnostics: [Diagnostic], language: String = "en") -> String {
    let writer = JSONWriter(pretty: true)
    writer.array {
      for diagnostic in diagnostics {
        writer.object {
          writer.key("file", diagnostic.location.file)
          writer.key("line", diagnostic.location.line)
          writer.key("column", diagnostic.location.column)
          writer.key("severity", diagnostic.severity.rawValue)
          writer.key("code", diagnostic.code)
          writer.key("message", diagnostic.text(language))
          writer.key("key", diagnostic.content.key.rawValue)
          if !diagnostic.notes.isEmpty {
            writer.key("notes") {
              writer.array {
                for note in diagnostic.notes {
                  writer.object {
                    writer.key("message", note.content.text(language))
                    if let location = note.location {
                      writer.key("file", location.file)
                      writer.key("line", location.line)
                      writer.key("column", location.column)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return writer.finish()
  }
}
