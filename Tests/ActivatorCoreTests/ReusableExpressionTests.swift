import ActivatorYAML
import Testing

@testable import ActivatorCore

/// Issue 15, item 5: aggregates, lists mixing choices of several questions, section helpers,
/// plugin definitions (`let:`), metrics reading metrics, and the unknown-function hint.
@Suite struct ReusableExpressionTests {
  /// A small index in the shape the issue describes: indicators rated on a ladder of levels in
  /// sections, plus a few questions of other types.
  static let surveyText = """
    survey: index
    version: 1.0.0
    title: {en: Index}
    languages: [en]
    stages:
      - {level: 1, id: low, name: {en: Low}}
      - {level: 2, id: medium, name: {en: Medium}}
      - {level: 3, id: high, name: {en: High}}
    pillars:
      - {id: energy, name: {en: Energy}}
      - {id: water, name: {en: Water}}
    sections:
      - id: energy
        pillar: energy
        title: {en: Energy}
        questions:
          - id: e1
            type: choice
            text: {en: E1}
            options: &rating
              - {value: low, label: {en: Low}, level: 1}
              - {value: medium, label: {en: Medium}, level: 2}
              - {value: high, label: {en: High}, level: 3}
          - {id: e2, type: choice, text: {en: E2}, options: *rating}
          - {id: e3, type: choice, text: {en: E3}, options: *rating}
          - {id: e_note, type: text, text: {en: Note}, required: false}
      - id: water
        pillar: water
        title: {en: Water}
        questions:
          - {id: w1, type: choice, text: {en: W1}, options: *rating}
          - {id: w2, type: percent, text: {en: W2}}
          - {id: w3, type: integer, text: {en: W3}, min: 0, max: 100}
          - {id: w4, type: yes_no, text: {en: W4}}
      - id: context
        title: {en: Context}
        questions:
          - id: region
            type: choice
            text: {en: Region}
            options:
              - {value: north, label: {en: North}}
              - {value: south, label: {en: South}}
    """

  static func survey() throws -> Survey {
    let log = DiagnosticLog()
    let (file, root) = try node(surveyText, path: "index.yaml")
    let survey = SurveyLoader.load(file, root, log: log)
    #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.message))")
    return try #require(survey)
  }

  let survey: Survey

  init() throws {
    survey = try Self.survey()
  }

  func compile(_ text: String, purpose: ExpressionEnvironment.Purpose = .outcome) -> (CompiledExpression?, [Diagnostic])
  {
    ExpressionCompiler.compile(
      ExpressionSource(text), in: ExpressionEnvironment(survey: survey, purpose: purpose), expecting: nil)
  }

  func errors(_ text: String, purpose: ExpressionEnvironment.Purpose = .outcome) -> [String] {
    compile(text, purpose: purpose).1.map { "\($0.location.column) \($0.code): \($0.message)" }
  }

  /// Evaluates with answers by question id (an option value for choices).
  func evaluate(_ text: String, _ answers: [String: AnswerValue] = [:]) throws -> Value {
    let (compiled, diagnostics) = compile(text)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let expression = try #require(compiled)
    var values = [Value](repeating: .unknown(.unanswered), count: survey.questions.count)
    for (id, answer) in answers {
      let slot = try #require(survey.questionIndex[id])
      values[slot] = Scorer.value(answer, slot: slot)
    }
    return expression.evaluate(
      EvaluationContext(values: values, optionValues: survey.questions.map { $0.options.map(\.value) }))
  }

  static let high = AnswerValue.choice(2)
  static let medium = AnswerValue.choice(1)
  static let low = AnswerValue.choice(0)
  static let rated: [String: AnswerValue] = [
    "e1": high, "e2": medium, "e3": low, "w1": high, "w2": .decimal(40), "w3": .integer(7), "w4": .bool(true),
  ]

  func text(_ value: Value) -> String {
    switch value {
    case .int(let n): "int \(n)"
    case .double(let d): "double \(JSONWriter.format(d))"
    case .bool(let b): "bool \(b)"
    case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
    case .unknown(let why): "unknown \(why.rawValue)"
    case .error(let error): "error \(error.message)"
    default: "\(value)"
    }
  }

  // MARK: - Aggregates

