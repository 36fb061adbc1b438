/// Where an expression is used decides what it may read.
package struct ExpressionEnvironment: Sendable {
  package enum Purpose: Sendable, Equatable {
    /// Skip logic of the question in this slot: may read only questions asked before it.
    case relevance(Int)
    /// A criterion, ladder or prerequisite: reads answers.
    case condition
    /// Metrics and next steps: read answers and, through `stage()` and friends, outcomes.
    case outcome
  }

  package var survey: Survey
  package var purpose: Purpose
  /// Criterion ids `met()` may name (next steps and metrics), both plain and qualified.
  package var criterionIDs: [String: Int]
  /// The rule set's definitions and metrics, which expressions name (`energy_index`,
  /// `metric('id')`); nil outside a rule set (survey skip logic).
  var names: NamedExpressions?
  /// The plugin the expression belongs to (an index into `names`): it sees its own definitions
  /// and those of the plugins it requires.
  var plugin: Int?

  package init(survey: Survey, purpose: Purpose, criterionIDs: [String: Int] = [:]) {
    self.survey = survey
    self.purpose = purpose
    self.criterionIDs = criterionIDs
  }

  init(survey: Survey, purpose: Purpose, criterionIDs: [String: Int], names: NamedExpressions?, plugin: Int?) {
    self.init(survey: survey, purpose: purpose, criterionIDs: criterionIDs)
    self.names = names
    self.plugin = plugin
  }
}

/// A checked expression, ready to evaluate many times.
///
/// A class, so that handing one around in the scoring loop costs one reference count, not one
/// per field.
package final class CompiledExpression: Sendable {
  package let source: ExpressionSource
  package let type: ExprType
  /// Slots of the questions this expression reads, ascending (what `explain` shows).
  package let reads: [Int]
  package let usesOutcomes: Bool
  /// Pillars it names through `stage()`, `score()`, `coverage()` and `target()`, and criteria
  /// through `met()`, including inside the definitions it uses: what a next step or a need is
  /// about.
  package let pillarsNamed: [Int]
  package let criteriaNamed: [String]
  /// Upper bound on evaluation steps, estimated at load.
  package let cost: Int
  let run: @Sendable (EvaluationContext) -> Value
  /// The checked tree, for definitions that other expressions expand.
  let syntax: Syntax

  init(
    source: ExpressionSource, type: ExprType, checker: Checker, cost: Int, syntax: Syntax,
    run: @escaping @Sendable (EvaluationContext) -> Value
  ) {
    self.source = source
    self.type = type
    self.reads = checker.reads.sorted()
    self.usesOutcomes = checker.usesOutcomes
    self.pillarsNamed = checker.pillarsNamed
    self.criteriaNamed = checker.criteriaNamed
    self.cost = cost
    self.syntax = syntax
    self.run = run
  }

  /// The same expression with a step after it (a comparison with a ladder's threshold): it reads
  /// and names what this one does, and its source still points into the text as written.
  init(
    _ inner: CompiledExpression, type: ExprType, extraCost: Int, run: @escaping @Sendable (EvaluationContext) -> Value
  ) {
    self.source = inner.source
    self.type = type
    self.reads = inner.reads
    self.usesOutcomes = inner.usesOutcomes
    self.pillarsNamed = inner.pillarsNamed
    self.criteriaNamed = inner.criteriaNamed
    self.cost = inner.cost + extraCost
    self.syntax = inner.syntax
    self.run = run
  }

  package func evaluate(_ context: EvaluationContext) -> Value {
    context.steps = 0
    return run(context)
  }
}

typealias Eval = @Sendable (EvaluationContext) -> Value

