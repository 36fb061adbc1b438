import ActivatorCore
import Testing

/// Issue 15, item 2: metrics reach every output. A column per chosen metric in CSV, JSON lines
/// and the table; aggregates (cities with a value, mean, median, pooled where the metric says
/// how) in --summary and the cohort report; a cohort ranked by a metric; metrics in diff. A
/// metric nobody knows (here a stage read from a pillar that is not assessed) is an empty cell
/// or null and counts in no aggregate, never as 0.
///
/// Every figure here comes from the frozen report fixture (Tests/Fixtures/reports), never from the
/// shipped Surveys/, Rules/ or Examples/, so that a rule author's edit there cannot break it.
@Suite struct MetricOutputTests {
  /// The report fixture's survey and rules.
  static let survey = ["--survey", ReportFixture.survey]
  static let rules = ReportFixture.rules

  static let lens = """
    plugin: metric-lens
    version: 1.0.0
    name: {en: Metric lens, es: Lente de métricas}
    languages: [en, es]
    requires: [report-fixture]
    applies_to: [{survey: report-fixture, versions: ">=2.0.0 <3.0.0"}]
    metrics:
      - id: online-services
        title: {en: Services fully online, es: Trámites totalmente en línea}
        unit: "%"
        headline: true
        expr: "gov_online_services"
        pool: {numerator: "gov_online_services * double(city_population)", denominator: "double(city_population)"}
      - id: residents
        title: {en: Residents, es: Habitantes}
        headline: true
        expr: "city_population"
        pool: sum
      - id: government-stage
        title: {en: Government stage, es: Etapa de gobierno}
        headline: true
        expr: "stage('government')"

    """

  /// A city that answered two figures and nothing else: no pillar is assessed.
  static let sparse = """
    survey: report-fixture
    survey_version: 2.0.0
    language: en
    city: {name: Sparseville, country: Kenya, region: sub-saharan-africa}
    answers:
      city_population: 50000
      gov_online_services: 40

    """

  /// The lens, the sparse city, and the arguments that score it with the fixture's Kestrel Bay
  /// (government at stage 4, 72% online, 385,400 residents) and Santa Lucerna (stage 3, 642,000
  /// residents) made not to know its online services.
  static func setUp() throws -> (folder: String, arguments: [String]) {
    let folder = Binary.temporaryFolder()
    Binary.write(folder + "/lens.yaml", lens)
    Binary.write(folder + "/sparse.yaml", sparse)
    let santaLucerna = try #require(Binary.read(Binary.root + "/" + ReportFixture.city("santa-lucerna")))
    #expect(santaLucerna.contains("\n  gov_online_services: 41\n"))
    Binary.write(
      folder + "/santa-lucerna.yaml",
      santaLucerna.replacing("\n  gov_online_services: 41\n", with: "\n  gov_online_services: dont_know\n"))
    return (
      folder,
      [
        folder + "/sparse.yaml", ReportFixture.city("kestrel-bay"), folder + "/santa-lucerna.yaml",
        "--rules", rules, "--rules", folder + "/lens.yaml", "-q",
      ] + survey
    )
  }

