/// A position in a YAML source, 1-based, counted in characters (libyaml's own counting).
public struct YAMLMark: Sendable, Hashable, Comparable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: YAMLMark, b: YAMLMark) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

/// How a scalar was written. Loaders use it: a quoted `"yes"` is text, a plain `yes` may be a boolean.
public enum ScalarStyle: UInt8, Sendable {
  case plain, singleQuoted, doubleQuoted, literal, folded

  public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// One node of a parsed document with the source span it came from.
///
/// Aliases are resolved while the tree is built (the anchored node is shared, never copied
/// deeply), so consumers never see them; `YAMLLimits` bounds what resolution may cost.
public struct YAMLNode: Sendable {
  public enum Content: Sendable {
    case scalar(String, ScalarStyle)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  /// The explicit tag, if the source gave one (`!!str`, `!custom`); `nil` for untagged nodes.
  public var tag: String?
  public var start: YAMLMark
  public var end: YAMLMark
  /// True when this node was reached through an alias (`*name`).
  public var viaAlias: Bool = false

  public init(content: Content, tag: String? = nil, start: YAMLMark, end: YAMLMark) {
    self.content = content
    self.tag = tag
    self.start = start
    self.end = end
  }

  /// The scalar text, or `nil` for collections.
  @inlinable public var scalar: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  @inlinable public var scalarStyle: ScalarStyle? {
    if case .scalar(_, let style) = content { return style }
    return nil
  }

  @inlinable public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  @inlinable public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// A YAML null: `~`, `null`, `Null`, `NULL` or nothing at all, written plain and untagged.
  public var isNull: Bool {
    guard case .scalar(let text, .plain) = content, tag == nil || tag == "tag:yaml.org,2002:null"
    else { return false }
    switch text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// What kind of node this is, in words for messages ("a mapping", "a list", "text").
  public var kindDescription: String {
    switch content {
    case .scalar: return isNull ? "nothing (null)" : "a single value"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }
}

/// A key and its value in a mapping, in source order (duplicates are kept so loaders can report them).
public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