/// Parses and type-checks expressions against a survey and lowers them to closures.
package enum ExpressionCompiler {
  /// Static cost above which an expression is refused at load.
  package static let costLimit = 100_000

  /// Compiles `source`; on failure returns `nil` and diagnostics at file:line:col inside the
  /// expression.
  package static func compile(
    _ source: ExpressionSource, in environment: ExpressionEnvironment, expecting expected: ExprType?
  ) -> (CompiledExpression?, [Diagnostic]) {
    let syntax: Syntax
    do {
      syntax = try Parser.parse(source.text)
    } catch {
      return (nil, [diagnostic(error, source)])
    }
    let checker = Checker(environment: environment)
    let typed = checker.check(syntax)
    if let expected, typed.type != .invalid, !checker.fits(typed.type, expected) {
      checker.fail(
        "type-mismatch",
        Message(
          .exprExpectedHereButThis,
          [
            "expected_describe": expected.describe(environment.survey),
            "type_describe": typed.type.describe(environment.survey),
          ]),
        syntax.range)
    }
    if checker.errors.isEmpty && typed.cost > costLimit {
      checker.fail(
        "too-costly",
        Message(
          .exprExpressionMayTakeUp,
          [
            "typed_cost": "\(typed.cost)", "cost_limit": "\(costLimit)",
            "driver": .message(checker.costDriver ?? Message(.exprCostReduceMacros)),
          ]),
        syntax.range)
    }
    if !checker.errors.isEmpty {
      return (nil, checker.errors.map { diagnostic($0, source) })
    }
    // Invalid without an error of its own: it names a definition or metric whose error is
    // already reported where that one is written.
    guard typed.type != .invalid else { return (nil, []) }
    let compiled = CompiledExpression(
      source: source, type: typed.type, checker: checker, cost: typed.cost, syntax: syntax, run: typed.run)
    return (compiled, [])
  }

  static func diagnostic(_ error: ExpressionError, _ source: ExpressionSource) -> Diagnostic {
    let origin = error.source ?? source
    return Diagnostic(
      .error, error.code, error.message, at: origin.location(ofOffset: error.range.lowerBound), notes: error.notes)
  }
}

/// A checked sub-expression: its type, a bound on its cost, and how to evaluate it.
struct Typed {
  var type: ExprType
  var cost: Int
  /// For lists: the most elements it can hold.
  var bound: Int?
  var run: Eval
  var syntax: Syntax

  static func invalid(_ syntax: Syntax) -> Typed {
    Typed(type: .invalid, cost: 1, bound: nil, run: { _ in .null }, syntax: syntax)
  }
}

final class Checker {
  let environment: ExpressionEnvironment
  var survey: Survey { environment.survey }
  var errors: [ExpressionError] = []
  var reads = Set<Int>()
  var usesOutcomes = false
  var pillarsNamed: [Int] = []
  var criteriaNamed: [String] = []
  var costDriver: Message?
  /// Macro variables in scope, innermost last.
  var locals: [Local] = []
  var localCount = 0
  /// The definition being expanded, whose text the offsets of its nodes refer to (nil: the
  /// expression being compiled).
  var currentSource: ExpressionSource?
  /// Static cost of the definitions expanded so far, which bounds the work of expanding them.
  var expandedCost = 0
  /// The level of every option, by question slot and option index (what `level()` reads).
  lazy var optionLevels: [[Int]] = survey.questions.map { $0.options.map { $0.level ?? 0 } }

  /// What `level()` of a value of `type` reads: the levels of the one question a choice of that
  /// question can come from, or of every question for a choice of any question. Each criterion
  /// is checked by a checker of its own, so the whole survey's table for each `level()` of one
  /// question was a measurable share of start-up.
  func levelTable(for type: ExprType) -> [[Int]] {
    guard case .choice(let slot) = type, survey.questions.indices.contains(slot) else { return optionLevels }
    var table = [[Int]](repeating: [], count: survey.questions.count)
    table[slot] = survey.questions[slot].options.map { $0.level ?? 0 }
    return table
  }

  /// A macro variable: an item of the list in `slot` of `EvaluationContext.locals`, or, in a
  /// macro over a section's questions, the question itself (`section('s').all(q, known(q))`).
  struct Local {
    var name: String
    var type: ExprType
    var slot: Int
    var question: Int?
  }

  init(environment: ExpressionEnvironment) {
    self.environment = environment
  }

  func fail(_ code: String, _ message: Message, _ range: Range<Int>, notes: [Diagnostic.Note] = []) {
    errors.append(ExpressionError(code: code, message: message, range: range, source: currentSource, notes: notes))
  }

