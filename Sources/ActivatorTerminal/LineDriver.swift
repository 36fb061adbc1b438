package import ActivatorCore
import ActivatorReports

/// The accessible questionnaire: numbered options and plain prompts, one line in, one line
/// out. It works with screen readers and with answers piped on stdin.
///
/// It reads the same answers as the full-screen driver from the same person's choices, so the
/// two write the same file: Enter keeps the current answer, nothing chosen is refused alike,
/// and a missing-data code is typed as its token (`dk`, `na`).
package final class LineDriver: PromptDriver {
  let t: Localizer
  let readLine: () -> String?
  let write: (String) -> Void

  package init(
    language: String, readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) },
    write: ((String) -> Void)? = nil
  ) {
    self.t = Localizer(language)
    self.readLine = readLine
    // In a right-to-left language numbers, ids and Latin words are isolated (`Console.out`).
    self.write = write ?? { Console.out($0, language: language) }
  }

  package func finish() {}

  /// What a typed line means besides an answer: the words of each command in this language
  /// (`<`, `back`, `atrás`…), from the message catalogue.
  func command(_ input: String, _ prompt: Prompt) -> PromptResult? {
    let lowered = input.lowercased()
    let words = { (key: MessageKey) in
      Set(self.t(key).split(separator: ",").map { String($0).trimmingSpaces.lowercased() })
    }
    if prompt.allowsNavigation && words(.lineBackWords).contains(lowered) { return .back }
    if prompt.allowsNavigation && words(.lineJumpWords).contains(lowered) { return .jump }
    if prompt.allowsNotes && words(.lineNoteWords).contains(lowered) { return .note("") }
    if words(.lineQuitWords).contains(lowered) { return .interrupt }
    return nil
  }

  package func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult {
    var header = "\n"
    if let (n, m) = context.position { header += "[\(n)/\(m)] " }
    header += context.section + "\n"
    if let notice = context.notice { header += "! \(notice)\n" }
    if let error = context.error { header += "✗ \(error)\n" }
    write(header + prompt.question + "\n")
    if let note = prompt.note, !note.isEmpty { write("  " + t(.questionnaireNoteShown) + note + "\n") }
    if let evidence = prompt.evidence { write("  " + evidence + "\n") }
    let numbers = list(prompt)
    while true {
      write(instructions(prompt) + "\n> ")
      guard let line = readLine() else { return .endOfInput }
      let input = line.trimmingSpaces
      if let command = command(input, prompt) { return command }
      if input == "?" {
        write((prompt.help.map { $0 + "\n" } ?? "") + t(.questionnaireKeys) + " " + instructions(prompt) + "\n")
        continue
      }
      guard let result = read(input, prompt, numbers) ?? found(input, prompt, numbers) else {
        write(t(.questionnairePleaseTypeOneNumbersShown) + "\n")
        continue
      }
      if case .selected(let several) = result, several.count > 1, prompt.kind == .select {
        write(t(.lineSeveralMatch, ["typed": .quoted(input)]) + "\n" + listing(prompt, numbers, only: several))
        continue
      }
      if let message = validate(result) {
        write("✗ \(message)\n")
        continue
      }
      return result
    }
  }

  /// Writes the options, numbered (codes by their token), and returns which item each number
  /// is; for a text prompt, its hint, codes and current answer.
  func list(_ prompt: Prompt) -> [Int: Int] {
    var numbers: [Int: Int] = [:]
    var listing = ""
    if prompt.kind == .text {
      if let hint = prompt.hint { listing += "  (\(hint))\n" }
      for item in prompt.items where item.role == .code { listing += "  \(item.token)) \(item.label)\n" }
      if !prompt.text.isEmpty { listing += "  " + t(.questionnaireCurrentAnswer) + prompt.text + "\n" }
      write(listing)
      return numbers
    }
    var number = 0
    for index in prompt.items.indices {
      let item = prompt.items[index]
      var marks = ""
      if item.role == .exclusive { marks += " " + t(.lineOnItsOwn) }
      // Only an answer has a current choice; elsewhere what is preselected is a suggestion.
      if prompt.allowsNavigation, prompt.selected.contains(index) {
        marks += " " + (prompt.suggestedBecause.map { "(\($0))" } ?? t(.lineCurrentChoice))
      }
      switch item.role {
      case .header: listing += "  \(item.label)\n"
      case .code: listing += "  \(item.token)) \(item.label)\(marks)\n"
      default:
        number += 1
        numbers[number] = index
        listing += "  \(number)) \(item.label)\(marks)\n"
      }
      if let detail = item.detail { listing += "     " + detail + "\n" }
    }
    write(listing)
    return numbers
  }

  /// What a typed line chooses; nil when it is not one of the choices shown.
  func read(_ input: String, _ prompt: Prompt, _ numbers: [Int: Int]) -> PromptResult? {
    let lowered = input.lowercased()
    if let code = prompt.items.indices.first(where: {
      prompt.items[$0].role == .code && prompt.items[$0].token == lowered
    }) {
      return .selected([code])
    }
    switch prompt.kind {
    case .text:
      // Enter keeps the current text; '-' removes a detail or a note (an answer stays until
      // another replaces it, as in the terminal).
      if input.isEmpty { return .text(prompt.text) }
      if input == "-" && !prompt.text.isEmpty && !prompt.allowsNotes { return .text("") }
      return .text(input)
    case .select:
      if input.isEmpty { return prompt.selected.first.map { .selected([$0]) } }
      if let number = Int(input), let index = numbers[number] { return .selected([index]) }
      let token = prompt.items.indices.first {
        !input.isEmpty && prompt.items[$0].token == input && prompt.items[$0].role != .header
      }
      return token.map { .selected([$0]) }
    case .multiSelect:
      // Nothing typed and nothing chosen before is "nothing chosen", refused as in the terminal.
      if input.isEmpty { return .selected(prompt.selected) }
      let parts = input.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
      let indices = parts.compactMap { Int($0).flatMap { numbers[$0] } }
      return !parts.isEmpty && indices.count == parts.count ? .selected(indices) : nil
    }
  }

  /// A choice found by words rather than by number, as the terminal's type-to-filter finds it
  /// (the language's folding: accents optional in French, Hangul by initial consonant): the one
  /// option whose label matches, or every match when several do, for the person to pick from.
  func found(_ input: String, _ prompt: Prompt, _ numbers: [Int: Int]) -> PromptResult? {
    guard prompt.kind == .select, !input.isEmpty, Int(input) == nil else { return nil }
    let matches = prompt.items.indices.filter {
      prompt.items[$0].role != .header && t.locale.filter(input, matches: t.locale.filterKey(prompt.items[$0].label))
    }
    return matches.isEmpty ? nil : .selected(matches)
  }

  /// The lines of `list` for some of the items only, with the numbers they were shown with.
  func listing(_ prompt: Prompt, _ numbers: [Int: Int], only items: [Int]) -> String {
    let numberOf = Dictionary(numbers.map { ($1, $0) }, uniquingKeysWith: min)
    return items.map { index in
      let item = prompt.items[index]
      return "  \(numberOf[index].map(String.init) ?? item.token)) \(item.label)\n"
    }.joined()
  }

  func instructions(_ prompt: Prompt) -> String {
    var parts: [String] = []
    switch prompt.kind {
    case .select: parts.append(t(.questionnaireTypeNumber))
    case .multiSelect: parts.append(t(.questionnaireTypeNumbersSeparatedByCommas))
    case .text: parts.append(t(.questionnaireTypeYourAnswer))
    }
    if prompt.allowsNavigation && !prompt.selected.isEmpty || (prompt.kind == .text && !prompt.text.isEmpty) {
      let enter: MessageKey = prompt.kind == .text && !prompt.allowsNotes ? .lineEnterKeepsText : .lineEnterKeeps
      parts.append(t(prompt.suggestedBecause == nil ? enter : .lineEnterTakesSuggestion))
    }
    if prompt.help != nil { parts.append(t(.questionnaireHelp)) }
    if prompt.allowsNotes { parts.append(t(.lineNote)) }
    if prompt.allowsNavigation {
      parts.append(t(.questionnaireBack))
      parts.append(t(.questionnaireGJump2))
    }
    parts.append(t(.questionnaireQSaveQuit))
    return parts.joined(separator: ", ")
  }

  /// Section introductions are read out and the questions follow; no key press is needed,
  /// so piped answers need no blank lines for them.
  package func show(title: String, body: [String], context: PromptContext) -> PromptResult {
    // A section without an intro is its title alone, not followed by empty lines.
    let paragraphs = body.filter { !$0.trimmingSpaces.isEmpty }
    write("\n== \(title) ==\n" + (paragraphs.isEmpty ? "" : paragraphs.joined(separator: "\n\n") + "\n"))
    return .selected([0])
  }
}
