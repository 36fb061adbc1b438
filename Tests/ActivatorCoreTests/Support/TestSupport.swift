import ActivatorCore
import ActivatorYAML
import Testing

/// Paths inside the package, found from this file's location (tests run from any folder).
enum Paths {
  static let root: String = {
    var path = #filePath
    for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()

  static func at(_ relative: String) -> String { root + "/" + relative }
  /// The frozen survey 1.0.0: tests of engine mechanics read its questions.
  static var survey: String { at("Surveys/wego-activator-1.0.0.yaml") }
  /// The current survey (2.0.0): profile, applicable questions, evidence, options_from.
  static var currentSurvey: String { at("Surveys/wego-activator.yaml") }
  static var legacyExamples: String { at("Examples/legacy") }
  static var rules: String { at("Rules") }
  static var examples: String { at("Examples") }
  static var fixtures: String { at("Tests/Fixtures") }
}

/// A small survey written inline, for tests that need exact control over questions.
enum TinySurvey {
  static let text = """
    survey: tiny
    version: 1.2.0
    title: {en: Tiny, es: Diminuta}
    languages: [en, es]
    stages:
      - {level: 1, id: one, name: {en: One, es: Uno}}
      - {level: 2, id: two, name: {en: Two, es: Dos}}
      - {level: 3, id: three, name: {en: Three, es: Tres}}
    pillars:
      - {id: alpha, name: {en: Alpha, es: Alfa}}
      - {id: beta, name: {en: Beta, es: Beta}}
    sections:
      - id: alpha
        pillar: alpha
        title: {en: A, es: A}
        questions:
          - id: portal
            type: yes_no
            text: {en: Portal?, es: ¿Portal?}
          - id: datasets
            type: integer
            text: {en: Datasets, es: Conjuntos}
            min: 0
            max: 1000
            relevant: "portal"
          - id: strategy
            type: choice
            text: {en: Strategy, es: Estrategia}
            allow: [dont_know, not_applicable]
            options:
              - {value: none, label: {en: None, es: Ninguna}, level: 1}
              - {value: draft, label: {en: Draft, es: Borrador}, level: 2}
              - {value: adopted, label: {en: Adopted, es: Aprobada}, level: 3}
          - id: online
            type: percent
            text: {en: Online, es: En línea}
            allow: [dont_know, not_applicable]
      - id: beta
        pillar: beta
        title: {en: B, es: B}
        questions:
          - id: channels
            type: multi
            text: {en: Channels, es: Canales}
            options:
              - {value: web, label: {en: Web, es: Web}}
              - {value: app, label: {en: App, es: App}}
              - {value: none, label: {en: None, es: Ninguno}, exclusive: true}
          - id: response_days
            type: decimal
            text: {en: Days, es: Días}
            min: 0
            max: 365
          - id: remarks
            type: text
            text: {en: Remarks, es: Observaciones}
            required: false
    """

  static func load() throws -> Survey {
    let log = DiagnosticLog()
    let file = SourceFile(path: "tiny.yaml", bytes: Array(text.utf8))
    let root = try #require(try YAMLParser.parse(file.bytes))
    let survey = SurveyLoader.load(file, root, log: log)
    #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
    return try #require(survey)
  }
}

extension DiagnosticLog {
  /// "line:col code" strings, for compact assertions.
  var brief: [String] { sorted.map { "\($0.location.line):\($0.location.column) \($0.code)" } }
}

/// Loads YAML text as a given file name and returns the root node.
func node(_ text: String, path: String = "test.yaml") throws -> (SourceFile, YAMLNode) {
  let file = SourceFile(path: path, bytes: Array(text.utf8))
  let root = try #require(try YAMLParser.parse(file.bytes))
  return (file, root)
}

/// A fresh folder under /tmp for the duration of `body`, removed afterwards with everything in it.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
  var template = Array("/tmp/activator-test-XXXXXX".utf8CString)
  let created = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
  try #require(created != nil, "mkdtemp failed")
  let folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  defer { removeTree(folder) }
  return try body(folder)
}

/// Removes a file or a folder and everything in it, never following a symbolic link.
func removeTree(_ path: String) {
  var info = stat()
  guard lstat(path, &info) == 0 else { return }
  if info.st_mode & S_IFMT == S_IFDIR {
    chmod(path, 0o700)
    for name in (try? FileReading.list(path)) ?? [] { removeTree(path + "/" + name) }
    rmdir(path)
  } else {
    unlink(path)
  }
}
