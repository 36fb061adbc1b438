extension Checker {
  /// `section('id')`, `section('id', 'type')`: the questions of a survey section, in asking order,
  /// or only those of one question type. With the id of the section and the slots; nil when a
  /// problem was reported.
  func sectionQuestions(_ args: [Syntax], _ syntax: Syntax) -> (String, [Int])? {
    guard args.count == 1 || args.count == 2 else {
      fail("argument", Message(.exprSectionArguments), syntax.range)
      return nil
    }
    guard case .literal(.string(let id), let range) = args[0] else {
      fail("argument", Message(.exprSectionArguments), args[0].range)
      return nil
    }
    guard let section = survey.sections.first(where: { $0.id == id }) else {
      fail(
        "unknown-section",
        Message(
          .exprUnknownSection, ["id": .text(id), "hint": DidYouMean.hintOrAll(id, from: survey.sections.map(\.id))]),
        range)
      return nil
    }
    var slots = Array(section.questions)
    if args.count == 2 {
      let kinds = QuestionKinds.all.map(\.name)
      guard case .literal(.string(let kind), let kindRange) = args[1] else {
        fail("argument", Message(.exprSectionArguments), args[1].range)
        return nil
      }
      guard kinds.contains(kind) else {
        fail(
          "unknown-value",
          Message(.exprUnknownQuestionType, ["type": .text(kind), "hint": DidYouMean.hintOrAll(kind, from: kinds)]),
          kindRange)
        return nil
      }
      slots = slots.filter { survey.questions[$0].kind.name == kind }
    }
    if case .relevance(let current) = environment.purpose, let later = slots.first(where: { $0 >= current }) {
      let currentID = MessageArgument.text(survey.questions[current].id)
      fail(
        "relevance-order",
        later == current
          ? Message(.exprRelevanceSelf, ["id": currentID])
          : Message(.exprRelevanceLater, ["id": currentID, "name": .text(survey.questions[later].id)]),
        syntax.range)
      return nil
    }
    return (id, slots)
  }

  /// The one type the answers of these questions have together; reported when they have none.
  func sectionElementType(_ id: String, _ slots: [Int], _ range: Range<Int>) -> ExprType? {
    var element: ExprType = .any
    for slot in slots {
      let type = survey.questions[slot].expressionType(slot: slot)
      guard let joined = unify(element, type) else {
        fail(
          "type-mismatch",
          Message(
            .exprSectionMixes,
            [
              "id": .text(id), "question": .text(survey.questions[slot].id), "describe": type.describe(survey),
              "describe2": element.describe(survey),
            ]),
          range)
        return nil
      }
      element = joined
    }
    return element
  }

  /// `section('id')` as a value: the answers as a list, unknown when one of them is (a list holds
  /// no unknowns), with the reasons of every unknown answer.
  func sectionValue(_ args: [Syntax], _ syntax: Syntax) -> Typed {
    guard let (id, slots) = sectionQuestions(args, syntax), let element = sectionElementType(id, slots, args[0].range)
    else {
      return .invalid(syntax)
    }
    for slot in slots { reads.insert(slot) }
    let promote = element == .double
    return Typed(
      type: .list(element), cost: slots.count + 1, bound: slots.count,
      run: { context in
        var items: [Value] = []
        items.reserveCapacity(slots.count)
        var pending: Value?
        for slot in slots {
          let value = context.values[slot]
          if case .unknown = value {
            pending = pending.flatMap { propagate($0, value) } ?? value
          } else {
            items.append(promoteIfNeeded(value, promote))
          }
        }
        return pending ?? .list(items)
      }, syntax: syntax)
  }
}
