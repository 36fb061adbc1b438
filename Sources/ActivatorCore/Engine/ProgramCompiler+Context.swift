/// Compiles the plugins' `context:` blocks: each named question checked for its type and its
/// options mapped to pillars, barriers, income groups or size classes.
extension ProgramCompiler {
  static func contextPlan(
    _ plugins: [Plugin], survey: Survey, solutions: [Solution], links: [[Int]], criteria: [Criterion],
    criterionIDs: [String: Int], log: DiagnosticLog
  ) -> ContextPlan {
    var plan = ContextPlan()
    let definitions = plugins.flatMap(\.context)
    // Each field is declared once across the rule set; a second declaration would silently win or lose.
    var declared: [String: SourceLocation] = [:]
    func first<T>(_ key: String, _ value: (ContextDefinition) -> T?) -> T? {
      var found: T?
      for definition in definitions {
        guard let value = value(definition) else { continue }
        if let earlier = declared[key] {
          log.error(
            "duplicate-context", Message(.compileContextDeclaredTwice, ["key": .text(key)]), at: definition.location,
            notes: [.init(Message(.compileFirstDeclaredHere), at: earlier)])
          continue
        }
        declared[key] = definition.location
        found = value
      }
      return found
    }
    if let mapped = first("priority_pillar", \.priorityPillar) {
      plan.priorityPillar = choice(
        mapped, "priority_pillar", survey, log, expected: Message(.compileExpectedPillarId),
        words: survey.pillars.map(\.id)
      ) {
        survey.pillarIndex($0)
      }
    }
    if let question = first("barriers", \.barriers),
      let slot = self.question(question, survey, log, types: [.multi], "barriers")
    {
      plan.barriers = slot
    }
    if let question = first("top_barrier", \.topBarrier),
      let slot = self.question(question, survey, log, types: [.choice], "top_barrier")
    {
      if let barriers = plan.barriers {
        let barrierOptions = survey.questions[barriers].options.map(\.value)
        let options = survey.questions[slot].options.map(\.value)
        let byOption = options.map { barrierOptions.firstIndex(of: $0) }
        let strays = options.indices.filter { byOption[$0] == nil }.map { options[$0] }
        if !strays.isEmpty {
          log.error(
            "context-option",
            Message(
              .compileTopBarrierStrays,
              [
                "options": .list(strays.map { .text("'\($0)'") }), "count": .count(strays.count),
                "question": .text(question.value),
                "barriers": .text(survey.questions[barriers].id),
              ]),
            at: question.location)
        }
        plan.topBarrier = ContextPlan.Choice(slot: slot, byOption: byOption)
      } else {
        log.error("missing-key", Message(.compileTopBarrierNeedsBarriers), at: question.location)
      }
    }
    if let mapped = first("income_group", \.incomeGroup) {
      plan.income = choice(
        mapped, "income_group", survey, log, expected: Message(.compileExpectedIncomeGroup),
        words: IncomeGroup.allCases.map(\.rawValue)
      ) {
        IncomeGroup(word: $0)
      }
    }
    if let mapped = first("city_size", \.citySize) { plan.size = size(mapped, survey, log) }
    let eased = definitions.flatMap(\.barrierHelp)
    if let barriers = plan.barriers {
      plan.setEasing(
        easing(
          eased, barriers: barriers, survey: survey, solutions: solutions, links: links, criteria: criteria,
          criterionIDs: criterionIDs, log: log),
        solutions: solutions.count)
    }
    return plan
  }

  /// What the context can read from a question.
  enum Shape: String {
    case choice = "choice"
    case multi = "multiple-choice"
    case number = "number"
  }

  /// The one place that looks at a question's kind.
  static func shape(_ question: Question) -> Shape? {
    switch question.kind.chosenOptions {
    case .one: return .choice
    case .several: return .multi
    case .none:
      // A count of residents: a whole or decimal number, not a share or a year.
      return ["integer", "decimal"].contains(question.kind.name) ? .number : nil
    }
  }

  static func question(
    _ reference: Located<String>, _ survey: Survey, _ log: DiagnosticLog, types: [Shape], _ key: String
  ) -> Int? {
    guard let slot = survey.questionIndex[reference.value] else {
      log.error(
        "unknown-question",
        Message(
          .compileUnknownQuestion,
          [
            "question_value": .text(reference.value),
            "hint": DidYouMean.hint(reference.value, from: survey.questionIndex.keys),
          ]),
        at: reference.location)
      return nil
    }
    guard let shape = shape(survey.questions[slot]), types.contains(shape) else {
      log.error(
        "context-question",
        Message(
          .compileNeedsQuestionBut,
          [
            "key": .text(key), "kinds": .alternatives(types.map { .text($0.rawValue) }),
            "question": .text(reference.value),
            "kind": .text(survey.questions[slot].kind.name),
          ]),
        at: reference.location)
      return nil
    }
    return slot
  }

