import ActivatorYAML

/// Turns an answers sheet of one survey version into one of a later version with a `Migration`:
/// answers whose question is asked the same way are carried; renamed ones follow their rule;
/// answers whose meaning changed are kept as notes; nothing is converted or invented, and the new
/// questions are left unanswered and listed.
package enum Migrator {
  package struct Result: Sendable {
    /// The sheet for the new survey, in progress (`completed` removed: new questions wait).
    package var sheet: AnswerSheet
    /// New slots that received an old answer.
    package var carried: [Int]
    /// New slots flagged for review.
    package var review: [Int]
    /// Old question ids whose answers were not carried, with the new question whose note keeps them.
    package var noted: [(old: String, noteOn: String?)]
    /// New slots that apply and are still unanswered, in asking order: what to answer next.
    package var unanswered: [Int]
  }

  package static func migrate(_ sheet: AnswerSheet, from old: Survey, to new: Survey, with migration: Migration)
    -> Result
  {
    var values = [AnswerValue?](repeating: nil, count: new.questions.count)
    var notes: [Int: [String]] = [:]
    var review = Set<Int>()
    var carried: [Int] = []
    var noted: [(old: String, noteOn: String?)] = []
    let language = new.languages.contains(sheet.language) ? sheet.language : new.defaultLanguage
    for (oldSlot, question) in old.questions.enumerated() {
      let rule = migration.questions[question.id]
      let target = rule?.to?.value ?? (new.questionIndex[question.id] != nil ? question.id : nil)
      let targetSlot = target.flatMap { new.questionIndex[$0] }
      if let note = sheet.notes[oldSlot], let slot = targetSlot ?? rule?.noteOn.flatMap({ new.questionIndex[$0.value] })
      {
        notes[slot, default: []].append(targetSlot != nil ? note : "\(question.id): \(note)")
      }
      guard let answer = sheet.values[oldSlot] else { continue }
      var moved: AnswerValue?
      if rule?.carry ?? true, let targetSlot {
        moved = convert(answer, from: question, to: new.questions[targetSlot], values: rule?.values)
      }
      if let moved, let targetSlot {
        values[targetSlot] = moved
        carried.append(targetSlot)
        if rule?.review == true || sheet.review.contains(oldSlot) { review.insert(targetSlot) }
      }
      let noteSlot = rule?.noteOn.flatMap { new.questionIndex[$0.value] } ?? targetSlot
      if let text = rule?.note?.text(language), rule?.review == true || moved == nil || rule?.to != nil, let noteSlot {
        let shown = ValueText.answer(
          Scorer.value(answer, slot: oldSlot), slot: oldSlot, survey: old, language: language)
        notes[noteSlot, default: []].append(Template.fill(text, ["value": shown]))
      }
      if moved == nil {
        noted.append((question.id, noteSlot.map { new.questions[$0].id }))
      }
    }
    var result = AnswerSheet(
      surveyID: new.id, surveyVersion: new.version, language: language, city: sheet.city, respondent: sheet.respondent,
      started: sheet.started, completed: nil, values: values, targets: sheet.targets,
      notes: notes.mapValues { $0.joined(separator: " ") }, review: review.sorted(), path: sheet.path)
    result.evidence = [:]
    // What is still to answer: asked (it applies, skip logic shows it) and not answered.
    let (context, _, _, _) = Scorer.prepare(result, survey: new)
    let unanswered = new.questions.indices.filter {
      if case .unknown(let why) = context.values[$0] { return why == .unanswered }
      return false
    }
    return Result(
      sheet: result, carried: carried.sorted(), review: review.sorted(), noted: noted, unanswered: unanswered)
  }

  /// The old answer as the new question reads it: written as it would be in a file, mapped
  /// through `values`, then read by the new question's own rules (its options, range and
  /// missing-data codes). Nil when the new question does not accept it.
  static func convert(_ answer: AnswerValue, from old: Question, to new: Question, values: [String: String]?)
    -> AnswerValue?
  {
    var text = AnswersWriter.render(answer, old)
    if let values, !values.isEmpty {
      guard let mapped = values[text] else { return nil }
      text = mapped
    }
    let log = DiagnosticLog()
    let bytes = Array("v: \(text)".utf8)
    guard let root = try? YAMLParser.parse(bytes), let node = root.mapping?.first?.value else { return nil }
    let reader = NodeReader(file: SourceFile(path: "-", bytes: bytes), log: log)
    guard case .value(let value) = AnswerParser.parse(node, for: new, reader: reader), !log.hasErrors else {
      return nil
    }
    return value
  }
}
