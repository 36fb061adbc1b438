/// The aggregate functions: one value from a list (`sum(list)`) or from several arguments
/// (`sum(a, b, c)`).
enum Aggregate: String, CaseIterable {
  case sum, avg, mean, min, max, count

  /// What the items must be: numbers, or yes/no values for `count`.
  var takesBooleans: Bool { self == .count }
}

extension Checker {
  /// The most items a list of unknown length is assumed to hold in static cost estimates.
  static let unknownListLength = 10_000

  /// `sum`, `avg`/`mean`, `min`, `max` over numbers and `count` over yes/no values.
  ///
  /// The list form reads a list, which holds no unknowns: a list that is unknown as a whole
  /// makes the aggregate unknown. In the form with several arguments, an error in any argument
  /// gives that error and otherwise an unknown one gives unknown, as an operator does. `sum`
  /// and `count` of nothing are 0; `avg`, `min` and `max` of nothing have no value and give an
  /// error.
  func aggregate(_ function: Aggregate, _ args: [Syntax], _ syntax: Syntax) -> Typed {
    let name = function.rawValue
    guard !args.isEmpty else {
      fail(
        "argument",
        Message(function.takesBooleans ? .exprNeedsAtLeastOneBool : .exprNeedsAtLeastOne, ["name": .text(name)]),
        syntax.range)
      return .invalid(syntax)
    }
    let typed = args.map(check)
    guard typed.allSatisfy({ $0.type != .invalid }) else { return .invalid(syntax) }
    let fitsItem: (ExprType) -> Bool = {
      function.takesBooleans ? $0 == .bool || $0 == .any : $0.isNumeric || $0 == .any
    }
    if typed.count == 1, let element = typed[0].type.elementType {
      guard fitsItem(element) else {
        itemMismatch(function, typed[0])
        return .invalid(syntax)
      }
      let list = typed[0].run
      let reduce = reducer(function, resultType(function, items: [element]), syntax.range)
      return Typed(
        type: resultType(function, items: [element]), cost: typed[0].cost + (typed[0].bound ?? Self.unknownListLength),
        bound: nil,
        run: { context in
          let value = list(context)
          guard case .list(let items) = value else { return value }
          return reduce(items)
        }, syntax: syntax)
    }
    for item in typed where !fitsItem(item.type) {
      itemMismatch(function, item)
      return .invalid(syntax)
    }
    let type = resultType(function, items: typed.map(\.type))
    let runs = typed.map(\.run)
    let reduce = reducer(function, type, syntax.range)
    return Typed(
      type: type, cost: typed.reduce(1) { $0 + $1.cost }, bound: nil,
      run: { context in
        var items: [Value] = []
        items.reserveCapacity(runs.count)
        var pending: Value?
        for run in runs {
          let value = run(context)
          switch value {
          case .error: return value
          case .unknown: pending = pending.flatMap { propagate($0, value) } ?? value
          default: items.append(value)
          }
        }
        return pending ?? reduce(items)
      }, syntax: syntax)
  }

  private func itemMismatch(_ function: Aggregate, _ item: Typed) {
    let key: MessageKey = function.takesBooleans ? .exprCountsYesNo : .exprComparesNumbersButNot
    fail(
      "type-mismatch", Message(key, ["name": .text(function.rawValue), "describe": describe(item)]), item.syntax.range)
  }

  /// `avg` is a decimal, `count` a whole number; `sum`, `min` and `max` are whole numbers when
  /// every item is one.
  private func resultType(_ function: Aggregate, items: [ExprType]) -> ExprType {
    switch function {
    case .avg, .mean: .double
    case .count: .int
    // `.any` is the item of an empty list literal: `sum([])` is the whole number 0.
    case .sum, .min, .max: items.allSatisfy { $0 == .int || $0 == .any } ? .int : .double
    }
  }

  /// The aggregate of items that are all plain values of the right kind.
  private func reducer(_ function: Aggregate, _ type: ExprType, _ range: Range<Int>) -> @Sendable ([Value]) -> Value {
    let name = "\(function.rawValue)()"
    let empty = Value.error(EvaluationError(Message(.evalEmptyList, ["name": .text(function.rawValue)]), range: range))
    switch function {
    case .count:
      return { items in .int(items.count { if case .bool(true) = $0 { true } else { false } }) }
    case .sum where type == .int:
      return { items in
        var total = 0
        for case .int(let n) in items {
          let (next, overflow) = total.addingReportingOverflow(n)
          if overflow { return .error(EvaluationError(Message(.evalOverflow, ["op": .text(name)]), range: range)) }
          total = next
        }
        return .int(total)
      }
    case .sum, .avg, .mean:
      let average = function != .sum
      return { items in
        if average && items.isEmpty { return empty }
        var total = 0.0
        for item in items { total += ValueOps.number(item) ?? 0 }
        let result = average ? total / Double(items.count) : total
        guard result.isFinite else {
          return .error(EvaluationError(Message(.evalOutOfRange, ["op": .text(name)]), range: range))
        }
        return .double(result)
      }
    case .min, .max:
      let pickMax = function == .max
      let promote = type == .double
      return { items in
        guard var best = items.first else { return empty }
        for item in items.dropFirst() {
          guard let x = ValueOps.number(item), let y = ValueOps.number(best) else { continue }
          // Whole numbers compare exactly; a whole number meets a decimal as a decimal.
          let better: Bool
          if case .int(let a) = item, case .int(let b) = best {
            better = pickMax ? a > b : a < b
          } else {
            better = pickMax ? x > y : x < y
          }
          if better { best = item }
        }
        return promoteIfNeeded(best, promote)
      }
    }
  }
}
