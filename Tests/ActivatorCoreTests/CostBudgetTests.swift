import ActivatorCore
import Testing

/// A total cost budget per program (issue 11, defect 4): every expression stays under its own
/// limit, yet thousands of them together must not make scoring one city take seconds.
@Suite struct CostBudgetTests {
  static func shipped() throws -> (Survey, [Plugin]) {
    let log = DiagnosticLog()
    let survey = try #require(SurveyLoader.load(Paths.survey, log: log))
    return (survey, PluginLoader.loadAll(Paths.rules, log: log))
  }

  /// The static cost bound of scoring one city with `program`, as the budget counts it.
  static func total(_ program: Program) -> Int {
    program.survey.questions.compactMap(\.relevant).reduce(0) { $0 + $1.cost }
      + program.criteria.reduce(0) { $0 + $1.condition.cost } + program.metrics.reduce(0) { $0 + $1.expression.cost }
      + program.nextSteps.reduce(0) { $0 + $1.when.cost }
      + program.needConditions.joined().compactMap { $0 }.reduce(0) { $0 + $1.cost }
  }

  @Test func shippedRulesStayWellWithinTheBudget() throws {
    let (survey, plugins) = try Self.shipped()
    let log = DiagnosticLog()
    let program = try #require(ProgramCompiler.compile(survey: survey, plugins: plugins, log: log))
    let total = Self.total(program)
    #expect(
      total * 10 <= ProgramCompiler.costBudget, "the shipped rules cost \(total) of \(ProgramCompiler.costBudget)")
  }

  /// Criteria each just under the per-expression limit (the issue had 12,000): refused at load together, naming the
  /// costliest criteria, where before they loaded and took 35 s to score one city.
  @Test func manyCheapEnoughCriteriaTogetherAreRefused() throws {
    let (survey, plugins) = try Self.shipped()
    let list = "[" + (1...115).map(String.init).joined(separator: ", ") + "]"
    var text = """
      plugin: costly
      version: 1.0.0
      name: {en: Costly, es: Costosa}
      languages: [en, es]
      applies_to: [{survey: wego-activator, versions: ">=1.0.0 <2.0.0"}]
      criteria:

      """
    for index in 0..<40 {
      text +=
        "  - {id: c\(index), pillar: government, stage: 2, title: {en: C, es: C}, when: \"\(list).all(x, !\(list).exists(y, x == y + 1000))\"}\n"
    }
    let log = DiagnosticLog()
    let file = SourceFile(path: "costly.yaml", bytes: Array(text.utf8))
    let (source, root) = try #require(Document.parse(file, limits: .authored, log: log))
    let plugin = try #require(PluginLoader.loadSingleFile(source, root, log: log))
    #expect(!log.hasErrors, "\(log.sorted.prefix(3).map(\.message))")
    let program = ProgramCompiler.compile(survey: survey, plugins: plugins + [plugin], log: log)
    #expect(program == nil)
    let error = try #require(log.sorted.first { $0.code == "cost-budget" })
    #expect(error.message.contains("more than the budget of \(ProgramCompiler.costBudget)"))
    #expect(error.location.file == "costly.yaml" && error.location.line >= 7)
    #expect(error.notes.count == 5 && error.notes.allSatisfy { $0.message.hasPrefix("criterion 'costly/c") })
  }
}
