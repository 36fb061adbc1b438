import ActivatorCore
import ActivatorYAML
import Testing

@Suite struct SurveyLoaderTests {
  func diagnostics(_ text: String) throws -> [String] {
    let (file, root) = try node(text, path: "s.yaml")
    let log = DiagnosticLog()
    _ = SurveyLoader.load(file, root, log: log)
    return log.brief
  }

  let header = """
    survey: s
    version: 1.0.0
    title: {en: T, es: T}
    languages: [en, es]
    stages:
      - {level: 1, id: one, name: {en: One, es: Uno}}
      - {level: 2, id: two, name: {en: Two, es: Dos}}
    pillars:
      - {id: p, name: {en: P, es: P}}
    sections:
      - id: s
        pillar: p
        title: {en: S, es: S}
        questions:

    """

  @Test func duplicateQuestionIdsAreReportedAtTheSecond() throws {
    let found = try diagnostics(
      header + """
              - {id: a, type: yes_no, text: {en: A, es: A}}
              - {id: a, type: yes_no, text: {en: B, es: B}}
        """)
    #expect(found == ["16:14 duplicate-id"])
  }

  @Test func reservedOptionValuesMissingTranslationsAndRanges() throws {
    let found = try diagnostics(
      header + """
              - id: c
                type: choice
                text: {en: C}
                options:
                  - {value: yes_please, label: {en: Y, es: S}}
                  - {value: dont_know, label: {en: D, es: D}}
              - {id: n, type: integer, text: {en: N, es: N}, min: 10, max: 2}
        """)
    // The text lacks Spanish (at its last language key, where Spanish would go), the reserved
    // value is refused (at the value) and min > max is reported at min's value.
    #expect(found == ["17:16 missing-translation", "20:21 reserved", "21:59 range"])
  }

  @Test func relevanceMustReadEarlierQuestions() throws {
    let found = try diagnostics(
      header + """
              - {id: a, type: yes_no, text: {en: A, es: A}, relevant: "b"}
              - {id: b, type: yes_no, text: {en: B, es: B}}
        """)
    #expect(found == ["15:64 relevance-order"])
  }

  @Test func misspeltKeysGetSuggestions() throws {
    let (file, root) = try node(header + "      - {id: a, tpye: yes_no, text: {en: A, es: A}}\n", path: "s.yaml")
    let log = DiagnosticLog()
    _ = SurveyLoader.load(file, root, log: log)
    #expect(log.diagnostics.map(\.message).contains("unknown key 'tpye' in a question; did you mean 'type'?"))
    #expect(!log.diagnostics.contains { $0.code == "missing-key" })
  }

  /// A short label names a question where its text does not fit; one that is not shorter is a
  /// copy, warned about in the language it is not shorter in.
  @Test func shortLabelsAreReadAndMustBeShorter() throws {
    let text =
      header + """
              - {id: a, type: yes_no, text: {en: Does the city publish open data?, es: ¿Publica datos abiertos?}, short: {en: Open data, es: Datos abiertos}}
              - {id: b, type: yes_no, text: {en: Backups?, es: ¿Copias?}, short: {en: Offline backups, es: Copias}}
              - {id: c, type: yes_no, text: {en: C, es: C}}
        """
    #expect(try diagnostics(text) == ["16:74 short-not-shorter"])
    let (file, root) = try node(text, path: "s.yaml")
    let survey = try #require(SurveyLoader.load(file, root, log: DiagnosticLog()))
    #expect(survey.questions[0].label("es") == "Datos abiertos")
    #expect(survey.questions[0].label("en") == "Open data")
    #expect(survey.questions[2].label("en") == "C", "without a short label, the question's text")
  }

  /// Every question of the shipped survey longer than 70 characters has a short label in each
  /// of its languages, for the tables and lists of the reports.
  @Test func longQuestionsOfTheShippedSurveyHaveShortLabels() throws {
    let survey = try #require(SurveyLoader.load(Paths.currentSurvey, log: DiagnosticLog()))
    for question in survey.questions where survey.languages.contains(where: { question.text.text($0).count > 70 }) {
      let short = try #require(question.short, "\(question.id) has no short label")
      #expect(survey.languages.allSatisfy { short.text($0).count <= 60 && short.has($0) }, "\(question.id)")
    }
  }

