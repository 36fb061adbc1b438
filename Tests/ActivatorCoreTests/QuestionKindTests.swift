import ActivatorCore
import ActivatorYAML
import Testing

/// Question kinds (Sources/ActivatorCore/Questions): the registry, the documents that list
/// kinds, the year kind, and rules that must hold the same on every path.
@Suite struct QuestionKindTests {
  static let everyKindPath = "Tests/Fixtures/surveys/every-kind.yaml"

  static func everyKind() throws -> Survey {
    let log = DiagnosticLog()
    let survey = SurveyLoader.load(Paths.at(everyKindPath), log: log)
    #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.message))")
    return try #require(survey)
  }

  /// Reads `answers` (lines under `answers:`) for the every-kind survey.
  static func answers(_ answers: String, survey: Survey) throws -> (AnswerSheet?, [Diagnostic]) {
    let text = "survey: every-kind\nsurvey_version: 2.1.0\ncity: {name: X}\nanswers:\n" + answers
    let (file, root) = try node(text, path: "a.yaml")
    let log = DiagnosticLog()
    let sheet = AnswersLoader.load(file, root, registry: SurveyRegistry([survey]), log: log)?.0
    return (sheet, log.sorted)
  }

  static func schemaNode(_ name: String) throws -> YAMLNode {
    try #require(try YAMLParser.parse(try FileReading.read(Paths.at("docs/schemas/\(name)"), maxBytes: 1 << 22)))
  }

  static func field(_ node: YAMLNode?, _ path: String...) -> YAMLNode? {
    var current = node
    for key in path { current = current?.mapping?.first { $0.key.scalar == key }?.value }
    return current
  }

  /// The survey schema editors use lists exactly the registered kinds, and says for each
  /// kind-specific key the kinds that take it, as the kinds themselves do.
  @Test func surveySchemaAgreesWithTheRegistry() throws {
    let question = Self.field(try Self.schemaNode("survey.schema.json"), "$defs", "question")
    let names = Self.field(question, "properties", "type", "enum")?.sequence?.compactMap(\.scalar)
    #expect(names == QuestionKinds.names)
    var restricted = Set<String>()
    for rule in Self.field(question, "allOf")?.sequence ?? [] {
      guard let kinds = Self.field(rule, "if", "properties", "type", "enum")?.sequence?.compactMap(\.scalar),
        let forbidden = Self.field(rule, "else", "properties")?.mapping
      else { continue }
      for pair in forbidden where pair.value.scalar == "false" {
        guard let key = pair.key.scalar else { continue }
        restricted.insert(key)
        let taking = QuestionKinds.all.filter { $0.keys.contains(key) }.map(\.name)
        #expect(Set(kinds) == Set(taking), "'\(key)': the schema allows it on \(kinds), the kinds on \(taking)")
      }
    }
    #expect(restricted == Set(QuestionKinds.specificKeys))
  }

  @Test func yearAnswersAreWholeYearsInRange() throws {
    let survey = try Self.everyKind()
    let year = try #require(survey.question("strategy_year"))
    #expect(year.kind.name == "year")
    #expect(year.bounds.min == 1900 && year.bounds.max == 2100)
    #expect(survey.question("founded")?.bounds.min == 1850)

    let (good, none) = try Self.answers("  strategy_year: 2021\n  founded: 1851\n", survey: survey)
    #expect(none.isEmpty)
    #expect(good?.values[survey.questionIndex["strategy_year"] ?? 0] == .integer(2021))

    let cases: [(String, String)] = [
      (
        "2,021",
        "'strategy_year' takes a year (e.g. 2021) (or dont_know / not_applicable); found '2,021': write it as 2021: answers files take a point before decimals and no thousands separators"
      ),
      ("1850", "'strategy_year' must be at least 1900, found 1850"),
      ("2021.5", "'strategy_year' takes a year, found 2021.5"),
      ("[2021]", "'strategy_year' takes a year (e.g. 2021), found a list"),
    ]
    for (written, message) in cases {
      let (sheet, diagnostics) = try Self.answers("  strategy_year: \(written)\n", survey: survey)
      #expect(sheet == nil)
      #expect(diagnostics.map(\.message) == [message])
    }
  }

