package import ActivatorYAML

/// An answer given outside an answers file, as `question=value` (`explain --what-if`): the value
/// is read exactly as an answers file reads it (a missing-data code, an option, a list in
/// brackets, a number), and an empty value leaves the question unanswered.
package struct AnswerOverride: Sendable {
  package var slot: Int
  /// nil: unanswered.
  package var value: AnswerValue?

  /// Reads `question=value`. Problems go to `log`, positioned in `argument`, which the log keeps
  /// under the name `name` (e.g. `--what-if`) so that a diagnostic can quote it.
  package static func parse(_ argument: String, name: String, survey: Survey, log: DiagnosticLog) -> AnswerOverride? {
    let source = SourceFile(path: name, bytes: Array(argument.utf8))
    log.keep(source)
    guard let equals = argument.firstIndex(of: "=") else {
      log.error("syntax", Message(.whatifExpectedQuestionValue), at: SourceLocation(file: name, line: 1, column: 1))
      return nil
    }
    let id = String(argument[..<equals])
    guard let slot = survey.questionIndex[id] else {
      log.error(
        "unknown-question",
        Message(
          .whatifUnknownQuestion, ["id": .text(id), "hint": DidYouMean.hint(id, from: survey.questionIndex.keys)]),
        at: SourceLocation(file: name, line: 1, column: 1))
      return nil
    }
    let text = String(argument[argument.index(after: equals)...])
    if text.allSatisfy(\.isWhitespace) { return AnswerOverride(slot: slot, value: nil) }
    // The value is read on its own, shifted right by as many columns as 'question=' takes, so
    // that every position a problem is reported at is its column in the argument.
    let shift = String(repeating: " ", count: id.unicodeScalars.count + 1)
    let valueLog = DiagnosticLog()
    guard
      let (file, node) = Document.parse(
        SourceFile(path: name, bytes: Array((shift + text).utf8)), limits: .untrusted, log: valueLog)
    else {
      log.append(contentsOf: valueLog.diagnostics)
      return nil
    }
    let reader = NodeReader(file: file, log: valueLog)
    reader.checkTags(node, expressions: false)
    let parsed =
      valueLog.hasErrors
      ? AnswerParser.Parsed.invalid : AnswerParser.parse(node, for: survey.questions[slot], reader: reader)
    log.append(contentsOf: valueLog.diagnostics)
    switch parsed {
    case .value(let value): return AnswerOverride(slot: slot, value: value)
    case .blank: return AnswerOverride(slot: slot, value: nil)
    case .invalid: return nil
    }
  }
}

extension AnswerSheet {
  /// The sheet with these answers in place of its own (nothing is written anywhere).
  package func overriding(_ overrides: [AnswerOverride]) -> AnswerSheet {
    var sheet = self
    for item in overrides where item.slot < sheet.values.count { sheet.values[item.slot] = item.value }
    return sheet
  }
}
