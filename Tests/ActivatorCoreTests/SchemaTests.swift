import ActivatorCore
import ActivatorYAML
import Testing

/// The JSON Schemas editors use (docs/schemas) and the loaders must agree (issue 15, item 3):
/// every shipped file, every whole example in docs/ and a set of single-language files pass both
/// the loaders and the schemas; a set of broken files fails both. Validation is by a real JSON
/// Schema validator (Python's jsonschema, see SchemaValidator), and the schemas list exactly the
/// keys the loaders accept.
@Suite struct SchemaTests {
  static func load(_ path: String) throws -> YAMLNode {
    let bytes = try FileReading.read(path, maxBytes: 16 << 20)
    return try #require(try YAMLParser.parse(bytes))
  }

  static func schema(_ name: String) -> SchemaValidator {
    SchemaValidator(schemaFile: Paths.at("docs/schemas/\(name).schema.json"))
  }

  static func yamlFiles(_ folder: String) -> [String] {
    var found: [String] = []
    var pending = [folder]
    while let current = pending.popLast() {
      for name in (try? FileReading.list(current)) ?? [] where !name.hasPrefix(".") {
        let path = current + "/" + name
        if FileReading.kind(path) == .directory {
          pending.append(path)
        } else if name.hasSuffix(".yaml") {
          found.append(path)
        }
      }
    }
    return found.sorted()
  }

  /// Which schema a shipped file is written against, from its place in the tree.
  static func kind(_ path: String) -> String {
    if path.contains("/Surveys/") {
      let root = try? load(path)
      return root?.mapping?.contains { $0.key.scalar == "migration" } == true ? "migration" : "survey"
    }
    if path.contains("/tests/answers/") { return "answers" }
    if path.contains("/tests/") { return "fixture" }
    if path.contains("/catalog/") { return "catalog" }
    if path.contains("/Rules/") || path.contains("/Examples/plugins/") { return "plugin" }
    return "answers"
  }

  /// The schema a file names on its first line (`# yaml-language-server: $schema=…`).
  static func namedSchema(_ path: String) throws -> String? {
    let text = String(decoding: try FileReading.read(path, maxBytes: 16 << 20), as: UTF8.self)
    let first = text.split(separator: "\n").first.map(String.init) ?? ""
    guard first.hasPrefix("# yaml-language-server: $schema="), let reference = first.split(separator: "=").last else {
      return nil
    }
    let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    return folder + "/" + reference
  }

  static var shippedFiles: [String] {
    (yamlFiles(Paths.at("Surveys")) + yamlFiles(Paths.at("Rules")) + yamlFiles(Paths.at("Examples")))
      .map { String($0.dropFirst(Paths.root.count + 1)) }
  }

  /// Validates files, each against the schema `schema(path)` gives; problems by file.
  static func validate(_ paths: [String], schema: (String) throws -> String) throws -> [String: [String]] {
    var bySchema: [String: [(name: String, node: YAMLNode)]] = [:]
    for path in paths { bySchema[try schema(path), default: []].append((path, try load(path))) }
    var problems: [String: [String]] = [:]
    for (schemaFile, documents) in bySchema {
      problems.merge(SchemaValidator(schemaFile: schemaFile).validate(documents)) { $0 + $1 }
    }
    #expect(problems.count == paths.count, "not every file was validated")
    return problems
  }

  @Test func shippedFilesMatchTheirSchemas() throws {
    let paths = Self.shippedFiles.map(Paths.at)
    #expect(paths.count > 20)
    let problems = try Self.validate(paths) { Paths.at("docs/schemas/\(Self.kind($0)).schema.json") }
    for (path, found) in problems.sorted(by: { $0.key < $1.key }) {
      #expect(found.isEmpty, "\(path): \(found.prefix(5))")
    }
  }

  @Test func shippedFilesNameTheirSchema() throws {
    for relative in Self.shippedFiles {
      let path = Paths.at(relative)
      let named = try Self.namedSchema(path)
      #expect(named != nil, "\(relative) does not name its schema")
      if let named {
        #expect(FileReading.kind(named) == .file, "\(relative): \(named) does not resolve")
        #expect(named.hasSuffix("/\(Self.kind(path)).schema.json"), "\(relative) names \(named)")
      }
    }
  }

  /// The root keys a plugin's rule files may hold without the manifest (docs show them alone).
  static let pluginContentKeys = Set(LoaderKeys.pluginContent + ["solutions", "programmes"])

