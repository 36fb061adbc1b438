import ActivatorCore
import ActivatorYAML
import Testing

@testable import ActivatorReports

/// Every batch format and report renderer on a test survey (Tests/Fixtures/renderers), with
/// results worked out by hand: what each writes, that machine formats parse and stay inert,
/// and the sentences about stages that every format takes from one place.
@Suite struct RenderersTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path + "/Tests/Fixtures/renderers"
  }()

  static let program: Program? = {
    let log = DiagnosticLog()
    guard let survey = SurveyLoader.load(root + "/survey.yaml", log: log) else { return nil }
    let plugins = PluginLoader.loadAll(root + "/rules", log: log)
    return ProgramCompiler.compile(survey: survey, plugins: plugins, log: log)
  }()

  /// One city's result: `online` percent, `days` for a permit, `strategy` option index.
  static func assess(
    _ name: String, region: String, online: Double, days: Int, strategy: Int, language: String = "en"
  ) throws -> Assessment {
    let program = try #require(Self.program)
    let sheet = AnswerSheet(
      surveyID: "renderers", surveyVersion: program.survey.version, language: language,
      city: City(name: name, region: region),
      values: [.decimal(online), .integer(days), .choice(strategy)], path: name + ".yaml")
    return Scorer.assess(sheet, with: program)
  }

  /// Three cities: one close to stage 3 everywhere, one far from it, one whose name is a formula.
  static func cities() throws -> [Assessment] {
    [
      try assess("Alpha City", region: "Asia", online: 50, days: 12, strategy: 1),
      try assess("=HYPERLINK(\"http://x\")", region: "Africa", online: 30, days: 20, strategy: 0),
      try assess("Pipe | City", region: "Asia", online: 80, days: 5, strategy: 2),
    ]
  }

  static func render(_ format: BatchFormat, language: String = "en") throws -> String {
    let program = try #require(Self.program)
    let renderer = format.renderer(survey: program.survey, language: language, color: false, detail: false)
    var out = renderer.header()
    for (index, city) in try cities().enumerated() {
      if index > 0 { out += renderer.separator }
      out += String(decoding: renderer.row(city), as: UTF8.self)
    }
    return out + renderer.footer()
  }

  static func summary(_ format: BatchFormat) throws -> String {
    let program = try #require(Self.program)
    var cohort = CohortSummary(pillars: program.survey.pillars.map(\.id), topStage: program.survey.topStage)
    for city in try cities() { cohort.add(CohortRecord(city)) }
    return format.renderer(survey: program.survey, language: "en", color: false, detail: false).summary(cohort)
  }

  // MARK: - Stages

  @Test func theCitiesReachTheStagesWorkedOutByHand() throws {
    let stages = try Self.cities().map { $0.pillars.map(\.stage) }
    #expect(stages == [[2, 2], [2, 1], [3, 3]])
  }

  /// Near misses: within a fifth of the threshold on the side the ladder's direction counts as
  /// short (50 of 60 online; 12 days where 10 is the most), or one level below; not 30 of 60
  /// nor 20 days.
  @Test func nearMissesFollowTheLaddersDirection() throws {
    let close = try Self.cities()[0]
    let candidates = try #require(close.pillars[0].next).candidates + (try #require(close.pillars[1].next).candidates)
    #expect(
      StageWords(close).nearMisses(candidates) == [
        "At least 60% of services online: 50%, 10 percentage points short of 60%",
        "Permits in at most 10 days: 12 days, above 10 — to go down by 2",
        "A data strategy: Adopted: one level below (now: A draft)",
      ])
    let far = try Self.cities()[1]
    let farCandidates = try #require(far.pillars[0].next).candidates
    #expect(StageWords(far).nearMisses(farCandidates).isEmpty)
    let spanish = try Self.assess("Alpha", region: "Asia", online: 50, days: 12, strategy: 1, language: "es")
    let spanishNext = try #require(spanish.pillars[0].next)
    let englishNext = try #require(close.pillars[0].next)
    let spanishMisses = StageWords(spanish).nearMisses(spanishNext.candidates)
    let englishMisses = StageWords(close).nearMisses(englishNext.candidates)
    #expect(spanishMisses.count == 2 && englishMisses.count == 2)
    for (said, english) in zip(spanishMisses, englishMisses) { #expect(said != english, "not in Spanish: \(said)") }
  }

  /// The method paragraph and the overall note are one sentence each, laid out by both report
  /// formats and by the terminal explanation.
  @Test func everyFormatSaysTheMethodFromOnePlace() throws {
    let city = try Self.cities()[0]
    let report = CityReport(city, date: "2026-12-01")
    let words = StageWords(city)
    #expect(report.method.hasPrefix(words.rule) && report.method.contains("“!” marks low confidence"))
    let html = HTMLReport().render(.city(report))
    let markdown = MarkdownReport().render(.city(report))
    #expect(html.contains(report.method))
    #expect(markdown.contains(MarkdownText.escape(report.method)))
    #expect(html.contains(report.overallNote) && markdown.contains(MarkdownText.escape(report.overallNote)))
    let explanation = TextReport(color: false).explain(city)
    #expect(explanation.contains(words.rule))
    let next = try #require(city.pillars[0].next)
    let miss = try #require(words.nearMisses(next.candidates).first)
    #expect(explanation.contains(miss))
    // The reports' next-stage table says it in the status column, beside the criterion's title.
    let fact = try #require(words.nearMissFacts(next.candidates).first)
    let status = words.words(fact, status: StatusMark.unmet.words(Localizer(city.language)))
    #expect(html.contains(Markup.escape(status)) && markdown.contains(MarkdownText.escape(status)))
  }

  // MARK: - Batch formats

  @Test func csvRowsHaveTheHeadersColumnsAndNeutraliseFormulas() throws {
    let text = try Self.render(.csv)
    // Plain UTF-8 without a byte-order mark unless --excel (issue 15, item 9).
    #expect(
      text.hasPrefix("file,city,country,region,language,survey_version,overall_stage,pillars_assessed,services_stage,"))
    let rows = text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
    #expect(rows.count == 4)
    let columns = Self.csvFields(String(rows.first ?? "")).count
    // 8 columns about the file and city, 5 per pillar (stage, score, coverage, assessed, target), 3 after.
    #expect(columns == 8 + 5 * 2 + 3)
    for row in rows { #expect(Self.csvFields(String(row)).count == columns, "\(row)") }
    #expect(Self.csvFields(String(rows[2]))[1] == "'=HYPERLINK(\"http://x\")")
    #expect(
      Self.csvFields(String(rows[1])).prefix(8) == [
        "Alpha City.yaml", "Alpha City", "", "Asia", "en", "1.0.0", "2", "2",
      ])
  }

  /// Fields of one CSV row (RFC 4180 quoting).
  static func csvFields(_ row: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(row)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters = characters.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(c)
      }
    }
    return fields + [field]
  }

  @Test func jsonIsOneArrayAndJSONLinesOneObjectPerLine() throws {
    let array = try #require(try YAMLParser.parse(Array(try Self.render(.json).utf8)))
    #expect(array.sequence?.count == 3)
    #expect(array.sequence?.first?.mapping?.first { $0.key.scalar == "city" } != nil)
    let lines = try Self.render(.jsonl).split(separator: "\n")
    #expect(lines.count == 3)
    for line in lines { #expect(try YAMLParser.parse(Array(line.utf8))?.mapping != nil) }
  }

  @Test func peopleReadTablesAndMarkdownInTheirLanguage() throws {
    let table = try Self.render(.table).split(separator: "\n")
    #expect(table.count == 4)
    #expect(table[0].contains("SER") && table[0].contains("DAT"))
    #expect(table[3].hasSuffix("3 Leading"))
    let markdown = try Self.render(.md, language: "es").split(separator: "\n")
    #expect(markdown[0] == "| Ciudad | País | Región | Servicios | Datos abiertos | General |")
    #expect(markdown.count == 5)
    #expect(markdown[4].hasPrefix("| Pipe \\| City |"))
    #expect(
      BatchFormat.table.isForPeople && BatchFormat.md.isForPeople && !BatchFormat.csv.isForPeople
        && !BatchFormat.jsonl.isForPeople)
  }

  @Test func summariesListAllCitiesThenEachRegionInNameOrder() throws {
    let csv = try Self.summary(.csv).split(separator: "\r\n")
    #expect(csv.count == 1 + 3 * 2)
    #expect(
      csv.dropFirst().map { $0.split(separator: ",")[0] } == [
        "all", "all", "region: Africa", "region: Africa", "region: Asia", "region: Asia",
      ])
    #expect(csv[1] == "all,services,3,2,2.00,0,2,1,0")
    let json = try #require(try YAMLParser.parse(Array(try Self.summary(.json).utf8)))
    let groups = json.mapping?.first { $0.key.scalar == "groups" }?.value.sequence ?? []
    #expect(
      groups.compactMap { $0.mapping?.first { $0.key.scalar == "scope" }?.value.scalar } == [
        "all", "region: Africa", "region: Asia",
      ])
    let table = try Self.summary(.table)
    #expect(table.contains("All cities — 3 cities") && table.contains("Asia — 2 cities"))
  }

  @Test func changesAreSignedAndRoundedToHundredths() {
    #expect(ChangeText.arrow(2) == "▲ +2" && ChangeText.arrow(-1) == "▼ −1" && ChangeText.arrow(0) == "=")
    #expect(ChangeText.signed(1.5, "es") == "+1,5")
    #expect(ChangeText.signed(-2, "en") == "−2")
    #expect(ChangeText.signed(-0.004, "en") == "±0")
  }
}
