import ActivatorCore
import Testing

@testable import ActivatorReports

/// The city report's shape, so that it does not grow unnoticed (issue 16): every section once,
/// one per pillar, and every web source listed once at the end, cited by number where used.
/// Every example city, in each language.
@Suite struct ReportStructureTests {
  static let cities = VisibleIDTests.cities

  @Test(arguments: cities)
  func everySectionAndSourceAppearsOnce(_ city: VisibleIDTests.City) throws {
    let a = try VisibleIDTests.assessment(city)
    let report = CityReport(a, date: "2026-12-01")
    let html = HTMLReport.city(report)
    let ids = html.matches(of: /\sid="([^"]*)"/).map { String($0.output.1) }
    #expect(ids.count == Set(ids).count, "an id appears twice: \(ids.filter { id in ids.count { $0 == id } > 1 })")
    let pillarSections = ids.filter { $0.hasPrefix("pillar-") }
    #expect(pillarSections == a.survey.pillars.map { "pillar-" + $0.id }, "one section per pillar, in order")
    // Headings of the whole report: none said twice (a pillar's own h3s repeat by design).
    let headings = html.matches(of: /<h2[^>]*>(.*?)<\/h2>/).map { String($0.output.1) }
    #expect(headings.count == Set(headings).count, "\(headings)")

