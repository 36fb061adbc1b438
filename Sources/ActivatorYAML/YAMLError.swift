/// Why a document could not be read, and where.
package struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
  package enum Kind: Sendable, Hashable {
    /// The text is not well-formed YAML (libyaml's scanner or parser refused it).
    case syntax
    /// The bytes are not text in a supported encoding, or hold control characters.
    case encoding
    /// A limit of `YAMLLimits` was hit.
    case limit
    /// Well-formed YAML that Activator does not accept (several documents, unknown alias).
    case unsupported
  }

  /// What exactly went wrong, for a reader that words it in the user's language.
  package enum Reason: Sendable, Hashable {
    case fileTooLarge(size: Int, limit: Int)
    case cannotStart
    case secondDocument
    case valueTooLong(length: Int, limit: Int)
    case tooManyAliases(limit: Int)
    case unknownAlias(name: String)
    case tooDeep(limit: Int)
    case tooManyValues(limit: Int)
    /// libyaml's reader refused the bytes; its own words, in English.
    case unreadable(problem: String)
    /// libyaml's scanner or parser refused the text; its own words, in English, and where it
    /// was when it noticed ("while parsing a block mapping", line, column).
    case syntax(problem: String, context: String?, contextMark: YAMLMark?)
    /// An unclosed '[' or '{', noticed at `noticed`.
    case unclosed(bracket: String, closing: String, noticed: YAMLMark)
  }

  package var kind: Kind
  package var reason: Reason
  package var mark: YAMLMark

  package init(_ kind: Kind, _ reason: Reason, at mark: YAMLMark) {
    self.kind = kind
    self.reason = reason
    self.mark = mark
  }

  /// The problem in English (the YAML layer's own wording; Activator's loaders word it per
  /// language from `reason`).
  package var message: String {
    switch reason {
    case .fileTooLarge(let size, let limit): "file is \(size) bytes; at most \(limit) are accepted"
    case .cannotStart: "libyaml could not start"
    case .secondDocument: "expected one YAML document, but a second one starts here ('---')"
    case .valueTooLong(let length, let limit): "value is \(length) bytes long; at most \(limit) are accepted"
    case .tooManyAliases(let limit): "more than \(limit) aliases ('*name'); refusing to expand them"
    case .unknownAlias(let name): "alias '*\(name)' refers to no anchor '&\(name)' defined before it"
    case .tooDeep(let limit): "nesting is deeper than \(limit) levels; refusing to read further"
    case .tooManyValues(let limit):
      "document stands for more than \(limit) values (aliases counted as expanded); refusing to read further"
    case .unreadable(let problem): "not readable as UTF-8 or UTF-16 text: \(problem)"
    case .syntax(let problem, let context, let contextMark):
      "YAML syntax: \(problem)"
        + (context.map { " (\($0) at \(contextMark?.line ?? 0):\(contextMark?.column ?? 0))" } ?? "")
    case .unclosed(let bracket, let closing, let noticed):
      "YAML syntax: this '\(bracket)' is never closed (expected ',' or '\(closing)', noticed at \(noticed.line):\(noticed.column))"
    }
  }

  package var description: String { "\(mark.line):\(mark.column): \(message)" }
}
