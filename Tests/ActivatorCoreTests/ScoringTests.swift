import ActivatorCore
import ActivatorReports
import Testing

/// The stage model, recommendations and next steps on a small survey and plugin whose results
/// can be worked out by hand.
@Suite struct ScoringTests {
  static let plugin = """
    plugin: tiny-rules
    version: 1.0.0
    name: {en: Tiny rules, es: Reglas}
    languages: [en, es]
    applies_to: [{survey: tiny, versions: "1.x"}]
    criteria:
      - {id: portal, pillar: alpha, stage: 2, title: {en: Portal, es: Portal}, when: "portal", recommend: [open-portal]}
      - {id: datasets, pillar: alpha, stage: 2, title: {en: Ten, es: Diez}, when: "portal && datasets >= 10", recommend: [data-hub]}
      - {id: strategy, pillar: alpha, stage: 3, weight: 2, title: {en: Strategy, es: Estrategia}, when: "level(strategy) >= 3"}
      - {id: many, pillar: alpha, stage: 3, title: {en: Many, es: Muchos}, when: "portal && datasets >= 100", recommend: [data-hub]}
      - {id: channels, pillar: beta, stage: 2, title: {en: Channels, es: Canales}, when: "size(channels) >= 2"}
      - {id: fast, pillar: beta, stage: 3, title: {en: Fast, es: Rápido}, when: "response_days <= 5"}
    ladders:
      - {id: online, question: online, pillar: beta, at: {2: 20, 3: 60}, title: {en: "{threshold}% online", es: "{threshold}% en línea"}, recommend: [data-hub]}
    metrics:
      - {id: online-share, title: {en: Online, es: En línea}, expr: "value_or(online, 0.0)"}
      - {id: alpha-stage, title: {en: Alpha, es: Alfa}, expr: "stage('alpha')"}
    next_steps:
      - {programme: training, when: "stage('beta') <= 1", because: {en: Low beta, es: Beta baja}}
    solutions:
      - id: open-portal
        name: Portal
        city: Seoul
        pillars: [alpha]
        problem: {en: P, es: P}
        solution: {en: S, es: S}
        stage: {min: 1, max: 2}
        status: deployed
        fits: {income: [low, lower-middle, upper-middle, high], size: [small, medium, large, very-large]}
        cost: low
        cost_basis: {en: C, es: C}
        helps: [portal]
        source: "https://example.org/a"
        verified: true
        last_checked: 2026-12-01
      - id: data-hub
        name: Hub
        city: Madrid
        pillars: [alpha, beta]
        problem: {en: P, es: P}
        solution: {en: S, es: S}
        stage: {min: 2, max: 3}
        status: deployed
        fits: {income: [low, lower-middle, upper-middle, high], size: [small, medium, large, very-large]}
        cost: medium
        cost_basis: {en: C, es: C}
        helps: [datasets, many, online]
        source: "https://example.org/b"
        verified: false
        last_checked: 2026-12-01
        check_note: "Not checked."
    programmes:
      - id: training
        name: Training
        step: activator
        description: {en: D, es: D}
        stage: {min: 1, max: 3}
        eligibility: {en: E, es: E}
        fits: {income: [low, lower-middle, upper-middle, high]}
        status: running
        source: "https://example.org/c"
        verified: true
        last_checked: 2026-12-01
    """

  let program: Program

  init() throws {
    let survey = try TinySurvey.load()
    // Each test builds its own instance, in parallel: one shared file would be unlinked by one
    // test while another reads it.
    let path = "/tmp/activator-scoring-\(getpid())-\(UInt64.random(in: 0...UInt64.max))-tiny.yaml"
    try FileReading.writeAtomically(path, Self.plugin)
    defer { unlink(path) }
    let log = DiagnosticLog()
    let plugins = PluginLoader.loadAll(path, log: log)
    #expect(!log.hasErrors, "\(log.sorted.map(\.message))")
    program = try #require(ProgramCompiler.compile(survey: survey, plugins: plugins, log: log))
  }

  func assess(_ answers: [String: AnswerValue], targets: [Int: Int] = [:]) -> Assessment {
    var values = [AnswerValue?](repeating: nil, count: program.survey.questions.count)
    for (id, value) in answers { values[program.survey.questionIndex[id]!] = value }
    let sheet = AnswerSheet(
      surveyID: "tiny", surveyVersion: program.survey.version, language: "en", city: City(name: "X"), values: values,
      targets: targets, path: "x.yaml")
    return Scorer.assess(sheet, with: program)
  }

