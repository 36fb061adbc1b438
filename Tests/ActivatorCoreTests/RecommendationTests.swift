import Testing

@testable import ActivatorCore

/// What every recommendation must respect, checked on every answers file the project ships (the
/// example cities and every rule fixture, on surveys 1.0.0 and 2.0.0 and on the test survey that asks income
/// group and population): only known gaps recommend; nothing is recommended whose needs the
/// answers show missing or cannot show, that suits another income group or size, or that starts
/// above the pillar's next stage; the first five stay diverse; programmes follow WeGO's
/// eligibility. See docs/ranking.md.
@Suite struct RecommendationTests {
  struct Case: CustomStringConvertible {
    var name: String
    var sheet: AnswerSheet
    var program: Program
    var description: String { name }
  }

  /// Every example city and every rule fixture, with the program that scores it.
  static let cases: [Case] = {
    var cases: [Case] = []
    let sets = [
      ([Paths.survey, Paths.currentSurvey], [Paths.rules, Paths.at("Examples/plugins")]),
      ([Paths.at("Tests/Fixtures/city-context/survey.yaml")], [Paths.at("Tests/Fixtures/city-context/rules")]),
    ]
    for (survey, rules) in sets {
      let workspace = Workspace()
      workspace.loadSurveys(survey)
      workspace.loadRules(rules)
      for plugin in workspace.plugins {
        for path in plugin.fixtures {
          let fixtures = FixtureLoader.load(
            path, registry: workspace.registry, program: { workspace.program(for: $0) }, log: workspace.log)
          for fixture in fixtures {
            guard let program = workspace.program(for: fixture.survey) else { continue }
            cases.append(
              Case(
                name: "\(path.split(separator: "/").last ?? ""): \(fixture.name)", sheet: fixture.sheet,
                program: program))
          }
        }
      }
    }
    return cases
  }()

  @Test func theCasesCoverEveryKindOfCity() {
    #expect(Self.cases.count > 90)
    #expect(Self.cases.contains { $0.name.contains("high-income") })
  }

  @Test(arguments: RecommendationTests.cases)
  func everyRecommendationFitsTheCity(_ item: Case) throws {
    let a = Scorer.assess(item.sheet, with: item.program)
    let program = item.program
    let context = try Self.context(a)
    for recommendation in a.recommendations {
      let solution = program.solutions[recommendation.solution]
      let stage = a.pillars[recommendation.pillar].stage
      #expect(
        !recommendation.reasons.isEmpty && recommendation.reasons.allSatisfy { $0.outcome == .unmet },
        "\(solution.id) is recommended from an answer that is not a known 'no'")
      for (need, condition) in program.needConditions[recommendation.solution].enumerated() {
        guard let condition else { continue }
        var shown = false
        if case .bool(true) = condition.evaluate(context) { shown = true }
        #expect(
          shown,
          "\(solution.id) is recommended but its need '\(solution.needs[need].text.text("en"))' is not shown in place")
      }
      if let income = a.context.income {
        #expect(solution.fits.income.contains(income), "\(solution.id) does not suit \(income.rawValue) cities")
      }
      if let size = a.context.size {
        #expect(solution.fits.size.contains(size), "\(solution.id) does not suit \(size.rawValue) cities")
      }
      #expect(
        solution.stageMin <= stage + 1, "\(solution.id) starts at stage \(solution.stageMin), the pillar is at \(stage)"
      )
      #expect(
        recommendation.score == recommendation.factors.reduce(0) { $0 + $1.points },
        "the score of \(solution.id) is not the sum of its factors")
      #expect(!a.setAside.contains { $0.solution == recommendation.solution })
    }
    let top = a.recommendations.prefix(Recommender.diverseTop)
    // More than three from one pillar (not the priority) only when nothing else could take a place.
    let others = a.recommendations.dropFirst(Recommender.diverseTop)
    for pillar in program.survey.pillars.indices where pillar != a.context.priorityPillar {
      let crowded = top.count { $0.pillar == pillar } > Recommender.perPillarInTop
      #expect(
        !crowded || others.allSatisfy { $0.pillar == pillar },
        "more than three of the first five from \(program.survey.pillars[pillar].id)")
    }
    let priority = a.recommendations.count { $0.has(.priorityPillar) }
    if top.count == Recommender.diverseTop {
      #expect(
        top.count { $0.has(.priorityPillar) } >= min(Recommender.prioritySeats, priority),
        "the priority pillar has too few of the first five")
    }
    for step in a.nextSteps {
      let programme = program.programmes[step.programme]
      if let income = a.context.income {
        #expect(programme.fits.income.contains(income), "\(programme.id) is not offered to \(income.rawValue) cities")
      }
      #expect(programme.status != .discontinued)
    }
  }

  /// The evaluation context the recommendations were made with: the prepared answers and the outcomes.
  static func context(_ a: Assessment) throws -> EvaluationContext {
    let (context, _, _, _) = Scorer.prepare(a.sheet, survey: a.survey)
    context.outcomes = OutcomeView(
      stages: a.pillars.map(\.stage), scores: a.pillars.map(\.score), coverage: a.pillars.map(\.coverage),
      targets: a.pillars.map(\.target),
      overall: a.overall, criteria: a.outcomes.map { $0 == .met ? true : $0 == .unmet ? false : nil })
    return context
  }

  @Test func theContextSurveyFixturesPass() throws {
    let workspace = Workspace()
    workspace.loadSurveys([Paths.at("Tests/Fixtures/city-context/survey.yaml")])
    workspace.loadRules([Paths.at("Tests/Fixtures/city-context/rules")])
    let plugin = try #require(workspace.plugins.first)
    var results: [FixtureResult] = []
    for path in plugin.fixtures {
      for fixture in FixtureLoader.load(
        path, registry: workspace.registry, program: { workspace.program(for: $0) }, log: workspace.log)
      {
        let program = try #require(workspace.program(for: fixture.survey))
        results.append(FixtureRunner.run(fixture, program: program))
      }
    }
    #expect(!workspace.log.hasErrors, "\(workspace.log.sorted.map(\.message))")
    #expect(results.count == 6)
    for result in results where !result.passed {
      Issue.record("\(result.fixture.name): \(result.failures.map(\.message.description).joined(separator: "; "))")
    }
  }

  /// Income and size come from the questions the context names; a survey that does not ask them
  /// leaves them unknown, and so does "don't know".
  @Test func theCityContextIsReadOnlyFromKnownAnswers() throws {
    let workspace = Workspace()
    workspace.loadSurveys([Paths.at("Tests/Fixtures/city-context/survey.yaml")])
    workspace.loadRules([Paths.at("Tests/Fixtures/city-context/rules")])
    let survey = try #require(workspace.registry.surveys.first)
    let program = try #require(workspace.program(for: survey))
    func city(_ answers: [String: AnswerValue]) -> CityContext {
      var values = [AnswerValue?](repeating: nil, count: survey.questions.count)
      for (id, value) in answers { values[survey.questionIndex[id] ?? 0] = value }
      let sheet = AnswerSheet(
        surveyID: survey.id, surveyVersion: survey.version, language: "en", city: City(name: "X"), values: values,
        targets: [:], path: "x.yaml")
      return Scorer.assess(sheet, with: program).context
    }
    let known = city([
      "city_income_group": .choice(1), "city_population": .integer(300_000), "priority_pillar": .choice(1),
      "barriers": .choices([0, 1]), "barriers_top": .choice(1),
    ])
    #expect(known.income == .lowerMiddle)
    #expect(known.size == .medium)
    #expect(known.population == 300_000)
    #expect(known.priorityPillar == 1)
    #expect(known.barriers == [0, 1] && known.topBarrier == 1)
    let unknown = city([
      "city_income_group": .missing(.dontKnow), "city_population": .missing(.dontKnow), "barriers": .choices([3]),
    ])
    #expect(unknown.income == nil && unknown.size == nil && unknown.priorityPillar == nil && unknown.topBarrier == nil)
    #expect(
      CitySize(population: 299_999) == .small && CitySize(population: 1_000_000) == .large
        && CitySize(population: 5_000_000) == .veryLarge)
  }
}

