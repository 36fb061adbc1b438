import Testing

@testable import ActivatorCore

@Suite struct ExpressionTests {
  let survey: Survey

  init() throws {
    survey = try TinySurvey.load()
  }

  func compile(_ text: String, purpose: ExpressionEnvironment.Purpose = .condition, expecting: ExprType? = .bool)
    -> (CompiledExpression?, [Diagnostic])
  {
    ExpressionCompiler.compile(
      ExpressionSource(text), in: ExpressionEnvironment(survey: survey, purpose: purpose), expecting: expecting)
  }

  /// Evaluates with answers given by question id.
  func evaluate(_ text: String, _ answers: [String: AnswerValue] = [:], skipped: Set<String> = []) throws -> Value {
    let (compiled, diagnostics) = compile(text, expecting: nil)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let expression = try #require(compiled)
    var values = [Value](repeating: .unknown(.unanswered), count: survey.questions.count)
    for (id, answer) in answers {
      let slot = try #require(survey.questionIndex[id])
      values[slot] = Scorer.value(answer, slot: slot)
    }
    for id in skipped { values[survey.questionIndex[id]!] = .unknown(.notRelevant) }
    let context = EvaluationContext(values: values, optionValues: survey.questions.map { $0.options.map(\.value) })
    return expression.evaluate(context)
  }

  func bool(_ value: Value) -> Bool? {
    if case .bool(let b) = value { return b }
    return nil
  }

  func errors(_ text: String, purpose: ExpressionEnvironment.Purpose = .condition) -> [String] {
    compile(text, purpose: purpose).1.map { "\($0.location.column) \($0.code): \($0.message)" }
  }

  // MARK: - Type checking

  @Test func unknownQuestionSuggestsTheNearestId() {
    let found = errors("portl && online > 3")
    #expect(found == ["1 unknown-question: unknown question 'portl'; did you mean 'portal'?"])
  }

  @Test func unknownOptionIsReportedInsideTheExpression() {
    let found = errors("strategy == 'adoptd'")
    #expect(found == ["13 unknown-option: 'adoptd' is not an option of 'strategy'; did you mean 'adopted'?"])
  }

  @Test func yesNoComparedWithNumberIsATypeError() {
    let found = errors("portal == 1")
    #expect(found.count == 1)
    #expect(found[0].contains("cannot compare 'portal' (a yes/no (bool) value) with a whole number"))
  }

  @Test func yesNoComparedWithYesTextGetsAHint() {
    #expect(errors("portal == 'yes'").first?.contains("write 'portal' or '!portal'") == true)
  }

