/// Why a document could not be read, and where.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// The text is not well-formed YAML (libyaml's scanner or parser refused it).
    case syntax
    /// The bytes are not text in a supported encoding, or hold control characters.
    case encoding
    /// A limit of `YAMLLimits` was hit.
    case limit
    /// Well-formed YAML that Activator does not accept (several documents, unknown alias).
    case unsupported
  }

  public var kind: Kind
  public var message: String
  public var mark: YAMLMark

  public init(_ kind: Kind, _ message: String, at mark: YAMLMark) {
    self.kind = kind
    self.message = message
    self.mark = mark
  }

  public var description: String { "\(mark.line):\(mark.column): \(message)" }
}
