import ActivatorCore
import Testing

/// Issue 15, "Done when": a second survey and plugin that are not WeGO's, scored end to end by
/// the built binary. Examples/indexes/water-resilience is an author's workspace (its own Surveys/,
/// Rules/ and cities/), found from inside it by the current-folder lookup: ACTIVATOR_HOME is left
/// unset here, so nothing points the binary at the repository's own data.
@Suite struct SecondIndexTests {
  static let workspace = Binary.root + "/Examples/indexes/water-resilience"

  /// Runs the binary inside the workspace, as its author does.
  static func inside(_ arguments: [String]) -> Run {
    Run.activator(arguments, cwd: workspace, environment: ["ACTIVATOR_HOME": ""])
  }

  @Test func theWorkspaceIsFoundFromInsideAndChecksClean() {
    let paths = Self.inside(["paths"])
    #expect(
      paths.stdout.contains("water-resilience 1.0.0  Surveys/water-resilience.yaml (current folder)"), "\(paths.stdout)"
    )
    let check = Self.inside(["check"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(
      (check.stdout + check.stderr).contains(
        "checked 1 survey, 1 plugin, 32 criteria, 4 solutions, 10 fixtures: 0 errors, 0 warnings"),
      "\(check.stdout)\(check.stderr)")
  }

  @Test func itsFixturesRunGreenAndCoverEveryCriterion() {
    let run = Self.inside(["test"])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("10 fixtures: 10 passed, 0 failed"), "\(run.stdout)")
    #expect(run.stdout.contains("32 criteria; 32 met and 32 not met by some fixture"), "\(run.stdout)")
  }