  func outcome(_ a: Assessment, _ id: String) -> Outcome { a.outcomes[program.criterionIndex(id)!] }

  /// The survey block names the survey's version and the version the file answered: the text
  /// kept for the survey's own version (`JSONTexts`) never stands in for another answered one.
  @Test func resultsNameTheAnsweredVersion() {
    let version = program.survey.version.description
    for (answered, text) in [
      (program.survey.version, version), (SemanticVersion(0, 9, 1, prerelease: ["rc", "2"]), "0.9.1-rc.2"),
    ] {
      let sheet = AnswerSheet(
        surveyID: "tiny", surveyVersion: answered, language: "en", city: City(name: "X"),
        values: [AnswerValue?](repeating: nil, count: program.survey.questions.count), path: "x.yaml")
      let json = AssessmentJSON.render(Scorer.assess(sheet, with: program), options: .compact)
      #expect(json.contains("\"version\":\"\(version)\",\"answered_version\":\"\(text)\""), "\(json.prefix(400))")
    }
  }

  @Test func cumulativeGateWithWeightsAndScore() {
    let a = assess([
      "portal": .bool(true), "datasets": .integer(50), "strategy": .choice(2), "online": .decimal(70),
      "channels": .choices([0, 1]), "response_days": .decimal(9),
    ])
    // alpha: stage 2 met 2/2; stage 3 met weight 2 of 3 (67% < 75%) → stage 2, score 2 + 0.667/0.75.
    #expect(a.pillars[0].stage == 2)
    #expect(a.pillars[0].score == 2.89)
    #expect(a.pillars[0].next?.neededCount == 1)
    #expect(a.pillars[0].next?.candidates == [program.criterionIndex("many")!])
    // beta: stage 2 met 2/2; stage 3: online@3 met, fast unmet → 50% → stage 2.
    #expect(a.pillars[1].stage == 2)
    #expect(a.overall == 2)
    #expect(a.pillars[0].coverage == 1)
  }

  @Test func unknownAnswersAreNotNoAndLowerCoverage() {
    let a = assess(["portal": .bool(true), "datasets": .integer(150), "strategy": .missing(.dontKnow)])
    #expect(outcome(a, "strategy") == .unknown)
    #expect(a.pillars[0].stage == 2)
    #expect(a.pillars[0].potential == 3)
    #expect(a.pillars[0].coverage == 0.6)
    #expect(a.pillars[0].confidence == .low)
  }

  @Test func notApplicableLeavesTheGate() {
    let a = assess(["online": .missing(.notApplicable), "channels": .choices([0, 2]), "response_days": .decimal(3)])
    #expect(outcome(a, "online@2") == .notApplicable)
    #expect(a.pillars[1].evidence[0].applicable == 1)
    #expect(a.pillars[1].stage == 3)
  }

  @Test func skippedFollowUpCountsAsNotMet() {
    let a = assess(["portal": .bool(false), "datasets": .integer(500)])
    #expect(a.relevant[1] == false)
    #expect(outcome(a, "datasets") == .unmet)
    #expect(a.issues.contains { $0.kind == .answeredButSkipped && $0.slot == 1 })
  }

  @Test func recommendationsMergeReasonsAndPreferSolutionsClosingMoreGaps() {
    let a = assess([
      "portal": .bool(false), "online": .decimal(10), "channels": .choices([0, 1]), "response_days": .decimal(1),
    ])
    let ids = a.recommendations.map { program.solutions[$0.solution].id }
    // Both close a next-stage gap in the weakest pillar (alpha); the hub closes three gaps.
    #expect(ids == ["data-hub", "open-portal"])
    #expect(a.recommendations[0].pillar == 0)
    let hub = a.recommendations[0]
    #expect(hub.reasons.count == 4)
    #expect(Set(hub.reasons.map { program.criteria[$0.criterion].id }) == ["datasets", "many", "online@2", "online@3"])
  }

  /// `Survey` shares its fields between copies (one box); a change to a copy must not show in
  /// the original, nor in the program that scored with it.
  @Test func aSurveyCopyIsStillAValue() {
    let original = program.survey
    var copy = original
    copy.title = LocalizedText([("en", "Changed")])
    copy.questions[0].id = "renamed"
    copy.policy.coverageFloor = 0.99
    #expect(copy.title.text("en") == "Changed")
    #expect(copy.questions[0].id == "renamed")
    #expect(original.title.text("en") == "Tiny")
    #expect(original.questions[0].id != "renamed")
    #expect(program.survey.questions[0].id == original.questions[0].id)
    #expect(program.survey.policy.coverageFloor == original.policy.coverageFloor)
    #expect(original.policy.coverageFloor != 0.99)
  }

