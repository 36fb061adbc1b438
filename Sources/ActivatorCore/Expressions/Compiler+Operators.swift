extension Checker {
  func binary(_ op: String, _ leftSyntax: Syntax, _ rightSyntax: Syntax, _ syntax: Syntax) -> Typed {
    switch op {
    case "&&", "||": return logical(op, leftSyntax, rightSyntax, syntax)
    case "==", "!=": return equality(op, leftSyntax, rightSyntax, syntax)
    case "<", "<=", ">", ">=": return ordering(op, leftSyntax, rightSyntax, syntax)
    case "in": return membership(leftSyntax, rightSyntax, syntax)
    default: return arithmetic(op, leftSyntax, rightSyntax, syntax)
    }
  }

  // MARK: - && and ||

  private func logical(_ op: String, _ leftSyntax: Syntax, _ rightSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let left = check(leftSyntax)
    let right = check(rightSyntax)
    let joinable: (Typed) -> Bool = { $0.type == .bool || $0.type == .any }
    for side in [left, right] where side.type != .invalid && !joinable(side) {
      fail(
        "type-mismatch", Message(.exprJoinsYesNoValues, ["op": "\(op)", "describe": describe(side)]), side.syntax.range)
    }
    guard joinable(left), joinable(right) else { return .invalid(syntax) }
    let (l, r) = (left.run, right.run)
    let cost = left.cost + right.cost + 1
    // CEL's commutative rule: the deciding value (false for &&, true for ||) wins over errors
    // and unknowns, then errors over unknowns; the other boolean is the identity.
    let decides = op == "||"
    return Typed(
      type: .bool, cost: cost, bound: nil,
      run: { context in
        let a = l(context)
        if case .bool(let x) = a, x == decides { return a }
        let b = r(context)
        if case .bool(let y) = b, y == decides { return b }
        if case .bool = a { return b }
        if case .bool = b { return a }
        return propagate(a, b) ?? a
      }, syntax: syntax)
  }

  // MARK: - == and !=

  /// Checks both sides, turning a text literal into an option when the other side is a choice.
  private func operands(_ leftSyntax: Syntax, _ rightSyntax: Syntax) -> (Typed, Typed) {
    var left = check(leftSyntax)
    var right = check(rightSyntax)
    if case .choice(let slot) = left.type, let literal = choiceLiteral(rightSyntax, of: slot) {
      right = literal
    } else if case .choice(let slot) = right.type, let literal = choiceLiteral(leftSyntax, of: slot) {
      left = literal
    }
    if let stage = stageLiteral(rightSyntax, besides: leftSyntax) {
      right = stage
    } else if let stage = stageLiteral(leftSyntax, besides: rightSyntax) {
      left = stage
    }
    if left.type == .date { dateLiteral(rightSyntax) }
    if right.type == .date { dateLiteral(leftSyntax) }
    return (left, right)
  }

  /// A stage id in quotes compared with `stage()`, `target()` or `overall()`
  /// (`stage('mobility') >= 'established'`): the stage's level, checked against the survey.
  private func stageLiteral(_ syntax: Syntax, besides other: Syntax) -> Typed? {
    guard case .literal(.string(let text), let range) = syntax, case .call(let name, nil, _, _, _) = other,
      ["stage", "target", "overall"].contains(name)
    else { return nil }
    switch survey.stageLevel(.id(text)) {
    case .success(let level):
      return Typed(type: .int, cost: 1, bound: nil, run: { _ in .int(level) }, syntax: syntax)
    case .failure(let problem):
      fail(problem.code, problem.message, range)
      return .invalid(syntax)
    }
  }

  func comparable(_ a: ExprType, _ b: ExprType) -> Bool {
    switch (a, b) {
    case _ where a == .invalid || b == .invalid || a == .any || b == .any: return true
    case _ where a.isNumeric && b.isNumeric: return true
    case _ where a.isTextual && b.isTextual: return true
    case (.bool, .bool), (.null, .null): return true
    case (.list(let x), .list(let y)): return comparable(x, y)
    default: return false
    }
  }

  private func mismatch(_ op: String, _ left: Typed, _ right: Typed) {
    var message = Message(.exprCannotCompare, ["left": describe(left), "right": describe(right), "op": .text(op)])
    if left.type == .null || right.type == .null {
      let other = left.type == .null ? right : left
      if case .identifier(let name, _) = other.syntax, survey.questionIndex[name] != nil {
        message = Message(.exprNeverNull, ["name": .text(name)])
      }
    } else if left.type == .bool || right.type == .bool {
      let boolSide = left.type == .bool ? left : right
      let other = left.type == .bool ? right : left
      if case .literal(.string(let text), _) = other.syntax,
        ["yes", "no", "true", "false"].contains(text.lowercased()),
        case .identifier(let name, _) = boolSide.syntax
      {
        message = Message(.exprYesNoCompared, ["name": .text(name), "text": .text(text)])
      }
    }
    fail(
      "type-mismatch", message,
      right.syntax.range.lowerBound < left.syntax.range.lowerBound
        ? right.syntax.range : left.syntax.range.lowerBound..<right.syntax.range.upperBound)
  }

  private func equality(_ op: String, _ leftSyntax: Syntax, _ rightSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let (left, right) = operands(leftSyntax, rightSyntax)
    guard left.type != .invalid, right.type != .invalid else { return .invalid(syntax) }
    // null equals only null (CEL's null_type has no other values); an answer is never null.
    let oneNull = (left.type == .null) != (right.type == .null)
    if oneNull || !comparable(left.type, right.type) {
      mismatch(op, left, right)
      return .invalid(syntax)
    }
    let (l, r) = (left.run, right.run)
    let negate = op == "!="
    return Typed(
      type: .bool, cost: left.cost + right.cost + 1, bound: nil,
      run: { context in
        let a = l(context)
        let b = r(context)
        if let failed = propagate(a, b) { return failed }
        return .bool(ValueOps.equal(a, b, context) != negate)
      }, syntax: syntax)
  }

  // MARK: - < <= > >=

  private func ordering(_ op: String, _ leftSyntax: Syntax, _ rightSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let (left, right) = operands(leftSyntax, rightSyntax)
    guard left.type != .invalid, right.type != .invalid else { return .invalid(syntax) }
    for side in [left, right] {
      if case .choice(let slot) = side.type {
        let question = survey.questions[slot]
        let hint = MessageArgument.message(
          question.isOrdinal
            ? Message(.exprCompareLevel, ["id": .text(question.id), "op": .text(op)]) : Message(.exprNoOrder))
        fail(
          "type-mismatch",
          Message(.exprChoicesCannotBeOrdered, ["op": "\(op)", "question_id": "\(question.id)", "hint": hint]),
          side.syntax.range)
        return .invalid(syntax)
      }
    }
    let ok =
      (left.type.isNumeric && right.type.isNumeric)
      || (left.type.isTextual && right.type.isTextual)
      || (left.type == .bool && right.type == .bool)
      || left.type == .any || right.type == .any
    guard ok else {
      mismatch(op, left, right)
      return .invalid(syntax)
    }
    // The commonest condition of all is "answer >= number" (every ladder step): compare with the
    // constant directly, without evaluating it or going through the general comparison.
    if left.type.isNumeric, case .literal(let literal, _) = rightSyntax, let tests = Self.thresholdTests(op, literal) {
      let (l, testInt, testDouble) = (left.run, tests.int, tests.double)
      return Typed(
        type: .bool, cost: left.cost + 2, bound: nil,
        run: { context in
          switch l(context) {
          case .int(let n): return .bool(testInt(n))
          case .double(let d): return .bool(testDouble(d))
          case let other: return other
          }
        }, syntax: syntax)
    }
    return general(op, left, right, syntax)
  }

  /// `value op literal` for a whole-number and a decimal value. Two whole numbers compare
  /// exactly (as doubles, neighbours above 2^53 would be equal); a whole number meets a decimal
  /// as a decimal, as in the general comparison.
  private static func thresholdTests(_ op: String, _ literal: Syntax.Literal)
    -> (int: @Sendable (Int) -> Bool, double: @Sendable (Double) -> Bool)?
  {
    switch literal {
    case .int(let bound):
      return (comparison(op, bound), comparison(op, Double(bound)))
    case .double(let bound):
      let test = comparison(op, bound)
      return ({ test(Double($0)) }, test)
    default:
      return nil
    }
  }

  private static func comparison<Number: Comparable & Sendable>(_ op: String, _ bound: Number)
    -> @Sendable (Number) -> Bool
  {
    switch op {
    case "<": { $0 < bound }
    case "<=": { $0 <= bound }
    case ">": { $0 > bound }
    default: { $0 >= bound }
    }
  }

  private func general(_ op: String, _ left: Typed, _ right: Typed, _ syntax: Syntax) -> Typed {
    let (l, r) = (left.run, right.run)
    let accept: @Sendable (Int) -> Bool
    switch op {
    case "<": accept = { $0 < 0 }
    case "<=": accept = { $0 <= 0 }
    case ">": accept = { $0 > 0 }
    default: accept = { $0 >= 0 }
    }
    return Typed(
      type: .bool, cost: left.cost + right.cost + 1, bound: nil,
      run: { context in
        let a = l(context)
        let b = r(context)
        if let failed = propagate(a, b) { return failed }
        guard let order = ValueOps.compare(a, b, context) else { return .bool(false) }
        return .bool(accept(order))
      }, syntax: syntax)
  }

  // MARK: - in

  private func membership(_ leftSyntax: Syntax, _ rightSyntax: Syntax, _ syntax: Syntax) -> Typed {
    var left = check(leftSyntax)
    var right = check(rightSyntax)
    if case .choice(let slot) = left.type, let literal = choiceListLiteral(rightSyntax, of: slot) {
      right = literal
    }
    if case .list(.choice(let slot)) = right.type, let literal = choiceLiteral(leftSyntax, of: slot) {
      left = literal
    }
    guard left.type != .invalid, right.type != .invalid else { return .invalid(syntax) }
    guard let element = right.type == .any ? .any : right.type.elementType else {
      let hint = right.type.isTextual ? MessageArgument.message(Message(.exprUseContains)) : .text("")
      fail(
        "type-mismatch", Message(.exprRightSideMustBe, ["describe": describe(right), "hint": hint]), rightSyntax.range)
      return .invalid(syntax)
    }
    guard comparable(left.type, element) else {
      fail(
        "type-mismatch",
        Message(.exprCanNeverBe, ["describe": describe(left), "describe2": describe(right)]),
        leftSyntax.range)
      return .invalid(syntax)
    }
    let (l, r) = (left.run, right.run)
    return Typed(
      type: .bool, cost: left.cost + right.cost + (right.bound ?? 100), bound: nil,
      run: { context in
        let needle = l(context)
        let haystack = r(context)
        if let failed = propagate(needle, haystack) { return failed }
        guard case .list(let items) = haystack else { return .bool(false) }
        for item in items where ValueOps.equal(needle, item, context) { return .bool(true) }
        return .bool(false)
      }, syntax: syntax)
  }

  // MARK: - + - * / %

  private func arithmetic(_ op: String, _ leftSyntax: Syntax, _ rightSyntax: Syntax, _ syntax: Syntax) -> Typed {
    let left = check(leftSyntax)
    let right = check(rightSyntax)
    guard left.type != .invalid, right.type != .invalid else { return .invalid(syntax) }
    let (l, r) = (left.run, right.run)
    let range = syntax.range
    let cost = left.cost + right.cost + 1
    let any = left.type == .any || right.type == .any
    if op == "+" && left.type.isTextual && right.type.isTextual || any && (left.type.isTextual || right.type.isTextual)
    {
      return Typed(
        type: .string, cost: cost, bound: nil,
        run: { context in
          let a = l(context)
          let b = r(context)
          if let failed = propagate(a, b) { return failed }
          return .string(ValueOps.text(a, context) + ValueOps.text(b, context))
        }, syntax: syntax)
    }
    let (x, y) = (left.type.elementType, right.type.elementType)
    if op == "+", x != nil || y != nil, x != nil || left.type == .any, y != nil || right.type == .any {
      guard let element = unify(x ?? .any, y ?? .any) else {
        fail(
          "type-mismatch", Message(.exprCannotJoin, ["describe": describe(left), "describe2": describe(right)]), range)
        return .invalid(syntax)
      }
      return Typed(
        type: .list(element), cost: cost, bound: (left.bound ?? 0) + (right.bound ?? 0),
        run: { context in
          let a = l(context)
          let b = r(context)
          if let failed = propagate(a, b) { return failed }
          guard case .list(let p) = a, case .list(let q) = b else { return .null }
          return .list(p + q)
        }, syntax: syntax)
    }
    guard left.type.isNumeric || left.type == .any, right.type.isNumeric || right.type == .any else {
      let culprit = left.type.isNumeric || left.type == .any ? right : left
      fail(
        "type-mismatch", Message(.exprNeedsNumbersButNot, ["op": "\(op)", "describe": describe(culprit)]),
        culprit.syntax.range)
      return .invalid(syntax)
    }
    if op == "%" && (left.type == .double || right.type == .double) {
      fail("type-mismatch", Message(.exprNeedsWholeNumbersOn), range)
      return .invalid(syntax)
    }
    let type: ExprType =
      left.type == .any || right.type == .any ? .any : left.type == .int && right.type == .int ? .int : .double
    return Typed(
      type: type, cost: cost, bound: nil,
      run: { context in
        let a = l(context)
        let b = r(context)
        if let failed = propagate(a, b) { return failed }
        return ValueOps.arithmetic(op, a, b, range)
      }, syntax: syntax)
  }
}