  @Test func yearsAreShownAndTypedAsYears() throws {
    let survey = try Self.everyKind()
    let slot = try #require(survey.questionIndex["strategy_year"])
    let year = survey.questions[slot]
    #expect(year.kind.prompt(for: year, current: .integer(2021), language: "en").hint == "a year, from 1900 to 2100")
    #expect(year.kind.prompt(for: year, current: .integer(2021), language: "es").hint == "un año, de 1900 a 2100")
    #expect(year.kind.prompt(for: year, current: .integer(2021), language: "en").text == "2021")
    #expect(year.kind.templateHint(for: year, language: "en").line == "Answer: a year from 1900 to 2100")
    #expect(ValueText.answer(.int(2021), slot: slot, survey: survey, language: "en") == "2021")
    let datasets = try #require(survey.questionIndex["datasets"])
    #expect(ValueText.answer(.int(12500), slot: datasets, survey: survey, language: "en") == "12,500 datasets")
    #expect(year.kind.expressionType(slot: slot) == .int)
  }

  @Test func yearRangesAreChecked() throws {
    let text = String(decoding: try FileReading.read(Paths.at(Self.everyKindPath), maxBytes: 1 << 20), as: UTF8.self)
      .replacing("        min: 1850\n", with: "        min: 500\n        unit: {en: years, es: años}\n")
    let (file, root) = try node(text, path: "s.yaml")
    let log = DiagnosticLog()
    #expect(SurveyLoader.load(file, root, log: log) == nil)
    #expect(
      log.sorted.map(\.message) == [
        "min of year question 'founded' must be within 1000 to 9999, not 500",
        "'unit' applies to integer, decimal and percent questions, not to year question 'founded'",
      ])
  }

  /// Exclusive options and min/max choices: the loader, the batch reader and the
  /// questionnaire accept and refuse exactly the same sets of options.
  @Test func multiChoiceRulesHoldOnEveryPath() throws {
    let survey = try Self.everyKind()
    let registry = SurveyRegistry([survey])
    let slot = try #require(survey.questionIndex["channels"])
    let question = survey.questions[slot]
    var valid = 0
    for mask in 0..<(1 << question.options.count) {
      let chosen = question.options.indices.filter { mask & (1 << $0) != 0 }
      let written = YAMLWriter.flowList(chosen.map { question.options[$0].value })
      let (sheet, _) = try Self.answers("  channels: \(written)\n", survey: survey)
      let loaded = sheet?.values[slot]
      let text = "survey: every-kind\nsurvey_version: 2.1.0\ncity: {name: X}\nanswers:\n  channels: \(written)\n"
      let fast = FastAnswersReader.read(
        SourceFile(path: "f.yaml", bytes: Array(text.utf8)), limits: .untrusted, registry: registry)
      let asked = try? question.kind.answer(choosing: chosen, for: question, language: "en").get()
      #expect(fast?.0.values[slot] == loaded, "\(written)")
      #expect(
        asked == loaded, "\(written): questionnaire \(String(describing: asked)), loader \(String(describing: loaded))")
      if loaded != nil { valid += 1 }
    }
    // 4 ordinary options, 1 to 3 of them, or the exclusive one alone.
    #expect(valid == 4 + 6 + 4 + 1)
  }

  /// `template --schema`: every example validates against its survey's answers schema, and
  /// slips an editor should flag are flagged.
  @Test func answersSchemaDescribesTheSurvey() throws {
    for (surveyPath, folder) in [(Paths.currentSurvey, Paths.examples), (Paths.survey, Paths.legacyExamples)] {
      let survey = try #require(SurveyLoader.load(surveyPath, log: DiagnosticLog()))
      let validator = try SchemaValidator(schemaText: AnswersSchema.json(for: survey, language: "en"))
      var examples: [(name: String, node: YAMLNode)] = []
      for name in try FileReading.list(folder) where name.hasSuffix(".yaml") {
        examples.append(
          (name, try #require(try YAMLParser.parse(try FileReading.read(folder + "/" + name, maxBytes: 1 << 20)))))
      }
      #expect(!examples.isEmpty, "no examples in \(folder)")
      for (name, problems) in validator.validate(examples) {
        #expect(problems.isEmpty, "\(name): \(problems.prefix(3))")
      }
    }
    let survey = try #require(SurveyLoader.load(Paths.survey, log: DiagnosticLog()))
    let validator = try SchemaValidator(schemaText: AnswersSchema.json(for: survey, language: "en"))
    let first = survey.questions[0]
    let (_, slip) = try node(
      "survey: \(survey.id)\nsurvey_version: 1.0.0\ncity: {name: X}\nanswers:\n  \(first.id): \(first.options[0].value)x\n  no_such_question: 1\n"
    )
    #expect(validator.validate(slip).count >= 2)

    let kinds = try Self.everyKind()
    let kindsSchema = try SchemaValidator(schemaText: AnswersSchema.json(for: kinds, language: "es"))
    var generator = AnswersFileGenerator(survey: kinds, seed: 3)
    var generated: [(name: String, node: YAMLNode)] = []
    var texts: [String: String] = [:]
    while generated.count < 100 {
      let file = generator.next()
      guard file.clean else { continue }
      let name = "generated-\(generated.count)"
      generated.append((name, try node(file.text).1))
      texts[name] = file.text
    }
    for (name, problems) in kindsSchema.validate(generated) {
      #expect(problems.isEmpty, "\(problems.prefix(3))\n\(texts[name] ?? "")")
    }
  }

  /// The loader reads option values and missing-data codes in any letter case (`AnswerWords`);
  /// the survey's answers schema accepts exactly the spellings the loader accepts.
  @Test func answersSchemaTakesTheCaseTheLoaderTakes() throws {
    let survey = try #require(
      SurveyLoader.load(Paths.at("Tests/Fixtures/questionnaire/ciudad.yaml"), log: DiagnosticLog()))
    let validator = try SchemaValidator(schemaText: AnswersSchema.json(for: survey, language: "en"))
    let registry = SurveyRegistry([survey])
    let cases = [
      "operations: Shared", "operations: SHARED", "operations: \"  shared \"", "channels: [Web, PHONE]",
      "online_share: Dont_Know", "online_share: NOT_APPLICABLE", "barriers: [\"S\u{212A}ILLS\"]",
      "operations: sharedx", "operations: shar", "channels: [web, webs]", "online_share: dont-know",
      "operations: \"s hared\"",
    ]
    var documents: [(name: String, node: YAMLNode)] = []
    var loaderAccepts: [String: Bool] = [:]
    for (index, answer) in cases.enumerated() {
      let text = "survey: ciudad\nsurvey_version: 1.0.0\ncity: {name: X}\nanswers:\n  \(answer)\n"
      let (file, root) = try node(text, path: "a.yaml")
      let log = DiagnosticLog()
      _ = AnswersLoader.load(file, root, registry: registry, log: log)
      loaderAccepts[String(index)] = !log.hasErrors
      documents.append((String(index), root))
    }
    #expect(loaderAccepts.values.filter { $0 }.count == 7, "\(loaderAccepts)")
    let refused = validator.validate(documents)
    for (index, answer) in cases.enumerated() {
      let schemaAccepts = (refused[String(index)] ?? []).isEmpty
      #expect(
        schemaAccepts == loaderAccepts[String(index)],
        "\(answer): the loader \(loaderAccepts[String(index)] == true ? "accepts" : "refuses"), the schema \(schemaAccepts ? "accepts" : "refuses")"
      )
    }
  }
}