  @Test(arguments: [
    ("sum([1, 2, 3])", "int 6"), ("sum([1, 2.5])", "double 3.5"), ("sum(1, 2, 3)", "int 6"), ("sum([])", "int 0"),
    ("avg([1, 2])", "double 1.5"), ("mean([2, 4, 9])", "double 5"), ("avg(3)", "double 3"),
    ("min([3, 1, 2])", "int 1"), ("max([1, 2.5])", "double 2.5"), ("max(1, 2)", "int 2"), ("min(1, 2.0)", "double 1"),
    ("count([true, false, true])", "int 2"), ("count(true, true, false)", "int 2"), ("count([])", "int 0"),
    ("avg([])", "error avg() of an empty list"), ("min([])", "error min() of an empty list"),
    ("sum([9223372036854775807, 1])", "error integer overflow in 'sum()'"),
    ("sum([1.7976931348623157e308, 1.7976931348623157e308])", "error number out of range in 'sum()'"),
  ])
  func aggregatesGiveCELTypedValues(_ expression: String, _ expected: String) throws {
    #expect(text(try evaluate(expression)) == expected)
  }

  @Test func aggregatesAreUnknownWhenAnItemIsAndErrorsWin() throws {
    // A list literal with an unknown item is unknown as a whole, so is its sum.
    #expect(text(try evaluate("sum([w2, w3])", ["w3": .integer(2)])) == "unknown 1")
    // Several arguments: unknowns combine their reasons, an error wins.
    #expect(text(try evaluate("sum(w2, w3)", ["w2": .missing(.dontKnow)])) == "unknown 3")
    #expect(text(try evaluate("sum(w2, 1 / 0)")) == "error division by zero")
    #expect(text(try evaluate("sum(value_or(w2, 0.0), value_or(w3, 0))", ["w3": .integer(2)])) == "double 2")
  }

