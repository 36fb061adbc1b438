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
  /// listed again in the pillar's table.
  @Test(arguments: cities.filter { $0.language == "en" })
  func nothingIsListedTwiceInAPillar(_ city: VisibleIDTests.City) throws {
    let report = CityReport(try VisibleIDTests.assessment(city), date: "2026-12-01")
    for pillar in report.pillars {
      let next = Set(pillar.next?.candidates.map(\.id) ?? [])
      let table = CityReport.tableRows(pillar).map(\.id)
      #expect(next.isDisjoint(with: table), "\(pillar.id)")
      #expect(table.count == Set(table).count)
      let ladders = CityReport.collapsed(pillar.strengths).compactMap {
        $0.id.split(separator: "@").count == 2 ? $0.id.split(separator: "@")[0] : nil
      }
      #expect(ladders.count == Set(ladders).count, "\(pillar.id): a ladder's met steps are one line")
    }
  }
}
