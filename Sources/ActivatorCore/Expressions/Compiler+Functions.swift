extension Checker {
  static let functions = [
    "size", "answered", "known", "dont_know", "not_applicable", "skipped", "level", "value_or", "int",
    "double", "string", "min", "max", "stage", "score", "coverage", "target", "overall", "met",
  ]
  static let methods = ["all", "exists", "exists_one", "filter", "map", "size", "contains", "startsWith", "endsWith"]

  func call(_ name: String, target: Syntax?, _ args: [Syntax], _ syntax: Syntax, nameRange: Range<Int>) -> Typed {
    if let target {
      switch name {
      case "all", "exists", "exists_one", "filter", "map":
        return macro(name, target, args, syntax)
      case "size":
        guard args.isEmpty else { return arity(name, 0, args, syntax) }
        return size(target, syntax)
      case "contains", "startsWith", "endsWith":
        return textMethod(name, target, args, syntax)
      default:
        fail("unknown-function", Message(.exprUnknownMethod, ["name": .text(name), "hint": DidYouMean.hint(name, from: Self.methods)]), nameRange)
        return .invalid(syntax)
      }
    }
    switch name {
    case "size":
      guard args.count == 1 else { return arity(name, 1, args, syntax) }
      return size(args[0], syntax)
    case "answered", "known", "dont_know", "not_applicable", "skipped":
      return answerState(name, args, syntax)
    case "level":
      return level(args, syntax)
    case "value_or":
      return valueOr(args, syntax)
    case "int", "double", "string":
      return conversion(name, args, syntax)
    case "min", "max":
      return extremum(name, args, syntax)
    case "stage", "score", "coverage", "target":
      return pillarOutcome(name, args, syntax, nameRange: nameRange)
    case "overall":
      guard args.isEmpty else { return arity(name, 0, args, syntax) }
      guard outcomesAllowed(name, nameRange) else { return .invalid(syntax) }
      return Typed(
        type: .int, cost: 1, bound: nil,
        run: { context in
          guard let overall = context.outcomes?.overall else { return .unknown(.unavailable) }
          return .int(overall)
        }, syntax: syntax)
    case "met":
      return met(args, syntax, nameRange: nameRange)
    case "has":
      fail("unknown-function", Message(.exprHasForMessageFields), nameRange)
      return .invalid(syntax)
    case "all", "exists", "exists_one", "filter", "map":
      fail("unknown-function", Message(.exprMacroOnListWrite, ["name": "\(name)"]), nameRange)
      return .invalid(syntax)
    default:
      let hint = DidYouMean.hint(name, from: Self.functions)
      fail("unknown-function", Message(.exprUnknownFunction, ["name": "\(name)", "hint": hint]), nameRange)
      return .invalid(syntax)
    }
  }

  func arity(_ name: String, _ expected: Int, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    fail(
      "argument",
      Message(
        .exprTakesArguments, ["name": .text(name), "expected": .count(expected), "given": .message(Message(.exprArgumentsGiven, ["count": .count(args.count)]))]),
      syntax.range)
    return .invalid(syntax)
  }

  // MARK: - Answers

  private func answerState(_ name: String, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard args.count == 1 else { return arity(name, 1, args, syntax) }
    guard let slot = questionArgument(args[0], function: name) else { return .invalid(syntax) }
    let test: @Sendable (Value) -> Bool
    switch name {
    case "answered":
      test = { value in
        if case .unknown(let why) = value { return why.isDisjoint(with: [.unanswered, .notRelevant]) }
        return true
      }
    case "known": test = { !$0.isUnknown }
    case "dont_know":
      test = { if case .unknown(let why) = $0 { why.contains(.dontKnow) } else { false } }
    case "not_applicable":
      test = { if case .unknown(let why) = $0 { why.contains(.notApplicable) } else { false } }
    default:
      test = { if case .unknown(let why) = $0 { why.contains(.notRelevant) } else { false } }
    }
    if name == "skipped" && survey.questions[slot].relevantSource == nil {
      fail(
        "never-true", Message(.exprHasNoSkipLogic, ["slot_id": "\(survey.questions[slot].id)"]),
        syntax.range)
    }
    if name == "dont_know" || name == "not_applicable" {
      let code: MissingCode = name == "dont_know" ? .dontKnow : .notApplicable
      if !survey.questions[slot].allowed.contains(code) {
        fail(
          "never-true",
          Message(.exprDoesNotAllowAnswer, ["slot_id": "\(survey.questions[slot].id)", "code_raw_value": "\(code.rawValue)", "name": "\(name)"]),
          syntax.range)
      }
    }
    return Typed(type: .bool, cost: 2, bound: nil, run: { context in .bool(test(context.values[slot])) }, syntax: syntax)
  }

  private func level(_ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard args.count == 1 else { return arity("level", 1, args, syntax) }
    guard let slot = questionArgument(args[0], function: "level") else { return .invalid(syntax) }
    let question = survey.questions[slot]
    guard question.isOrdinal else {
      let why = Message(question.kind.chosenOptions == .one ? .exprNoLevels : .exprNotSingleChoice)
      fail("type-mismatch", Message(.exprLevelNeedsChoiceQuestion, ["question_id": .text(question.id), "why": .message(why)]), args[0].range)
      return .invalid(syntax)
    }
    let levels = question.options.map { $0.level ?? 0 }
    return Typed(
      type: .int, cost: 2, bound: nil,
      run: { context in
        switch context.values[slot] {
        case .choice(_, let option): return .int(levels[Int(option)])
        case let other: return other
        }
      }, syntax: syntax)
  }

  private func valueOr(_ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard args.count == 2 else { return arity("value_or", 2, args, syntax) }
    var value = check(args[0])
    var fallback = check(args[1])
    if case .choice(let slot) = value.type, let literal = choiceLiteral(args[1], of: slot) { fallback = literal }
    if case .list(.choice(let slot)) = value.type, case .list(let items, _) = args[1], items.isEmpty {
      fallback = Typed(type: .list(.choice(slot)), cost: 1, bound: 0, run: { _ in .list([]) }, syntax: args[1])
    }
    guard value.type != .invalid, fallback.type != .invalid else { return .invalid(syntax) }
    guard let type = unify(value.type, fallback.type) else {
      fail(
        "type-mismatch",
        Message(.exprValueNeedsFallbackSame, ["describe": describe(value), "describe2": describe(fallback)]),
        args[1].range)
      return .invalid(syntax)
    }
    if value.type == .double { value.type = .double }
    let (v, f) = (value.run, fallback.run)
    let promote = type == .double
    return Typed(
      type: type, cost: value.cost + fallback.cost + 1, bound: max(value.bound ?? 0, fallback.bound ?? 0),
      run: { context in
        let result = v(context)
        if case .unknown = result { return promoteIfNeeded(f(context), promote) }
        return promoteIfNeeded(result, promote)
      }, syntax: syntax)
  }

  private func conversion(_ name: String, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard args.count == 1 else { return arity(name, 1, args, syntax) }
    let argument = check(args[0])
    guard argument.type != .invalid else { return .invalid(syntax) }
    let run = argument.run
    let range = syntax.range
    switch name {
    case "string":
      guard argument.type.isNumeric || argument.type.isTextual || argument.type == .bool || argument.type == .any else {
        fail("type-mismatch", Message(.exprStringConvertsNumbersText, ["describe": describe(argument)]), args[0].range)
        return .invalid(syntax)
      }
      return Typed(
        type: .string, cost: argument.cost + 1, bound: nil,
        run: { context in
          let value = run(context)
          if case .unknown = value { return value }
          if case .error = value { return value }
          return .string(ValueOps.text(value, context))
        }, syntax: syntax)
    case "double":
      guard argument.type.isNumeric || argument.type == .string || argument.type == .any else {
        fail("type-mismatch", Message(.exprDoubleConvertsNumbersText, ["describe": describe(argument)]), args[0].range)
        return .invalid(syntax)
      }
      return Typed(
        type: .double, cost: argument.cost + 1, bound: nil,
        run: { context in
          switch run(context) {
          case .int(let n): return .double(Double(n))
          case .string(let s):
            guard let d = Double(s) else { return .error(EvaluationError(Message(.evalNotNumber, ["text": .text(s)]), range: range)) }
            guard d.isFinite else {
              return .error(EvaluationError(Message(.evalNotFinite, ["text": .text(s)]), range: range))
            }
            return .double(d)
          case let other: return other
          }
        }, syntax: syntax)
    default:
      guard argument.type.isNumeric || argument.type == .string || argument.type == .any else {
        fail("type-mismatch", Message(.exprIntConvertsNumbersText, ["describe": describe(argument)]), args[0].range)
        return .invalid(syntax)
      }
      return Typed(
        type: .int, cost: argument.cost + 1, bound: nil,
        run: { context in
          switch run(context) {
          case .double(let d):
            // Both ends are open, as in CEL: -2^63 is excluded with 2^63 (which is what
            // 9223372036854775807.0 reads as), so the range is symmetric.
            guard d.isFinite, d > -0x1p63, d < 0x1p63 else {
              return .error(EvaluationError(Message(.evalNotWhole, ["number": .text(JSONWriter.format(d))]), range: range))
            }
            return .int(Int(saturating: d.rounded(.towardZero)))
          case .string(let s):
            guard let n = Int(s) else { return .error(EvaluationError(Message(.evalNotWholeText, ["text": .text(s)]), range: range)) }
            return .int(n)
          case let other: return other
          }
        }, syntax: syntax)
    }
  }

  private func extremum(_ name: String, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard !args.isEmpty else {
      fail("argument", Message(.exprNeedsAtLeastOne, ["name": "\(name)"]), syntax.range)
      return .invalid(syntax)
    }
    let typed = args.map(check)
    guard typed.allSatisfy({ $0.type != .invalid }) else { return .invalid(syntax) }
    var runs = typed.map(\.run)
    var type: ExprType = .int
    if typed.count == 1, case .list(let element) = typed[0].type, element.isNumeric || element == .any {
      type = element == .int ? .int : .double
      let list = typed[0].run
      runs = []
      let pickMax = name == "max"
      let range = syntax.range
      return Typed(
        type: type, cost: typed[0].cost + (typed[0].bound ?? 100), bound: nil,
        run: { context in
          let value = list(context)
          guard case .list(let items) = value else { return value }
          guard var best = items.first else {
            return .error(EvaluationError(Message(.evalEmptyList, ["name": .text(pickMax ? "max" : "min")]), range: range))
          }
          for item in items.dropFirst() {
            if let order = ValueOps.compare(item, best, context), pickMax ? order > 0 : order < 0 { best = item }
          }
          return best
        }, syntax: syntax)
    }
    for item in typed {
      guard item.type.isNumeric || item.type == .any else {
        fail("type-mismatch", Message(.exprComparesNumbersButNot, ["name": "\(name)", "describe": describe(item)]), item.syntax.range)
        return .invalid(syntax)
      }
      if item.type == .double { type = .double }
    }
    let pickMax = name == "max"
    let promote = type == .double
    return Typed(
      type: type, cost: typed.reduce(1) { $0 + $1.cost }, bound: nil,
      run: { [runs] context in
        var best: Value?
        for run in runs {
          let value = run(context)
          if case .unknown = value { return value }
          if case .error = value { return value }
          if let current = best, let order = ValueOps.compare(value, current, context), pickMax ? order <= 0 : order >= 0 {
            continue
          }
          best = value
        }
        return promoteIfNeeded(best ?? .null, promote)
      }, syntax: syntax)
  }

  private func size(_ argumentSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let argument = check(argumentSyntax)
    guard argument.type != .invalid else { return .invalid(syntax) }
    guard argument.type.elementType != nil || argument.type.isTextual || argument.type == .any else {
      fail("type-mismatch", Message(.exprSizeCountsItemsList, ["describe": describe(argument)]), argumentSyntax.range)
      return .invalid(syntax)
    }
    let run = argument.run
    return Typed(
      type: .int, cost: argument.cost + 1, bound: nil,
      run: { context in
        switch run(context) {
        case .list(let items): return .int(items.count)
        case .string(let s): return .int(s.unicodeScalars.count)
        case .choice(let q, let o): return .int(context.optionValue(q, o).unicodeScalars.count)
        case let other: return other
        }
      }, syntax: syntax)
  }

  private func textMethod(_ name: String, _ targetSyntax: Syntax, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard args.count == 1 else { return arity(name, 1, args, syntax) }
    let target = check(targetSyntax)
    let argument = check(args[0])
    guard target.type != .invalid, argument.type != .invalid else { return .invalid(syntax) }
    let textual: (Typed) -> Bool = { $0.type.isTextual || $0.type == .any }
    guard textual(target), textual(argument) else {
      let culprit = textual(target) ? argument : target
      fail("type-mismatch", Message(.exprWorksOnTextNot, ["name": "\(name)", "describe": describe(culprit)]), culprit.syntax.range)
      return .invalid(syntax)
    }
    let (t, a) = (target.run, argument.run)
    let test: @Sendable (String, String) -> Bool
    switch name {
    case "contains": test = CodePoints.contains
    case "startsWith": test = CodePoints.hasPrefix
    default: test = CodePoints.hasSuffix
    }
    return Typed(
      type: .bool, cost: target.cost + argument.cost + 10, bound: nil,
      run: { context in
        let x = t(context)
        let y = a(context)
        if let failed = propagate(x, y) { return failed }
        return .bool(test(ValueOps.text(x, context), ValueOps.text(y, context)))
      }, syntax: syntax)
  }

  // MARK: - Outcomes (metrics and next steps)

  private func outcomesAllowed(_ name: String, _ range: Range<Int>) -> Bool {
    guard environment.purpose == .outcome else {
      fail(
        "outcome-in-condition",
        Message(.exprReadsResultsScoringSo, ["name": "\(name)"]),
        range)
      return false
    }
    usesOutcomes = true
    return true
  }

  private func pillarOutcome(_ name: String, _ args: [Syntax], _ syntax: Syntax, nameRange: Range<Int>) -> Typed {
    guard args.count == 1 else { return arity(name, 1, args, syntax) }
    guard outcomesAllowed(name, nameRange) else { return .invalid(syntax) }
    guard case .literal(.string(let pillarID), let range) = args[0] else {
      fail("argument", Message(.exprTakesPillarIdQuotes, ["name": "\(name)"]), args[0].range)
      return .invalid(syntax)
    }
    guard let pillar = survey.pillarIndex(pillarID) else {
      let hint = DidYouMean.hint(pillarID, from: survey.pillars.map(\.id))
      fail("unknown-pillar", Message(.exprUnknownPillar, ["pillar": .text(pillarID), "hint": hint]), range)
      return .invalid(syntax)
    }
    switch name {
    case "stage":
      return Typed(
        type: .int, cost: 1, bound: nil,
        run: { context in context.outcomes.map { .int($0.stages[pillar]) } ?? .unknown(.unavailable) }, syntax: syntax)
    case "score":
      return Typed(
        type: .double, cost: 1, bound: nil,
        run: { context in context.outcomes.map { .double($0.scores[pillar]) } ?? .unknown(.unavailable) }, syntax: syntax)
    case "coverage":
      return Typed(
        type: .double, cost: 1, bound: nil,
        run: { context in context.outcomes.map { .double($0.coverage[pillar]) } ?? .unknown(.unavailable) },
        syntax: syntax)
    default:
      return Typed(
        type: .int, cost: 1, bound: nil,
        run: { context in
          guard let target = context.outcomes?.targets[pillar] else { return .unknown(.unavailable) }
          return .int(target)
        }, syntax: syntax)
    }
  }

  private func met(_ args: [Syntax], _ syntax: Syntax, nameRange: Range<Int>) -> Typed {
    guard args.count == 1 else { return arity("met", 1, args, syntax) }
    guard outcomesAllowed("met", nameRange) else { return .invalid(syntax) }
    guard case .literal(.string(let id), let range) = args[0] else {
      fail("argument", Message(.exprMetTakesCriterionId), args[0].range)
      return .invalid(syntax)
    }
    guard let index = environment.criterionIDs[id] else {
      let hint = DidYouMean.hint(id, from: environment.criterionIDs.keys)
      fail("unknown-criterion", Message(.fixtureUnknownCriterion, ["id": "\(id)", "hint": hint]), range)
      return .invalid(syntax)
    }
    return Typed(
      type: .bool, cost: 1, bound: nil,
      run: { context in
        guard let outcomes = context.outcomes, index >= 0, index < outcomes.criteria.count else { return .unknown(.unavailable) }
        return outcomes.criteria[index].map { .bool($0) } ?? .unknown(.unavailable)
      }, syntax: syntax)
  }

  // MARK: - Macros

  private func macro(_ name: String, _ targetSyntax: Syntax, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    let expectedArgs = name == "map" ? [2, 3] : [2]
    guard expectedArgs.contains(args.count) else {
      fail("argument", Message(.exprTakesVariableNameExpression, ["name": "\(name)"]), syntax.range)
      return .invalid(syntax)
    }
    let target = check(targetSyntax)
    guard target.type != .invalid else { return .invalid(syntax) }
    guard let element = target.type == .any ? .any : target.type.elementType else {
      fail("type-mismatch", Message(.exprWorksOnListsBut, ["name": "\(name)", "describe": describe(target)]), targetSyntax.range)
      return .invalid(syntax)
    }
    guard case .identifier(let variable, let variableRange) = args[0] else {
      fail("argument", Message(.exprFirstArgumentMustBe, ["name": "\(name)"]), args[0].range)
      return .invalid(syntax)
    }
    if survey.questionIndex[variable] != nil {
      fail("shadowing", Message(.exprMacroVariableWouldHide, ["variable": "\(variable)"]), variableRange)
      return .invalid(syntax)
    }
    let slot = localCount
    localCount += 1
    locals.append((variable, element, slot))
    let bodies = args.dropFirst().map(check)
    locals.removeLast()
    guard bodies.allSatisfy({ $0.type != .invalid }) else { return .invalid(syntax) }
    let predicateIndex = name == "map" ? (args.count == 3 ? 0 : nil) : 0
    if let predicateIndex, bodies[predicateIndex].type != .bool, bodies[predicateIndex].type != .any {
      fail(
        "type-mismatch", Message(.exprConditionMustBeYes, ["name": "\(name)", "type_describe": bodies[predicateIndex].type.describe(survey)]),
        bodies[predicateIndex].syntax.range)
      return .invalid(syntax)
    }
    let bound = target.bound ?? 10_000
    if target.bound == nil { costDriver = Message(.exprCostUnknownLength, ["name": .text(name)]) }
    let bodyCost = bodies.reduce(1) { $0 + $1.cost }
    let (cost, costOverflow) = bound.multipliedReportingOverflow(by: bodyCost)
    let totalCost = costOverflow ? Int.max / 2 : min(Int.max / 2, target.cost + cost)
    if totalCost > ExpressionCompiler.costLimit && costDriver == nil {
      costDriver = Message(.exprCostPerItem, ["name": .text(name), "steps": .text(String(bodyCost)), "items": .text(String(bound))])
    }
    let list = target.run
    let range = syntax.range
    let bodyRuns = bodies.map(\.run)
    @Sendable func each(_ context: EvaluationContext, _ item: Value) -> EvaluationError? {
      if context.locals.count <= slot {
        context.locals += Array(repeating: .null, count: slot + 1 - context.locals.count)
      }
      context.locals[slot] = item
      context.steps += 1
      if context.steps > context.stepLimit {
        return EvaluationError(Message(.evalStepLimit, ["steps": .text(String(context.stepLimit))]), range: range)
      }
      return nil
    }
    let resultType: ExprType
    let run: Eval
    switch name {
    case "all", "exists", "exists_one":
      resultType = .bool
      let predicate = bodyRuns[0]
      run = { context in
        let value = list(context)
        guard case .list(let items) = value else { return value }
        var trues = 0
        var falses = 0
        var pending: Value?
        for item in items {
          if let stop = each(context, item) { return .error(stop) }
          switch predicate(context) {
          case .bool(true): trues += 1
          case .bool(false): falses += 1
          case let other: pending = propagate(pending ?? other, other) ?? other
          }
          if name == "all" && falses > 0 { return .bool(false) }
          if name == "exists" && trues > 0 { return .bool(true) }
        }
        if let pending { return pending }
        switch name {
        case "all": return .bool(falses == 0)
        case "exists": return .bool(trues > 0)
        default: return .bool(trues == 1)
        }
      }
    case "filter":
      resultType = target.type
      let predicate = bodyRuns[0]
      run = { context in
        let value = list(context)
        guard case .list(let items) = value else { return value }
        var kept: [Value] = []
        for item in items {
          if let stop = each(context, item) { return .error(stop) }
          switch predicate(context) {
          case .bool(true): kept.append(item)
          case .bool(false): continue
          case let other: return other
          }
        }
        return .list(kept)
      }
    default:
      guard let transform = bodyRuns.last, let body = bodies.last else { return .invalid(syntax) }
      let filter = bodyRuns.count == 2 ? bodyRuns[0] : nil
      resultType = .list(body.type)
      run = { context in
        let value = list(context)
        guard case .list(let items) = value else { return value }
        var mapped: [Value] = []
        mapped.reserveCapacity(items.count)
        for item in items {
          if let stop = each(context, item) { return .error(stop) }
          if let filter {
            switch filter(context) {
            case .bool(true): break
            case .bool(false): continue
            case let other: return other
            }
          }
          let result = transform(context)
          switch result {
          case .error, .unknown: return result
          default: mapped.append(result)
          }
        }
        return .list(mapped)
      }
    }
    return Typed(type: resultType, cost: totalCost, bound: name == "all" || name == "exists" || name == "exists_one" ? nil : target.bound, run: run, syntax: syntax)
  }
}
