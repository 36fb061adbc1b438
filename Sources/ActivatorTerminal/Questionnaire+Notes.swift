package import ActivatorCore

extension Questionnaire {
  /// The note key at a question: the official writes (or changes, or removes) a note on the
  /// answer, kept in the file's `notes:` and shown by `explain` and the reports; at a figure,
  /// where it comes from and the year it describes follow (`evidence:`). Nil to go back to the
  /// question, or how the session stops.
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
      if note != (session.sheet.notes[slot] ?? "") {
        session.setNote(slot, note.isEmpty ? nil : note)
        if let stop = savedOrRecovered() { return stop }
      }
      return survey.questions[slot].isFigure ? editEvidence(slot) : nil
    case .interrupt, .endOfInput:
      return result
    default:
      return nil
    }
  }

  /// Where a figure comes from and the year it describes, each kept with Enter and removed when
  /// emptied, as the note is. The year is one the file could give (`AnswerChecks.evidenceYears`:
  /// not after the survey date, not before the survey's data years).
  func editEvidence(_ slot: Int) -> PromptResult? {
    let current = session.sheet.evidence[slot]
    let sourcePrompt = Prompt(
      kind: .text, question: t(.questionnaireEvidenceSource, ["question": quotedQuestion(slot)]),
      text: current?.source ?? "",
      hint: t(.questionnaireEvidenceSourceHint), allowsNavigation: false)
    let source = driver.ask(sourcePrompt, context: context(section: t(.questionnaireNote), slot: slot)) { result in
      guard case .text(let text) = result else { return nil }
      return session.problem(withText: text.trimmingSpaces).map { Self.sentence($0.text(language)) }
    }
    guard case .text(let sourceText) = source else { return Self.stop(source).map { _ in source } }
    let years = AnswerChecks.evidenceYears(session.sheet, survey: survey, thisYear: Timestamp.thisYear)
    let range: [String: MessageArgument] = [
      "low": .text(String(years.lowerBound)), "high": .text(String(years.upperBound)),
    ]
    let yearPrompt = Prompt(
      kind: .text, question: t(.questionnaireEvidenceYear), text: current?.year.map { String($0) } ?? "",
      hint: t(.questionnaireEvidenceYearHint, range), allowsNavigation: false)
    let year = driver.ask(yearPrompt, context: context(section: t(.questionnaireNote), slot: slot)) { result in
      guard case .text(let text) = result, !text.trimmingSpaces.isEmpty else { return nil }
      return Self.year(text, in: years) == nil ? t(.questionnaireEvidenceYearRange, range) : nil
    }
    guard case .text(let yearText) = year else { return Self.stop(year).map { _ in year } }
    let newSource = sourceText.trimmingSpaces
    let newYear = Self.year(yearText, in: years)
    guard (newSource.isEmpty ? nil : newSource) != current?.source || newYear != current?.year else { return nil }
    session.setEvidence(slot, source: newSource, year: newYear)
    return savedOrRecovered()
  }

  /// A year as typed (digits only, as a year kind reads it), when it lies in `years`.
  static func year(_ text: String, in years: ClosedRange<Int>) -> Int? {
    let digits = text.trimmingSpaces
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(digits),
      years.contains(year)
    else { return nil }
    return year
  }

  /// The evidence given for a figure, as shown under its question; nil when there is none.
  func evidenceShown(_ slot: Int) -> String? {
    guard let evidence = session.sheet.evidence[slot] else { return nil }
    var parts: [String] = []
    if let source = evidence.source { parts.append(t(.questionnaireEvidenceShownSource, ["source": .text(source)])) }
    if let year = evidence.year { parts.append(t(.questionnaireEvidenceShownYear, ["year": .text(String(year))])) }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }
}