  /// Whether a value of type `actual` can stand where `expected` is wanted.
  func fits(_ actual: ExprType, _ expected: ExprType) -> Bool {
    if actual == expected || actual == .invalid || expected == .invalid || actual == .any || expected == .any {
      return true
    }
    switch (actual, expected) {
    case (.int, .double), (.double, .int): return true
    case (.choice, .string), (.string, .choice), (.date, .string), (.string, .date): return true
    case (.anyChoice, .string), (.string, .anyChoice): return true
    case (.choice(let a), .choice(let b)): return a == b
    case (.choice(let slot), .anyChoice), (.anyChoice, .choice(let slot)): return survey.questions[slot].isOrdinal
    case (.list(let a), .list(let b)): return fits(a, b)
    default: return false
    }
  }

  /// "'gov_portal' (a yes/no value)" for question references, the type alone otherwise.
  func describe(_ typed: Typed) -> MessageArgument {
    if let slot = questionNamed(by: typed.syntax) {
      return .message(
        Message(.typeQuestionNamed, ["name": .text(survey.questions[slot].id), "type": typed.type.describe(survey)]))
    }
    return typed.type.describe(survey)
  }

  /// The question a bare name stands for: a question id, or the variable of a macro over a
  /// section's questions.
  func questionNamed(by syntax: Syntax) -> Int? {
    guard case .identifier(let name, _) = syntax else { return nil }
    if let local = locals.last(where: { $0.name == name }) { return local.question }
    return survey.questionIndex[name]
  }

  // MARK: - Nodes

  func check(_ syntax: Syntax) -> Typed {
    switch syntax {
    case .literal(let literal, _): return literalValue(literal, syntax)
    case .identifier(let name, let range): return identifier(name, range, syntax)
    case .list(let items, _): return list(items, syntax)
    case .unary(let op, let operandSyntax, _): return unary(op, operandSyntax, syntax)
    case .binary(let op, let leftSyntax, let rightSyntax, _): return binary(op, leftSyntax, rightSyntax, syntax)
    case .conditional(let conditionSyntax, let thenSyntax, let elseSyntax, _):
      return conditional(conditionSyntax, thenSyntax, elseSyntax, syntax)
    case .call(let name, let target, let args, _, let nameRange):
      return call(name, target: target, args, syntax, nameRange: nameRange)
    case .index(let targetSyntax, let indexSyntax, _): return index(targetSyntax, indexSyntax, syntax)
    case .member(_, let name, let range): return member(name, range, syntax)
    }
  }

  func literalValue(_ literal: Syntax.Literal, _ syntax: Syntax) -> Typed {
    let value: Value
    let type: ExprType
    switch literal {
    case .bool(let b): (value, type) = (.bool(b), .bool)
    case .int(let n): (value, type) = (.int(n), .int)
    case .double(let d): (value, type) = (.double(d), .double)
    case .string(let s): (value, type) = (.string(s), .string)
    case .null: (value, type) = (.null, .null)
    }
    return Typed(type: type, cost: 1, bound: nil, run: { _ in value }, syntax: syntax)
  }

  /// A list literal: its items share one type (whole numbers become decimals beside decimals).
  func list(_ items: [Syntax], _ syntax: Syntax) -> Typed {
    let typedItems = items.map(check)
    var element: ExprType = .any
    for item in typedItems where item.type != .invalid {
      guard let joined = unify(element, item.type) else {
        let choices = [element, item.type].allSatisfy { if case .choice = $0 { true } else { $0 == .anyChoice } }
        fail(
          "type-mismatch",
          Message(
            choices ? .exprListMixesChoices : .exprListMixesAllItems,
            ["element_describe": element.describe(survey), "type_describe": item.type.describe(survey)]),
          item.syntax.range)
        return .invalid(syntax)
      }
      element = joined
    }
    let runs = typedItems.map(\.run)
    let cost = typedItems.reduce(1) { $0 + $1.cost }
    let promote = element == .double
    return Typed(
      type: .list(element), cost: cost, bound: items.count,
      run: { context in
        var values: [Value] = []
        values.reserveCapacity(runs.count)
        for run in runs {
          let value = run(context)
          switch value {
          case .error, .unknown: return value
          case .int(let n) where promote: values.append(.double(Double(n)))
          default: values.append(value)
          }
        }
        return .list(values)
      }, syntax: syntax)
  }