  @Test func aggregatesCheckTheirItems() {
    #expect(
      errors("sum(['a', 'b'])").first?.contains("sum() works on numbers, but a list of texts (string) is not a number")
        == true)
    #expect(errors("count([1, 2])").first?.contains("count() counts the true items among yes/no values") == true)
    #expect(errors("avg()").first?.contains("avg() needs at least one number") == true)
    #expect(errors("sum(w4, 1)").first?.contains("'w4' (a yes/no (bool) value) is not a number") == true)
  }

  // MARK: - Choices of several questions

  @Test func choicesOfSeveralLevelledQuestionsMakeAList() throws {
    #expect(text(try evaluate("[e1, e2, e3].map(x, level(x))", Self.rated)) == "[int 3, int 2, int 1]")
    #expect(text(try evaluate("avg([e1, e2, w1].map(x, level(x)))", Self.rated)) == "double 2.6666666666666665")
    #expect(text(try evaluate("[e1, e2].exists(x, x == 'high')", Self.rated)) == "bool true")
    #expect(text(try evaluate("level(true ? e1 : e2)", Self.rated)) == "int 3")
  }

  @Test func choicesWithoutLevelsStillRefuseToMix() {
    let found = errors("[e1, region]")
    #expect(found.count == 1)
    #expect(
      found.first?.contains(
        "list mixes a choice of 'e1' and a choice of 'region'; choices of different questions share a list") == true)
    #expect(errors("level(region)").first?.contains("'region' is not: its options have no 'level'") == true)
    #expect(
      errors("[w2].map(x, level(x))").first?.contains("level() needs a choice whose options have levels, but a number")
        == true)
  }

  // MARK: - Sections

  @Test func aSectionIsTheListOfItsAnswers() throws {
    #expect(text(try evaluate("section('energy', 'choice').map(q, level(q))", Self.rated)) == "[int 3, int 2, int 1]")
    #expect(text(try evaluate("avg(section('energy', 'choice').map(q, level(q)))", Self.rated)) == "double 2")
    #expect(text(try evaluate("size(section('water', 'choice'))", Self.rated)) == "int 1")
    // Materialised, a section with an unknown answer is unknown, with every reason.
    #expect(text(try evaluate("section('energy', 'choice')", ["e1": .missing(.dontKnow)])) == "unknown 3")
  }

  @Test func macrosOverASectionSeeEachQuestion() throws {
    let partly: [String: AnswerValue] = ["e1": Self.high, "e2": .missing(.dontKnow)]
    // The variable is a question: question functions take it, and bodies are checked per type.
    #expect(text(try evaluate("section('energy').filter(q, known(q)).size()", partly)) == "int 1")
    #expect(
      text(try evaluate("section('energy', 'choice').map(q, value_or(level(q), 1))", partly)) == "[int 3, int 1, int 1]"
    )
    #expect(text(try evaluate("section('water').all(q, answered(q))", Self.rated)) == "bool true")
    #expect(text(try evaluate("section('energy', 'choice').all(q, level(q) >= 2)", partly)) == "unknown 3")
    #expect(text(try evaluate("section('energy', 'choice').all(q, level(q) >= 2)", ["e3": Self.low])) == "bool false")
    #expect(text(try evaluate("section('energy', 'choice').exists_one(q, q == 'high')", partly)) == "unknown 3")
    #expect(
      text(try evaluate("section('water').map(q, known(q), 1)", ["w1": Self.low, "w4": .bool(false)]))
        == "[int 1, int 1]")
  }

  @Test func sectionProblemsNameTheSectionAndQuestion() {
    #expect(errors("section('enrgy')").first?.contains("unknown section 'enrgy'; did you mean 'energy'?") == true)
    #expect(errors("section('energy', 'choise')").first?.contains("did you mean 'choice'?") == true)
    let mixed = errors("section('water')")
    #expect(
      mixed.first?.contains("the answers of section 'water' have no one type: 'w2' gives a number (double)") == true)
    let perQuestion = compile("section('energy').map(q, level(q))").1
    #expect(perQuestion.count == 1)
    #expect(perQuestion.first?.message.contains("'e_note' is not") == true)
    #expect(perQuestion.first?.notes.first?.message == "for question 'e_note' of section 'energy'")
    #expect(errors("section('water').map(q, q)").first?.contains("map() gives a number (double) for 'w2'") == true)
    #expect(errors("section(energy)").first?.contains("section() takes a section id in quotes") == true)
  }

  @Test func aSectionInSkipLogicMayOnlyReadEarlierQuestions() throws {
    let slot = try #require(survey.questionIndex["w1"])
    let found = errors("section('water').all(q, known(q))", purpose: .relevance(slot))
    #expect(found.first?.contains("the skip logic of 'w1' cannot depend on 'w1' itself") == true)
    #expect(errors("section('energy', 'choice').all(q, known(q))", purpose: .relevance(slot)).isEmpty)
  }

  @Test func sectionCostsAreBoundedByTheirQuestions() throws {
    let (compiled, _) = compile("section('energy', 'choice').map(q, level(q) * 2)")
    // Three questions, each body `level(q) * 2` (level 2 steps, the product 1 more, the
    // literal 1), one step per item and one for the macro.
    #expect(try #require(compiled).cost == 1 + 3 * (1 + 4))
  }

  // MARK: - Unknown functions

  @Test func anUnknownFunctionListsTheNearest() {
    #expect(errors("summ([1])").first?.contains("unknown function 'summ'; did you mean 'sum'?") == true)
    #expect(errors("average([1])").first?.contains("the nearest are avg(), mean() and") == true)
    #expect(errors("lenght(e1)").first?.contains("unknown function 'lenght'; the nearest are ") == true)
    #expect(errors("[1].sume()").first?.contains("unknown method 'sume'") == true)
  }
}

/// Plugin definitions (`let:`) and metrics that read metrics, compiled as a rule set.
@Suite struct NamedExpressionTests {
  static let header = """
    version: 1.0.0
    name: {en: Test}
    languages: [en]
    applies_to: [{survey: index, versions: "1.x"}]

    """

