package import ActivatorYAML

/// Reads a plugin's `context:` block: which survey questions tell the city's priority pillar,
/// barriers, income group and size, and what eases each barrier. Question ids and option values
/// are checked against the survey when the rules are compiled.
extension PluginLoader {
  static func context(_ node: YAMLNode, _ reader: NodeReader) -> ContextDefinition? {
    guard let fields = reader.fields(node, Message(.whatContext), allowed: LoaderKeys.context) else { return nil }
    func question(_ key: String) -> Located<String>? {
      fields.optional(key).flatMap { n in located(n, reader) { reader.identifier($0, Message(.whatQuestionId2)) } }
    }
    var context = ContextDefinition(location: reader.location(node))
    context.priorityPillar = fields.optional("priority_pillar").flatMap { mapped($0, reader, "priority_pillar") }
    context.barriers = question("barriers")
    context.topBarrier = question("top_barrier")
    context.incomeGroup = fields.optional("income_group").flatMap { mapped($0, reader, "income_group") }
    context.citySize = fields.optional("city_size").flatMap { mapped($0, reader, "city_size") }
    if let eased = fields.optional("barriers_eased_by") {
      if context.barriers == nil {
        reader.error("missing-key", Message(.contextBarriersEasedByNeeds), eased)
      }
      if let pairs = eased.mapping {
        for pair in pairs {
          guard let barrier = located(pair.key, reader, { reader.identifier($0, Message(.whatBarrierOption)) }) else {
            continue
          }
          let label = Message(.whatEases, ["barrier": .text(barrier.value)])
          guard let entry = reader.fields(pair.value, label, allowed: ["helps", "cost"]) else { continue }
          var helps: [Located<String>] = []
          if let list = entry.optional("helps"), let items = reader.list(list, Message(.whatHelps)) {
            helps = items.compactMap { item in
              located(item, reader) { reader.identifier($0, Message(.whatQuestionCriterionId), dashes: true) }
            }
          }
          let cost =
            words(
              entry.optional("cost"), reader, Message(.whatCostBandsIn, ["label": .message(label)]), as: CostBand.self)
            ?? []
          if helps.isEmpty && cost.isEmpty {
            reader.error("empty", Message(.contextMustListQuestionsCriteria, ["label": .message(label)]), pair.value)
          }
          context.barrierHelp.append(ContextDefinition.BarrierHelp(barrier: barrier, helps: helps, cost: cost))
        }
      } else {
        reader.error("wrong-type", Message(.contextBarriersEasedByMust), eased)
      }
    }
    return context
  }

  /// `key: question_id`, or `key: {question: question_id, options: {option: value}}` when the
  /// survey's option values differ from the words the engine knows.
  static func mapped(_ node: YAMLNode, _ reader: NodeReader, _ key: String) -> ContextDefinition.Mapped? {
    if node.scalar != nil {
      return located(node, reader) { reader.identifier($0, Message(.whatQuestionId2)) }.map {
        ContextDefinition.Mapped(question: $0, options: [])
      }
    }
    guard
      let fields = reader.fields(node, Message(.whatKeyNamed, ["key": .text(key)]), allowed: ["question", "options"]),
      let question = fields.required("question", reader).flatMap({ n in
        located(n, reader) { reader.identifier($0, Message(.whatQuestionId2)) }
      })
    else { return nil }
    var options: [(option: Located<String>, value: Located<String>)] = []
    if let map = fields.optional("options") {
      guard let pairs = map.mapping else {
        reader.error("wrong-type", Message(.contextOptionsMustMapEach, ["key": .text(key)]), map)
        return nil
      }
      for pair in pairs {
        guard let option = located(pair.key, reader, { reader.identifier($0, Message(.whatOptionValue)) }),
          let value = located(
            pair.value, reader,
            { reader.string($0, Message(.whatValueOptionStandsFor, ["option": .text(option.value)])) })
        else { continue }
        options.append((option, value))
      }
    }
    return ContextDefinition.Mapped(question: question, options: options)
  }
}