  @Test func csvAndJSONLinesHaveAColumnPerHeadlineMetricAndUnknownIsEmpty() throws {
    let (folder, arguments) = try Self.setUp()
    let csv = Run.activator(["score"] + arguments + ["--format", "csv"], cwd: Binary.root)
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\r\n").map(String.init)
    #expect(
      lines.first?.contains(
        ",metric-lens/online-services,metric-lens/residents,metric-lens/government-stage,top_recommendations,") == true,
      "\(lines.first ?? "")")
    // Sparseville: water and residents known, the government stage unknown (not assessed): empty, not 0.
    #expect(lines.contains { $0.hasPrefix(folder + "/sparse.yaml,") && $0.contains(",40,50000,,") }, "\(lines)")
    #expect(
      lines.contains {
        $0.hasPrefix("Tests/Fixtures/reports/cities/kestrel-bay.yaml,") && $0.contains(",72,385400,4,")
      },
      "\(lines)")
    #expect(lines.contains { $0.hasPrefix(folder + "/santa-lucerna.yaml,") && $0.contains(",,642000,3,") }, "\(lines)")
    let jsonl = Run.activator(["score"] + arguments + ["--format", "jsonl"], cwd: Binary.root)
    #expect(
      jsonl.stdout.contains(
        "\"metric_values\":{\"metric-lens/online-services\":40,\"metric-lens/residents\":50000,\"metric-lens/government-stage\":null}"
      ), "\(jsonl.stdout.prefix(400))")
    // One metric asked for by its short id: only that column.
    let one = Run.activator(["score"] + arguments + ["--format", "csv", "--metric", "residents"], cwd: Binary.root)
    #expect(
      one.stdout.contains(",metric-lens/residents,top_recommendations,") && !one.stdout.contains("online-services"),
      "\(one.stdout.prefix(600))")
  }

  @Test func theSummaryAggregatesOverTheCitiesWithAValueAndPoolsAsDeclared() throws {
    let (_, arguments) = try Self.setUp()
    let csv = Run.activator(["score"] + arguments + ["--format", "csv", "--summary"], cwd: Binary.root)
    #expect(csv.status == 0, "\(csv.stderr)")
    // Santa Lucerna does not know its online services: 2 of 3 cities; pooled by residents (40%
    // of 50,000 and 72% of 385,400: 29,748,800 over 435,400), not the mean of 40 and 72.
    #expect(
      csv.stdout.contains("all,,3,,,,,,,,,metric-lens/online-services,2,56,56,ratio,68.32521819016996,2\r\n"),
      "\(csv.stdout)")
    #expect(
      csv.stdout.contains("all,,3,,,,,,,,,metric-lens/residents,3,359133.3333333333,385400,sum,1077400,3\r\n"),
      "\(csv.stdout)")
    // Sparseville's government is not assessed: the stage's mean is over the two cities that have
    // one (4 and 3).
    #expect(csv.stdout.contains("all,,3,,,,,,,,,metric-lens/government-stage,2,3.5,3.5,,,\r\n"), "\(csv.stdout)")
    let json = Run.activator(["score"] + arguments + ["--format", "json", "--summary"], cwd: Binary.root)
    #expect(json.stdout.contains("\"id\": \"metric-lens/government-stage\",\n"), "\(json.stdout.prefix(300))")
    #expect(json.stdout.contains("\"cities_with_value\": 2,\n"))
    let table = Run.activator(
      ["score"] + arguments + ["--format", "table", "--summary", "--lang", "en"], cwd: Binary.root)
    #expect(table.stdout.contains("Services fully online"), "\(table.stdout)")
    #expect(table.stdout.contains("2/3"), "\(table.stdout)")
  }

  @Test func aCohortReportAggregatesAndRanksByAMetric() throws {
    let (folder, arguments) = try Self.setUp()
    let md = Run.activator(
      ["report"] + arguments + ["--md", "-", "--sort-by", "metric:residents:asc", "--lang", "en"], cwd: Binary.root)
    #expect(md.status == 0, "\(md.stderr)")
    #expect(
      md.stdout.contains("| Services fully online (%) | All cities | 2/3 | 56 | 56 | 68.33 (2) |"), "\(md.stdout)")
    #expect(md.stdout.contains("Cities ranked by Residents, lowest first; cities without a value come last."))
    #expect(
      md.stdout.contains(
        "| 1 | Sparseville | 40 | 50,000 | — |\n| 2 | Kestrel Bay | 72 | 385,400 | 4 |\n| 3 | Santa Lucerna | — | 642,000 | 3 |"
      ),
      "\(md.stdout)")
    let html = Run.activator(
      ["report"] + arguments + ["--html", folder + "/cohort.html", "--sort-by", "metric:metric-lens/online-services"],
      cwd: Binary.root)
    #expect(html.status == 0, "\(html.stderr)")
    let page = Binary.read(folder + "/cohort.html") ?? ""
    #expect(page.contains("<section id=\"metrics\">"), "\(page.prefix(300))")
    let bad = Run.activator(["report"] + arguments + ["--md", "-", "--sort-by", "residents"], cwd: Binary.root)
    #expect(bad.status != 0 && bad.stderr.contains("--sort-by takes metric:<id>"), "\(bad.stderr)")
  }

  @Test func anUnknownMetricIsRefusedWithTheNearestIds() throws {
    let (_, arguments) = try Self.setUp()
    let run = Run.activator(["score"] + arguments + ["--format", "csv", "--metric", "resident"], cwd: Binary.root)
    #expect(run.status != 0)
    #expect(run.stderr.contains("no metric 'resident' in these rules; did you mean 'residents'?"), "\(run.stderr)")
  }

  @Test func diffListsTheMetricsThatChange() throws {
    let (folder, _) = try Self.setUp()
    let run = Run.activator(
      [
        "diff", "--rules", Self.rules, "--rules", Self.rules + ":" + folder + "/lens.yaml", folder + "/sparse.yaml",
        "--metric", "residents", "--format", "csv",
      ] + Self.survey,
      cwd: Binary.root)
    #expect(
      run.stdout.hasPrefix(
        "file,city,pillar,stage_a,stage_b,score_a,score_b,criteria_changed,metric,metric_a,metric_b,metric_change\n"),
      "\(run.stdout)")
    #expect(run.stdout.contains(",metric-lens/residents,,50000,\n"), "\(run.stdout)")
  }

  @Test func poolsAreCheckedWhereTheyAreWritten() {
    let folder = Binary.temporaryFolder()
    Binary.write(
      folder + "/lens.yaml",
      Self.lens.replacing("expr: \"stage('government')\"", with: "expr: \"stage('government') >= 3\"\n    pool: sum")
        .replacing("denominator: \"double(city_population)\"", with: "denominator: \"city_income_group\"")
        + "  - {id: odd, title: {en: Odd, es: Raro}, expr: \"1\", pool: mean}\n")
    let run = Run.activator(
      ["check", ReportFixture.survey, Self.rules, folder + "/lens.yaml"], cwd: Binary.root)
    #expect(run.status != 0)
    #expect(
      run.stderr.contains("metric 'government-stage' is pooled as a sum, so it must give a number; it gives"),
      "\(run.stderr)")
    #expect(run.stderr.contains("a part of the pool of metric 'online-services' must give a number"), "\(run.stderr)")
    #expect(
      run.stderr.contains("the pool of metric 'odd' is 'sum', or a mapping with a numerator and a denominator"),
      "\(run.stderr)")
  }
}
