import ActivatorCore
import Testing

/// Issue 15, item 2: metrics reach every output. A column per chosen metric in CSV, JSON lines
/// and the table; aggregates (cities with a value, mean, median, pooled where the metric says
/// how) in --summary and the cohort report; a cohort ranked by a metric; metrics in diff. A
/// metric nobody knows (here a stage read from a pillar that is not assessed) is an empty cell
/// or null and counts in no aggregate, never as 0.
@Suite struct MetricOutputTests {
  static let lens = """
    plugin: metric-lens
    version: 1.0.0
    name: {en: Metric lens, es: Lente de métricas}
    languages: [en, es]
    requires: [wego-core]
    applies_to: [{survey: wego-activator, versions: ">=2.0.0 <3.0.0"}]
    metrics:
      - id: piped-water
        title: {en: Households with piped water, es: Hogares con agua corriente}
        unit: "%"
        headline: true
        expr: "liv_water_access"
        pool: {numerator: "liv_water_access * double(city_population)", denominator: "double(city_population)"}
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
    survey: wego-activator
    survey_version: 2.0.0
    language: en
    city: {name: Sparseville, country: Kenya, region: sub-saharan-africa}
    answers:
      city_population: 50000
      liv_water_access: 40

    """

  /// The lens, the sparse city, and the arguments that score it with Valmora and Chisomo.
  static func setUp() -> (folder: String, arguments: [String]) {
    let folder = Binary.temporaryFolder()
    Binary.write(folder + "/lens.yaml", lens)
    Binary.write(folder + "/sparse.yaml", sparse)
    return (
      folder,
      [
        folder + "/sparse.yaml", "Examples/valmora.yaml", "Examples/chisomo.yaml", "--rules", "Rules", "--rules",
        folder + "/lens.yaml", "-q",
      ]
    )
  }