  /// Compiles the index survey with plugins written inline (each text is one single-file plugin).
  static func compile(_ texts: [String]) throws -> (Program?, DiagnosticLog) {
    let survey = try ReusableExpressionTests.survey()
    let log = DiagnosticLog()
    var plugins: [Plugin] = []
    for (index, text) in texts.enumerated() {
      let file = SourceFile(path: "p\(index).yaml", bytes: Array(text.utf8))
      let (source, root) = try #require(Document.parse(file, limits: .authored, log: log))
      plugins.append(try #require(PluginLoader.loadSingleFile(source, root, log: log)))
    }
    let program = ProgramCompiler.compile(survey: survey, plugins: plugins, log: log, warnUnreachable: false)
    return (program, log)
  }

  static func problems(_ log: DiagnosticLog) -> [String] {
    log.sorted.filter { $0.code != "stage-without-criteria" }.map {
      "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code): \($0.message)"
    }
  }

  /// Scores answers given by question id (option indices for choices).
  static func assess(_ program: Program, _ answers: [String: AnswerValue]) throws -> Assessment {
    let survey = program.survey
    var values = [AnswerValue?](repeating: nil, count: survey.questions.count)
    for (id, answer) in answers { values[try #require(survey.questionIndex[id])] = answer }
    let sheet = AnswerSheet(
      surveyID: survey.id, surveyVersion: survey.version, language: "en", city: City(name: "Test"), values: values,
      marks: Array(repeating: nil, count: values.count), targets: [:], notes: [:], review: [], path: "test.yaml")
    return Scorer.assess(sheet, with: program)
  }

  static let indexPlugin =
    "plugin: index-rules\n" + header + """
      let:
        energy_levels: "section('energy', 'choice').map(q, value_or(level(q), 1))"
        energy_level: "avg(energy_levels)"
        rated_high: "count(section('energy', 'choice').map(q, value_or(level(q) == 3, false)))"
        energy_done: "stage('energy') >= 2"
      criteria:
        - {id: energy-mid, pillar: energy, stage: 2, title: {en: Mid}, when: "energy_level >= 2"}
        - {id: energy-top, pillar: energy, stage: 3, title: {en: Top}, when: "rated_high >= 2"}
        - {id: water-mid, pillar: water, stage: 2, title: {en: W}, when: "level(w1) >= 2"}
        - {id: water-top, pillar: water, stage: 3, title: {en: W}, when: "w4"}
      metrics:
        - {id: energy-score, title: {en: Energy score}, expr: "energy_level * 100.0 / 3.0"}
        - {id: index, title: {en: Index}, expr: "(metric('energy-score') + metric('water-score')) / 2.0"}
        - {id: water-score, title: {en: Water score}, expr: "value_or(level(w1), 1) * 100.0 / 3.0"}
        - {id: energy-reached, title: {en: Reached}, expr: "energy_done"}
      """

  @Test func definitionsAreUsedInCriteriaAndMetricsAndMetricsReadMetrics() throws {
    let (program, log) = try Self.compile([Self.indexPlugin])
    #expect(Self.problems(log).isEmpty, "\(Self.problems(log))")
    let compiled = try #require(program)
    // Declared order is kept for output; `index` is evaluated after both scores.
    #expect(compiled.metrics.map(\.id) == ["energy-score", "index", "water-score", "energy-reached"])
    #expect(compiled.metricOrder == [0, 2, 1, 3])
    let high = AnswerValue.choice(2)
    let a = try Self.assess(
      compiled, ["e1": high, "e2": high, "e3": .missing(.dontKnow), "w1": .choice(1), "w4": .bool(false)])
    #expect(a.pillars.map(\.stage) == [3, 2])
    func metric(_ id: String) -> String {
      guard let index = compiled.metrics.firstIndex(where: { $0.id == id }) else { return "?" }
      switch a.metrics[index].value {
      case .double(let d): return JSONWriter.format(d)
      case .bool(let b): return "\(b)"
      case let other: return "\(other)"
      }
    }
    // (3 + 3 + 1) / 3 levels: e3 is "don't know", counted as 1 by value_or.
    #expect(metric("energy-score") == "77.77777777777779")
    #expect(metric("water-score") == "66.66666666666667")
    #expect(metric("index") == "72.22222222222223")
    #expect(metric("energy-reached") == "true")
    // The criterion reads what its definitions read.
    let criterion = try #require(compiled.criteria.first { $0.id == "energy-mid" })
    #expect(criterion.condition.reads == [0, 1, 2])
  }

  @Test func aDefinitionThatReadsOutcomesIsRefusedInACriterion() throws {
    let text =
      "plugin: p\n" + Self.header + """
        let:
          done: "stage('energy') >= 2"
        criteria:
          - {id: c, pillar: water, stage: 2, title: {en: C}, when: "done && w4"}
        """
    let (program, log) = try Self.compile([text])
    #expect(program == nil)
    let found = Self.problems(log)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("p0.yaml:9:61 outcome-in-condition: 'done' reads the results of scoring") == true)
    #expect(log.sorted.first?.notes.first?.location?.line == 7)
  }

  @Test func cyclesAreReportedWithTheirPath() throws {
    let text =
      "plugin: p\n" + Self.header + """
        let:
          a: "b + 1"
          b: "c * 2"
          c: "a - 1"
        metrics:
          - {id: m1, title: {en: M1}, expr: "metric('m2') + 1"}
          - {id: m2, title: {en: M2}, expr: "metric('m1') + value_or(w3, 0)"}
          - {id: m3, title: {en: M3}, expr: "metric('m3')"}
        """
    let (program, log) = try Self.compile([text])
    #expect(program == nil)
    let found = Self.problems(log)
    #expect(
      found == [
        "p0.yaml:9:7 cycle: 'a' is defined in terms of itself: a → b → c → a",
        "p0.yaml:12:45 cycle: metric 'p/m1' depends on its own value: p/m1 → p/m2 → p/m1",
        "p0.yaml:13:45 cycle: metric 'p/m3' depends on its own value: p/m3 → p/m3",
      ], "\(found)")
    let notes = try #require(log.sorted.first).notes.map { "\($0.location?.line ?? 0) \($0.message)" }
    #expect(notes == ["7 'a' is defined here", "8 'b' is defined here", "9 'c' is defined here"])
  }

  @Test func definitionsAreTypeCheckedWhereTheyAreWritten() throws {
    let text =
      "plugin: p\n" + Self.header + """
        let:
          broken: "level(w2) + 1"
          text_value: "'x'"
          w1: "1"
          in: "1"
        criteria:
          - {id: c, pillar: water, stage: 2, title: {en: C}, when: "broken > 1 || text_value"}
        """
    let (_, log) = try Self.compile([text])
    let found = Self.problems(log)
    #expect(found.contains { $0.hasPrefix("p0.yaml:7:18 type-mismatch: level() needs a choice question") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("p0.yaml:9:3 duplicate-id: 'w1' is a question of the survey") }, "\(found)")
    #expect(found.contains { $0.hasPrefix("p0.yaml:10:3 reserved-word: 'in' is a reserved word") }, "\(found)")
    // The criterion's own mistake is reported; the broken definition is not reported again.
    #expect(found.contains { $0.hasPrefix("p0.yaml:12:75 type-mismatch: '||' joins yes/no values") }, "\(found)")
    #expect(found.count == 4, "\(found)")
  }

  @Test func definitionsAreSeenByThePluginsThatRequireTheirs() throws {
    let base =
      "plugin: base\n" + Self.header + """
        let:
          water_ok: "level(w1) >= 2"
        criteria:
          - {id: w, pillar: water, stage: 2, title: {en: W}, when: "water_ok"}
        """
    let lens =
      "plugin: lens\nrequires: [base]\n" + Self.header + """
        criteria:
          - {id: l, pillar: water, stage: 3, title: {en: L}, when: "water_ok && w4"}
        """
    let stranger =
      "plugin: stranger\n" + Self.header + """
        criteria:
          - {id: s, pillar: energy, stage: 2, title: {en: S}, when: "water_ok"}
        """
    let (program, log) = try Self.compile([base, lens])
    #expect(program != nil && Self.problems(log).isEmpty, "\(Self.problems(log))")
    let (_, refused) = try Self.compile([base, stranger])
    #expect(
      Self.problems(refused).first?.contains(
        "'water_ok' is defined by plugin 'base', which plugin 'stranger' does not require; add 'base' to the requires of 'stranger'"
      )
        == true, "\(Self.problems(refused))")
    let twice = "plugin: twice\n" + Self.header + "let:\n  water_ok: \"w4\"\n"
    let (_, duplicate) = try Self.compile([base, twice])
    #expect(
      Self.problems(duplicate).first?.contains("'water_ok' is already defined by plugin 'base'") == true,
      "\(Self.problems(duplicate))")
  }

  @Test func catalogNeedsAndNextStepsUseDefinitionsAndMetrics() throws {
    let text =
      "plugin: p\n" + Self.header + """
        let:
          energy_ok: "level(e1) >= 2"
        criteria:
          - {id: c, pillar: energy, stage: 2, title: {en: C}, when: "energy_ok", recommend: [fix]}
          - {id: d, pillar: energy, stage: 3, title: {en: D}, when: "e2 == 'high'"}
          - {id: w, pillar: water, stage: 2, title: {en: W}, when: "w4"}
          - {id: x, pillar: water, stage: 3, title: {en: X}, when: "w4"}
        metrics:
          - {id: m, title: {en: M}, expr: "stage('water') * 10"}
        next_steps:
          - {programme: help, when: "metric('m') >= 20 && energy_ok", because: {en: Because}}
        solutions:
          - id: fix
            name: Fix
            city: Testville
            pillars: [energy]
            problem: {en: P}
            solution: {en: S}
            stage: {min: 1, max: 3}
            status: deployed
            fits: {income: [low, lower-middle, upper-middle, high], size: [small, medium, large, very-large]}
            cost: low
            cost_basis: {en: B}
            needs: [{text: {en: N}, requires: "energy_ok || stage('water') >= 2"}]
            helps: [c]
            source: https://example.org/fix
            verified: false
            last_checked: 2026-12-01
            check_note: Invented for a test.
        programmes:
          - id: help
            name: Help
            step: activator
            description: {en: D}
            stage: {min: 1, max: 3}
            eligibility: {en: E}
            fits: {income: [low, lower-middle, upper-middle, high]}
            status: running
            source: https://example.org/help
            verified: false
            last_checked: 2026-12-01
            check_note: Invented for a test.
        """
    let (program, log) = try Self.compile([text])
    #expect(Self.problems(log).filter { !$0.contains("warning") }.isEmpty, "\(Self.problems(log))")
    let compiled = try #require(program)
    // Through metric('m'), the next step is about water.
    #expect(compiled.nextSteps.first?.pillars == [1])
    #expect(compiled.needTargets.first?.first?.pillars == [1])
    let a = try Self.assess(compiled, ["e1": .choice(1), "w4": .bool(true)])
    #expect(a.nextSteps.map { compiled.programmes[$0.programme].id } == ["help"])
  }

  /// A definition costs what it costs at every use: the per-expression limit and the program's
  /// budget count it each time.
  @Test func definitionsCountInTheCostOfEveryUse() throws {
    let list = "[" + (1...120).map(String.init).joined(separator: ", ") + "]"
    let heavy = "\(list).all(x, \(list).exists(y, x == y))"
    let alone = ExpressionCompiler.compile(
      ExpressionSource(heavy),
      in: ExpressionEnvironment(survey: try ReusableExpressionTests.survey(), purpose: .condition), expecting: .bool)
    let cost = try #require(alone.0).cost
    #expect(cost > ExpressionCompiler.costLimit / 2 && cost < ExpressionCompiler.costLimit)
    func plugin(_ when: String) -> String {
      "plugin: p\n" + Self.header + """
        let:
          heavy: "\(heavy)"
        criteria:
          - {id: c, pillar: water, stage: 2, title: {en: C}, when: "\(when)"}

        """
    }
    let (program, log) = try Self.compile([plugin("heavy")])
    #expect(Self.problems(log).isEmpty, "\(Self.problems(log))")
    #expect(try #require(program).criteria.first?.condition.cost == cost)
    let (refused, refusal) = try Self.compile([plugin("heavy && w4 || heavy")])
    #expect(refused == nil)
    #expect(
      Self.problems(refusal).first?.contains("too-costly: expression may take up to") == true,
      "\(Self.problems(refusal))")
    var many = plugin("heavy")
    for index in 0..<3 { many += "  - {id: c\(index), pillar: energy, stage: 2, title: {en: C}, when: \"heavy\"}\n" }
    let (overBudget, budget) = try Self.compile([many])
    #expect(overBudget == nil)
    #expect(budget.sorted.first { $0.code == "cost-budget" }?.notes.count == 4)
  }
}
