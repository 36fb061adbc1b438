import ActivatorCore
import Testing

@testable import ActivatorReports

/// The one-page summary a mayor forwards, first in every city and progress report and also
/// alone (`report --summary`), and the sections of the appendix after it, in order and once each.
@Suite struct SummaryTests {
  static func report(_ city: VisibleIDTests.City) throws -> CityReport {
    CityReport(try VisibleIDTests.assessment(city), date: "2026-12-01")
  }

  static let kestrelBay = VisibleIDTests.City(file: RoadmapTests.root + "/Examples/kestrel-bay.yaml", language: "en")

  /// The headings of a page, in order.
  static func headings(_ html: String, _ level: String) -> [String] {
    html.ranges(of: "<\(level)").compactMap { range in
      guard let start = html[range.upperBound...].firstIndex(of: ">"),
        let end = html[start...].firstRange(of: "</\(level)>")
      else { return nil }
      let text = VisibleText.html(String(html[html.index(after: start)..<end.lowerBound]))
      return text.split(separator: " ").joined(separator: " ")
    }
  }

  @Test(arguments: VisibleIDTests.cities)
  func everyCitySummaryHoldsWhatTheCouncilReads(_ city: VisibleIDTests.City) throws {
    let r = try Self.report(city)
    let t = Localizer(city.language)
    let summary = HTMLReport.city(r, summaryOnly: true)
    let text = VisibleText.html(summary)
    #expect(text.contains(r.city) && text.contains(r.dated))
    #expect(summary.contains("<svg"), "the radar")
    for pillar in r.pillars { #expect(text.contains(pillar.name)) }
    #expect(r.summarySteps.count == min(3, r.recommendations.count + r.nextSteps.count))
    for step in r.summarySteps { #expect(text.contains(step.title) && text.contains(step.why)) }
    if let strongest = r.strongest { #expect(text.contains(strongest)) }
    // Alone, the summary is only the first page; in the full report it comes first.
    #expect(!summary.contains("id=\"pillar-") && !summary.contains("href=\"#"), "no section, so no link to one")
    let full = HTMLReport.city(r)
    let summaryStart = try #require(full.firstRange(of: "class=\"one-page\""))
    let firstPillar = try #require(full.firstRange(of: "id=\"pillar-"))
    #expect(summaryStart.lowerBound < firstPillar.lowerBound)
    let markdown = MarkdownReport.city(r, summaryOnly: true)
    #expect(
      markdown.contains(t(.reportSummaryNextSteps)) && !markdown.contains("\n## " + (r.pillars.first?.name ?? "")))
  }

  /// The full report's sections: the summary's, then one per pillar, then each part of the
  /// appendix once. A section added or repeated shows here (and in the printed page count of
  /// the report benchmark).
  @Test func theAppendixHasOneSectionPerPillarAndEachPartOnce() throws {
    let r = try Self.report(Self.kestrelBay)
    let t = Localizer("en")
    let html = HTMLReport.city(r)
    var expected = [t(.reportSummaryNextSteps)]
    expected += r.pillars.map { "\($0.name) \($0.stage) \($0.stageName)" }
    expected += [
      t(.reportRecommendedSolutions), t(.reportRoadmap), t(.reportNextStepsWithWego), t(.reportMetrics),
      t(.reportAboutAnswers), t(.reportFiguresTitle), t(.reportSources),
    ]
    #expect(Self.headings(html, "h2") == expected)
    #expect(Self.headings(html, "h1") == [r.city])
  }

  @Test func theProgressReportOpensWithWhatMovedAndWhatToDoNext() throws {
    let before = try VisibleIDTests.assessment(
      .init(file: RoadmapTests.root + "/Examples/umbra-falls.yaml", language: "en"))
    let after = try VisibleIDTests.assessment(Self.kestrelBay)
    let r = ProgressReport(before: before, after: after, language: "en", date: "2026-12-01")
    let t = Localizer("en")
    let summary = HTMLReport.progress(r, summaryOnly: true)
    #expect(Self.headings(summary, "h2") == [t(.progressWhatMoved), t(.progressWhatNext)])
    #expect(!r.moved.isEmpty && r.moved.allSatisfy { summary.contains(Markup.escape($0)) })
    #expect(r.nextSteps.count == 3)
    let markdown = MarkdownReport.progress(r, summaryOnly: true)
    #expect(markdown.contains("## " + t(.progressWhatNext)) && !markdown.contains(t(.cohortRecommendationsDone)))
  }
}