  /// Every ```yaml block of the docs that is a whole file (or a whole rule file's part, such as
  /// `criteria:`), with the schema it is written against; fragments (a few keys of a criterion)
  /// and key references (a block that starts "# Every key at once") are left out and counted.
  static func docsExamples() throws -> (examples: [(name: String, schema: String, node: YAMLNode)], fragments: [String])
  {
    var examples: [(String, String, YAMLNode)] = []
    var fragments: [String] = []
    let documents =
      ((try? FileReading.list(Paths.at("docs"))) ?? []).filter { $0.hasSuffix(".md") }.map { "docs/" + $0 } + [
        "README.md"
      ]
    for document in documents.sorted() {
      let text = String(decoding: try FileReading.read(Paths.at(document), maxBytes: 4 << 20), as: UTF8.self)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      var index = 0
      while index < lines.count {
        guard lines[index] == "```yaml" else {
          index += 1
          continue
        }
        let start = index + 1
        var end = start
        while end < lines.count && lines[end] != "```" { end += 1 }
        let body = lines[start..<end].joined(separator: "\n")
        let name = "\(document):\(start + 1)"
        index = end + 1
        // A key reference lists every key at once (a question with every type's keys): no file.
        guard !body.hasPrefix("# Every key at once"), let root = try? YAMLParser.parse(Array(body.utf8)),
          let keys = root.mapping?.compactMap(\.key.scalar)
        else {
          fragments.append(name)
          continue
        }
        let schema: String
        switch CheckService.kind(of: root) {
        case .plugin: schema = "plugin"
        case .fixture: schema = "fixture"
        case .catalog: schema = "catalog"
        case .answers: schema = "answers"
        case .survey: schema = keys.contains("migration") ? "migration" : "survey"
        case .unknown:
          guard !keys.isEmpty, keys.allSatisfy(Self.pluginContentKeys.contains) else {
            fragments.append(name)
            continue
          }
          schema = "plugin"
        }
        examples.append((name, schema, root))
      }
    }
    return (examples, fragments)
  }

  @Test func docsExamplesMatchTheirSchemas() throws {
    let (examples, fragments) = try Self.docsExamples()
    #expect(examples.count >= 15, "\(examples.map(\.name))")
    // Fragments are a few keys of one element, shown inside a walk-through; a whole example is checked.
    #expect(fragments.count <= 6, "more docs examples than expected are fragments: \(fragments)")
    for schema in Set(examples.map(\.schema)) {
      let chosen = examples.filter { $0.schema == schema }.map { (name: $0.name, node: $0.node) }
      for (name, problems) in Self.schema(schema).validate(chosen) {
        #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
      }
    }
  }

  /// Files in one language write every text as a plain string; the loaders and the schemas accept them.
  @Test func singleLanguageFilesPassLoadersAndSchemas() throws {
    let folder = Paths.at("Tests/Fixtures/single-language")
    var service = CheckService()
    service.run(
      paths: [folder + "/survey.yaml", folder + "/rules", folder + "/rules/tests/answers/city.yaml"], locations: nil)
    let found = service.log.sorted.map { "\($0.location) \($0.code): \($0.message)" }
    #expect(found.isEmpty, "\(found)")
    #expect(service.summary.fixtures == 1 && service.summary.answers == 1 && service.summary.criteria == 2)
    let paths = Self.yamlFiles(folder)
    #expect(paths.count == 6)
    let problems = try Self.validate(paths) { try #require(try Self.namedSchema($0), "\($0) names no schema") }
    for (path, found) in problems { #expect(found.isEmpty, "\(path): \(found.prefix(5))") }
  }

  /// Each file of Tests/Fixtures/schema-invalid is broken in a way both the loader and the
  /// schema it names must refuse.
  @Test func brokenFilesFailLoadersAndSchemas() throws {
    let paths = Self.yamlFiles(Paths.at("Tests/Fixtures/schema-invalid"))
    #expect(paths.count >= 10)
    var registry = SurveyRegistry()
    for survey in Self.yamlFiles(Paths.at("Surveys")) {
      if let loaded = SurveyLoader.load(survey, log: DiagnosticLog()) { registry.add(loaded) }
    }
    for path in paths {
      let log: DiagnosticLog
      if try Self.namedSchema(path)?.hasSuffix("/answers.schema.json") == true {
        log = DiagnosticLog()
        _ = AnswersLoader.load(path, registry: registry, log: log)
      } else {
        var service = CheckService()
        service.run(paths: [path], locations: DataLocations(home: Paths.root))
        log = service.log
      }
      #expect(log.hasErrors, "the loader accepts \(path)")
    }
    let problems = try Self.validate(paths) { try #require(try Self.namedSchema($0), "\($0) names no schema") }
    for (path, found) in problems { #expect(!found.isEmpty, "the schema accepts \(path)") }
  }

  @Test func schemasRejectBrokenFiles() throws {
    let (_, bad) = try node(
      "survey: x\nversion: 1.0.0\ntittle: {en: T}\nlanguages: [en]\nstages: []\npillars: []\nsections: []\n")
    #expect(Self.schema("survey").validate(bad).contains { $0.contains("'tittle' does not match any of the regexes") })
    let (_, missing) = try node("survey_version: 1.0.0\ncity: {name: X}\nanswers: {}\n")
    #expect(Self.schema("answers").validate(missing).contains { $0.contains("'survey' is a required property") })
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
    #expect(
      try keys("plugin", ["properties"])
        == Set(LoaderKeys.pluginManifest + LoaderKeys.pluginContent + ["solutions", "programmes"]))
    #expect(try keys("fixture", ["properties"]) == Set(LoaderKeys.fixture))
    for schema in ["catalog", "plugin"] {
      #expect(try keys(schema, ["$defs", "solution", "properties"]) == Set(LoaderKeys.solution))
      #expect(try keys(schema, ["$defs", "programme", "properties"]) == Set(LoaderKeys.programme))
    }
    #expect(try keys("plugin", ["$defs", "context", "properties"]) == Set(LoaderKeys.context))
    #expect(try keys("migration", ["properties"]) == Set(LoaderKeys.migration))
    #expect(try keys("migration", ["$defs", "rule", "properties"]) == Set(LoaderKeys.migrationRule))
  }
}
