import ActivatorCore
import Testing

@testable import ActivatorReports

/// The report's roadmap follows prerequisites: the priority pillar first, within a pillar what a
/// stage rests on before the next gate, criteria that something else waits for first, what a
/// step makes possible named at that step, and the WeGO programme that helps at each step.
///
/// On the city-context fixture (a survey and rules made for tests, Tests/Fixtures/city-context),
/// so that an author editing the shipped rules does not move these tests; what the shipped rules
/// give a city is for their own fixtures (Rules/wego-core/tests).
@Suite struct RoadmapTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return path
  }()
  static let fixture = root + "/Tests/Fixtures/city-context"

  /// Testville's report (government at stage 1 for want of a single contact channel, mobility at
  /// stage 2), with answers changed by `set`.
  static func report(set: [String: AnswerValue] = [:], language: String = "en") throws -> CityReport {
    let workspace = Workspace()
    workspace.loadSurveys([fixture + "/survey.yaml"])
    workspace.loadRules([fixture + "/rules"])
    let log = DiagnosticLog()
    let (sheet, survey) = try #require(
      AnswersLoader.load(fixture + "/testville.yaml", registry: workspace.registry, log: log))
    let program = try #require(workspace.program(for: survey))
    var values = sheet
    values.language = language
    for (id, value) in set { values.values[survey.questionIndex[id] ?? 0] = value }
    return CityReport(Scorer.assess(values, with: program), recommendationLimit: 10, date: "2026-12-01")
  }

  @Test func prerequisitesComeFirstAndEveryStepCanFindHelp() throws {
    let r = try Self.report()
    // Government is Testville's priority: its steps lead, from the stage it has not reached.
    #expect(r.roadmap.first?.pillar == "Smart Government")
    #expect(r.roadmap.first?.stage == 2 && r.roadmap.first?.consolidates == false)
    #expect(
      r.roadmap.map(\.pillar) == ["Smart Government", "Smart Mobility"], "\(r.roadmap.map { ($0.pillar, $0.stage) })")
    // The single contact channel is what the service app waits for: named first, with what it
    // makes possible and what that needs, once on the whole roadmap.
    #expect(r.roadmap[0].criteria.first == "One non-emergency contact channel")
    #expect(
      r.roadmap[0].unlocks == ["Service request app (needs: A single contact channel to build on)"],
      "\(r.roadmap[0].unlocks)")
    #expect(r.roadmap.count { $0.unlocks.contains { $0.hasPrefix("Service request app") } } == 1)
    // The WeGO programme for a city held back by funding comes at the priority pillar's first step.
    #expect(r.roadmap[0].programmes.contains("Feasibility study"), "\(r.roadmap.map(\.programmes))")
    #expect(r.roadmap.allSatisfy { $0.programmes.count <= 3 })
    // Every programme offered is on the roadmap once.
    let placed = r.roadmap.flatMap(\.programmes)
    #expect(!placed.isEmpty)
    #expect(Set(placed).count == placed.count)
    #expect(Set(placed) == Set(r.nextSteps.map(\.name)))
  }

  @Test func pillarsFollowTheCitysPriority() throws {
    let r = try Self.report(set: ["priority_pillar": .choice(1)])
    #expect(r.roadmap.first?.pillar == "Smart Mobility")
    // Once the channel exists nothing waits for it, and government has no stage-2 step left.
    let served = try Self.report(set: ["gov_single_contact": .bool(true)])
    #expect(!served.roadmap.contains { $0.pillar == "Smart Government" && $0.stage == 2 })
    #expect(!served.roadmap.contains { $0.unlocks.contains { $0.hasPrefix("Service request app") } })
  }

  /// In the report's language: the steps' words come from the rules' Spanish.
  @Test func theRoadmapSpeaksTheReportsLanguage() throws {
    let r = try Self.report(language: "es")
    #expect(r.roadmap.first?.pillar == "Gobierno inteligente")
    #expect(r.roadmap[0].criteria.first == "Un canal único de contacto no urgente")
    #expect(r.roadmap[0].unlocks.first?.hasPrefix("Aplicación de solicitudes") == true)
  }
}
