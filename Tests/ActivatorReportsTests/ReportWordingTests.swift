import ActivatorCore
import Testing

@testable import ActivatorReports

/// What a mayor's office reads: near misses worded the way the threshold points (a maximum is
/// "above … — to go down by …", a minimum "short of …") in every output and language, and no id
/// of the survey or its rules in the visible text of any example city's report.
@Suite struct ReportWordingTests {
  static let root = RoadmapTests.root

  /// The every-kind test survey with its ladders, answered `answers` (YAML lines), in `language`.
  static func assess(_ answers: String, language: String, rules: String = "every-kind-ladders") throws -> Assessment {
    // A folder of its own per call: the tests run in parallel.
    var template = Array("/tmp/activator-wording-XXXXXX".utf8CString)
    let folder = try #require(
      template.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
      })
    defer {
      unlink(folder + "/answers.yaml")
      rmdir(folder)
    }
    let text = """
      survey: every-kind
      survey_version: 2.1.0
      language: \(language)
      city: {name: Testville}
      answers:
      \(answers)
      """
    let path = folder + "/answers.yaml"
    let file = fopen(path, "w")
    fputs(text, file)
    fclose(file)
    let workspace = Workspace()
    workspace.loadSurveys([root + "/Tests/Fixtures/surveys/every-kind.yaml"])
    workspace.loadRules([root + "/Tests/Fixtures/plugins/\(rules).yaml"])
    let log = DiagnosticLog()
    let (sheet, survey) = try #require(AnswersLoader.load(path, registry: workspace.registry, log: log))
    let program = try #require(workspace.program(for: survey))
    return Scorer.assess(sheet, with: program)
  }

  /// Budget share has a maximum (lower is better: at most 2.5 at stage 2); datasets a minimum
  /// (at least 10 at stage 2); lines with real-time information a minimum in percent.
  static let nearMissAnswers = """
      datasets: 9
      budget: 2.8
      realtime: 30
      strategy: none
    """

  @Test(arguments: [
    (
      "en",
      [
        "Datasets: 10: 9 datasets, 1 short of 10",
        "Budget: 2.5: 2.8, above 2.5 — to go down by 0.3",
        "Real time: 33.3: 30%, 3.3 percentage points short of 33.3%",
      ]
    ),
    (
      "es",
      [
        "Conjuntos: 10: 9 conjuntos, a 1 de alcanzar 10",
        "Presupuesto: 2,5: 2,8, por encima de 2,5; debe bajar 0,3",
        "Tiempo real: 33,3: 30%, a 3,3 puntos porcentuales de alcanzar 33,3%",
      ]
    ),
  ])
  func nearMissesSayWhichWayToGo(_ language: String, _ expected: [String]) throws {
    let a = try Self.assess(Self.nearMissAnswers, language: language)
    let words = StageWords(a)
    let lines = a.pillars.flatMap { pillar in pillar.next.map { words.nearMisses($0.candidates) } ?? [] }
    for line in expected { #expect(lines.contains(line), "\(line) not in \(lines)") }
    // The same facts as reason codes in the JSON, by direction.
    let json = AssessmentJSON.render(a)
    #expect(json.contains("\"reason\": \"above_maximum\""))
    #expect(json.contains("\"reason\": \"short_of_minimum\""))
    // The city report (HTML and Markdown) and the terminal say what StageWords says.
    let report = CityReport(a, date: "2026-12-01")
    let html = HTMLReport.city(report)
    let markdown = MarkdownReport.city(report)
    let terminal = TextReport(color: false, width: 300).explain(a)
    for line in expected {
      let status = Self.besideAnswer(line, language)
      #expect(html.contains(Markup.escape(status)), "HTML lacks \(status)")
      #expect(markdown.contains(MarkdownText.escape(status)), "Markdown lacks \(status)")
      #expect(terminal.contains(line), "terminal lacks \(line)")
    }
    #expect(!html.contains("short of 2.5") && !html.contains("de alcanzar 2,5"))
  }

  /// A number the rules compute (`value:` ladders, rates from raw counts) misses a minimum or a
  /// maximum in the same words as an answer does, with its unit and the digits it can bear: 11
  /// datasets are 27.5 per 100 staff (at least 30), a budget of 3 is 428.57 per 1,000 (at most 400).
  @Test(arguments: [
    (
      "en",
      [
        "At least 30 datasets per 100 staff: 27.5 datasets per 100 staff, 2.5 short of 30",
        "At most 400 per 1,000 residents: 429 per 1,000 residents, above 400 — to go down by 28.6",
      ]
    ),
    (
      "es",
      [
        "Al menos 30 conjuntos por cada 100 empleados: 27,5 conjuntos por cada 100 empleados, a 2,5 de alcanzar 30",
        "Como máximo 400 por cada 1000 habitantes: 429 por cada 1000 habitantes, por encima de 400; debe bajar 28,6",
      ]
    ),
  ])
  func computedValuesMissTheirThresholdsInTheSameWords(_ language: String, _ expected: [String]) throws {
    let a = try Self.assess("  datasets: 11\n  budget: 3", language: language, rules: "every-kind-values")
    let words = StageWords(a)
    let lines = a.pillars.flatMap { pillar in pillar.next.map { words.nearMisses($0.candidates) } ?? [] }
    #expect(lines == expected)
    let json = AssessmentJSON.render(a)
    #expect(json.contains("\"reason\": \"above_maximum\"") && json.contains("\"reason\": \"short_of_minimum\""))
    #expect(json.contains("\"question\": null"), "a computed value is no one question's answer")
    let markdown = MarkdownReport.city(CityReport(a, date: "2026-12-01"))
    for line in expected {
      let status = Self.besideAnswer(line, language)
      #expect(markdown.contains(MarkdownText.escape(status)), "Markdown lacks \(status)")
    }
  }

  /// A near miss as the reports' next-stage table says it, in its status column beside the
  /// criterion's title: "not met: 2.8, above 2.5 — to go down by 0.3".
  static func besideAnswer(_ line: String, _ language: String) -> String {
    guard let colon = line.ranges(of: ": ").last else { return line }
    return StatusMark.unmet.words(Localizer(language)) + ": " + line[colon.upperBound...]
  }

  @Test func aChoiceOneLevelOffIsNamedByItsAnswer() throws {
    let a = try Self.assess("  strategy: none\n  datasets: 500\n  budget: 0", language: "en")
    let lines = a.pillars.flatMap { pillar in pillar.next.map { StageWords(a).nearMisses($0.candidates) } ?? [] }
    #expect(lines.contains("Strategy: Draft: one level below (now: None)"), "\(lines)")
  }

  @Test func weightedSharesAreLabelledAsSuch() throws {
    let a = try Self.assess(Self.nearMissAnswers, language: "en")
    #expect(StageWords(a).gate(met: 5, of: 7, share: 0.8) == "met 5 of 7 criteria, 80% of their weight (75% needed)")
    let es = try Self.assess(Self.nearMissAnswers, language: "es")
    #expect(
      StageWords(es).gate(met: 1, of: 1, share: 1) == "cumple 1 de 1 criterio, el 100% de su peso (se requiere el 75%)")
  }

  @Test func datesAreWrittenInTheReportsLanguage() {
    #expect(Localizer("en").date("2026-12-01T05:04:44Z") == "1 December 2026")
    #expect(Localizer("es").date("2026-12-01") == "1 de diciembre de 2026")
  }
}
