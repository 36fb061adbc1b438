import ActivatorCore
import ActivatorYAML
import Testing

/// The shipped files and the JSON Schemas editors use must agree, and the schemas must know
/// exactly the keys the loaders accept.
@Suite struct SchemaTests {
  static func load(_ path: String) throws -> YAMLNode {
    let bytes = try FileReading.read(path, maxBytes: 16 << 20)
    return try #require(try YAMLParser.parse(bytes))
  }

  static func schema(_ name: String) throws -> SchemaValidator {
    SchemaValidator(schema: try load(Paths.at("docs/schemas/\(name).schema.json")))
  }

  static func yamlFiles(_ folder: String) -> [String] {
    var found: [String] = []
    var pending = [folder]
    while let current = pending.popLast() {
      for name in (try? FileReading.list(current)) ?? [] where !name.hasPrefix(".") {
        let path = current + "/" + name
        if FileReading.kind(path) == .directory { pending.append(path) } else if name.hasSuffix(".yaml") { found.append(path) }
      }
    }
    return found.sorted()
  }

  /// Which schema a shipped file is written against, from its place in the tree.
  static func kind(_ path: String) -> String {
    if path.contains("/Surveys/") { return "survey" }
    if path.contains("/tests/") { return "fixture" }
    if path.contains("/catalog/") { return "catalog" }
    if path.contains("/Rules/") || path.contains("/Examples/plugins/") { return "plugin" }
    return "answers"
  }

  static var shippedFiles: [String] {
    (yamlFiles(Paths.at("Surveys")) + yamlFiles(Paths.at("Rules")) + yamlFiles(Paths.at("Examples")))
      .map { String($0.dropFirst(Paths.root.count + 1)) }
  }

  @Test(arguments: SchemaTests.shippedFiles)
  func shippedFileMatchesItsSchema(_ relative: String) throws {
    let path = Paths.at(relative)
    let validator = try Self.schema(Self.kind(path))
    let problems = validator.validate(try Self.load(path))
    #expect(problems.isEmpty, "\(relative): \(problems.prefix(5))")
  }

  @Test func shippedFilesNameTheirSchema() throws {
    for relative in Self.shippedFiles {
      let text = String(decoding: try FileReading.read(Paths.at(relative), maxBytes: 16 << 20), as: UTF8.self)
      let first = text.split(separator: "\n").first.map(String.init) ?? ""
      #expect(first.hasPrefix("# yaml-language-server: $schema="), "\(relative) does not name its schema")
      if let reference = first.split(separator: "=").last {
        let folder = String(relative[..<(relative.lastIndex(of: "/") ?? relative.startIndex)])
        let target = Paths.at(folder + "/" + reference)
        #expect(FileReading.kind(target) == .file, "\(relative): \(reference) does not resolve")
      }
    }
  }

  @Test func schemasRejectBrokenFiles() throws {
    let survey = try Self.schema("survey")
    let (_, bad) = try node("survey: x\nversion: 1.0.0\ntittle: {en: T}\nlanguages: [en]\nstages: []\npillars: []\nsections: []\n")
    #expect(survey.validate(bad).contains { $0.contains("unexpected key 'tittle'") })
    let answers = try Self.schema("answers")
    let (_, missing) = try node("survey_version: 1.0.0\ncity: {name: X}\nanswers: {}\n")
    #expect(answers.validate(missing).contains { $0.contains("missing 'survey'") })
  }

  /// The keys each schema lists are exactly the keys the loader accepts.
  @Test func schemaKeysMatchTheLoaders() throws {
    func keys(_ schema: String, _ pointer: [String]) throws -> Set<String> {
      var node = try Self.load(Paths.at("docs/schemas/\(schema).schema.json"))
      for part in pointer {
        node = try #require(node.mapping?.first { $0.key.scalar == part }?.value, "\(schema): no \(pointer)")
      }
      return Set(node.mapping?.compactMap { $0.key.scalar } ?? [])
    }
    #expect(try keys("survey", ["properties"]) == Set(LoaderKeys.survey))
    #expect(try keys("survey", ["$defs", "question", "properties"]) == Set(LoaderKeys.question))
    #expect(try keys("answers", ["properties"]) == Set(LoaderKeys.answers))
    #expect(try keys("catalog", ["properties"]) == Set(LoaderKeys.catalog))
    #expect(try keys("plugin", ["properties"]) == Set(LoaderKeys.pluginManifest + LoaderKeys.pluginContent + ["solutions", "programmes"]))
    #expect(try keys("fixture", ["properties"]) == Set(LoaderKeys.fixture))
    for schema in ["catalog", "plugin"] {
      #expect(try keys(schema, ["$defs", "solution", "properties"]) == Set(LoaderKeys.solution))
      #expect(try keys(schema, ["$defs", "programme", "properties"]) == Set(LoaderKeys.programme))
    }
    #expect(try keys("plugin", ["$defs", "context", "properties"]) == Set(LoaderKeys.context))
  }
}
