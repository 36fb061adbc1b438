import Testing

@testable import ActivatorCore

/// Issue 15, item 6: a stage is named by its id or its number wherever a file names one, with a
/// did-you-mean and the survey's stages when it names none.
@Suite struct StageReferenceTests {
  /// The same rules twice: stages by id, then by number.
  static func plugin(_ stage: (String) -> String) -> String {
    "plugin: staged\n" + NamedExpressionTests.header + """
      criteria:
        - {id: e, pillar: energy, stage: \(stage("medium")), title: {en: E}, when: "level(e1) >= 2", recommend: [fix]}
        - {id: w, pillar: water, stage: \(stage("medium")), title: {en: W}, when: "w4"}
        - {id: w3, pillar: water, stage: \(stage("high")), title: {en: W}, when: "w4"}
      ladders:
        - id: e-ladder
          question: e2
          at: {\(stage("high")): high, \(stage("medium")): medium}
          title: {en: "E2 at least {threshold}"}
          recommend: {\(stage("high")): [fix]}
      metrics:
        - {id: top, title: {en: Top}, expr: "met('e-ladder@high') && stage('energy') >= 'high'"}
      solutions:
        - id: fix
          name: Fix
          city: Testville
          pillars: [energy]
          problem: {en: P}
          solution: {en: S}
          stage: {min: \(stage("low")), max: \(stage("high"))}
          status: deployed
          fits: {income: [low, lower-middle, upper-middle, high], size: [small, medium, large, very-large]}
          cost: low
          cost_basis: {en: B}
          helps: [e, e-ladder]
          source: https://example.org/fix
          verified: false
          last_checked: 2026-12-01
          check_note: Invented for a test.
      """
  }

  static let levels = ["low": "1", "medium": "2", "high": "3"]

  @Test func idsAndNumbersMakeTheSameRules() throws {
    let (byID, idLog) = try NamedExpressionTests.compile([Self.plugin { $0 }])
    let (byNumber, numberLog) = try NamedExpressionTests.compile([Self.plugin { Self.levels[$0] ?? $0 }])
    #expect(NamedExpressionTests.problems(idLog).isEmpty, "\(NamedExpressionTests.problems(idLog))")
    #expect(NamedExpressionTests.problems(numberLog).isEmpty, "\(NamedExpressionTests.problems(numberLog))")
    let a = try #require(byID)
    let b = try #require(byNumber)
    #expect(
      a.criteria.map { "\($0.qualifiedID) \($0.stage) \($0.recommend)" }
        == b.criteria.map { "\($0.qualifiedID) \($0.stage) \($0.recommend)" })
    #expect(a.criteria.map(\.id).contains("e-ladder@3"))
    #expect(a.solutions.map { "\($0.stageMin)-\($0.stageMax)" } == ["1-3"])
    #expect(a.criterionIndex("e-ladder@high") == a.criterionIndex("staged/e-ladder@3"))
    let high = AnswerValue.choice(2)
    let assessment = try NamedExpressionTests.assess(a, ["e1": high, "e2": high])
    #expect(assessment.pillars[0].stage == 3)
    if case .bool(true) = assessment.metrics[0].value {
    } else {
      Issue.record("met('e-ladder@high') && stage >= 'high' gave \(assessment.metrics[0].value)")
    }
  }

  @Test func aStageThatIsNoneIsNamedWithTheStages() throws {
    let text = Self.plugin { $0 == "high" ? "hihg" : $0 }
    let (program, log) = try NamedExpressionTests.compile([text])
    #expect(program == nil)
    let found = NamedExpressionTests.problems(log)
    let stages = "(index 1.0.0 has the stages 1 low, 2 medium and 3 high)"
    #expect(
      found.contains("p0.yaml:9:36 unknown-stage: unknown stage 'hihg'; did you mean 'high'? \(stages)"), "\(found)")
    #expect(found.contains { $0.hasPrefix("p0.yaml:13:10 unknown-stage: unknown stage 'hihg'") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("p0.yaml:15:17 unknown-stage: unknown stage 'hihg'") }, "\(found)")
    // The ladder has no step at 'high' now, so the metric names a criterion that does not exist.
    #expect(
      found.contains { $0.hasPrefix("p0.yaml:17:44 unknown-criterion: unknown criterion 'e-ladder@high'") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("p0.yaml:25:28 unknown-stage: unknown stage 'hihg'") }, "\(found)")
    let (_, numberLog) = try NamedExpressionTests.compile([Self.plugin { $0 == "high" ? "4" : Self.levels[$0] ?? $0 }])
    #expect(
      NamedExpressionTests.problems(numberLog).contains { $0.contains("out-of-range: there is no stage 4 \(stages)") })
  }

  @Test func expressionsCompareOutcomeStagesWithStageIds() throws {
    let survey = try ReusableExpressionTests.survey()
    func errors(_ text: String) -> [String] {
      ExpressionCompiler.compile(
        ExpressionSource(text), in: ExpressionEnvironment(survey: survey, purpose: .outcome), expecting: .bool
      ).1
        .map { "\($0.location.column) \($0.code): \($0.message)" }
    }
    #expect(errors("stage('energy') >= 'medium' && target('water') == 'high' && 'low' < overall()").isEmpty)
    #expect(
      errors("stage('energy') >= 'meduim'").first?.hasPrefix(
        "20 unknown-stage: unknown stage 'meduim'; did you mean 'medium'?") == true)
    // Only beside an outcome stage: a text is no stage elsewhere.
    #expect(errors("level(e1) >= 'medium'").first?.contains("cannot compare") == true)
  }
}
