/// Prints diagnostics the way compilers do: `file:line:col: error: message`, optionally followed
/// by the source line and a caret under the column.
public struct DiagnosticRenderer: Sendable {
  public var color: Bool
  public var showSource: Bool
  /// Files the renderer may quote lines from, by path.
  public var sources: [String: SourceFile]

  public init(color: Bool = false, showSource: Bool = false, sources: [String: SourceFile] = [:]) {
    self.color = color
    self.showSource = showSource
    self.sources = sources
  }

  public func render(_ diagnostic: Diagnostic) -> String {
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
    out += "\(Self.place(diagnostic.location)): \(label) \(InertText.line(diagnostic.message))\n"
    if showSource, diagnostic.location.line > 0,
      let file = sources[diagnostic.location.file], let line = file.line(diagnostic.location.line)
    {
      let (quoted, caret) = Self.quote(line, column: diagnostic.location.column)
      out += "  \(quoted)\n  \(String(repeating: " ", count: caret))^\n"
    }
    for note in diagnostic.notes {
      let place = note.location.map { "\(Self.place($0)): " } ?? ""
      out += "\(place)note: \(InertText.line(note.message))\n"
    }
    return out
  }

  /// `file:line:col` with the file name made inert (a name can hold a line break or an escape).
  public static func place(_ location: SourceLocation) -> String {
    var inert = location
    inert.file = InertText.line(location.file)
    return inert.description
  }

  /// Columns of a quoted line shown around the caret; a longer line is cut to a window.
  public static let quoteWidth = 100

  /// A source line as shown under a diagnostic, and how many display columns precede the caret.
  ///
  /// The line is an editor line (see `LineBreak`) and `column` counts its Unicode scalars, as
  /// every position does. Tabs become four spaces, active characters their visible form, and a
  /// line longer than `quoteWidth` columns is cut to a window around the column, with '…' at
  /// the cuts, so a 250 KB line costs no more to quote than a short one.
  public static func quote(_ line: String, column: Int) -> (text: String, caret: Int) {
    let scalars = Array(line.unicodeScalars)
    let target = min(max(0, column - 1), scalars.count)
    func shown(_ scalar: Unicode.Scalar) -> String {
      scalar == "\t" ? "    " : InertText.isActive(scalar, keepingLines: false) ? InertText.visible(scalar) : String(scalar)
    }
    func width(_ scalar: Unicode.Scalar) -> Int {
      scalar == "\t" ? 4 : InertText.isActive(scalar, keepingLines: false) ? InertText.visible(scalar).count : DisplayWidth.of(scalar)
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
    var text = start > 0 ? "…" : ""
    var caret = start > 0 ? 1 : 0
    for index in start..<end {
      let piece = shown(scalars[index])
      if index < target { caret += width(scalars[index]) }
      text += piece
    }
    if end < scalars.count { text += "…" }
    return (text, caret)
  }

  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  /// Diagnostics as a JSON array for editors and CI.
  public static func json(_ diagnostics: [Diagnostic]) -> String {
    let writer = JSONWriter(pretty: true)
    writer.array {
      for diagnostic in diagnostics {
        writer.object {
          writer.key("file", diagnostic.location.file)
          writer.key("line", diagnostic.location.line)
          writer.key("column", diagnostic.location.column)
          writer.key("severity", diagnostic.severity.rawValue)
          writer.key("code", diagnostic.code)
          writer.key("message", diagnostic.message)
          if !diagnostic.notes.isEmpty {
            writer.key("notes") {
              writer.array {
                for note in diagnostic.notes {
                  writer.object {
                    writer.key("message", note.message)
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
