/// CEL's macros: `list.all(x, p)`, `exists`, `exists_one`, `filter`, `map(x, e)` and
/// `map(x, p, e)`.
enum MacroKind: String, CaseIterable {
  case all, exists
  case existsOne = "exists_one"
  case filter, map

  var isQuantifier: Bool { self == .all || self == .exists || self == .existsOne }

  /// How many bodies after the variable: a condition, an expression, or both for `map`.
  var bodyCounts: [Int] { self == .map ? [1, 2] : [1] }
}

extension Checker {
  func macro(_ kind: MacroKind, _ targetSyntax: Syntax, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    let name = kind.rawValue
    guard let first = args.first, kind.bodyCounts.contains(args.count - 1) else {
      fail("argument", Message(.exprTakesVariableNameExpression, ["name": .text(name)]), syntax.range)
      return .invalid(syntax)
    }
    guard let variable = macroVariable(first, kind) else { return .invalid(syntax) }
    if case .call("section", nil, let sectionArgs, _, _) = targetSyntax {
      return sectionMacro(kind, variable, section: sectionArgs, targetSyntax, args, syntax)
    }
    let target = check(targetSyntax)
    guard target.type != .invalid else { return .invalid(syntax) }
    guard let element = target.type == .any ? .any : target.type.elementType else {
      fail(
        "type-mismatch", Message(.exprWorksOnListsBut, ["name": .text(name), "describe": describe(target)]),
        targetSyntax.range)
      return .invalid(syntax)
    }
    let slot = localCount
    localCount += 1
    locals.append(Local(name: variable, type: element, slot: slot, question: nil))
    let bodies = args.dropFirst().map(check)
    locals.removeLast()
    guard bodies.allSatisfy({ $0.type != .invalid }), checkPredicate(kind, bodies) else { return .invalid(syntax) }
    let bound = target.bound ?? Self.unknownListLength
    if target.bound == nil { costDriver = Message(.exprCostUnknownLength, ["name": .text(name)]) }
    let bodyCost = bodies.reduce(1) { $0 + $1.cost }
    let (cost, costOverflow) = bound.multipliedReportingOverflow(by: bodyCost)
    let totalCost = costOverflow ? Int.max / 2 : min(Int.max / 2, target.cost + cost)
    if totalCost > ExpressionCompiler.costLimit && costDriver == nil {
      costDriver = Message(
        .exprCostPerItem, ["name": .text(name), "steps": .text(String(bodyCost)), "items": .text(String(bound))])
    }
    let list = target.run
    let range = syntax.range
    let bodyRuns = bodies.map(\.run)
    let loop: @Sendable (EvaluationContext, [Value]) -> Value
    switch kind {
    case .all, .exists, .existsOne:
      let predicate = bodyRuns[0]
      loop = { context, items in
        MacroLoop.quantify(
          kind, items.count, item: { bind(context, slot, items[$0], range) }, predicate: { _ in predicate(context) })
      }
    case .filter:
      let predicate = bodyRuns[0]
      loop = { context, items in
        MacroLoop.filter(
          items.count, item: { bind(context, slot, items[$0], range) }, predicate: { _ in predicate(context) },
          promote: false)
      }
    case .map:
      let transform = bodyRuns[bodyRuns.count - 1]
      let filter = bodyRuns.count == 2 ? bodyRuns[0] : nil
      loop = { context, items in
        MacroLoop.map(
          items.count, item: { bind(context, slot, items[$0], range) }, filter: filter.map { f in { _ in f(context) } },
          transform: { _ in transform(context) })
      }
    }
    let resultType: ExprType =
      kind.isQuantifier ? .bool : kind == .filter ? target.type : .list(bodies[bodies.count - 1].type)
    return Typed(
      type: resultType, cost: totalCost, bound: kind.isQuantifier ? nil : target.bound,
      run: { context in
        let value = list(context)
        guard case .list(let items) = value else { return value }
        return loop(context, items)
      }, syntax: syntax)
  }