  @Test func textComparedWithNumberIsATypeError() {
    #expect(
      errors("remarks > 3").first?.contains("cannot compare 'remarks' (text (string)) with a whole number") == true)
  }

  @Test func choicesCannotBeOrderedButLevelsCan() {
    #expect(errors("strategy >= 'draft'").first?.contains("level(strategy) >= 3") == true)
    #expect(errors("level(strategy) >= 2").isEmpty)
    #expect(errors("level(online) >= 2").first?.contains("not a single-choice question") == true)
  }

  @Test func missingCodeIsNotAnOption() {
    #expect(errors("strategy == 'dont_know'").first?.contains("test it with dont_know(strategy)") == true)
  }

  @Test func outcomeFunctionsOnlyInMetricsAndNextSteps() {
    #expect(errors("stage('alpha') >= 2").first?.contains("can only be used in metrics and next steps") == true)
    #expect(errors("stage('alpha') >= 2", purpose: .outcome).isEmpty)
    #expect(errors("stage('alpah') >= 2", purpose: .outcome).first?.contains("did you mean 'alpha'?") == true)
  }

  @Test func conditionMustBeYesNo() {
    #expect(errors("online + 1").first?.contains("expected a yes/no (bool) value here") == true)
  }

  @Test func syntaxErrorsPointAtTheToken() {
    #expect(errors("portal && && online > 1") == ["11 syntax: expected a value, a question id or '(', found '&&'"])
    #expect(errors("online = 3") == ["8 syntax: '=' is not an operator; use '==' to compare"])
    #expect(errors("'open") == ["1 syntax: text started here is never closed with '"])
  }

  @Test func deepNestingIsRefusedAtParse() {
    let text = String(repeating: "(", count: 200) + "portal" + String(repeating: ")", count: 200)
    #expect(errors(text).first?.contains("nested more than") == true)
  }

  @Test func longChainsAreRefusedBeforeTheyExhaustTheStack() throws {
    #expect(errors("datasets" + String(repeating: " + 1", count: 98) + " > 0").isEmpty)
    #expect(
      errors("datasets" + String(repeating: " + 1", count: 99) + " > 0").first?.contains(
        "more than 100 operations deep") == true)
    // A chain as long as the length limit allows: checking it recursively would overflow the stack.
    let chain = Array(repeating: "true", count: 666).joined(separator: "||")
    #expect(
      errors(chain) == [
        "1 too-deep: expression is more than 100 operations deep (each operator of a chain such as a || b || c adds one); split it, or test many values at once with 'in [...]'"
      ])
    #expect(errors(String(repeating: "[0]", count: 1300) + "[0] == 0").first?.contains("operations deep") == true)
  }

  @Test func expensiveMacrosAreRefusedWithTheirCost() {
    let list = "[" + (0..<400).map(String.init).joined(separator: ",") + "]"
    let text = "\(list).all(x, \(list).all(y, x + y >= 0))"
    let found = errors(text)
    #expect(found.count == 1)
    #expect(found[0].contains("too-costly"))
    #expect(found[0].contains("all() runs"))
  }

  @Test func macroVariableMayNotHideAQuestion() {
    #expect(errors("[1].all(portal, portal > 0)").first?.contains("would hide the question") == true)
  }

  @Test func relevanceMayOnlyReadEarlierQuestions() throws {
    let slot = try #require(survey.questionIndex["strategy"])
    #expect(errors("online > 3", purpose: .relevance(slot)).first?.contains("comes later") == true)
    #expect(errors("portal", purpose: .relevance(slot)).isEmpty)
  }

  // MARK: - Evaluation: three-valued logic

  @Test func unknownAbsorbedByAndOrLikeCEL() throws {
    #expect(bool(try evaluate("portal && online > 50", ["portal": .bool(false)])) == false)
    #expect(bool(try evaluate("portal || online > 50", ["portal": .bool(true)])) == true)
    let unknown = try evaluate("portal && online > 50", ["portal": .bool(true), "online": .missing(.dontKnow)])
    guard case .unknown(let why) = unknown else {
      Issue.record("expected unknown, got \(unknown)")
      return
    }
    #expect(why == .dontKnow)
  }

  @Test func skippedQuestionsReadAsNotRelevant() throws {
    let value = try evaluate("datasets >= 10", ["portal": .bool(false)], skipped: ["datasets"])
    guard case .unknown(let why) = value else {
      Issue.record("expected unknown")
      return
    }
    #expect(why == .notRelevant)
    #expect(Scorer.outcome(value) == .unmet)
    #expect(Scorer.outcome(.unknown(.notApplicable)) == .notApplicable)
    #expect(Scorer.outcome(.unknown([.notApplicable, .dontKnow])) == .unknown)
  }

  @Test func answerStateFunctions() throws {
    let answers: [String: AnswerValue] = ["strategy": .missing(.dontKnow), "online": .missing(.notApplicable)]
    #expect(bool(try evaluate("answered(strategy) && !known(strategy) && dont_know(strategy)", answers)) == true)
    #expect(bool(try evaluate("not_applicable(online) && !answered(portal)", answers)) == true)
    #expect(bool(try evaluate("value_or(online, 0.0) == 0.0", answers)) == true)
  }

  @Test func choicesAndMultiChoices() throws {
    let answers: [String: AnswerValue] = ["strategy": .choice(2), "channels": .choices([0, 1])]
    #expect(bool(try evaluate("strategy == 'adopted' && level(strategy) == 3", answers)) == true)
    #expect(bool(try evaluate("strategy in ['draft', 'adopted']", answers)) == true)
    #expect(bool(try evaluate("'app' in channels && size(channels) == 2", answers)) == true)
    #expect(bool(try evaluate("channels.exists(c, c == 'web') && !channels.all(c, c == 'web')", answers)) == true)
    #expect(bool(try evaluate("channels.filter(c, c != 'web').size() == 1", answers)) == true)
  }

  @Test func numbersMixIntAndDouble() throws {
    let answers: [String: AnswerValue] = ["datasets": .integer(7), "online": .decimal(7.0), "portal": .bool(true)]
    #expect(bool(try evaluate("datasets == online && datasets * 2 > online + 6.5", answers)) == true)
    if case .int(let n) = try evaluate("datasets / 2", answers) {
      #expect(n == 3)
    } else {
      Issue.record("int division")
    }
    if case .double(let d) = try evaluate("online / 2", answers) {
      #expect(d == 3.5)
    } else {
      Issue.record("double division")
    }
  }

  @Test func divisionByZeroAndOverflowAreErrorsNotTraps() throws {
    let answers: [String: AnswerValue] = ["datasets": .integer(0), "portal": .bool(true)]
    guard case .error(let division) = try evaluate("10 / datasets", answers) else {
      Issue.record("expected an error")
      return
    }
    #expect(division.message.description == "division by zero")
    guard case .error(let overflow) = try evaluate("9223372036854775807 + datasets + 1", answers) else {
      Issue.record("expected an overflow error")
      return
    }
    #expect(overflow.message.description.contains("overflow"))
    guard case .error(let index) = try evaluate("[1, 2][datasets + 5]", answers) else {
      Issue.record("expected an index error")
      return
    }
    #expect(index.message.description.contains("out of range"))
    // An error on one side of && is absorbed when the other side is false.
    #expect(bool(try evaluate("false && 10 / datasets > 1", answers)) == false)
  }

  @Test func conditionalAndConversions() throws {
    let answers: [String: AnswerValue] = ["online": .decimal(42.5)]
    if case .int(let n) = try evaluate("online > 40 ? int(online) : 0", answers) {
      #expect(n == 42)
    } else {
      Issue.record("?:")
    }
    if case .string(let s) = try evaluate("string(3) + 'x'", answers) {
      #expect(s == "3x")
    } else {
      Issue.record("string")
    }
    if case .double(let d) = try evaluate("max(online, 50, 1)", answers) {
      #expect(d == 50)
    } else {
      Issue.record("max")
    }
  }
}

