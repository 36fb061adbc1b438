import ActivatorCore
import ActivatorYAML
import Testing

/// The batch's fast reader must give exactly what the full loader gives, or step aside.
@Suite struct FastReaderTests {
  let registry: SurveyRegistry
  let schema: AnswerSchema

  init() throws {
    let log = DiagnosticLog()
    let survey = try #require(SurveyLoader.load(Paths.survey, log: log))
    registry = SurveyRegistry([survey])
    schema = AnswerSchema(survey)
  }

  /// Fast result, or nil; and the full loader's result with its diagnostics.
  func compare(_ text: String, path: String = "a.yaml") throws -> (fast: AnswerSheet?, slow: AnswerSheet?, diagnostics: [Diagnostic]) {
    let file = SourceFile(path: path, bytes: Array(text.utf8))
    let fast = FastAnswersReader.read(file, limits: .untrusted, registry: registry)?.0
    let log = DiagnosticLog()
    var slow: AnswerSheet?
    if let (source, root) = Document.parse(file, limits: .untrusted, log: log) {
      slow = AnswersLoader.load(source, root, registry: registry, log: log)?.0
    }
    return (fast, slow, log.sorted)
  }

  func same(_ a: AnswerSheet, _ b: AnswerSheet) -> Bool {
    a.values == b.values && a.marks == b.marks && a.city == b.city && a.respondent == b.respondent
      && a.language == b.language && a.surveyVersion == b.surveyVersion && a.started == b.started
      && a.completed == b.completed && a.targets == b.targets && a.notes == b.notes && a.review == b.review
      && a.answersLocation == b.answersLocation
  }

  func check(_ text: String, _ name: String) throws {
    let (fast, slow, diagnostics) = try compare(text, path: name)
    if let fast {
      #expect(diagnostics.isEmpty, "\(name): the fast reader accepted a file the loader reports: \(diagnostics.map(\.message))")
      let full = try #require(slow, "\(name): the loader refused what the fast reader read")
      #expect(same(fast, full), "\(name): fast and full results differ")
    }
  }

  @Test func examplesAreReadFastAndIdentically() throws {
    for name in (try FileReading.list(Paths.examples)).filter({ $0.hasSuffix(".yaml") }) {
      let text = String(decoding: try FileReading.read(Paths.examples + "/" + name, maxBytes: 1 << 20), as: UTF8.self)
      let (fast, _, _) = try compare(text, path: name)
      #expect(fast != nil, "\(name) should take the fast path")
      try check(text, name)
    }
  }

  @Test func variationsAgreeOrFallBack() throws {
    let base = String(decoding: try FileReading.read(Paths.examples + "/valmora.yaml", maxBytes: 1 << 20), as: UTF8.self)
    let variations: [(String, String)] = [
      ("gov_strategy: reviewed_kpis", "gov_strategy: adoptd"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: \"reviewed_kpis\""),
      ("gov_strategy: reviewed_kpis", "gov_strategy: dont_know"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: not_applicable"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: [reviewed_kpis]"),
      ("gov_strategy: reviewed_kpis", "gov_strategy:"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: ~"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: !!str reviewed_kpis"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: &a reviewed_kpis"),
      ("gov_strategy: reviewed_kpis", "gov_strategy: reviewed_kpis\n  gov_strategy: none"),
      ("gov_strategy: reviewed_kpis", "gov_stratgy: none"),
      ("gov_strategy: reviewed_kpis", "x-comment: {a: [1, 2]}\n  gov_strategy: none"),
      ("gov_online_services: ", "gov_online_services: 55% #"),
      ("gov_open_data_portal: ", "gov_open_data_portal: YES #"),
      ("gov_open_data_portal: ", "gov_open_data_portal: yEs #"),
      ("gov_open_data_portal: ", "gov_open_data_portal: sí #"),
      ("language: es", "language: fr"),
      ("language: es", "language:"),
      ("survey_version: 1.0.0", "survey_version: 1.0"),
      ("survey_version: 1.0.0", "survey_version: 0.9.0"),
      ("city:", "x-city: 1\ncity:"),
      ("answers:", "targets: {mobility: 3}\nanswers:"),
      ("targets:", "targets: ~\nx-targets:"),
      ("answers:", "answers: &anchor"),
    ]
    for (index, (from, to)) in variations.enumerated() {
      try check(base.replacing(from, with: to), "variation-\(index).yaml")
    }
  }

  @Test func generatedCorpusAgrees() throws {
    let folder = "/tmp/activator-fast-\(getpid())"
    let script = Paths.at("Benchmarks/generate_corpus.py")
    let status = system("python3 '\(script)' --count 300 --seed 11 --broken 0.1 --out '\(folder)' 2>/dev/null")
    guard status == 0 else {
      Issue.record("could not run the corpus generator")
      return
    }
    defer { _ = system("rm -rf '\(folder)'") }
    var fastCount = 0
    for batch in try FileReading.list(folder) {
      for name in try FileReading.list(folder + "/" + batch) {
        let bytes = try FileReading.read(folder + "/" + batch + "/" + name, maxBytes: 1 << 20)
        let file = SourceFile(path: name, bytes: bytes)
        if FastAnswersReader.read(file, limits: .untrusted, registry: registry) != nil { fastCount += 1 }
        try check(String(decoding: bytes, as: UTF8.self), name)
      }
    }
    #expect(fastCount > 200, "most generated files should take the fast path")
  }
}
