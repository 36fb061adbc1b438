import Testing

@testable import ActivatorCore

/// Ladder steps are decided by a plan (compare the answer with the threshold) instead of running
/// the step's expression; for every value an answer can take, the plan must decide exactly what
/// the expression decides, including unknowns, the threshold itself and its neighbours.
@Suite struct LadderPlanTests {
  static func program(_ survey: String, _ plugins: [String]) throws -> Program {
    let log = DiagnosticLog()
    let loaded = try #require(SurveyLoader.load(survey, log: log))
    let rules = plugins.flatMap { PluginLoader.loadAll($0, log: log) }
    let program = ProgramCompiler.compile(survey: loaded, plugins: rules, log: log)
    #expect(!log.hasErrors, "\(log.diagnostics.map(\.message))")
    return try #require(program)
  }

  /// Values the answer to `slot` can take: unknowns, every option, and numbers around each
  /// threshold and across the range.
  static func values(for slot: Int, in program: Program, random: inout SeededRandom) -> [Value] {
    var values: [Value] = [
      .unknown(.dontKnow), .unknown(.notApplicable), .unknown(.notRelevant), .unknown(.unanswered),
    ]
    let question = program.survey.questions[slot]
    values += question.options.indices.map { .choice(Int32(slot), Int32($0)) }
    guard question.options.isEmpty else { return values }
    let thresholds = program.ladderPlans.compactMap { $0 }.filter { $0.slot == slot }.map(\.threshold)
    var numbers = thresholds.flatMap { [$0, $0.nextUp, $0.nextDown, $0 + 1, $0 - 1, ($0 * 10).rounded(.down) / 10] }
    let (low, high) = question.bounds
    let from = low ?? -1000
    let to = high ?? 10000
    numbers += [from, to, 0, -0.0] + (0..<40).map { _ in Double.random(in: from...to, using: &random) }
    if case .int = question.kind.expressionType(slot: slot) {
      values += numbers.map { .int(Int($0.rounded())) }
    } else {
      values += numbers.map { .double($0) }
    }
    return values
  }

  static func check(_ program: Program) -> Int {
    var random = SeededRandom(seed: 5)
    var compared = 0
    for (index, plan) in program.ladderPlans.enumerated() {
      guard let plan else { continue }
      for value in values(for: plan.slot, in: program, random: &random) {
        var slots = [Value](repeating: .unknown(.unanswered), count: program.survey.questions.count)
        slots[plan.slot] = value
        let context = EvaluationContext(values: slots, optionValues: program.optionValues)
        let planned = plan.evaluate(slots)
        let evaluated = program.conditions[index].evaluate(context)
        #expect(
          String(describing: planned) == String(describing: evaluated),
          "\(program.criteria[index].qualifiedID) on \(value): the plan gives \(planned), the expression \(evaluated)")
        compared += 1
      }
    }
    return compared
  }

  @Test func plansAgreeWithExpressionsOnEveryKind() throws {
    let program = try Self.program(
      Paths.at("Tests/Fixtures/surveys/every-kind.yaml"), [Paths.at("Tests/Fixtures/plugins/every-kind-ladders.yaml")])
    #expect(program.ladderPlans.compactMap { $0 }.count == 14)
    #expect(Self.check(program) > 500)
  }

  @Test func plansAgreeWithExpressionsOnTheShippedRules() throws {
    let program = try Self.program(Paths.survey, [Paths.rules])
    #expect(program.ladderPlans.contains { $0 != nil })
    #expect(Self.check(program) > 0)
  }
}
