import ActivatorCore
import ActivatorYAML
import Testing

/// What issue 13 asks of the engine, on a small survey with 2.0.0's policy
/// (Tests/Fixtures/surveys/civic.yaml): questions that do not apply, the coverage floor and what
/// the overall stage rests on, rates computed from raw counts, the survey's demands on criteria
/// and questions, choices limited to what was ticked, the source and year of figures, and
/// migration from an older survey version.
@Suite struct ValidityTests {
  static let plugin = """
    plugin: civic-rules
    version: 1.0.0
    name: {en: Civic rules, es: Reglas cívicas}
    languages: [en, es]
    applies_to: [{survey: civic, versions: "2.x"}]
    criteria:
      - {id: plan, pillar: water, stage: 2, kind: capability, basis: "A plan is the first step.", title: {en: Plan, es: Plan}, when: "water_plan"}
      - {id: meters, pillar: water, stage: 2, kind: capability, basis: "Stated reason.", title: {en: Meters, es: Medidores}, when: "water_meters >= 10.0"}
      - {id: low-leaks, pillar: water, stage: 3, kind: outcome, basis: "Stated reason.", title: {en: Leaks, es: Fugas}, when: "leaks <= 20.0"}
      - {id: portal, pillar: data, stage: 2, kind: capability, basis: "Stated reason.", title: {en: Portal, es: Portal}, when: "portal"}
      - {id: datasets, pillar: data, stage: 2, kind: capability, basis: "Stated reason.", title: {en: Data, es: Datos}, when: "datasets >= 10"}
    ladders:
      - id: station-density
        value: "stations * 100.0 / area_km2"
        unit: {en: "stations per 100 km²", es: "estaciones por cada 100 km²"}
        pillar: water
        kind: capability
        basis: "Stated reason."
        at: {3: 2}
        title: {en: "At least {threshold} stations per 100 km²", es: "Al menos {threshold} estaciones por cada 100 km²"}
    metrics:
      - {id: water-assessed, title: {en: Assessed, es: Evaluado}, expr: "assessed('water')"}
      - {id: water-stage, title: {en: Stage, es: Etapa}, expr: "stage('water')"}
      - {id: leak-share, title: {en: Leaks, es: Fugas}, expr: "leaks", kind: outcome, pillar: water}
    """

  static func survey(_ edit: (String) -> String = { $0 }) throws -> (Survey?, DiagnosticLog) {
    let text = edit(
      String(
        decoding: try FileReading.read(Paths.at("Tests/Fixtures/surveys/civic.yaml"), maxBytes: 1 << 20), as: UTF8.self)
    )
    let (file, root) = try node(text, path: "civic.yaml")
    let log = DiagnosticLog()
    return (SurveyLoader.load(file, root, log: log), log)
  }

  /// Compiles the plugin (edited) against the survey; the program and what was said.
  static func compile(_ edit: (String) -> String = { $0 }, survey: Survey) throws -> (Program?, DiagnosticLog) {
    let (file, root) = try node(edit(plugin), path: "civic-rules.yaml")
    let log = DiagnosticLog()
    let plugin = try #require(PluginLoader.loadSingleFile(file, root, log: log), "\(log.sorted.map(\.message))")
    return (ProgramCompiler.compile(survey: survey, plugins: [plugin], log: log), log)
  }

  let program: Program

