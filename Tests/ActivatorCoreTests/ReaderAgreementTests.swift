import ActivatorCore
import FuzzTargets
import Testing

/// One reader semantics: the batch's fast reader and the full loader (used by `validate` and
/// single-file commands) read every answers file alike. The fast reader may step aside for
/// anything; where it takes a file, the loader must find nothing to say and read exactly the
/// same answers. Checked on the examples, the hostile corpus, the fuzzers' regressions and
/// thousands of generated files, for the shipped survey and a survey with every kind of question.
@Suite struct ReaderAgreementTests {
  static let shipped: Survey? = SurveyLoader.load(Paths.survey, log: DiagnosticLog())
  static let current: Survey? = SurveyLoader.load(Paths.currentSurvey, log: DiagnosticLog())
  static let everyKind: Survey? = SurveyLoader.load(
    Paths.at("Tests/Fixtures/surveys/every-kind.yaml"), log: DiagnosticLog())

  static func registry() throws -> SurveyRegistry {
    SurveyRegistry([try #require(shipped), try #require(current), try #require(everyKind)])
  }

  /// Checks one file; the result for further expectations.
  @discardableResult
  static func agree(_ name: String, _ bytes: [UInt8], registry: SurveyRegistry) -> ReaderAgreement.Result {
    let result = ReaderAgreement.check(SourceFile(path: name, bytes: bytes), registry: registry)
    for problem in result.problems { Issue.record("\(name): \(problem)") }
    return result
  }

  static func files(_ folder: String) -> [String] {
    ((try? FileReading.list(Paths.at(folder))) ?? []).filter { $0.hasSuffix(".yaml") }.map {
      Paths.at(folder) + "/" + $0
    }
  }

  @Test func examplesAreTakenByTheFastReaderAndReadAlike() throws {
    let registry = try Self.registry()
    let examples = Self.files("Examples") + Self.files("Examples/legacy")
    #expect(examples.count >= 14)
    for path in examples {
      let result = Self.agree(path, try FileReading.read(path, maxBytes: 1 << 20), registry: registry)
      #expect(result.fast != nil, "\(path): a valid example must take the fast path")
    }
  }

  @Test func hostileAndRegressionFilesAgree() throws {
    let registry = try Self.registry()
    let paths = Self.files("Tests/Fixtures/hostile") + Self.files("Tests/Fuzz/regressions/answers")
    #expect(paths.count > 30)
    for path in paths { Self.agree(path, try FileReading.read(path, maxBytes: 1 << 24), registry: registry) }
  }

  @Test(arguments: ["shipped", "current", "every-kind"])
  func generatedFilesAgree(_ which: String) throws {
    let registry = try Self.registry()
    let survey = try #require(which == "shipped" ? Self.shipped : which == "current" ? Self.current : Self.everyKind)
    var generator = AnswersFileGenerator(survey: survey, seed: which == "shipped" ? 19 : which == "current" ? 29 : 23)
    var clean = 0
    var taken = 0
    var refused = 0
    for _ in 0..<1500 {
      let file = generator.next()
      let result = Self.agree(file.name, Array(file.text.utf8), registry: registry)
      if result.fast != nil { taken += 1 }
      if result.loaded == nil { refused += 1 }
      if file.clean {
        clean += 1
        #expect(
          result.diagnostics.isEmpty,
          "\(file.name) is clean but the loader says \(result.diagnostics.map(\.message))\n\(file.text)")
        #expect(result.fast != nil, "\(file.name) is clean; the fast reader must take it\n\(file.text)")
      }
    }
    // The generator must exercise both readers' paths, not only one of them.
    #expect(clean > 300 && taken > clean && refused > 300, "clean \(clean), taken \(taken), refused \(refused)")
  }

  /// The defects that were found this way, pinned.
  @Test func knownDisagreementsStayFixed() throws {
    let registry = try Self.registry()
    let base = "survey: every-kind\nsurvey_version: 2.1.0\ncity: {name: X}\nanswers:\n  portal: yes\n"
    let cases: [(String, String, Bool)] = [
      // Keys equal as Unicode text but not as bytes (NFC, NFD) are one key repeated.
      ("nfc-nfd", base.replacing("answers:", with: "x-\u{E9}: 1\nx-e\u{301}: 2\nanswers:"), false),
      ("notes-twice", base + "notes:\n  portal: first\n  portal: second\n", false),
      ("pre-release", base.replacing("2.1.0", with: "2.1.0-rc.1"), true),
    ]
    for (name, text, valid) in cases {
      let result = Self.agree(name, Array(text.utf8), registry: registry)
      #expect((result.loaded != nil) == valid, "\(name): \(result.diagnostics.map(\.message))")
    }
    let twice = ReaderAgreement.check(SourceFile(path: "n.yaml", bytes: Array(cases[1].1.utf8)), registry: registry)
    #expect(twice.diagnostics.map(\.code) == ["duplicate-key"])
    #expect(twice.diagnostics.first?.message == "the note on 'portal' is given twice")
  }

  /// A file's `language:` as people write it (any case, a region, a POSIX locale name) is the
  /// survey's language, in the survey's spelling, for both readers and without a warning; a
  /// language the survey does not have is still warned about.
  @Test func aLanguageWrittenAsPeopleWriteItIsTheSurveysLanguage() throws {
    let registry = try Self.registry()
    let base = String(
      decoding: try FileReading.read(Paths.legacyExamples + "/valmora.yaml", maxBytes: 1 << 20), as: UTF8.self)
    #expect(base.contains("\nlanguage: es\n"))
    for written in ["ES", "es-MX", "es_MX.UTF-8"] {
      let text = base.replacing("\nlanguage: es\n", with: "\nlanguage: \(written)\n")
      let result = Self.agree(written, Array(text.utf8), registry: registry)
      #expect(result.diagnostics.isEmpty, "\(written): \(result.diagnostics.map(\.message))")
      #expect(result.loaded?.language == "es", "\(written)")
      #expect(result.fast?.language == "es", "\(written): the fast reader must take it")
    }
    let korean = Self.agree(
      "ko", Array(base.replacing("\nlanguage: es\n", with: "\nlanguage: ko\n").utf8), registry: registry)
    #expect(korean.diagnostics.map(\.code) == ["language"])
    #expect(korean.fast == nil)
  }

  /// Ways of writing one answer or header line of an example: both readers agree on each, and
  /// the fast reader takes every one the loader finds nothing to say about and that it is
  /// meant to handle (`fast: true`).
  @Test func variationsOfAnExampleAgree() throws {
    let registry = try Self.registry()
    let base = String(
      decoding: try FileReading.read(Paths.legacyExamples + "/valmora.yaml", maxBytes: 1 << 20), as: UTF8.self)
    let variations: [(from: String, to: String, fast: Bool)] = [
      ("gov_strategy: reviewed_kpis", "gov_strategy: adoptd", false),
      ("gov_strategy: reviewed_kpis", "gov_strategy: \"reviewed_kpis\"", true),
      ("gov_strategy: reviewed_kpis", "gov_strategy: dont_know", true),
      ("gov_strategy: reviewed_kpis", "gov_strategy: not_applicable", false),
      ("gov_strategy: reviewed_kpis", "gov_strategy: [reviewed_kpis]", false),
      ("gov_strategy: reviewed_kpis", "gov_strategy:", true),
      ("gov_strategy: reviewed_kpis", "gov_strategy: ~", true),
      ("gov_strategy: reviewed_kpis", "gov_strategy: !!str reviewed_kpis", false),
      ("gov_strategy: reviewed_kpis", "gov_strategy: &a reviewed_kpis", false),
      ("gov_strategy: reviewed_kpis", "gov_strategy: reviewed_kpis\n  gov_strategy: none", false),
      ("gov_strategy: reviewed_kpis", "gov_stratgy: none", false),
      ("gov_strategy: reviewed_kpis", "x-comment: {a: [1, 2]}\n  gov_strategy: none", false),
      ("gov_online_services: ", "gov_online_services: 55% #", true),
      ("gov_open_data_portal: ", "gov_open_data_portal: YES #", true),
      ("gov_open_data_portal: ", "gov_open_data_portal: yEs #", false),
      ("gov_open_data_portal: ", "gov_open_data_portal: sí #", true),
      ("language: es", "language: fr", false),
      ("language: es", "language:", true),
      ("survey_version: 1.0.0", "survey_version: 1.0", false),
      ("survey_version: 1.0.0", "survey_version: 0.9.0", false),
      ("city:", "x-city: 1\ncity:", true),
      ("answers:", "targets: {mobility: 3}\nanswers:", false),
      ("targets:", "targets: ~\nx-targets:", true),
      ("answers:", "answers: &anchor", false),
    ]
    for (index, variation) in variations.enumerated() {
      let text = base.replacing(variation.from, with: variation.to)
      #expect(text != base, "variation \(index) changes nothing")
      let result = Self.agree("variation-\(index).yaml", Array(text.utf8), registry: registry)
      #expect(
        (result.fast != nil) == variation.fast, "variation \(index) (\(variation.to)): fast \(result.fast != nil)")
    }
  }

