/// A position in a YAML source, 1-based, counted in characters (libyaml's own counting).
package struct YAMLMark: Sendable, Hashable, Comparable {
  package var line: Int
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  package static func < (a: YAMLMark, b: YAMLMark) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

/// How a scalar was written. Loaders use it: a quoted `"yes"` is text, a plain `yes` may be a boolean.
package enum ScalarStyle: UInt8, Sendable {
  case plain, singleQuoted, doubleQuoted, literal, folded

  package var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// One node of a parsed document with the source span it came from.
///
/// Aliases are resolved while the tree is built (the anchored node is shared, never copied
/// deeply), so consumers never see them; `YAMLLimits` bounds what resolution may cost.
package struct YAMLNode: Sendable {
  package enum Content: Sendable {
    case scalar(String, ScalarStyle)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  package var content: Content
  /// The explicit tag, if the source gave one (`!!str`, `!custom`); `nil` for untagged nodes.
  package var tag: String?
  package var start: YAMLMark
  package var end: YAMLMark
  /// True when this node was reached through an alias (`*name`).
  package var viaAlias: Bool = false

  package init(content: Content, tag: String? = nil, start: YAMLMark, end: YAMLMark) {
    self.content = content
    self.tag = tag
    self.start = start
    self.end = end
  }

  /// The scalar text, or `nil` for collections.
  @inlinable package var scalar: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  @inlinable package var scalarStyle: ScalarStyle? {
    if case .scalar(_, let style) = content { return style }
    return nil
  }

  @inlinable package var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  @inlinable package var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// A YAML null: `~`, `null`, `Null`, `NULL` or nothing at all, written plain and untagged.
  package var isNull: Bool {
    guard case .scalar(let text, .plain) = content, tag == nil || tag == "tag:yaml.org,2002:null"
    else { return false }
    switch text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// What kind of node this is, in words for messages ("a mapping", "a list", "text").
  package var kindDescription: String {
    switch content {
    case .scalar: return isNull ? "nothing (null)" : "a single value"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }
}

/// A key and its value in a mapping, in source order (duplicates are kept so loaders can report them).
package struct YAMLPair: Sendable {
  package var key: YAMLNode
  package var value: YAMLNode

  package init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