  init() throws {
    let (survey, log) = try Self.survey()
    #expect(log.diagnostics.isEmpty, "\(log.sorted.map(\.message))")
    let (program, compileLog) = try Self.compile(survey: try #require(survey))
    #expect(!compileLog.hasErrors, "\(compileLog.sorted.map(\.message))")
    self.program = try #require(program)
  }

  func sheet(_ answers: [String: AnswerValue], completed: String? = "2026-05-01") -> AnswerSheet {
    var values = [AnswerValue?](repeating: nil, count: program.survey.questions.count)
    for (id, value) in answers {
      if let slot = program.survey.questionIndex[id] { values[slot] = value } else { Issue.record("no question \(id)") }
    }
    return AnswerSheet(
      surveyID: "civic", surveyVersion: program.survey.version, language: "en", city: City(name: "X"),
      completed: completed,
      values: values, path: "x.yaml")
  }

  /// Whether a value is unknown for exactly this reason.
  func unknown(_ value: Value, _ why: Unknowns) -> Bool {
    if case .unknown(let reason) = value { return reason == why }
    return false
  }

  func slot(_ id: String) -> Int { program.survey.questionIndex[id] ?? -1 }
  func criterion(_ id: String) -> Int { program.criterionIndex(id) ?? -1 }

  /// Everything known about both pillars, water run by the city.
  var full: [String: AnswerValue] {
    [
      "population": .integer(200_000), "area_km2": .decimal(50), "data_year": .integer(2025), "services": .choices([0]),
      "water_plan": .bool(true), "water_meters": .decimal(30), "leaks": .decimal(15), "stations": .integer(2),
      "portal": .bool(true), "datasets": .integer(40),
    ]
  }

  // MARK: - Questions that do not apply

  @Test func aQuestionAboutAServiceTheCityDoesNotRunIsNotApplicableNeverNo() {
    var answers = full
    answers["services"] = .choices([1])  // waste only
    let a = Scorer.assess(sheet(answers), with: program)
    // Not asked, read as not applicable, and its follow-up too: nothing was ever "no".
    #expect(a.relevant[slot("water_plan")] == false && a.relevant[slot("water_meters")] == false)
    #expect(unknown(a.values[slot("water_plan")], .notApplicable))
    #expect(unknown(a.values[slot("water_meters")], .notApplicable))
    #expect(a.outcomes[criterion("plan")] == .notApplicable && a.outcomes[criterion("meters")] == .notApplicable)
    // The answers given anyway are not used, and the file is told so.
    let ignored = a.issues.filter { $0.kind == .answeredButNotApplicable }.map(\.slot)
    #expect(ignored == [slot("water_plan"), slot("water_meters"), slot("leaks")])
  }

  @Test func aQuestionIsAskedWhenWhetherItAppliesIsUnknown() {
    var answers = full
    answers["services"] = nil
    let (_, relevant, _, _) = Scorer.prepare(sheet(answers), survey: program.survey)
    #expect(relevant[slot("water_plan")] && relevant[slot("leaks")])
  }

  @Test func aFollowUpOfANotApplicableAnswerIsNotApplicable() {
    var answers = full
    answers["water_plan"] = .missing(.notApplicable)
    answers["water_meters"] = nil
    let a = Scorer.assess(sheet(answers), with: program)
    #expect(unknown(a.values[slot("water_meters")], .notApplicable))
    #expect(a.outcomes[criterion("meters")] == .notApplicable)
    // A "no" still hides its follow-up, which then counts as not met.
    answers["water_plan"] = .bool(false)
    let no = Scorer.assess(sheet(answers), with: program)
    #expect(no.outcomes[criterion("meters")] == .unmet)
  }

  // MARK: - The coverage floor

  @Test func aPillarBelowTheFloorIsNotAssessedAndSaysWhatWouldAssessIt() throws {
    var answers = full
    for id in ["water_plan", "water_meters", "leaks", "stations"] { answers[id] = .missing(.dontKnow) }
    let a = Scorer.assess(sheet(answers), with: program)
    let water = a.pillars[0]
    #expect(!water.assessed)
    let need = try #require(water.toAssess)
    #expect(need.reason == .coverage)
    #expect(Set(need.questions) == [slot("water_plan"), slot("water_meters"), slot("leaks"), slot("stations")])
    #expect(a.pillars[1].assessed)
    // The overall stage rests on the one pillar assessed, and says so.
    #expect(a.overallBasis.assessed == 1 && a.overallBasis.pillars == 2)
    #expect(a.overall == a.pillars[1].stage)
    // Rules never act on a stage nobody knows.
    if case .bool(let assessed) = a.metrics[0].value {
      #expect(!assessed)
    } else {
      Issue.record("assessed('water') is \(a.metrics[0].value)")
    }
    #expect(unknown(a.metrics[1].value, .unavailable))
    // With every pillar below the floor there is no overall stage.
    for id in ["portal", "datasets"] { answers[id] = .missing(.dontKnow) }
    #expect(Scorer.assess(sheet(answers), with: program).overall == nil)
  }

  @Test func aPillarWhoseFirstGateRestsOnOneCriterionIsNotAssessed() throws {
    var answers = full
    answers["water_meters"] = .missing(.notApplicable)
    let a = Scorer.assess(sheet(answers), with: program)
    #expect(!a.pillars[0].assessed)
    let need = try #require(a.pillars[0].toAssess)
    #expect(need.reason == .fewCriteria && need.firstGateCriteria == 1 && need.minimumCriteria == 2)
  }

  @Test func aSurveyWithoutAFloorAssessesEveryPillar() throws {
    let (survey, _) = try Self.survey { $0.replacing("coverage_floor: 0.5\nmin_criteria: 2\n", with: "") }
    let (compiled, _) = try Self.compile(survey: try #require(survey))
    let program = try #require(compiled)
    var values = [AnswerValue?](repeating: nil, count: program.survey.questions.count)
    values[program.survey.questionIndex["portal"] ?? 0] = .missing(.dontKnow)
    let a = Scorer.assess(
      AnswerSheet(
        surveyID: "civic", surveyVersion: program.survey.version, language: "en", city: City(name: "X"), values: values,
        path: "x"),
      with: program)
    #expect(a.pillars.filter { !$0.assessed }.isEmpty)
    #expect(a.overall == 1)
  }

  // MARK: - Rates from raw counts

  @Test func aValueLadderComparesTheRateItComputes() throws {
    let index = criterion("station-density@3")
    let a = Scorer.assess(sheet(full), with: program)
    #expect(a.measured(index) == 4)  // 2 stations on 50 km²
    #expect(a.outcomes[index] == .met)
    var answers = full
    answers["area_km2"] = .missing(.dontKnow)
    let unknown = Scorer.assess(sheet(answers), with: program)
    // Without the denominator the rate is unknown, never zero.
    #expect(unknown.measured(index) == nil)
    #expect(unknown.outcomes[index] == .unknown)
  }

  @Test func aValueLadderNeedsItsPillarAndUnitAndNoQuestion() throws {
    let survey = program.survey
    let (_, noUnit) = try Self.compile(
      { $0.replacing("    unit: {en: \"stations per 100 km²\", es: \"estaciones por cada 100 km²\"}\n", with: "") },
      survey: survey)
    #expect(noUnit.sorted.contains { $0.code == "missing-key" && $0.message.contains("needs 'unit'") })
    let (_, both) = try Self.compile(
      { $0.replacing("    value: \"stations", with: "    question: stations\n    value: \"stations") }, survey: survey)
    #expect(both.sorted.contains { $0.code == "value-and-question" })
    let (_, text) = try Self.compile(
      { $0.replacing("value: \"stations * 100.0 / area_km2\"", with: "value: \"portal\"") }, survey: survey)
    #expect(text.sorted.contains { $0.code == "type-mismatch" && $0.message.contains("must be a number") })
  }

  // MARK: - What the survey demands of criteria and questions

  @Test func outcomesBelowTheSurveysStageAndMissingBasesAreRefused() throws {
    let survey = program.survey
    let (_, early) = try Self.compile(
      {
        $0.replacing(
          "id: meters, pillar: water, stage: 2, kind: capability",
          with: "id: meters, pillar: water, stage: 2, kind: outcome")
      }, survey: survey)
    let refusal = try #require(early.sorted.first { $0.code == "outcome-stage" })
    #expect(
      refusal.message.contains("criterion 'meters' is an outcome at stage 2")
        && refusal.message.contains("only from stage 3"))
    let (_, bare) = try Self.compile(
      { $0.replacing("kind: capability, basis: \"A plan is the first step.\", ", with: "") }, survey: survey)
    #expect(
      bare.sorted.filter { $0.code == "missing-field" }.map(\.message) == [
        "criterion 'plan' has no kind, but survey civic 2.0.0 requires one on every ladder and criterion (every_criterion_has)",
        "criterion 'plan' has no basis, but survey civic 2.0.0 requires one on every ladder and criterion (every_criterion_has)",
      ])
    // A survey that asks for neither (such as the frozen 1.0.0) accepts the same rules.
    let (lenient, _) = try Self.survey {
      $0.replacing("outcomes_from_stage: 3\n", with: "").replacing("every_criterion_has: [kind, basis]\n", with: "")
    }
    let (_, fine) = try Self.compile(
      { $0.replacing("kind: capability, basis: \"A plan is the first step.\", ", with: "") },
      survey: try #require(lenient))
    #expect(!fine.hasErrors, "\(fine.sorted.map(\.message))")
  }

  @Test func aQuestionWithoutTheDocumentationTheSurveyRequiresIsAnError() throws {
    let (survey, log) = try Self.survey {
      $0.replacing("        source: \"ISO 37120:2018\"\n", with: "")
        .replacing("        definition: {en: \"A public portal.\", es: \"Un portal público.\"}\n", with: "")
    }
    #expect(survey == nil)
    #expect(
      log.sorted.filter { $0.code == "missing-field" }.map(\.message) == [
        "question 'leaks' has no source, but the survey requires one on every question (every_question_has)",
        "question 'portal' has no definition, but the survey requires one on every question (every_question_has)",
      ])
  }