  @Test func shippedSurveyLoadsClean() throws {
    let log = DiagnosticLog()
    let survey = try #require(SurveyLoader.load(Paths.survey, log: log))
    #expect(log.diagnostics.isEmpty)
    #expect(survey.questions.count >= 66)
    for pillar in survey.pillars.indices {
      #expect(survey.questions.filter { $0.pillar == pillar }.count >= 11, "pillar \(survey.pillars[pillar].id)")
    }
    #expect(survey.languages == ["en", "es"])
    #expect(survey.stages.map(\.id) == ["initiating", "developing", "established", "integrated", "optimizing"])
  }
}

@Suite struct AnswersLoaderTests {
  let registry: SurveyRegistry

  init() throws {
    registry = SurveyRegistry([try TinySurvey.load()])
  }

  func load(_ answers: String, version: String = "1.2.0") throws -> (AnswerSheet?, [String], [String]) {
    let text = "survey: tiny\nsurvey_version: \(version)\ncity: {name: X}\nanswers:\n" + answers
    let (file, root) = try node(text, path: "a.yaml")
    let log = DiagnosticLog()
    let sheet = AnswersLoader.load(file, root, registry: registry, log: log)?.0
    return (sheet, log.brief, log.sorted.map(\.message))
  }

  @Test func valuesOfEveryType() throws {
    let (sheet, problems, _) = try load(
      """
        portal: yes
        datasets: 12
        strategy: adopted
        online: 35%
        channels: [web, app]
        response_days: 2.5
        remarks: "Ok"
      """)
    #expect(problems.isEmpty)
    let values = try #require(sheet).values
    #expect(
      values == [.bool(true), .integer(12), .choice(2), .decimal(35), .choices([0, 1]), .decimal(2.5), .text("Ok")])
  }

  @Test func badAnswersAreReportedWithPositions() throws {
    let (sheet, problems, messages) = try load(
      """
        portl: yes
        datasets: 12.5
        strategy: adoptd
        online: 120
        channels: [web, none]
        response_days: not_applicable
      """)
    #expect(sheet == nil)
    #expect(
      problems == [
        "5:3 unknown-question", "6:13 wrong-type", "7:13 unknown-option", "8:11 out-of-range", "9:13 exclusive-option",
        "10:18 missing-code",
      ])
    #expect(messages.contains("unknown question 'portl' in answers (survey tiny 1.2.0); did you mean 'portal'?"))
    #expect(
      messages.contains(
        "'strategy' is not an option of 'strategy'; did you mean 'adopted'? (options are read in any case)"
          .replacingOccurrences(
            "'strategy' is not", "'adoptd' is not")), "\(messages)")
  }

  /// Issue 15, item 9: one case rule for the words of an answer (options, yes/no, missing-data
  /// codes): any case, as yes/no always were; the error says so.
  @Test func answerWordsAreReadInAnyCase() throws {
    let (sheet, problems, _) = try load(
      """
        portal: YES
        datasets: 12
        strategy: Adopted
        online: Dont_Know
        channels: [Web, APP]
        response_days: 2.5
        remarks: "Ok"
      """)
    #expect(problems.isEmpty, "\(problems)")
    #expect(
      try #require(sheet).values == [
        .bool(true), .integer(12), .choice(2), .missing(.dontKnow), .choices([0, 1]), .decimal(2.5), .text("Ok"),
      ])
    let (_, _, messages) = try load("  strategy: Adoptd\n  portal: yess\n")
    #expect(
      messages.contains {
        $0.hasPrefix("'Adoptd' is not an option of 'strategy'") && $0.hasSuffix("(options are read in any case)")
      }, "\(messages)")
    #expect(messages.contains { $0.contains("expected yes or no (in any case)") }, "\(messages)")
  }

  @Test func missingCodesAreNotChoices() throws {
    let (sheet, problems, _) = try load("  strategy: dont_know\n  online: not_applicable\n")
    #expect(problems.isEmpty)
    #expect(sheet?.values[2] == .missing(.dontKnow))
    #expect(sheet?.values[3] == .missing(.notApplicable))
  }

  @Test func olderMinorVersionsAreReadNewerOnesRefused() throws {
    #expect(try load("  portal: no\n", version: "1.0.0").1.isEmpty)
    let (_, problems, messages) = try load("  portal: no\n", version: "2.0.0")
    #expect(problems == ["2:17 survey-version"])
    #expect(messages.first?.contains("only version 1.2.0 is loaded") == true)
  }

  @Test func unknownSurveyIsReported() throws {
    let (file, root) = try node("survey: tinny\nsurvey_version: 1.0.0\ncity: {name: X}\nanswers: {}\n")
    let log = DiagnosticLog()
    #expect(AnswersLoader.load(file, root, registry: registry, log: log) == nil)
    #expect(log.sorted.first?.message.contains("did you mean 'tiny'?") == true)
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    replacing(target, with: replacement)
  }
}

