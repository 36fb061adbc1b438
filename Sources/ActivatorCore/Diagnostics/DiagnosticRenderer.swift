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
    out += "\(diagnostic.location): \(label) \(diagnostic.message)\n"
    if showSource, diagnostic.location.line > 0,
      let file = sources[diagnostic.location.file], let line = file.line(diagnostic.location.line)
    {
      let visible = line.replacingTabs()
      out += "  \(visible)\n"
      let caretColumn = max(1, diagnostic.location.column)
      let prefix = String(line.prefix(caretColumn - 1).map { $0 == "\t" ? "\t" : " " })
      out += "  \(prefix.replacingTabs())^\n"
    }
    for note in diagnostic.notes {
      let place = note.location.map { "\($0): " } ?? ""
      out += "\(place)note: \(note.message)\n"
    }
    return out
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

extension String {
  fileprivate func replacingTabs() -> String {
    var out = ""
    for character in self { out += character == "\t" ? "    " : String(character) }
    return out
  }
}