  /// The texts JSON results repeat are the program's own, in the language asked for, escaped
  /// once per language and kept.
  @Test func jsonTextsArePerLanguageAndKept() {
    let english = program.jsonTexts("en")
    #expect(program.jsonTexts("en") === english)
    let spanish = program.jsonTexts("es")
    func text(_ write: (JSONWriter) -> Void) -> String {
      let writer = JSONWriter()
      write(writer)
      return writer.finish()
    }
    #expect(text { $0.string(english.pillarIDs, 0) } == "\"\(program.survey.pillars[0].id)\"")
    #expect(text { $0.string(english.criterionIDs, 1) } == "\"\(program.criteria[1].qualifiedID)\"")
    #expect(english.criterionIDs.count == program.criteria.count)
    #expect(text { english.stageName(2, into: $0) } == "\"\(program.survey.stageName(2, "en"))\"")
    #expect(text { spanish.stageName(2, into: $0) } == "\"\(program.survey.stageName(2, "es"))\"")
    #expect(text { spanish.stageName(2, into: $0) } != text { english.stageName(2, into: $0) })
    #expect(text { english.stageName(99, into: $0) } == "\"99\"")
  }

  @Test func metricsAndNextStepsReadTheOutcomes() throws {
    let a = assess(["online": .decimal(12.5)])
    guard case .double(let share) = a.metrics[0].value, case .int(let stage) = a.metrics[1].value else {
      Issue.record("unexpected metric values \(a.metrics)")
      return
    }
    #expect(share == 12.5)
    #expect(stage == 1)
    #expect(a.nextSteps.map { program.programmes[$0.programme].id } == ["training"])
  }

  @Test func metricValuesAndAnswersKeepEveryDigitInJSON() {
    let json = AssessmentJSON.render(assess(["online": .decimal(1e-7)]), options: .init(criteria: true, pretty: false))
    #expect(json.contains("{\"id\":\"tiny-rules/online-share\",\"title\":\"Online\",\"value\":1e-07,"), "\(json)")
    #expect(json.contains("{\"question\":\"online\",\"answer\":1e-07,"))
    for (value, text) in [
      (1e17, "1e+17"), (0.1 + 0.2, "0.30000000000000004"), (2.0 / 3.0, "0.6666666666666666"), (-0.0, "-0"),
      (42.0, "42"),
    ] {
      let writer = JSONWriter()
      ValueText.json(.double(value), survey: program.survey, into: writer)
      #expect(writer.finish() == text)
      #expect(Double(text) == value)
    }
    // Beyond whole numbers the digits are the standard library's shortest round-trip ones.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<2_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Double(bitPattern: state)
      guard value.isFinite, value != value.rounded(.towardZero) || abs(value) >= 1e15 else { continue }
      #expect(JSONWriter.format(value) == value.description)
      #expect(Double(JSONWriter.format(value))?.bitPattern == value.bitPattern)
    }
  }

  /// A target above a pillar's stage is kept on the pillar and ranks that pillar's
  /// recommendations up by the target factor; one already reached, or none, adds nothing.
  @Test func targetsAreKeptAndRankTheirPillarsRecommendationsUp() throws {
    let answers: [String: AnswerValue] = ["portal": .bool(false), "online": .decimal(10)]
    func targetPoints(_ a: Assessment) -> [Int] {
      a.recommendations.map { $0.factors.filter { $0.kind == .target }.reduce(0) { $0 + $1.points } }
    }
    let plain = assess(answers)
    #expect(plain.pillars.allSatisfy { $0.target == nil })
    #expect(targetPoints(plain).allSatisfy { $0 == 0 })
    let aiming = assess(answers, targets: [0: 3])
    #expect(aiming.pillars[0].target == 3)
    #expect(aiming.pillars[1].target == nil)
    let stage = aiming.pillars[0].stage
    try #require(stage < 3 && !aiming.recommendations.isEmpty)
    for (index, recommendation) in aiming.recommendations.enumerated() {
      let expected = recommendation.pillar == 0 ? Recommender.Points.targetStage * (3 - stage) : 0
      #expect(targetPoints(aiming)[index] == expected)
      let before = try #require(plain.recommendations.first { $0.solution == recommendation.solution })
      #expect(recommendation.score == before.score + expected)
    }
    let reached = assess(answers, targets: [0: stage])
    #expect(targetPoints(reached).allSatisfy { $0 == 0 })
  }

}
