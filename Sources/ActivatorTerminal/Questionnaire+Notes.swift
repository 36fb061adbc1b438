public import ActivatorCore

extension Questionnaire {
  /// The note key at a question: the official writes (or changes, or removes) a note on the
  /// answer, kept in the file's `notes:` and shown by `explain` and the reports. Nil to go
  /// back to the question, or how the session stops.
  func editNote(_ slot: Int) -> PromptResult? {
    let prompt = Prompt(
      kind: .text, question: t(.questionnaireNoteQuestion, ["question": quotedQuestion(slot)]),
      text: session.sheet.notes[slot] ?? "", hint: t(.questionnaireNoteHint), allowsNavigation: false)
    let result = driver.ask(prompt, context: context(section: t(.questionnaireNote), slot: slot)) { result in
      guard case .text(let text) = result else { return nil }
      return session.problem(withText: text.trimmingSpaces).map { Self.sentence($0.text(language)) }
    }
    switch result {
    case .text(let text):
      let note = text.trimmingSpaces
      guard note != (session.sheet.notes[slot] ?? "") else { return nil }
      session.setNote(slot, note.isEmpty ? nil : note)
      return savedOrRecovered()
    case .interrupt, .endOfInput:
      return result
    default:
      return nil
    }
  }
}
