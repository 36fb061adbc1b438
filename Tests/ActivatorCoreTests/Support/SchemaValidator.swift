import ActivatorCore
import ActivatorYAML
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Validates YAML documents against a JSON Schema with a real JSON Schema 2020-12 validator,
/// Python's jsonschema (Tests/Schemas/validate.py; installed by .ci/setup). The documents are
/// read with the parser the loaders use and typed by the YAML 1.2 core schema, the way YAML
/// editors see them, then handed over as JSON.
struct SchemaValidator {
  let schemaPath: String

  init(schemaFile: String) {
    schemaPath = schemaFile
  }

  /// A schema given as text (`template --schema`), kept in a file for the validator.
  init(schemaText: String) throws {
    var template = Array("/tmp/activator-schema-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    try #require(descriptor >= 0, "mkstemp failed")
    close(descriptor)
    schemaPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    try FileReading.writeAtomically(schemaPath, schemaText)
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
      if text.hasPrefix("0x") || text.hasPrefix("0o"),
        Int(text.dropFirst(2), radix: text.hasPrefix("0x") ? 16 : 8) != nil
      {
        return .integer
      }
      if [".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN"].contains(text) { return .number }
      if let first = digits.first, first.isNumber || first == ".", Double(text) != nil,
        text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) })
      {
        return .number
      }
      return .string
    }
  }

  /// The node as JSON, each scalar typed as a YAML editor types it.
  static func json(_ node: YAMLNode, into writer: JSONWriter) {
    switch node.content {
    case .mapping(let pairs):
      writer.object {
        for pair in pairs { writer.key(named: pair.key.scalar ?? "") { json(pair.value, into: writer) } }
      }
    case .sequence(let items):
      writer.array { for item in items { json(item, into: writer) } }
    case .scalar(let text, _):
      switch type(of: node) {
      case .null: writer.null()
      case .boolean: writer.bool(text.lowercased() == "true")
      case .integer, .number:
        // Non-finite numbers have no JSON form: a string makes the validator refuse them as it should.
        if let value = Double(
          text.hasPrefix("0x") || text.hasPrefix("0o")
            ? String(Int(text.dropFirst(2), radix: text.hasPrefix("0x") ? 16 : 8) ?? 0) : text), value.isFinite
        {
          writer.double(value)
        } else {
          writer.string(text)
        }
      default: writer.string(text)
      }
    }
  }

  /// Problems of one document, as "location: message".
  func validate(_ instance: YAMLNode) -> [String] {
    validate([("document", instance)])["document"] ?? []
  }

  /// Problems per document name (every name present, with no problems when valid).
  func validate(_ documents: [(name: String, node: YAMLNode)]) -> [String: [String]] {
    let lines = documents.map { document in
      let writer = JSONWriter()
      writer.object {
        writer.key("name", document.name)
        writer.key("schema", schemaPath)
        writer.key("instance") { Self.json(document.node, into: writer) }
      }
      return writer.finish()
    }
    var found = Dictionary(uniqueKeysWithValues: documents.map { ($0.name, [String]()) })
    let output = Self.runValidator(input: lines.joined(separator: "\n") + "\n")
    guard output.last == "checked \(documents.count)" else {
      Issue.record(
        "the schema validator did not check every document (is python3 with jsonschema installed? run .ci/setup): \(output.suffix(5))"
      )
      return found.mapValues { _ in ["not validated"] }
    }
    for line in output where line.hasPrefix("problem ") {
      let parts = line.dropFirst("problem ".count).split(separator: "\t", maxSplits: 2).map(String.init)
      guard parts.count == 3 else { continue }
      found[parts[0], default: []].append("\(parts[1]): \(parts[2])")
    }
    return found
  }

  /// Runs Tests/Schemas/validate.py on `input` (JSON lines); its output lines and errors.
  static func runValidator(input: String) -> [String] {
    do {
      return try withTemporaryFolder { folder in
        try FileReading.writeAtomically(folder + "/in.jsonl", input)
        let command = "python3 '\(Paths.at("Tests/Schemas/validate.py"))' < '\(folder)/in.jsonl' 2>&1"
        guard let pipe = popen(command, "r") else { return ["cannot start python3"] }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
          let count = fread(&buffer, 1, buffer.count, pipe)
          if count <= 0 { break }
          bytes += buffer[0..<count]
        }
        pclose(pipe)
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
      }
    } catch {
      return ["\(error)"]
    }
  }
}