@Suite struct ExpressionSourceTests {
  /// Maps offsets of expressions written in different YAML scalar styles back to the file.
  func location(_ yaml: String, offsetOf needle: String) throws -> (Int, Int) {
    let (file, root) = try node(yaml)
    let valueNode = try #require(root.mapping?.first?.value)
    let source = ExpressionSource(
      text: valueNode.scalar!, file: file, path: file.path, start: valueNode.start, style: valueNode.scalarStyle!)
    let offset = try #require(source.text.firstRange(of: needle)).lowerBound
    let scalars = source.text.unicodeScalars.distance(from: source.text.unicodeScalars.startIndex, to: offset)
    let location = source.location(ofOffset: scalars)
    return (location.line, location.column)
  }

  @Test func plain() throws {
    #expect(try location("when: portal && online > 3\n", offsetOf: "online") == (1, 17))
  }

  @Test func doubleQuotedWithEscapes() throws {
    #expect(try location("when: \"remarks == 'a\\\"b' && online > 3\"\n", offsetOf: "online") == (1, 29))
  }

  @Test func singleQuotedWithDoubledQuotes() throws {
    #expect(try location("when: 'remarks == ''x'' && online > 3'\n", offsetOf: "online") == (1, 28))
  }

  @Test func literalBlock() throws {
    #expect(try location("when: |\n  portal &&\n    online > 3\n", offsetOf: "online") == (3, 5))
  }

  @Test func foldedPlainOverTwoLines() throws {
    #expect(try location("when: portal &&\n  online > 3\n", offsetOf: "online") == (2, 3))
  }
}