/// `--what-if question=value`: values read as an answers file reads them, problems at their
/// column in the argument.
@Suite struct AnswerOverrideTests {
  let survey: Survey

  init() throws {
    let workspace = Workspace()
    workspace.loadSurveys([Paths.survey])
    survey = try #require(workspace.registry.surveys.first)
  }

  func parse(_ argument: String) -> (AnswerOverride?, [Diagnostic]) {
    let log = DiagnosticLog()
    let item = AnswerOverride.parse(argument, name: "--what-if", survey: survey, log: log)
    return (item, log.sorted)
  }

  func slot(_ id: String) -> Int { survey.questionIndex[id] ?? -1 }

  @Test func valuesAreReadAsInAnAnswersFile() throws {
    let (strategy, _) = parse("gov_strategy=adopted")
    #expect(strategy?.slot == slot("gov_strategy"))
    #expect(strategy?.value == .choice(survey.questions[slot("gov_strategy")].optionIndex("adopted") ?? -1))
    #expect(parse("gov_online_services=60%").0?.value == .decimal(60))
    #expect(parse("gov_single_contact=sí").0?.value == .bool(true))
    #expect(parse("gov_open_data_datasets=dont_know").0?.value == .missing(.dontKnow))
    let barriers = try #require(parse("barriers=[funding, siloed_departments]").0)
    guard case .choices(let chosen) = barriers.value else {
      throw Failure("not a list: \(String(describing: barriers.value))")
    }
    #expect(chosen.count == 2)
    let blank = try #require(parse("gov_strategy=").0)
    #expect(blank.value == nil)
  }

  @Test func problemsPointIntoTheArgument() {
    func first(_ argument: String) -> String {
      parse(argument).1.first.map {
        "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code) \($0.message)"
      } ?? "none"
    }
    #expect(
      first("gov_strategy=adoptd").hasPrefix(
        "--what-if:1:14 unknown-option 'adoptd' is not an option of 'gov_strategy'; did you mean 'adopted'?"))
    #expect(first("barriers=[funding, fundng]").hasPrefix("--what-if:1:20 unknown-option"))
    #expect(first("gov_online_services=150").hasPrefix("--what-if:1:21 "))
    #expect(
      first("gov_stratgy=adopted").hasPrefix(
        "--what-if:1:1 unknown-question unknown question 'gov_stratgy'; did you mean 'gov_strategy'?"))
    #expect(first("gov_strategy").hasPrefix("--what-if:1:1 syntax expected question=value"))
    #expect(first("barriers=[funding").hasPrefix("--what-if:1:"))
    #expect(parse("gov_open_data_datasets=maybe").0 == nil)
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