  /// `!` on a yes/no value, `-` on a number.
  func unary(_ op: String, _ operandSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let operand = check(operandSyntax)
    if operand.type == .invalid { return .invalid(syntax) }
    let run = operand.run
    if op == "!" {
      guard operand.type == .bool || operand.type == .any else {
        fail("type-mismatch", Message(.exprNeedsYesNoValue, ["describe": describe(operand)]), operandSyntax.range)
        return .invalid(syntax)
      }
      return Typed(
        type: .bool, cost: operand.cost + 1, bound: nil,
        run: { context in
          let value = run(context)
          if case .bool(let b) = value { return .bool(!b) }
          return value
        }, syntax: syntax)
    }
    guard operand.type.isNumeric || operand.type == .any else {
      fail("type-mismatch", Message(.exprNeedsNumberButNot, ["describe": describe(operand)]), operandSyntax.range)
      return .invalid(syntax)
    }
    let range = syntax.range
    return Typed(
      type: operand.type, cost: operand.cost + 1, bound: nil,
      run: { context in
        switch run(context) {
        case .int(let n):
          let (result, overflow) = (0 as Int).subtractingReportingOverflow(n)
          return overflow ? .error(EvaluationError(Message(.evalOverflow, ["op": "-"]), range: range)) : .int(result)
        case .double(let d): return .double(-d)
        case let other: return other
        }
      }, syntax: syntax)
  }

  /// `condition ? then : otherwise`: both branches share one type.
  func conditional(_ conditionSyntax: Syntax, _ thenSyntax: Syntax, _ elseSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let condition = check(conditionSyntax)
    let then = check(thenSyntax)
    let otherwise = check(elseSyntax)
    if condition.type != .invalid && condition.type != .bool && condition.type != .any {
      fail(
        "type-mismatch", Message(.exprConditionBeforeMustBe, ["describe": describe(condition)]), conditionSyntax.range)
    }
    guard condition.type != .invalid, then.type != .invalid, otherwise.type != .invalid else { return .invalid(syntax) }
    guard let type = unify(then.type, otherwise.type) else {
      fail(
        "type-mismatch",
        Message(
          .exprBothBranchesMustHave,
          ["type_describe": then.type.describe(survey), "type_describe2": otherwise.type.describe(survey)]),
        elseSyntax.range)
      return .invalid(syntax)
    }
    let (c, t, e) = (condition.run, then.run, otherwise.run)
    let promote = type == .double
    return Typed(
      type: type, cost: condition.cost + max(then.cost, otherwise.cost) + 1,
      bound: max(then.bound ?? 0, otherwise.bound ?? 0),
      run: { context in
        switch c(context) {
        case .bool(true): return promoteIfNeeded(t(context), promote)
        case .bool(false): return promoteIfNeeded(e(context), promote)
        case let other: return other
        }
      }, syntax: syntax)
  }

  /// `list[n]`: a whole number inside the list, else an evaluation error.
  func index(_ targetSyntax: Syntax, _ indexSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let target = check(targetSyntax)
    let index = check(indexSyntax)
    guard target.type != .invalid, index.type != .invalid else { return .invalid(syntax) }
    guard let element = target.type == .any ? .any : target.type.elementType else {
      fail("type-mismatch", Message(.exprOnlyListsCanBe, ["describe": describe(target)]), targetSyntax.range)
      return .invalid(syntax)
    }
    guard index.type == .int || index.type == .any else {
      fail(
        "type-mismatch", Message(.exprListIndexMustBe, ["type_describe": index.type.describe(survey)]),
        indexSyntax.range)
      return .invalid(syntax)
    }
    let (t, i) = (target.run, index.run)
    let range = syntax.range
    return Typed(
      type: element, cost: target.cost + index.cost + 1, bound: nil,
      run: { context in
        let list = t(context)
        let position = i(context)
        if let failed = propagate(list, position) { return failed }
        guard case .list(let items) = list, case .int(let n) = position else { return .null }
        guard n >= 0 && n < items.count else {
          return .error(
            EvaluationError(
              Message(.evalIndex, ["index": .text(String(n)), "count": .count(items.count)]), range: range))
        }
        return items[n]
      }, syntax: syntax)
  }