  /// A choice question whose options stand for values of a closed set: by the option's own value,
  /// or through the block's `options:` map (options left out of the map read as no value).
  static func choice<T: Sendable>(
    _ mapped: ContextDefinition.Mapped, _ key: String, _ survey: Survey, _ log: DiagnosticLog, expected: Message,
    words: [String],
    convert: (String) -> T?
  ) -> ContextPlan.Choice<T>? {
    guard let slot = question(mapped.question, survey, log, types: [.choice], key) else { return nil }
    let options = survey.questions[slot].options
    if mapped.options.isEmpty {
      let byOption = options.map { convert($0.value) }
      let strays = options.indices.filter { byOption[$0] == nil }.map { options[$0].value }
      if let first = strays.first {
        log.error(
          "context-option",
          Message(
            .compileHasOptionsThatNot,
            [
              "question": .text(mapped.question.value), "expected": .message(expected),
              "words": .text(words.joined(separator: ", ")),
              "options": .text(strays.map { "'\($0)'" }.joined(separator: ", ")),
              "example": .text("{question: \(mapped.question.value), options: {\(first): …}}"),
            ]),
          at: mapped.question.location)
      }
      return ContextPlan.Choice(slot: slot, byOption: byOption)
    }
    var byOption = [T?](repeating: nil, count: options.count)
    for (option, value) in mapped.options {
      guard let index = options.firstIndex(where: { $0.value == option.value }) else {
        log.error(
          "unknown-option",
          Message(
            .compileNotOption,
            [
              "value": .text(option.value), "question_id": .text(mapped.question.value),
              "hint": DidYouMean.hint(option.value, from: options.map(\.value)),
            ]),
          at: option.location)
        continue
      }
      guard let converted = convert(value.value) else {
        log.error(
          "context-option",
          Message(
            .compileContextValueNot,
            [
              "value": .text(value.value), "expected": .message(expected),
              "words": .text(words.joined(separator: ", ")),
              "hint": DidYouMean.hint(value.value, from: words),
            ]),
          at: value.location)
        continue
      }
      byOption[index] = converted
    }
    return ContextPlan.Choice(slot: slot, byOption: byOption)
  }

  static func size(_ mapped: ContextDefinition.Mapped, _ survey: Survey, _ log: DiagnosticLog) -> ContextPlan.Size? {
    guard let slot = question(mapped.question, survey, log, types: [.number, .choice], "city_size") else { return nil }
    if shape(survey.questions[slot]) == .number {
      if !mapped.options.isEmpty {
        log.error(
          "context-option", Message(.compileOptionsMapChoicesNumber, ["question": .text(mapped.question.value)]),
          at: mapped.question.location)
      }
      return .residents(slot)
    }
    return choice(
      mapped, "city_size", survey, log, expected: Message(.compileExpectedCitySize),
      words: CitySize.allCases.map(\.rawValue)
    ) { CitySize(word: $0) }
    .map { .classes($0) }
  }

  /// For each option of the barriers question, the solutions that ease it: linked to a criterion
  /// it names, or within a cost band it names.
  static func easing(
    _ eased: [ContextDefinition.BarrierHelp], barriers: Int, survey: Survey, solutions: [Solution], links: [[Int]],
    criteria: [Criterion],
    criterionIDs: [String: Int], log: DiagnosticLog
  ) -> [[Int]] {
    let options = survey.questions[barriers].options.map(\.value)
    var easing = [[Int]](repeating: [], count: options.count)
    for help in eased {
      guard let option = options.firstIndex(of: help.barrier.value) else {
        log.error(
          "unknown-option",
          Message(
            .compileNotOption,
            [
              "value": .text(help.barrier.value), "question_id": .text(survey.questions[barriers].id),
              "hint": DidYouMean.hint(help.barrier.value, from: options),
            ]),
          at: help.barrier.location)
        continue
      }
      var found = Set(easing[option])
      for criterion in criteriaHelped(
        help.helps, survey: survey, criteria: criteria, criterionIDs: criterionIDs, log: log)
      {
        found.formUnion(links[criterion])
      }
      for (index, solution) in solutions.enumerated() where help.cost.contains(solution.cost) { found.insert(index) }
      easing[option] = found.sorted()
    }
    return easing
  }
}