  /// Every metric as a column: Nkanda knows them all; Lumbira answered "don't know", so its
  /// supply metrics are empty cells and null, never 0, while the governance average (which counts
  /// an unrated question as 1, as its definition says) has a value.
  @Test func csvAndJSONLinesCarryTheMetricsAndLeaveUnknownEmpty() {
    let csv = Self.inside(["score", "cities/", "--format", "csv", "--metrics", "-q"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\r\n").map(String.init)
    #expect(
      lines.first?.contains(
        ",water-resilience/piped-access-share,water-resilience/residents-without-supply,"
          + "water-resilience/governance-level,water-resilience/quality-safeguards,top_recommendations,") == true,
      "\(lines.first ?? "")")
    #expect(
      lines.contains { $0.hasPrefix("cities/nkanda.yaml,Nkanda,") && $0.contains(",58,588000,2.3333333333333335,1,") },
      "\(lines)")
    #expect(
      lines.contains { $0.hasPrefix("cities/lumbira.yaml,Lumbira,") && $0.contains(",,,1.3333333333333333,,") },
      "\(lines)")
    let jsonl = Self.inside(["score", "cities/", "--format", "jsonl", "--metrics", "-q"])
    #expect(jsonl.status == 0, "\(jsonl.stderr)")
    #expect(
      jsonl.stdout.contains(
        "\"metric_values\":{\"water-resilience/piped-access-share\":58,\"water-resilience/residents-without-supply\":588000,"
          + "\"water-resilience/governance-level\":2.3333333333333335,\"water-resilience/quality-safeguards\":1}"),
      "\(jsonl.stdout.prefix(600))")
    #expect(
      jsonl.stdout.contains(
        "\"metric_values\":{\"water-resilience/piped-access-share\":null,\"water-resilience/residents-without-supply\":null,"
          + "\"water-resilience/governance-level\":1.3333333333333333,\"water-resilience/quality-safeguards\":null}"),
      "\(jsonl.stdout.prefix(600))")
  }

  /// The cohort's aggregates over the four cities that know their access: the mean of the shares
  /// (80.75) is not the pooled share of all their residents (352.55 of 4.77 million, 73.91%), and
  /// the residents without supply add up (pool: sum).
  @Test func theCohortReportAggregatesAndRanksByAMetric() throws {
    let md = Self.inside([
      "report", "cities/", "--md", "-", "--metrics", "--sort-by", "metric:piped-access-share", "-q",
    ])
    #expect(md.status == 0, "\(md.stderr)")
    #expect(
      md.stdout.contains(
        "| Residents with a potable water supply service (%) | All cities | 4/5 | 80.75 | 82.5 | 73.91 (4) |"),
      "\(md.stdout)")
    #expect(
      md.stdout.contains(
        "| Residents without a potable water supply service (residents) | All cities | 4/5 | 311,125 | 323,250 | 1,244,500 (4) |"
      ), "\(md.stdout)")
    #expect(
      md.stdout.contains(
        "| 1 | Vesterhaven | 100 |") && md.stdout.contains("| 2 | San Aurelio | 91 |")
        && md.stdout.contains("| 3 | Teluk Sari | 74 |") && md.stdout.contains("| 4 | Nkanda | 58 |")
        && md.stdout.contains("| — | Lumbira | — |"), "\(md.stdout)")
    let ascending = Self.inside([
      "report", "cities/", "--md", "-", "--sort-by", "metric:water-resilience/piped-access-share:asc", "-q",
    ])
    #expect(ascending.status == 0, "\(ascending.stderr)")
    #expect(
      ascending.stdout.contains(
        "| 1 | [Nkanda](#city-1) |") && ascending.stdout.contains("| 2 | [Teluk Sari](#city-2) |")
        && ascending.stdout.contains("| 3 | [San Aurelio](#city-3) |")
        && ascending.stdout.contains("| 4 | [Vesterhaven](#city-4) |")
        && ascending.stdout.contains("| 5 | [Lumbira](#city-5) |"), "\(ascending.stdout.prefix(1200))")
    #expect(ascending.stdout.contains("lowest first; cities without a value come last."))
    let folder = Binary.temporaryFolder()
    defer { Binary.remove(folder) }
    let html = Self.inside([
      "report", "cities/", "--html", folder + "/cohort.html", "--metrics", "--sort-by", "metric:piped-access-share",
      "-q",
    ])
    #expect(html.status == 0, "\(html.stderr)")
    let page = try #require(Binary.read(folder + "/cohort.html"))
    #expect(page.contains("<section id=\"metrics\">"), "\(page.prefix(300))")
    #expect(page.contains("73.91"), "pooled share missing from the HTML cohort report")
    #expect(page.contains("1,244,500"), "summed residents missing from the HTML cohort report")
  }

  /// An author changes a definition (an unrated governance question now counts as 2, not 1):
  /// diff names the city whose metric moves, and by how much, unrounded in CSV.
  @Test func diffShowsAMetricThatAChangedDefinitionMoves() throws {
    let folder = Binary.temporaryFolder()
    defer { Binary.remove(folder) }
    #expect(system("cp -R '\(Self.workspace)/Rules' '\(folder)/Rules'") == 0)
    let context = folder + "/Rules/water-resilience/context.yaml"
    let text = try #require(Binary.read(context))
    #expect(text.contains("value_or(level(q), 1))\""))
    Binary.write(context, text.replacing("value_or(level(q), 1))\"", with: "value_or(level(q), 2))\""))
    let run = Self.inside([
      "diff", "--rules", "Rules", "--rules", folder + "/Rules", "cities/", "--metric", "governance-level", "--format",
      "csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("cities/lumbira.yaml,Lumbira,"), "\(run.stdout)")
    // (2 + 1 + 1) / 3 before, (2 + 1 + 2) / 3 after, with every digit as score's CSV writes them.
    #expect(
      run.stdout.contains(
        ",water-resilience/governance-level,1.3333333333333333,1.6666666666666667,0.3333333333333335\n"),
      "\(run.stdout)")
    #expect(!run.stdout.contains("cities/nkanda.yaml"), "only Lumbira left a rating unrated: \(run.stdout)")
  }

  /// `report --sort-by` orders a cohort; on one city it used to be dropped in silence.
  @Test func sortByOnOneCityIsIgnoredWithAWarning() {
    let run = Self.inside(["report", "cities/nkanda.yaml", "--md", "-", "--sort-by", "metric:piped-access-share"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Nkanda"), "\(run.stdout.prefix(300))")
    #expect(
      run.stderr.contains("warning: --sort-by orders the cities of a cohort report; a report of one city"),
      "\(run.stderr)")
    let cohort = Self.inside(["report", "cities/", "--md", "-", "--sort-by", "metric:piped-access-share", "-q"])
    #expect(!cohort.stderr.contains("--sort-by orders"), "\(cohort.stderr)")
  }

  /// `activator score .` inside the workspace: the walk scores its cities and leaves out the
  /// Surveys/ and Rules/ it is using (it read the survey and a rule file as answers and failed),
  /// with one note on stderr.
  @Test func aWalkFromInsideSkipsTheSurveysAndRulesInUse() {
    let run = Self.inside(["score", ".", "--format", "csv"])
    #expect(run.status == 0, "\(run.stderr)")
    let notes = run.stderr.split(separator: "\n").filter {
      $0.contains("the survey and rule folders in use, not answers")
    }
    #expect(
      notes == ["Rules: note: the survey and rule folders in use, not answers; skipped: Rules and Surveys"],
      "\(run.stderr)")
    #expect(!run.stderr.contains("error"), "\(run.stderr)")
    #expect(run.stdout.split(separator: "\r\n").count == 6, "five cities and the header: \(run.stdout)")
  }

  /// A report of another index is titled from its survey: nothing in it speaks of a smart city
  /// diagnosis (issue 15 item 8), in the cohort and the city report, HTML and Markdown.
  @Test func reportsAreTitledFromTheirSurvey() throws {
    let folder = Binary.temporaryFolder()
    defer { Binary.remove(folder) }
    let md = Self.inside(["report", "cities/", "--md", "-", "-q"])
    #expect(md.status == 0, "\(md.stderr)")
    #expect(md.stdout.hasPrefix("# Cohort of 5 cities\n\n*City water-resilience index* · "), "\(md.stdout.prefix(200))")
    let html = Self.inside(["report", "cities/", "--html", folder + "/cohort.html", "-q"])
    #expect(html.status == 0, "\(html.stderr)")
    let cohort = try #require(Binary.read(folder + "/cohort.html"))
    #expect(cohort.contains("<title>Cohort of 5 cities — City water-resilience index</title>"), "\(cohort.prefix(600))")
    let city = Self.inside(["report", "cities/nkanda.yaml", "--html", folder + "/nkanda.html", "-q"])
    #expect(city.status == 0, "\(city.stderr)")
    let page = try #require(Binary.read(folder + "/nkanda.html"))
    #expect(page.contains("<title>Nkanda — City water-resilience index</title>"), "\(page.prefix(600))")
    let cityMarkdown = Self.inside(["report", "cities/nkanda.yaml", "--md", "-", "-q"])
    for text in [md.stdout, cohort, page, cityMarkdown.stdout] {
      #expect(!text.lowercased().contains("smart city") && !text.lowercased().contains("smart-city"))
      #expect(!text.contains("WeGO"))
    }
  }

  /// From the repository, a folder walk of Examples/ leaves the workspace alone (its survey and
  /// rule files are not answers) and says so.
  @Test func aWalkOfTheExamplesSkipsTheWorkspace() {
    let run = Run.activator(["score", "Examples/", "--format", "csv", "-q"], cwd: Binary.root)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "Examples/indexes/water-resilience: warning: a workspace with its own Surveys/ and Rules/, not answers; skipped"
      ),
      "\(run.stderr)")
    #expect(!run.stdout.contains("indexes/"), "\(run.stdout.prefix(400))")
    #expect(run.stdout.split(separator: "\r\n").count == 15, "14 example cities and the header")
  }
}