@Suite struct SmallPartsTests {
  @Test func sha256KnownVectors() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var hasher = SHA256()
    for _ in 0..<1000 { hasher.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
    #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Input given in pieces of any size hashes as the same input given whole.
  @Test func sha256PiecesOfAnySize() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let whole = SHA256.hex(bytes)
    for size in [1, 3, 55, 56, 63, 64, 65, 127, 128, 129, 999] {
      var hasher = SHA256()
      var start = 0
      while start < bytes.count {
        let end = min(start + size, bytes.count)
        hasher.update(Array(bytes[start..<end]))
        start = end
      }
      #expect(hasher.hexDigest() == whole, "pieces of \(size) bytes")
    }
    // Exactly one block, then a block of padding alone (beside the standard vectors).
    #expect(
      SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 64))
        == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }

  @Test func versionsAndRanges() throws {
    let v = try #require(SemanticVersion("1.4.2"))
    #expect(VersionRange(">=1.0.0 <2.0.0")!.contains(v))
    #expect(VersionRange("^1.2")!.contains(v))
    #expect(!VersionRange("~1.3")!.contains(v))
    #expect(VersionRange("1.x")!.contains(v))
    #expect(VersionRange("*")!.contains(v))
    #expect(!VersionRange("<1.4.2")!.contains(v))
    #expect(SemanticVersion("1.0.0-beta.2")! < SemanticVersion("1.0.0")!)
    #expect(SemanticVersion("1.0") == nil)
    #expect(SemanticVersion("01.0.0") == nil)
    #expect(VersionRange("latest") == nil)
  }

  /// `survey_version` is read from bytes when it is plain digits and dots; every text, tricky or
  /// not, must give what the Character-by-Character parse gives.
  @Test func plainVersionsParseAsTheGeneralParse() {
    let tricky = [
      "1.0.0", "0.0.0", "10.20.30", "1.0", "1", "", ".", "..", "1..0", ".1.0", "1.0.", "1.0.0.", "1.0.0.0", "01.0.0",
      "1.00.0", "1.0.00", "0.01.0", "123456789.0.0", "1234567890.0.0", "0.0.999999999", "0.0.0999999999",
      "9999999999.1.1", "1.0.0-rc.1", "1.0.0+build", "1.0.0+build.7", "1.0.0-rc.1+b", "1.0.0-", "1.0.0-.a",
      "١.٠.٠", "1.٠.0", "１.0.0", "1.0.0\u{301}", " 1.0.0", "1.0.0 ", "1.0.0\n", "+1.0.0", "-1.0.0", "1.-0.0",
      "1.0.0+", "1.2.3-beta.2", "1e3.0.0", "0x1.0.0",
    ]
    for text in tricky { #expect(SemanticVersion(text) == SemanticVersion.general(text), "\(text.debugDescription)") }
    // Every text of up to five characters from digits, dots and the marks around versions.
    let alphabet: [Character] = ["0", "1", "9", ".", "-", "+", "a"]
    var texts = [""]
    for _ in 0..<5 {
      texts = texts.flatMap { text in alphabet.map { text + String($0) } }
      for text in texts where SemanticVersion.plain(text.utf8) != nil {
        #expect(SemanticVersion.plain(text.utf8) == SemanticVersion.general(text), "\(text)")
      }
    }
    #expect(SemanticVersion.plain("1.0.0".utf8) == SemanticVersion(1, 0, 0))
    #expect(SemanticVersion.plain("0.10.999999999".utf8) == SemanticVersion(0, 10, 999_999_999))
  }

  @Test func didYouMean() {
    #expect(DidYouMean.suggest("tittle", from: ["title", "text", "help"]) == "title")
    #expect(DidYouMean.suggest("gov_stratgy", from: ["gov_strategy", "gov_cdo_unit"]) == "gov_strategy")
    #expect(DidYouMean.suggest("xyz", from: ["title", "text"]) == nil)
  }

  @Test func localisedNumbers() {
    #expect(ValueText.number(12500.5, "en") == "12,500.5")
    #expect(ValueText.number(12500.5, "es") == "12\u{00A0}500,5")
    #expect(ValueText.number(2300, "es") == "2300")
    #expect(ValueText.number(-1234, "en") == "-1,234")
  }
}