  /// `a.b`: rules have no fields to read.
  func member(_ name: String, _ range: Range<Int>, _ syntax: Syntax) -> Typed {
    fail("unsupported", Message(.exprFieldsNotPartRule, ["name": .text(name)]), range)
    return .invalid(syntax)
  }

  func unify(_ a: ExprType, _ b: ExprType) -> ExprType? {
    if a == b { return a }
    if a == .any { return b }
    if b == .any { return a }
    if a.isNumeric && b.isNumeric { return .double }
    // Choices of different questions meet where their levels make them comparable.
    if levelled(a) && levelled(b) { return .anyChoice }
    if case .list(let x) = a, case .list(let y) = b, let element = unify(x, y) { return .list(element) }
    if fits(a, b) { return a.isTextual && b.isTextual ? .string : a }
    return nil
  }

  /// An option of an ordinal choice question, or of several: what `level()` reads.
  func levelled(_ type: ExprType) -> Bool {
    switch type {
    case .anyChoice: true
    case .choice(let slot): survey.questions[slot].isOrdinal
    default: false
    }
  }

  // MARK: - Identifiers

  func identifier(_ name: String, _ range: Range<Int>, _ syntax: Syntax) -> Typed {
    if let local = locals.last(where: { $0.name == name }) {
      if let question = local.question { return answer(question, syntax) }
      let slot = local.slot
      return Typed(type: local.type, cost: 1, bound: nil, run: { context in context.locals[slot] }, syntax: syntax)
    }
    if survey.questionIndex[name] == nil, let definition = environment.names?.definition(name) {
      return expand(definition, range, syntax)
    }
    guard let slot = survey.questionIndex[name] else {
      var candidates = Array(survey.questionIndex.keys)
      candidates += locals.map(\.name)
      candidates += environment.names?.definitionNames(visibleFrom: environment.plugin) ?? []
      var message = Message(
        .exprUnknownQuestion, ["name": .text(name), "hint": DidYouMean.hint(name, from: candidates)])
      if survey.pillarIndex(name) != nil {
        message = Message(.exprPillarNotQuestion, ["name": .text(name)])
      } else if let truth = [
        "yes": true, "Yes": true, "YES": true, "on": true, "no": false, "No": false, "NO": false, "off": false,
        "True": true, "False": false,
      ][name] {
        message = Message(.exprYesNoWord, ["name": .text(name), "truth": .text(String(truth))])
      }
      fail("unknown-question", message, range)
      return .invalid(syntax)
    }
    if case .relevance(let current) = environment.purpose, slot >= current {
      let currentID = survey.questions[current].id
      fail(
        "relevance-order",
        slot == current
          ? Message(.exprRelevanceSelf, ["id": .text(currentID)])
          : Message(.exprRelevanceLater, ["id": .text(currentID), "name": .text(name)]),
        range)
      return .invalid(syntax)
    }
    return answer(slot, syntax)
  }

  /// The answer to the question in `slot`.
  func answer(_ slot: Int, _ syntax: Syntax) -> Typed {
    reads.insert(slot)
    let question = survey.questions[slot]
    let bound = question.kind.chosenOptions == .several ? question.options.count : nil
    return Typed(
      type: question.expressionType(slot: slot), cost: 1, bound: bound,
      run: { context in context.values[slot] }, syntax: syntax)
  }

