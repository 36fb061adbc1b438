import ActivatorYAML

/// A JSON Schema (2020-12) validator for the keywords our schemas use, applied to YAML nodes
/// typed by the YAML 1.2 core schema, the way YAML editors see them.
struct SchemaValidator {
  let root: YAMLNode
  private let regexes = RegexCache()

  final class RegexCache {
    var compiled: [String: Regex<AnyRegexOutput>] = [:]
    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
      if let found = compiled[pattern] { return found }
      let made = try? Regex(pattern)
      compiled[pattern] = made
      return made
    }
  }

  init(schema: YAMLNode) {
    root = schema
  }

  enum JSONType: String { case null, boolean, integer, number, string, array, object }

  static func type(of node: YAMLNode) -> JSONType {
    switch node.content {
    case .mapping: return .object
    case .sequence: return .array
    case .scalar(let text, let style):
      if style != .plain || node.tag == "tag:yaml.org,2002:str" { return .string }
      if ["", "~", "null", "Null", "NULL"].contains(text) { return .null }
      if ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text) { return .boolean }
      var digits = Substring(text)
      if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
      if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return .integer }
      if text.hasPrefix("0x") || text.hasPrefix("0o"), Int(text.dropFirst(2), radix: text.hasPrefix("0x") ? 16 : 8) != nil { return .integer }
      if [".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"].contains(text) { return .number }
      if let first = digits.first, first.isNumber || first == ".", Double(text) != nil,
        text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) })
      {
        return .number
      }
      return .string
    }
  }

  static func number(_ node: YAMLNode) -> Double? {
    guard let text = node.scalar, [.integer, .number].contains(type(of: node)) else { return nil }
    return Double(text)
  }

  /// Problems found, as "path: message".
  func validate(_ instance: YAMLNode) -> [String] {
    var problems: [String] = []
    check(instance, against: root, path: "$", into: &problems)
    return problems
  }

  func resolve(_ schema: YAMLNode) -> YAMLNode {
    guard let reference = field(schema, "$ref")?.scalar, reference.hasPrefix("#/") else { return schema }
    var node = root
    for part in reference.dropFirst(2).split(separator: "/") {
      guard let next = field(node, String(part)) else { return schema }
      node = next
    }
    return node
  }

  func field(_ node: YAMLNode, _ key: String) -> YAMLNode? {
    node.mapping?.first { $0.key.scalar == key }?.value
  }

  func check(_ instance: YAMLNode, against rawSchema: YAMLNode, path: String, into problems: inout [String]) {
    if rawSchema.scalar == "false" { problems.append("\(path): not allowed here"); return }
    if rawSchema.scalar == "true" { return }
    let schema = resolve(rawSchema)
    if schema.mapping == nil { return }
    if field(rawSchema, "$ref") != nil && schema.mapping != nil { check(instance, against: schema, path: path, into: &problems) }
    let kind = Self.type(of: instance)
    if let typeNode = field(schema, "type") {
      let allowed = (typeNode.sequence ?? [typeNode]).compactMap(\.scalar)
      let ok = allowed.contains(kind.rawValue) || (kind == .integer && allowed.contains("number"))
      if !ok {
        problems.append("\(path): expected \(allowed.joined(separator: "|")), found \(kind.rawValue)")
        return
      }
    }
    if let values = field(schema, "enum")?.sequence {
      if !values.contains(where: { $0.scalar == instance.scalar && Self.type(of: $0) == kind }) {
        problems.append("\(path): '\(instance.scalar ?? "?")' is not one of \(values.compactMap(\.scalar))")
      }
    }
    if let constant = field(schema, "const"), constant.scalar != instance.scalar {
      problems.append("\(path): expected \(constant.scalar ?? "?")")
    }
    if kind == .string, let text = instance.scalar {
      if let pattern = field(schema, "pattern")?.scalar, let regex = regexes.regex(pattern), text.firstMatch(of: regex) == nil {
        problems.append("\(path): '\(text)' does not match \(pattern)")
      }
      if let minimum = field(schema, "minLength").flatMap(Self.number), Double(text.count) < minimum {
        problems.append("\(path): shorter than \(Int(minimum))")
      }
      if let maximum = field(schema, "maxLength").flatMap(Self.number), Double(text.count) > maximum {
        problems.append("\(path): longer than \(Int(maximum))")
      }
    }
    if let value = Self.number(instance) {
      if let minimum = field(schema, "minimum").flatMap(Self.number), value < minimum { problems.append("\(path): below \(minimum)") }
      if let maximum = field(schema, "maximum").flatMap(Self.number), value > maximum { problems.append("\(path): above \(maximum)") }
      if let minimum = field(schema, "exclusiveMinimum").flatMap(Self.number), value <= minimum { problems.append("\(path): not above \(minimum)") }
    }
    if let items = instance.sequence {
      if let itemSchema = field(schema, "items") {
        for (index, item) in items.enumerated() { check(item, against: itemSchema, path: "\(path)[\(index)]", into: &problems) }
      }
      if let minimum = field(schema, "minItems").flatMap(Self.number), Double(items.count) < minimum { problems.append("\(path): fewer than \(Int(minimum)) items") }
      if let maximum = field(schema, "maxItems").flatMap(Self.number), Double(items.count) > maximum { problems.append("\(path): more than \(Int(maximum)) items") }
      if field(schema, "uniqueItems")?.scalar == "true" {
        let scalars = items.compactMap(\.scalar)
        if Set(scalars).count != scalars.count { problems.append("\(path): items repeat") }
      }
    }
    if let pairs = instance.mapping {
      let properties = field(schema, "properties")?.mapping ?? []
      let patterns = field(schema, "patternProperties")?.mapping ?? []
      for pair in pairs {
        guard let key = pair.key.scalar else { continue }
        var matched = false
        if let property = properties.first(where: { $0.key.scalar == key }) {
          matched = true
          check(pair.value, against: property.value, path: "\(path).\(key)", into: &problems)
        }
        for pattern in patterns {
          if let text = pattern.key.scalar, let regex = regexes.regex(text), key.firstMatch(of: regex) != nil {
            matched = true
            check(pair.value, against: pattern.value, path: "\(path).\(key)", into: &problems)
          }
        }
        if let names = field(schema, "propertyNames") {
          let keyNode = YAMLNode(content: .scalar(key, .doubleQuoted), start: pair.key.start, end: pair.key.end)
          check(keyNode, against: names, path: "\(path).\(key) (name)", into: &problems)
        }
        if !matched, let additional = field(schema, "additionalProperties") {
          if additional.scalar == "false" {
            problems.append("\(path): unexpected key '\(key)'")
          } else if additional.mapping != nil {
            check(pair.value, against: additional, path: "\(path).\(key)", into: &problems)
          }
        }
      }
      for name in field(schema, "required")?.sequence?.compactMap(\.scalar) ?? [] where !pairs.contains(where: { $0.key.scalar == name }) {
        problems.append("\(path): missing '\(name)'")
      }
      if let minimum = field(schema, "minProperties").flatMap(Self.number), Double(pairs.count) < minimum { problems.append("\(path): too few keys") }
      if let maximum = field(schema, "maxProperties").flatMap(Self.number), Double(pairs.count) > maximum { problems.append("\(path): too many keys") }
    }
    for sub in field(schema, "allOf")?.sequence ?? [] { check(instance, against: sub, path: path, into: &problems) }
    if let options = field(schema, "anyOf")?.sequence {
      let passing = options.contains { option in
        var inner: [String] = []
        check(instance, against: option, path: path, into: &inner)
        return inner.isEmpty
      }
      if !passing { problems.append("\(path): matches none of anyOf") }
    }
    if let options = field(schema, "oneOf")?.sequence {
      let passing = options.filter { option in
        var inner: [String] = []
        check(instance, against: option, path: path, into: &inner)
        return inner.isEmpty
      }.count
      if passing != 1 { problems.append("\(path): matches \(passing) of oneOf") }
    }
    if let negated = field(schema, "not") {
      var inner: [String] = []
      check(instance, against: negated, path: path, into: &inner)
      if inner.isEmpty { problems.append("\(path): matches a 'not' schema") }
    }
    if let condition = field(schema, "if") {
      var inner: [String] = []
      check(instance, against: condition, path: path, into: &inner)
      if inner.isEmpty {
        if let then = field(schema, "then") { check(instance, against: then, path: path, into: &problems) }
      } else if let otherwise = field(schema, "else") {
        check(instance, against: otherwise, path: path, into: &problems)
      }
    }
  }
}