/// Runtime operations on values, shared by the compiled closures.
enum ValueOps {
  static func equal(_ a: Value, _ b: Value, _ context: EvaluationContext) -> Bool {
    switch (a, b) {
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.int(let x), .double(let y)): return Double(x) == y
    case (.double(let x), .int(let y)): return x == Double(y)
    case (.double(let x), .double(let y)): return x == y
    case (.choice(let q1, let o1), .choice(let q2, let o2)):
      return q1 == q2 ? o1 == o2 : CodePoints.equal(context.optionValue(q1, o1), context.optionValue(q2, o2))
    case (.choice(let q, let o), .string(let s)), (.string(let s), .choice(let q, let o)):
      return CodePoints.equal(context.optionValue(q, o), s)
    case (.string(let x), .string(let y)): return CodePoints.equal(x, y)
    case (.null, .null): return true
    case (.list(let x), .list(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, context) }
    default: return false
    }
  }

  /// -1, 0 or 1; `nil` when the values have no order.
  static func compare(_ a: Value, _ b: Value, _ context: EvaluationContext) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : x == y ? 0 : 1
    case (.int, .double), (.double, .int), (.double, .double):
      guard let x = number(a), let y = number(b), !x.isNaN, !y.isNaN else { return nil }
      return x < y ? -1 : x == y ? 0 : 1
    case (.bool(let x), .bool(let y)):
      return x == y ? 0 : x ? 1 : -1
    case (.string, _), (.choice, _):
      return CodePoints.compare(text(a, context), text(b, context))
    default:
      return nil
    }
  }

  static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let n): Double(n)
    case .double(let d): d
    default: nil
    }
  }

  static func text(_ value: Value, _ context: EvaluationContext) -> String {
    switch value {
    case .string(let s): return s
    case .choice(let q, let o): return context.optionValue(q, o)
    case .int(let n): return String(n)
    case .double(let d): return JSONWriter.format(d)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .list(let items): return "[" + items.map { text($0, context) }.joined(separator: ", ") + "]"
    case .unknown: return "unknown"
    case .error(let e): return "error: \(e.message.text("en"))"
    }
  }

  static func arithmetic(_ op: String, _ a: Value, _ b: Value, _ range: Range<Int>) -> Value {
    if case .int(let x) = a, case .int(let y) = b {
      let result: (Int, Bool)
      switch op {
      case "+": result = x.addingReportingOverflow(y)
      case "-": result = x.subtractingReportingOverflow(y)
      case "*": result = x.multipliedReportingOverflow(by: y)
      case "/":
        if y == 0 { return .error(EvaluationError(Message(.evalDivisionByZero), range: range)) }
        result = x.dividedReportingOverflow(by: y)
      default:
        if y == 0 { return .error(EvaluationError(Message(.evalRemainderByZero), range: range)) }
        result = x.remainderReportingOverflow(dividingBy: y)
      }
      return result.1
        ? .error(EvaluationError(Message(.evalOverflow, ["op": .text(op)]), range: range)) : .int(result.0)
    }
    guard let x = number(a), let y = number(b) else { return .null }
    let value: Double
    switch op {
    case "+": value = x + y
    case "-": value = x - y
    case "*": value = x * y
    default:
      if y == 0 { return .error(EvaluationError(Message(.evalDivisionByZero), range: range)) }
      value = x / y
    }
    guard value.isFinite else {
      return .error(EvaluationError(Message(.evalOutOfRange, ["op": .text(op)]), range: range))
    }
    return .double(value)
  }
}
