extension Checker {
  /// A definition named in an expression. Its checked tree is checked again here, as if written
  /// in place, so that it reads this expression's macro slots and criterion indices and counts
  /// in its cost; problems found inside are placed in the definition's own text.
  func expand(_ entry: NamedExpressions.Entry, _ range: Range<Int>, _ syntax: Syntax) -> Typed {
    guard let names = environment.names else { return .invalid(syntax) }
    let definedHere = Diagnostic.Note(Message(.compileDefinitionHere, ["name": .text(entry.name)]), at: entry.location)
    guard names.isVisible(entry, from: environment.plugin) else {
      let user = environment.plugin.map { names.pluginIDs[$0] } ?? "?"
      fail(
        "unknown-question",
        Message(
          .exprDefinitionNotVisible,
          ["name": .text(entry.name), "plugin": .text(names.pluginIDs[entry.plugin]), "user": .text(user)]),
        range, notes: [definedHere])
      return .invalid(syntax)
    }
    guard let compiled = checked(entry, at: range) else { return .invalid(syntax) }
    if compiled.usesOutcomes && environment.purpose != .outcome {
      fail(
        "outcome-in-condition", Message(.exprDefinitionReadsOutcomes, ["name": .text(entry.name)]), range,
        notes: [definedHere])
      return .invalid(syntax)
    }
    // Each expansion checks the definition's tree again: bounding the cost expanded bounds the
    // work too, however deeply definitions use each other.
    expandedCost = min(Int.max / 2, expandedCost + compiled.cost)
    if expandedCost > ExpressionCompiler.costLimit {
      fail(
        "too-costly",
        Message(
          .exprExpressionMayTakeUp,
          [
            "typed_cost": "\(expandedCost)", "cost_limit": "\(ExpressionCompiler.costLimit)",
            "driver": .message(Message(.exprCostDefinitions)),
          ]),
        range)
      return .invalid(syntax)
    }
    let saved = (locals, currentSource)
    locals = []
    currentSource = entry.source
    var typed = check(compiled.syntax)
    (locals, currentSource) = saved
    guard typed.type != .invalid else { return .invalid(syntax) }
    typed.syntax = syntax
    let inner = typed.run
    let source = entry.source
    typed.run = { context in
      let value = inner(context)
      // A failure inside the definition is placed in its text, which the offsets refer to.
      if case .error(var error) = value, error.location == nil {
        error.location = source.location(ofOffset: error.range.lowerBound)
        return .error(error)
      }
      return value
    }
    return typed
  }

  /// `entry` as checked, checking it first if need be; nil when it closes a cycle (reported at
  /// `range`) or failed (reported where it is written).
  private func checked(_ entry: NamedExpressions.Entry, at range: Range<Int>) -> CompiledExpression? {
    if entry.state == .checking {
      reportCycle(through: entry, at: range)
      return nil
    }
    environment.names?.check(entry)
    return entry.state == .checked ? entry.compiled : nil
  }

  /// Naming `entry` while it is being checked: the names lead back to themselves.
  func reportCycle(through entry: NamedExpressions.Entry, at range: Range<Int>) {
    guard let names = environment.names else { return }
    let path = names.cycle(through: entry)
    let words = MessageArgument.text(path.map(\.name).joined(separator: " → "))
    let notes = path.dropLast().map { step in
      Diagnostic.Note(
        Message(step.kind == .definition ? .compileDefinitionHere : .compileMetricHere, ["name": .text(step.name)]),
        at: step.location)
    }
    let message =
      entry.kind == .definition
      ? Message(.exprDefinitionCycle, ["name": .text(entry.name), "path": words])
      : Message(.exprMetricCycle, ["id": .text(entry.name), "path": words])
    fail("cycle", message, range, notes: Array(notes))
  }

  /// `metric('id')`: the value of another metric, evaluated before this expression.
  func metricReference(_ args: [Syntax], _ syntax: Syntax, nameRange: Range<Int>) -> Typed {
    guard args.count == 1 else { return arity("metric", 1, args, syntax) }
    guard outcomesAllowed("metric", nameRange) else { return .invalid(syntax) }
    guard case .literal(.string(let id), let range) = args[0] else {
      fail("argument", Message(.exprMetricTakesId), args[0].range)
      return .invalid(syntax)
    }
    guard let entry = environment.names?.metric(id) else {
      let known = environment.names?.metricIDs ?? []
      fail(
        "unknown-metric", Message(.exprUnknownMetric, ["id": .text(id), "hint": DidYouMean.hint(id, from: known)]),
        range)
      return .invalid(syntax)
    }
    guard let compiled = checked(entry, at: range) else { return .invalid(syntax) }
    // What the metric is about, this expression is about too (where a next step is shown).
    for pillar in compiled.pillarsNamed where !pillarsNamed.contains(pillar) { pillarsNamed.append(pillar) }
    for id in compiled.criteriaNamed where !criteriaNamed.contains(id) { criteriaNamed.append(id) }
    let slot = entry.slot
    let name = entry.name
    return Typed(
      type: compiled.type, cost: 1, bound: nil,
      run: { context in
        guard slot < context.metricValues.count else { return .unknown(.unavailable) }
        let value = context.metricValues[slot]
        // The failure is reported with that metric; here it is named.
        if case .error = value {
          return .error(EvaluationError(Message(.evalMetricFailed, ["id": .text(name)]), range: syntax.range))
        }
        return value
      }, syntax: syntax)
  }
}