  /// The question slot named by a bare identifier argument, for functions such as `answered(q)`.
  func questionArgument(_ syntax: Syntax, function: String) -> Int? {
    guard case .identifier(let name, let range) = syntax else {
      fail("argument", Message(.exprTakesQuestionIdE, ["function": "\(function)"]), syntax.range)
      return nil
    }
    if let local = locals.last(where: { $0.name == name }) {
      if let question = local.question {
        reads.insert(question)
        return question
      }
      fail("argument", Message(.exprTakesQuestionIdBut, ["function": "\(function)", "name": "\(name)"]), range)
      return nil
    }
    if survey.questionIndex[name] == nil, environment.names?.definition(name) != nil {
      fail(
        "argument", Message(.exprTakesQuestionIdDefinition, ["function": .text(function), "name": .text(name)]), range)
      return nil
    }
    let typed = identifier(name, range, syntax)
    guard typed.type != .invalid, let slot = survey.questionIndex[name] else { return nil }
    return slot
  }

  // MARK: - Choice literals

  /// Checks a text literal used as an option of question `slot` and turns it into that option.
  func choiceLiteral(_ syntax: Syntax, of slot: Int) -> Typed? {
    guard case .literal(.string(let text), let range) = syntax else { return nil }
    let question = survey.questions[slot]
    guard let option = question.optionIndex(text) else {
      let listed =
        DidYouMean.suggest(text, from: question.options.map(\.value)).map(DidYouMean.hint)
        ?? .message(
          Message(
            .exprItsOptionsAre, ["options": .text(question.options.map { "'\($0.value)'" }.joined(separator: ", "))]))
      if let code = MissingCode(rawValue: text) {
        let function = code == .dontKnow ? "dont_know" : "not_applicable"
        fail(
          "unknown-option",
          Message(
            .exprMissingDataCodeNot, ["text": "\(text)", "question_id": "\(question.id)", "function": "\(function)"]),
          range)
      } else {
        fail(
          "unknown-option",
          Message(.exprNotOption, ["text": "\(text)", "question_id": "\(question.id)", "listed": listed]), range)
      }
      return .invalid(syntax)
    }
    let value = Value.choice(Int32(slot), Int32(option))
    return Typed(type: .choice(slot), cost: 1, bound: nil, run: { _ in value }, syntax: syntax)
  }

  /// A list literal of texts used as options of question `slot`.
  func choiceListLiteral(_ syntax: Syntax, of slot: Int) -> Typed? {
    guard case .list(let items, _) = syntax, !items.isEmpty,
      items.allSatisfy({ if case .literal(.string, _) = $0 { true } else { false } })
    else { return nil }
    var values: [Value] = []
    var failed = false
    for item in items {
      guard let typed = choiceLiteral(item, of: slot), typed.type != .invalid else {
        failed = true
        continue
      }
      if case .literal(.string(let text), _) = item, let option = survey.questions[slot].optionIndex(text) {
        values.append(.choice(Int32(slot), Int32(option)))
      }
    }
    if failed { return .invalid(syntax) }
    let list = Value.list(values)
    return Typed(type: .list(.choice(slot)), cost: items.count, bound: items.count, run: { _ in list }, syntax: syntax)
  }

  /// Checks a date literal (`'2024-01-31'`).
  func dateLiteral(_ syntax: Syntax) {
    guard case .literal(.string(let text), let range) = syntax else { return }
    if !DateText.isValid(text) {
      fail("date", Message(.exprNotDateFormYyyy, ["text": "\(text)"]), range)
    }
  }
}

@inline(__always)
func promoteIfNeeded(_ value: Value, _ promote: Bool) -> Value {
  if promote, case .int(let n) = value { return .double(Double(n)) }
  return value
}

/// Errors win over unknowns; unknowns combine their reasons; `nil` when both are plain values.
@inline(__always)
func propagate(_ a: Value, _ b: Value) -> Value? {
  if case .error = a { return a }
  if case .error = b { return b }
  switch (a, b) {
  case (.unknown(let x), .unknown(let y)): return .unknown(x.union(y))
  case (.unknown, _): return a
  case (_, .unknown): return b
  default: return nil
  }
}

enum DateText {
  /// `YYYY-MM-DD` with a real month and day.
  static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else { return false }
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= days[month - 1]
  }
}
