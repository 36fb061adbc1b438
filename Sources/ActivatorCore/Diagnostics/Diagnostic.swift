/// One problem found in a file: where, how bad, and what was expected.
package struct Diagnostic: Sendable, Hashable, Comparable {
  package enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }
    package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  package var severity: Severity
  /// A stable, kebab-case name of the problem kind, for tools (`unknown-key`, `type-mismatch`).
  package var code: String
  /// What it says, by message key: shown in the reader's language (`text(_:)`).
  package var content: Message
  package var location: SourceLocation
  /// Related places, e.g. where a duplicate id was first defined.
  package var notes: [Note]

  /// What it says in English (logs, tests, and the `message` of JSON output).
  package var message: String { content.text("en") }

  /// What it says in `language`.
  package func text(_ language: String) -> String { content.text(language) }

  package struct Note: Sendable, Hashable {
    package var content: Message
    package var location: SourceLocation?

    package var message: String { content.text("en") }

    package init(_ content: Message, at location: SourceLocation? = nil) {
      self.content = content
      self.location = location
    }
  }

  package init(
    _ severity: Severity, _ code: String, _ content: Message, at location: SourceLocation,
    notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.content = content
    self.location = location
    self.notes = notes
  }

  package static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    if a.location != b.location { return a.location < b.location }
    if a.severity != b.severity { return a.severity < b.severity }
    return a.message < b.message
  }
}

/// Collects diagnostics while files are loaded and checked, so that all problems are reported
/// at once instead of stopping at the first.
package final class DiagnosticLog {
  package private(set) var diagnostics: [Diagnostic] = []
  /// The files read while these diagnostics were found (as decoded text), by path, so that a
  /// renderer can quote the line of any of them.
  package private(set) var sources: [String: SourceFile] = [:]

  package init() {}

  /// Remembers a file the diagnostics may point into.
  package func keep(_ file: SourceFile) { sources[file.path] = file }

  package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  package var errorCount: Int { diagnostics.count { $0.severity == .error } }
  package var warningCount: Int { diagnostics.count { $0.severity == .warning } }

  package func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  package func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

  package func error(
    _ code: String, _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(Diagnostic(.error, code, message, at: location, notes: notes))
  }

  package func warning(
    _ code: String, _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(Diagnostic(.warning, code, message, at: location, notes: notes))
  }

  /// Diagnostics in file, line, column order with exact repeats removed.
  package var sorted: [Diagnostic] {
    // By place; at one place in the order found, so the root cause (checked first) leads.
    var seen = Set<Diagnostic>()
    return diagnostics.enumerated().sorted { a, b in
      a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
    }.map(\.element).filter { seen.insert($0).inserted }
  }
}