  // MARK: - A choice among what was ticked

  @Test func optionsFromOffersTheTickedOptionsAndRefusesOthers() throws {
    let survey = program.survey
    let top = survey.questions[slot("top_barrier")]
    #expect(top.optionsFrom == slot("barriers"))
    // The options of the multi question, less the one that stands alone ("None").
    #expect(top.options.map(\.value) == ["funding", "skills", "law"])
    let registry = SurveyRegistry([survey])
    func load(_ answers: String) throws -> DiagnosticLog {
      let (file, root) = try node(
        "survey: civic\nsurvey_version: 2.0.0\ncity: {name: X}\nanswers:\n" + answers, path: "city.yaml")
      let log = DiagnosticLog()
      _ = AnswersLoader.load(file, root, registry: registry, log: log)
      return log
    }
    #expect(try load("  barriers: [funding, law]\n  top_barrier: law\n").diagnostics.isEmpty)
    let refused = try load("  barriers: [funding, law]\n  top_barrier: skills\n")
    #expect(refused.brief == ["6:16 unknown-option"])
    #expect(
      refused.sorted.first?.message
        == "'skills' was not ticked in 'barriers', so it cannot be the answer to 'top_barrier'; choose one of: funding, law"
    )
    let (_, badLog) = try Self.survey { $0.replacing("options_from: barriers", with: "options_from: datasets") }
    #expect(
      badLog.sorted.contains {
        $0.code == "options-from" && $0.message.contains("'datasets' is not a multi question asked before it")
      })
  }

  // MARK: - The source and year of figures

  @Test func evidenceIsReadAndAYearAfterTheSurveyDateIsRefused() throws {
    let registry = SurveyRegistry([program.survey])
    let text = """
      survey: civic
      survey_version: 2.0.0
      city: {name: X}
      completed: 2026-05-01
      answers:
        data_year: 2025
        leaks: 18
        stations: 3
      evidence:
        leaks: {source: "Utility annual report", year: 2019}
        stations: {year: 2027}
        stations: {year: 2024}
        nothing_here: {year: 2020}

      """
    let (file, root) = try node(text, path: "city.yaml")
    let log = DiagnosticLog()
    let loaded = AnswersLoader.load(file, root, registry: registry, log: log)
    #expect(log.brief == ["11:13 future-year", "12:3 duplicate-key", "13:3 unknown-question"])
    #expect(log.sorted.first?.message == "the figure for 'stations' cannot be of 2027, after the survey date (2026)")
    #expect(loaded == nil)
    let (goodFile, goodRoot) = try node(
      text.replacing("  stations: {year: 2027}\n  stations: {year: 2024}\n  nothing_here: {year: 2020}\n", with: ""),
      path: "city.yaml")
    let (sheet, _) = try #require(AnswersLoader.load(goodFile, goodRoot, registry: registry, log: DiagnosticLog()))
    #expect(sheet.evidence[slot("leaks")] == Evidence(source: "Utility annual report", year: 2019))
  }

  @Test func figuresOlderThanTheLimitAreNamedAndTheDataYearCountsForTheRest() {
    var answers = full
    answers["data_year"] = .integer(2024)
    var old = sheet(answers)
    old.setEvidence(slot("leaks"), source: "2019 audit", year: 2019)
    old.setEvidence(slot("stations"), source: "", year: nil)  // clears nothing, adds nothing
    let a = Scorer.assess(old, with: program)
    #expect(a.dataYear == 2024 && !a.dataYearIsOld)
    #expect(a.year(of: slot("portal")) == 2024)
    #expect(a.oldFigures.map(\.slot) == [slot("leaks")])
    #expect(a.sheet.evidence[slot("stations")] == nil)
    // The outcome beside the water stage reads the old figure.
    #expect(a.outcomes(of: 0).map { program.metrics[$0.metric].id } == ["leak-share"])
    #expect(a.year(reading: program.metrics[2].expression.reads) == 2019)
    // A file without a date is never judged old.
    answers["data_year"] = .integer(1990)
    #expect(!Scorer.assess(sheet(answers, completed: nil), with: program).dataYearIsOld)
    #expect(Scorer.assess(sheet(answers), with: program).dataYearIsOld)
  }

  // MARK: - Migration

  @Test func migrationCarriesWhatMeansTheSameAndNeverInventsAnAnswer() throws {
    let (newSurvey, _) = try Self.survey()
    let new = try #require(newSurvey)
    // Version 1: no profile; 'portal' unchanged, 'data_sets' renamed, 'leak_rate' meant something
    // else, 'meters_any' carried for review.
    let (oldFile, oldRoot) = try node(
      """
      survey: civic
      version: 1.0.0
      title: {en: Civic, es: Cívica}
      languages: [en, es]
      stages: [{level: 1, id: a, name: {en: A, es: A}}, {level: 2, id: b, name: {en: B, es: B}}, {level: 3, id: c, name: {en: C, es: C}}]
      pillars: [{id: water, name: {en: W, es: A}}, {id: data, name: {en: D, es: D}}]
      sections:
        - id: all
          pillar: data
          title: {en: All, es: Todo}
          questions:
            - {id: portal, type: yes_no, text: {en: P, es: P}}
            - {id: data_sets, type: integer, text: {en: D, es: D}, min: 0, max: 100000}
            - {id: leak_rate, type: percent, text: {en: L, es: F}}
            - {id: water_meters, type: percent, text: {en: M, es: M}}
      """, path: "civic-1.yaml")
    let old = try #require(SurveyLoader.load(oldFile, oldRoot, log: DiagnosticLog()))
    let (migrationFile, migrationRoot) = try node(
      """
      migration: civic
      from: ">=1.0.0 <2.0.0"
      to: 2.0.0
      questions:
        data_sets: {to: datasets}
        leak_rate: {carry: false, note_on: leaks, note: {en: "1.0.0 answer: {value} (of the bill, not of the water).", es: "Respuesta de 1.0.0: {value}."}}
        water_meters: {review: true}
      """, path: "civic-1-to-2.yaml")
    let log = DiagnosticLog()
    let migration = try #require(MigrationLoader.load(migrationFile, migrationRoot, log: log))
    MigrationLoader.check(migration, registry: SurveyRegistry([old, new]), log: log)
    #expect(log.diagnostics.isEmpty, "\(log.sorted.map(\.message))")
    var values = [AnswerValue?](repeating: nil, count: old.questions.count)
    values[0] = .bool(true)
    values[1] = .integer(25)
    values[2] = .decimal(12)
    values[3] = .decimal(40)
    let sheet = AnswerSheet(
      surveyID: "civic", surveyVersion: old.version, language: "en", city: City(name: "X"), completed: "2024-01-01",
      values: values,
      path: "old.yaml")
    let result = Migrator.migrate(sheet, from: old, to: new, with: migration)
    #expect(result.sheet.surveyVersion == new.version && result.sheet.completed == nil)
    #expect(result.sheet.values[slot("portal")] == .bool(true))
    #expect(result.sheet.values[slot("datasets")] == .integer(25))
    #expect(result.sheet.values[slot("water_meters")] == .decimal(40))
    #expect(result.review == [slot("water_meters")])
    // The answer whose meaning changed is not carried: it waits in a note beside the new question.
    #expect(result.sheet.values[slot("leaks")] == nil)
    #expect(
      result.sheet.notes[slot("leaks")] == "1.0.0 answer: 12% (of the bill, not of the water).",
      "a percent answer is quoted with its unit")
    #expect(result.noted.map(\.old) == ["leak_rate"])
    // Nothing else is answered: the profile and every other new question are listed, in order.
    #expect(result.sheet.values.compactMap { $0 }.count == 3)
    #expect(result.unanswered.first == slot("population"))
    #expect(result.unanswered.contains(slot("leaks")) && !result.unanswered.contains(slot("portal")))
    // A migration that forgets an old question is refused: no answer is dropped unseen.
    let (partialFile, partialRoot) = try node(
      "migration: civic\nfrom: \">=1.0.0 <2.0.0\"\nto: 2.0.0\nquestions:\n  data_sets: {to: datasets}\n",
      path: "partial.yaml")
    let partialLog = DiagnosticLog()
    MigrationLoader.check(
      try #require(MigrationLoader.load(partialFile, partialRoot, log: partialLog)),
      registry: SurveyRegistry([old, new]), log: partialLog)
    #expect(partialLog.sorted.map(\.code) == ["migration-incomplete"])
    #expect(
      partialLog.sorted.first?.message.contains("question 'leak_rate' of civic 1.0.0 is not in civic 2.0.0") == true)
  }
}