    // Sources: each address once, in the list at the end, and every citation points into it.
    #expect(report.sources.count == Set(report.sources).count)
    let listed = html.matches(of: /<a href="([^"]*)" class="source"/).map { String($0.output.1) }
    #expect(listed == report.sources.map(Markup.escape), "a source's full address is shown once, in the list")
    let cited = Set(html.matches(of: /href="#source-(\d+)"/).compactMap { Int($0.output.1) })
    #expect(cited == Set(report.sources.indices.map { $0 + 1 }), "every listed source is cited, every citation listed")
    let items = report.recommendations.compactMap(\.source) + report.nextSteps.compactMap(\.source)
    #expect(Set(items) == Set(report.sources))

    // Markdown: the same sections once, the same sources once.
    let markdown = MarkdownReport.city(report)
    let titles = markdown.matches(of: /\n## (.*)\n/).map { String($0.output.1) }
    #expect(titles.count == Set(titles).count, "\(titles)")
    for source in report.sources {
      #expect(markdown.ranges(of: "(<" + source + ">)").count <= 1, "\(source) linked more than once")
    }
  }

  /// A met ladder is listed by its highest step alone; criteria under the next stage are not
  /// listed again below it.
  @Test(arguments: cities.filter { $0.language == "en" })
  func nothingIsListedTwiceInAPillar(_ city: VisibleIDTests.City) throws {
    let report = CityReport(try VisibleIDTests.assessment(city), date: "2026-12-01")
    for pillar in report.pillars {
      let next = Set(pillar.next?.candidates.map(\.id) ?? [])
      let unknowns = CityReport.otherUnknowns(pillar).map(\.id)
      #expect(next.isDisjoint(with: unknowns), "\(pillar.id)")
      let gaps = CityReport.otherGaps(pillar).map(\.id)
      #expect(next.isDisjoint(with: gaps), "\(pillar.id)")
      let reached = CityReport.reachedGaps(pillar).map(\.line.id)
      #expect(Set(reached).isDisjoint(with: gaps) && next.isDisjoint(with: reached), "\(pillar.id)")
      // Every gap is said exactly once: under the next stage, as a reached stage's gap, or beyond.
      #expect(
        gaps.count + reached.count + next.count { id in pillar.gaps.contains { $0.id == id } } == pillar.gaps.count,
        "\(pillar.id)")
      #expect(next.isDisjoint(with: CityReport.otherStrengths(pillar).map(\.id)), "\(pillar.id)")
      let ladders = CityReport.collapsed(pillar.strengths).compactMap {
        $0.id.split(separator: "@").count == 2 ? $0.id.split(separator: "@")[0] : nil
      }
      #expect(ladders.count == Set(ladders).count, "\(pillar.id): a ladder's met steps are one line")
    }
  }

  /// The length a pillar may take (issue 16: the full report printed to 25–49 A4 pages while
  /// every gap of every stage had a row with its explanation and answers): the rule author's
  /// explanations only under the next stage and for the gaps of the stages already reached, each
  /// text once; the gaps beyond the next stage, the unknown and the inapplicable criteria one
  /// paragraph each, by what they are about.
  @Test(arguments: cities)
  func aPillarExplainsOnlyItsNextStageAndReachedGapsOnce(_ city: VisibleIDTests.City) throws {
    let report = CityReport(try VisibleIDTests.assessment(city), date: "2026-12-01")
    let html = HTMLReport.city(report)
    for pillar in report.pillars {
      let section = try #require(Self.section(html, "pillar-" + pillar.id))
      let explained =
        (pillar.next.map { CityReport.nextStageRows($0).compactMap(\.explanation) } ?? [])
        + CityReport.reachedGaps(pillar).compactMap(\.explanation)
      #expect(explained.count == Set(explained).count, "\(pillar.id): an explanation given twice")
      let findings = Set((pillar.gaps + pillar.unknowns + pillar.notApplicable).compactMap(\.finding)).map(
        Markup.escape)
      for finding in findings {
        let times = section.ranges(of: finding).count
        #expect(times <= 1, "\(pillar.id): an explanation printed \(times) times")
        #expect(
          times == 0 || explained.map(Markup.escape).contains(finding),
          "\(pillar.id): explained outside the next stage and the reached stages' gaps")
      }
      let rows = section.ranges(of: "<tr>").count
      // The stage gates and the next stage's criteria are the only tables: the rest are paragraphs
      // and one line per gap of a reached stage.
      let bound = 2 + pillar.evidence.count + (pillar.next?.candidates.count ?? 0)
      #expect(rows <= bound, "\(pillar.id): \(rows) table rows, at most \(bound)")
      #expect(section.ranges(of: "class=\"detail\"").count <= explained.count, "\(pillar.id)")
      let lines = section.ranges(of: "<li>").count
      #expect(
        lines <= CityReport.reachedGaps(pillar).count + pillar.findings.count,
        "\(pillar.id): \(lines) list items, one per reached stage's gap and per finding")
    }
  }

  /// A gap of a stage already reached is told with its explanation (the shortened report lost
  /// them once, and a city was not told what its reached stage still lacks).
  @Test(arguments: cities)
  func reachedStagesGapsAreExplained(_ city: VisibleIDTests.City) throws {
    let report = CityReport(try VisibleIDTests.assessment(city), date: "2026-12-01")
    let html = HTMLReport.city(report)
    let markdown = MarkdownReport.city(report)
    for pillar in report.pillars where pillar.assessed {
      let section = try #require(Self.section(html, "pillar-" + pillar.id))
      for gap in pillar.gaps where gap.stage <= pillar.stage {
        #expect(section.contains(Markup.escape(gap.title)), "\(pillar.id): \(gap.id) not told")
        if let finding = gap.finding {
          #expect(section.contains(Markup.escape(finding)), "\(pillar.id): \(gap.id) without its explanation")
          #expect(markdown.contains(MarkdownReport.e(finding)), "\(pillar.id): \(gap.id) not explained in Markdown")
        }
      }
    }
  }

  /// The annex of figures: one entry per figure by its short label, never the full question (the
  /// annex took six of Santa Lucerna's 25 pages with it), the parts' labels said once.
  @Test(arguments: cities.filter { $0.language == "en" })
  func theFiguresAnnexIsDense(_ city: VisibleIDTests.City) throws {
    let a = try VisibleIDTests.assessment(city)
    let report = CityReport(a, date: "2026-12-01")
    let html = HTMLReport.city(report)
    let annex = try #require(Self.section(html, "figures"))
    #expect(annex.ranges(of: "<dt>").count == report.figures.count)
    let t = Localizer(a.language)
    for slot in a.survey.questions.indices where t.question(slot, a) != a.survey.questions[slot].text.text(a.language) {
      #expect(!annex.contains(Markup.escape(a.survey.questions[slot].text.text(a.language)) + " → "))
    }
    #expect(!annex.contains("Definition:") && !annex.contains("Indicator:"), "a label repeated on every figure")
  }

  /// The HTML of the section with this id, up to its end.
  static func section(_ html: String, _ id: String) -> Substring? {
    guard let start = html.firstRange(of: "id=\"\(id)\""),
      let end = html[start.upperBound...].firstRange(of: "</section>")
    else { return nil }
    return html[start.lowerBound..<end.lowerBound]
  }
}