  /// The macro's variable name, which may not hide a question or a definition.
  private func macroVariable(_ syntax: Syntax, _ kind: MacroKind) -> String? {
    guard case .identifier(let variable, let range) = syntax else {
      fail("argument", Message(.exprFirstArgumentMustBe, ["name": .text(kind.rawValue)]), syntax.range)
      return nil
    }
    if survey.questionIndex[variable] != nil {
      fail("shadowing", Message(.exprMacroVariableWouldHide, ["variable": .text(variable)]), range)
      return nil
    }
    if environment.names?.definition(variable) != nil {
      fail("shadowing", Message(.exprMacroVariableHidesDefinition, ["variable": .text(variable)]), range)
      return nil
    }
    return variable
  }

  /// The condition of `all`, `exists`, `exists_one`, `filter` and three-part `map` is yes/no.
  private func checkPredicate(_ kind: MacroKind, _ bodies: [Typed]) -> Bool {
    guard kind != .map || bodies.count == 2, let predicate = bodies.first else { return true }
    guard predicate.type != .bool, predicate.type != .any else { return true }
    fail(
      "type-mismatch",
      Message(
        .exprConditionMustBeYes, ["name": .text(kind.rawValue), "type_describe": predicate.type.describe(survey)]),
      predicate.syntax.range)
    return false
  }

  /// A macro over a section's questions (`section('energy').all(q, known(q))`): the variable is
  /// each question in turn, so the question functions take it, and the bodies are checked for
  /// each question's own type. An unknown answer is an unknown item, as in a list literal, but
  /// only where an item is read: `filter(q, known(q))` keeps the known answers.
  private func sectionMacro(
    _ kind: MacroKind, _ variable: String, section sectionArgs: [Syntax], _ sectionSyntax: Syntax, _ args: [Syntax],
    _ syntax: Syntax
  ) -> Typed {
    guard let (sectionID, slots) = sectionQuestions(sectionArgs, sectionSyntax) else { return .invalid(syntax) }
    for slot in slots { reads.insert(slot) }
    var bodiesPerQuestion: [[Typed]] = []
    for slot in slots {
      let errorsBefore = errors.count
      locals.append(
        Local(name: variable, type: survey.questions[slot].expressionType(slot: slot), slot: -1, question: slot))
      let bodies = args.dropFirst().map(check)
      locals.removeLast()
      if errors.count > errorsBefore {
        // Checked once per question: one question's problem is enough, and it says which.
        let note = Diagnostic.Note(
          Message(.exprForSectionQuestion, ["question": .text(survey.questions[slot].id), "section": .text(sectionID)]))
        errors.removeLast(errors.count - errorsBefore - 1)
        errors[errors.count - 1].notes.append(note)
        return .invalid(syntax)
      }
      guard bodies.allSatisfy({ $0.type != .invalid }), checkPredicate(kind, bodies) else { return .invalid(syntax) }
      bodiesPerQuestion.append(bodies)
    }
    var resultType: ExprType = .bool
    var promote = false
    if kind == .filter {
      guard let element = sectionElementType(sectionID, slots, sectionArgs[0].range) else { return .invalid(syntax) }
      resultType = .list(element)
      promote = element == .double
    } else if kind == .map {
      var element: ExprType = .any
      for (slot, bodies) in zip(slots, bodiesPerQuestion) {
        guard let joined = unify(element, bodies[bodies.count - 1].type) else {
          fail(
            "type-mismatch",
            Message(
              .exprSectionMapMixes,
              [
                "question": .text(survey.questions[slot].id),
                "describe": bodies[bodies.count - 1].type.describe(survey), "describe2": element.describe(survey),
              ]),
            args[args.count - 1].range)
          return .invalid(syntax)
        }
        element = joined
      }
      resultType = .list(element)
      promote = element == .double
    }
    let promoteItems = promote
    let cost = bodiesPerQuestion.reduce(1) { total, bodies in total + bodies.reduce(1) { $0 + $1.cost } }
    let range = syntax.range
    let predicates = bodiesPerQuestion.map { $0[0].run }
    let transforms = bodiesPerQuestion.map { $0[$0.count - 1].run }
    let hasFilter = kind == .map && args.count == 3
    let item: @Sendable (EvaluationContext, Int) -> Value = { context, index in
      MacroLoop.step(context, range) ?? context.values[slots[index]]
    }
    let run: Eval
    switch kind {
    case .all, .exists, .existsOne:
      run = { context in
        MacroLoop.quantify(kind, slots.count, item: { item(context, $0) }, predicate: { predicates[$0](context) })
      }
    case .filter:
      run = { context in
        MacroLoop.filter(
          slots.count, item: { item(context, $0) }, predicate: { predicates[$0](context) }, promote: promoteItems)
      }
    case .map:
      run = { context in
        let mapped = MacroLoop.map(
          slots.count, item: { item(context, $0) }, filter: hasFilter ? { predicates[$0](context) } : nil,
          transform: { transforms[$0](context) })
        return promoteAll(mapped, promoteItems)
      }
    }
    return Typed(type: resultType, cost: cost, bound: kind.isQuantifier ? nil : slots.count, run: run, syntax: syntax)
  }
}