  @Test func csvAndJSONLinesHaveAColumnPerHeadlineMetricAndUnknownIsEmpty() throws {
    let (folder, arguments) = Self.setUp()
    let csv = Run.activator(["score"] + arguments + ["--format", "csv"], cwd: Binary.root)
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\r\n").map(String.init)
    #expect(
      lines.first?.contains(
        ",metric-lens/piped-water,metric-lens/residents,metric-lens/government-stage,top_recommendations,") == true,
      "\(lines.first ?? "")")
    // Sparseville: water and residents known, the government stage unknown (not assessed): empty, not 0.
    #expect(lines.contains { $0.hasPrefix(folder + "/sparse.yaml,") && $0.contains(",40,50000,,") }, "\(lines)")
    #expect(lines.contains { $0.hasPrefix("Examples/valmora.yaml,") && $0.contains(",100,641000,5,") }, "\(lines)")
    let jsonl = Run.activator(["score"] + arguments + ["--format", "jsonl"], cwd: Binary.root)
    #expect(
      jsonl.stdout.contains(
        "\"metric_values\":{\"metric-lens/piped-water\":40,\"metric-lens/residents\":50000,\"metric-lens/government-stage\":null}"
      ), "\(jsonl.stdout.prefix(400))")
    // One metric asked for by its short id: only that column.
    let one = Run.activator(["score"] + arguments + ["--format", "csv", "--metric", "residents"], cwd: Binary.root)
    #expect(
      one.stdout.contains(",metric-lens/residents,top_recommendations,") && !one.stdout.contains("piped-water"),
      "\(one.stdout.prefix(600))")
  }

  @Test func theSummaryAggregatesOverTheCitiesWithAValueAndPoolsAsDeclared() throws {
    let (_, arguments) = Self.setUp()
    let csv = Run.activator(["score"] + arguments + ["--format", "csv", "--summary"], cwd: Binary.root)
    #expect(csv.status == 0, "\(csv.stderr)")
    // Chisomo does not know its piped water: 2 of 3 cities; pooled by residents (40% of 50,000
    // and 100% of 641,000 over 691,000), not the mean of 40 and 100.
    #expect(
      csv.stdout.contains("all,,3,,,,,,,,,metric-lens/piped-water,2,70,70,ratio,95.65846599131693,2\r\n"),
      "\(csv.stdout)")
    #expect(
      csv.stdout.contains("all,,3,,,,,,,,,metric-lens/residents,3,381000,452000,sum,1143000,3\r\n"), "\(csv.stdout)")
    // Sparseville's government is not assessed: the stage's mean is over the two cities that have one.
    #expect(csv.stdout.contains("all,,3,,,,,,,,,metric-lens/government-stage,2,3.5,3.5,,,\r\n"), "\(csv.stdout)")
    let json = Run.activator(["score"] + arguments + ["--format", "json", "--summary"], cwd: Binary.root)
    #expect(json.stdout.contains("\"id\": \"metric-lens/government-stage\",\n"), "\(json.stdout.prefix(300))")
    #expect(json.stdout.contains("\"cities_with_value\": 2,\n"))
    let table = Run.activator(
      ["score"] + arguments + ["--format", "table", "--summary", "--lang", "en"], cwd: Binary.root)
    #expect(table.stdout.contains("Households with piped water"), "\(table.stdout)")
    #expect(table.stdout.contains("2/3"), "\(table.stdout)")
  }

  @Test func aCohortReportAggregatesAndRanksByAMetric() throws {
    let (folder, arguments) = Self.setUp()
    let md = Run.activator(
      ["report"] + arguments + ["--md", "-", "--sort-by", "metric:residents:asc", "--lang", "en"], cwd: Binary.root)
    #expect(md.status == 0, "\(md.stderr)")
    #expect(
      md.stdout.contains("| Households with piped water (%) | All cities | 2/3 | 70 | 70 | 95.66 (2) |"), "\(md.stdout)"
    )
    #expect(md.stdout.contains("Cities ranked by Residents, lowest first; cities without a value come last."))
    #expect(
      md.stdout.contains(
        "| 1 | Sparseville | 40 | 50,000 | — |\n| 2 | Chisomo | — | 452,000 | 2 |\n| 3 | Valmora | 100 | 641,000 | 5 |"),
      "\(md.stdout)")
    let html = Run.activator(
      ["report"] + arguments + ["--html", folder + "/cohort.html", "--sort-by", "metric:metric-lens/piped-water"],
      cwd: Binary.root)
    #expect(html.status == 0, "\(html.stderr)")
    let page = Binary.read(folder + "/cohort.html") ?? ""
    #expect(page.contains("<section id=\"metrics\">"), "\(page.prefix(300))")
    let bad = Run.activator(["report"] + arguments + ["--md", "-", "--sort-by", "residents"], cwd: Binary.root)
    #expect(bad.status != 0 && bad.stderr.contains("--sort-by takes metric:<id>"), "\(bad.stderr)")
  }

  @Test func anUnknownMetricIsRefusedWithTheNearestIds() {
    let (_, arguments) = Self.setUp()
    let run = Run.activator(["score"] + arguments + ["--format", "csv", "--metric", "resident"], cwd: Binary.root)
    #expect(run.status != 0)
    #expect(run.stderr.contains("no metric 'resident' in these rules; did you mean 'residents'?"), "\(run.stderr)")
  }

  @Test func diffListsTheMetricsThatChange() {
    let (folder, _) = Self.setUp()
    let run = Run.activator(
      [
        "diff", "--rules", "Rules", "--rules", "Rules:" + folder + "/lens.yaml", folder + "/sparse.yaml", "--metric",
        "residents", "--format", "csv",
      ],
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
    let run = Run.activator(["check", "Rules", folder + "/lens.yaml"], cwd: Binary.root)
    #expect(run.status != 0)
    #expect(
      run.stderr.contains("metric 'government-stage' is pooled as a sum, so it must give a number; it gives"),
      "\(run.stderr)")
    #expect(run.stderr.contains("a part of the pool of metric 'piped-water' must give a number"), "\(run.stderr)")
    #expect(
      run.stderr.contains("the pool of metric 'odd' is 'sum', or a mapping with a numerator and a denominator"),
      "\(run.stderr)")
  }
}
