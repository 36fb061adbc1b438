import ActivatorCore
@testable import ActivatorReports
import Testing

/// The report's roadmap follows prerequisites: the priority pillar first, within a pillar what a
/// stage rests on before the next gate, criteria that something else waits for first, what a
/// step makes possible named at that step, and the WeGO programme that helps at each step.
@Suite struct RoadmapTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path
  }()

  /// `city`'s report: its 1.0.0 answers (Examples/legacy, scored by wego-core 1.x) when `legacy`,
  /// else its 2.0.0 ones.
  static func report(_ city: String, legacy: Bool = true, set: [String: AnswerValue] = [:]) throws -> CityReport {
    let workspace = Workspace()
    workspace.loadSurveys([root + "/Surveys"])
    workspace.loadRules([root + "/Rules"])
    let log = DiagnosticLog()
    let file = root + (legacy ? "/Examples/legacy/" : "/Examples/") + city + ".yaml"
    let (sheet, survey) = try #require(AnswersLoader.load(file, registry: workspace.registry, log: log))
    let program = try #require(workspace.program(for: survey))
    var values = sheet
    for (id, value) in set { values.values[survey.questionIndex[id] ?? 0] = value }
    return CityReport(Scorer.assess(values, with: program).in(english: ()), recommendationLimit: 10, date: "2026-12-01")
  }

  @Test func prerequisitesComeFirstAndEveryStepCanFindHelp() throws {
    let r = try Self.report("santa-lucerna")
    // Government is Santa Lucerna's priority: its steps lead, consolidation before the next gate.
    #expect(r.roadmap.prefix(3).allSatisfy { $0.pillar == "Smart Government" })
    #expect(r.roadmap[0].consolidates && r.roadmap[0].stage == 2)
    #expect(r.roadmap[1].stage == 3 && r.roadmap[2].stage == 4)
    // The single contact channel is what MyLA311 waits for: named first, and what it makes possible.
    #expect(r.roadmap[0].criteria.first?.hasPrefix("One non-emergency contact channel") == true)
    #expect(r.roadmap[0].unlocks.first?.hasPrefix("MyLA311") == true)
    #expect(r.roadmap.count { $0.unlocks.contains { $0.hasPrefix("MyLA311") } } == 1)
    // WeGO programmes: the government training at the priority pillar's first step.
    #expect(r.roadmap[0].programmes.contains("WeGO-NIA Joint Training Course"))
    #expect(r.roadmap.allSatisfy { $0.programmes.count <= 3 })
    // Every programme offered is on the roadmap once.
    let placed = r.roadmap.flatMap(\.programmes)
    #expect(Set(placed).count == placed.count)
    #expect(Set(placed) == Set(r.nextSteps.map(\.name)))
  }

  @Test func pillarsFollowTheCitysPriority() throws {
    let r = try Self.report("santa-lucerna", set: ["priority_pillar": .choice(5)])
    #expect(r.roadmap.first?.pillar == "Smart Environment")
  }

  /// On survey 2.0.0 too: the priority pillar leads, and each programme is placed once.
  @Test func theCurrentSurveysRoadmapFollowsTheSameRules() throws {
    let r = try Self.report("santa-lucerna", legacy: false)
    #expect(r.roadmap.first?.pillar == "Smart Government")
    #expect(r.roadmap.first?.unlocks.first?.hasPrefix("MyLA311") == true)
    let placed = r.roadmap.flatMap(\.programmes)
    #expect(Set(placed).count == placed.count)
    #expect(Set(placed) == Set(r.nextSteps.map(\.name)))
    let moved = try Self.report("santa-lucerna", legacy: false, set: ["priority_pillar": .choice(5)])
    #expect(moved.roadmap.first?.pillar == "Smart Environment")
  }
}

extension Assessment {
  /// The assessment in English, whatever the answers file's language.
  func `in`(english: Void) -> Assessment {
    var sheet = self.sheet
    sheet.language = "en"
    return Scorer.assess(sheet, with: program)
  }
}