/// Makes `item` the value of the macro variable in `slot` and counts a step: an error once the
/// step limit is passed.
@inline(__always)
private func bind(_ context: EvaluationContext, _ slot: Int, _ item: Value, _ range: Range<Int>) -> Value {
  if context.locals.count <= slot {
    context.locals += Array(repeating: .null, count: slot + 1 - context.locals.count)
  }
  context.locals[slot] = item
  return MacroLoop.step(context, range) ?? item
}

/// Whole numbers among decimals become decimals, as in a list literal.
private func promoteAll(_ value: Value, _ promote: Bool) -> Value {
  guard promote, case .list(let items) = value else { return value }
  return .list(items.map { promoteIfNeeded($0, true) })
}

/// The loops of the macros, shared by macros over lists and over a section's questions. `item(i)`
/// prepares the i-th item (binds it, counts a step) and gives it, or the error of the step limit,
/// which stops the loop (items themselves are never errors); the bodies then run for it.
enum MacroLoop {
  static func quantify(
    _ kind: MacroKind, _ count: Int, item: (Int) -> Value,
    predicate: (Int) -> Value
  ) -> Value {
    var trues = 0
    var falses = 0
    var pending: Value?
    for index in 0..<count {
      let value = item(index)
      if case .error = value { return value }
      switch predicate(index) {
      case .bool(true): trues += 1
      case .bool(false): falses += 1
      case let other: pending = propagate(pending ?? other, other) ?? other
      }
      if kind == .all && falses > 0 { return .bool(false) }
      if kind == .exists && trues > 0 { return .bool(true) }
    }
    if let pending { return pending }
    switch kind {
    case .all: return .bool(falses == 0)
    case .exists: return .bool(trues > 0)
    default: return .bool(trues == 1)
    }
  }

  static func filter(
    _ count: Int, item: (Int) -> Value, predicate: (Int) -> Value, promote: Bool
  ) -> Value {
    var kept: [Value] = []
    for index in 0..<count {
      let value = item(index)
      if case .error = value { return value }
      switch predicate(index) {
      case .bool(true):
        // A list holds no unknowns: keeping an unknown answer makes the list unknown.
        if case .unknown = value { return value }
        kept.append(promoteIfNeeded(value, promote))
      case .bool(false): continue
      case let other: return other
      }
    }
    return .list(kept)
  }

  static func map(
    _ count: Int, item: (Int) -> Value, filter: ((Int) -> Value)?,
    transform: (Int) -> Value
  ) -> Value {
    var mapped: [Value] = []
    mapped.reserveCapacity(count)
    for index in 0..<count {
      let value = item(index)
      if case .error = value { return value }
      if let filter {
        switch filter(index) {
        case .bool(true): break
        case .bool(false): continue
        case let other: return other
        }
      }
      let result = transform(index)
      switch result {
      case .error, .unknown: return result
      default: mapped.append(result)
      }
    }
    return .list(mapped)
  }

  /// Counts a step; the error of the step limit once it is passed.
  @inline(__always)
  static func step(_ context: EvaluationContext, _ range: Range<Int>) -> Value? {
    context.steps += 1
    guard context.steps > context.stepLimit else { return nil }
    return .error(EvaluationError(Message(.evalStepLimit, ["steps": .text(String(context.stepLimit))]), range: range))
  }
}