  /// What survey 2.0.0 adds to answers files: `evidence:`, a choice limited to earlier ticks
  /// (`options_from`) and years that cannot be after the survey date. The fast reader takes the
  /// plain forms and leaves every problem to the loader.
  @Test func evidenceAndTickedChoicesAgree() throws {
    let registry = try Self.registry()
    let base = String(
      decoding: try FileReading.read(Paths.examples + "/valmora.yaml", maxBytes: 1 << 20), as: UTF8.self)
    let variations: [(from: String, to: String, fast: Bool)] = [
      ("year: 2025}", "year: 2021}", true),
      ("year: 2025}", "year: 2031}", false),
      ("{source: \"INE", "{source: ~, source: \"INE", false),
      (
        "  peo_tertiary_education: {source:", "  no_such_question: {year: 2021}\n  peo_tertiary_education: {source:",
        false
      ),
      ("city_data_year: 2025", "city_data_year: 2027", false),
      ("barriers_top: political_issues", "barriers_top: lack_of_vision", false),
      ("barriers_top: political_issues", "barriers_top: dont_know", true),
    ]
    for (index, variation) in variations.enumerated() {
      let text = base.replacing(variation.from, with: variation.to)
      #expect(text != base, "variation \(index) changes nothing")
      let result = Self.agree("evidence-\(index).yaml", Array(text.utf8), registry: registry)
      #expect(
        (result.fast != nil) == variation.fast, "variation \(index) (\(variation.to)): fast \(result.fast != nil)")
    }
  }

  /// The benchmark corpus (Benchmarks/generate_corpus.py), which the batch benchmark measures.
  @Test func benchmarkCorpusAgrees() throws {
    let registry = try Self.registry()
    try withTemporaryFolder { folder in
      let script = Paths.at("Benchmarks/generate_corpus.py")
      let status = system("python3 '\(script)' --count 300 --seed 11 --broken 0.1 --out '\(folder)/corpus' 2>/dev/null")
      try #require(status == 0, "could not run the corpus generator")
      var taken = 0
      var total = 0
      for batch in try FileReading.list(folder + "/corpus") {
        for name in try FileReading.list(folder + "/corpus/" + batch) {
          let bytes = try FileReading.read(folder + "/corpus/" + batch + "/" + name, maxBytes: 1 << 20)
          let result = Self.agree(name, bytes, registry: registry)
          total += 1
          if result.fast != nil { taken += 1 }
          if result.diagnostics.isEmpty {
            #expect(result.fast != nil, "\(name): valid, so the fast reader must take it")
          }
        }
      }
      #expect(total == 300 && taken > 200, "\(taken) of \(total) taken")
    }
  }
}
