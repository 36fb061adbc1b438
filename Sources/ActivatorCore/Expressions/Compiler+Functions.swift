extension Checker {
  static let functions =
    [
      "size", "answered", "known", "dont_know", "not_applicable", "skipped", "level", "value_or", "int", "double",
      "string",
      "section", "stage", "score", "coverage", "target", "assessed", "overall", "met", "metric",
    ] + Aggregate.allCases.map(\.rawValue)
  static let methods = MacroKind.allCases.map(\.rawValue) + ["size", "contains", "startsWith", "endsWith"]

  func call(_ name: String, target: Syntax?, _ args: [Syntax], _ syntax: Syntax, nameRange: Range<Int>) -> Typed {
    if let target {
      if let kind = MacroKind(rawValue: name) { return macro(kind, target, args, syntax) }
      switch name {
      case "size":
        guard args.isEmpty else { return arity(name, 0, args, syntax) }
        return size(target, syntax)
      case "contains", "startsWith", "endsWith":
        return textMethod(name, target, args, syntax)
      default:
        fail(
          "unknown-function", Message(.exprUnknownMethod, ["name": .text(name), "hint": nearest(name, Self.methods)]),
          nameRange)
        return .invalid(syntax)
      }
    }
    if let function = Aggregate(rawValue: name) { return aggregate(function, args, syntax) }
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
    case "section":
      return sectionValue(args, syntax)
    case "metric":
      return metricReference(args, syntax, nameRange: nameRange)
    case "stage", "score", "coverage", "target", "assessed":
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
      fail(
        "unknown-function",
        Message(.exprUnknownFunction, ["name": .text(name), "hint": nearest(name, Self.functions)]), nameRange)
      return .invalid(syntax)
    }
  }

  /// Words people bring from spreadsheets and other languages, and what they are called here.
  static let familiarNames: [String: [String]] = [
    "average": ["avg", "mean"], "len": ["size"], "length": ["size"], "count_if": ["count"], "countif": ["count"],
    "total": ["sum"], "iif": ["? :"], "if": ["? :"], "coalesce": ["value_or"], "ifnull": ["value_or"],
    "isnull": ["known"],
    "minimum": ["min"], "maximum": ["max"], "median": ["avg"],
  ]

  /// "; did you mean 'x'?" for a typo, else the three nearest names, so that a reader sees
  /// what exists.
  func nearest(_ name: String, _ candidates: [String]) -> MessageArgument {
    let familiar = Self.familiarNames[name.lowercased()]?.filter { candidates.contains($0) || $0 == "? :" } ?? []
    if familiar.isEmpty, let typo = DidYouMean.suggest(name, from: candidates) { return DidYouMean.hint(typo) }
    let names = (familiar + DidYouMean.nearest(name, from: candidates, count: 3)).reduce(into: [String]()) {
      names, candidate in
      if !names.contains(candidate) && names.count < 3 { names.append(candidate) }
    }
    return .message(Message(.hintNearestFunctions, ["names": .list(names.map { .text($0 == "? :" ? $0 : $0 + "()") })]))
  }

  func arity(_ name: String, _ expected: Int, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    fail(
      "argument",
      Message(
        .exprTakesArguments,
        [
          "name": .text(name), "expected": .count(expected),
          "given": .message(Message(.exprArgumentsGiven, ["count": .count(args.count)])),
        ]),
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
          Message(
            .exprDoesNotAllowAnswer,
            ["slot_id": "\(survey.questions[slot].id)", "code_raw_value": "\(code.rawValue)", "name": "\(name)"]),
          syntax.range)
      }
    }
    return Typed(
      type: .bool, cost: 2, bound: nil, run: { context in .bool(test(context.values[slot])) }, syntax: syntax)
  }

  /// `level(x)`: the level of a choice whose options have levels. `x` is usually a question id,
  /// but any expression giving such a choice will do: a macro variable over a list mixing the
  /// choices of several questions, a definition.
  private func level(_ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard args.count == 1 else { return arity("level", 1, args, syntax) }
    let argument = check(args[0])
    guard argument.type != .invalid else { return .invalid(syntax) }
    guard levelled(argument.type) || argument.type == .any else {
      if let slot = questionNamed(by: args[0]) {
        let question = survey.questions[slot]
        let why = Message(question.kind.chosenOptions == .one ? .exprNoLevels : .exprNotSingleChoice)
        fail(
          "type-mismatch",
          Message(.exprLevelNeedsChoiceQuestion, ["question_id": .text(question.id), "why": .message(why)]),
          args[0].range)
      } else {
        fail("type-mismatch", Message(.exprLevelNeedsLevelledChoice, ["describe": describe(argument)]), args[0].range)
      }
      return .invalid(syntax)
    }
    let levels = levelTable(for: argument.type)
    let run = argument.run
    return Typed(
      type: .int, cost: argument.cost + 1, bound: nil,
      run: { context in
        switch run(context) {
        case .choice(let question, let option): return .int(levels[Int(question)][Int(option)])
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
            guard let d = Double(s) else {
              return .error(EvaluationError(Message(.evalNotNumber, ["text": .text(s)]), range: range))
            }
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
              return .error(
                EvaluationError(Message(.evalNotWhole, ["number": .text(JSONWriter.format(d))]), range: range))
            }
            return .int(Int(saturating: d.rounded(.towardZero)))
          case .string(let s):
            guard let n = Int(s) else {
              return .error(EvaluationError(Message(.evalNotWholeText, ["text": .text(s)]), range: range))
            }
            return .int(n)
          case let other: return other
          }
        }, syntax: syntax)
    }
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
      fail(
        "type-mismatch", Message(.exprWorksOnTextNot, ["name": "\(name)", "describe": describe(culprit)]),
        culprit.syntax.range)
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

  func outcomesAllowed(_ name: String, _ range: Range<Int>) -> Bool {
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
    if !pillarsNamed.contains(pillar) { pillarsNamed.append(pillar) }
    switch name {
    // A pillar that is not assessed has no stage or score: unknown, so nothing acts on them.
    case "stage":
      return Typed(
        type: .int, cost: 1, bound: nil,
        run: { context in
          guard let outcomes = context.outcomes, outcomes.assessed[pillar] else { return .unknown(.unavailable) }
          return .int(outcomes.stages[pillar])
        }, syntax: syntax)
    case "score":
      return Typed(
        type: .double, cost: 1, bound: nil,
        run: { context in
          guard let outcomes = context.outcomes, outcomes.assessed[pillar] else { return .unknown(.unavailable) }
          return .double(outcomes.scores[pillar])
        }, syntax: syntax)
    case "assessed":
      return Typed(
        type: .bool, cost: 1, bound: nil,
        run: { context in context.outcomes.map { .bool($0.assessed[pillar]) } ?? .unknown(.unavailable) },
        syntax: syntax)
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
    guard case .literal(.string(let written), let range) = args[0] else {
      fail("argument", Message(.exprMetTakesCriterionId), args[0].range)
      return .invalid(syntax)
    }
    let id = survey.canonicalCriterionID(written)
    guard let index = environment.criterionIDs[id] else {
      let hint = DidYouMean.hint(written, from: environment.criterionIDs.keys)
      fail("unknown-criterion", Message(.fixtureUnknownCriterion, ["id": .text(written), "hint": hint]), range)
      return .invalid(syntax)
    }
    if !criteriaNamed.contains(id) { criteriaNamed.append(id) }
    return Typed(
      type: .bool, cost: 1, bound: nil,
      run: { context in
        guard let outcomes = context.outcomes, index >= 0, index < outcomes.criteria.count else {
          return .unknown(.unavailable)
        }
        return outcomes.criteria[index].map { .bool($0) } ?? .unknown(.unavailable)
      }, syntax: syntax)
  }
}
