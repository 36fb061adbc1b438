import ActivatorYAML

extension NodeReader {
  /// The slot of the question `id` names in `survey`; nil when it names none, reported at `node`
  /// as `unknown` (a message that takes `id` and `hint`, the nearest question ids).
  func questionSlot(_ id: String, in survey: Survey, at node: YAMLNode, unknown: MessageKey) -> Int? {
    if let slot = survey.questionIndex[id] { return slot }
    error(
      "unknown-question",
      Message(unknown, ["id": .text(id), "hint": DidYouMean.hint(id, from: survey.questionIndex.keys)]), node)
    return nil
  }

  /// Whether `key` is the first entry for question `slot` in a mapping by question id; a second
  /// one is reported as `twice` (taking `id`) with where the first stands, since keeping either
  /// would silently lose the other.
  func firstEntry(
    _ slot: Int, id: String, key: YAMLNode, seen: inout [YAMLMark?], twice: MessageKey,
    firstHere: MessageKey = .answersFirstGivenHere
  ) -> Bool {
    if let first = seen[slot] {
      error(
        "duplicate-key", Message(twice, ["id": .text(id)]), key,
        notes: [.init(Message(firstHere), at: file.location(first))])
      return false
    }
    seen[slot] = key.start
    return true
  }
}
