public import ActivatorCore
import ActivatorReports

/// The accessible questionnaire: numbered options and plain prompts, one line in, one line
/// out. It works with screen readers and with answers piped on stdin.
public final class LineDriver: PromptDriver {
  let t: Localizer
  let readLine: () -> String?
  let write: (String) -> Void

  public init(language: String, readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) }, write: @escaping (String) -> Void = { Console.out($0) }) {
    self.t = Localizer(language)
    self.readLine = readLine
    self.write = write
  }

  public func finish() {}

  public func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult {
    var header = "\n"
    if let (n, m) = context.position { header += "[\(n)/\(m)] " }
    header += context.section + "\n"
    if let notice = context.notice { header += "! \(notice)\n" }
    if let error = context.error { header += "✗ \(error)\n" }
    write(header + prompt.question + "\n")
    let choices = prompt.items.indices.filter { prompt.items[$0].role != .header }
    var numbers: [Int: Int] = [:]
    if prompt.kind != .text {
      var number = 0
      var listing = ""
      for index in prompt.items.indices {
        let item = prompt.items[index]
        if item.role == .header {
          listing += "  \(item.label)\n"
          continue
        }
        if item.role == .code {
          listing += "  \(item.token)) \(item.label)\n"
          continue
        }
        number += 1
        numbers[number] = index
        let mark = prompt.selected.contains(index) ? " *" : ""
        listing += "  \(number)) \(item.label)\(mark)\n"
      }
      write(listing)
    } else {
      if let hint = prompt.hint { write("  (\(hint))\n") }
      for item in prompt.items where item.role == .code { write("  \(item.token)) \(item.label)\n") }
      if !prompt.text.isEmpty { write("  " + t(.questionnaireCurrentAnswer) + prompt.text + "\n") }
    }
    while true {
      write(instructions(prompt, choices: choices.count) + "\n> ")
      guard let line = readLine() else { return .endOfInput }
      let input = line.trimmingSpaces
      let lowered = input.lowercased()
      if prompt.allowsNavigation && (lowered == "<" || lowered == "back" || lowered == "atras" || lowered == "atrás") { return .back }
      if prompt.allowsNavigation && (lowered == "g" || lowered == "jump" || lowered == "ir") { return .jump }
      if lowered == "q" || lowered == "quit" || lowered == "salir" { return .interrupt }
      if lowered == "?" {
        write((prompt.help ?? t(.questionnaireNoHelpForThisQuestion)) + "\n")
        continue
      }
      var result: PromptResult?
      if let code = prompt.items.indices.first(where: { prompt.items[$0].role == .code && prompt.items[$0].token == lowered }) {
        result = .selected([code])
      } else {
        switch prompt.kind {
        case .text:
          result = .text(input)
        case .select:
          if input.isEmpty, let current = prompt.selected.first {
            result = .selected([current])
          } else if let number = Int(input), let index = numbers[number] {
            result = .selected([index])
          } else if let index = prompt.items.indices.first(where: { prompt.items[$0].token == input && prompt.items[$0].role != .header && !input.isEmpty }) {
            result = .selected([index])
          }
        case .multiSelect:
          if input.isEmpty, !prompt.selected.isEmpty {
            result = .selected(prompt.selected)
          } else {
            let parts = input.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            let indices = parts.compactMap { Int($0).flatMap { numbers[$0] } }
            if !parts.isEmpty && indices.count == parts.count { result = .selected(indices) }
          }
        }
      }
      guard let result else {
        write(t(.questionnairePleaseTypeOneNumbersShown) + "\n")
        continue
      }
      if let message = validate(result) {
        write("✗ \(message)\n")
        continue
      }
      return result
    }
  }

  func instructions(_ prompt: Prompt, choices: Int) -> String {
    var parts: [String] = []
    switch prompt.kind {
    case .select: parts.append(t(.questionnaireTypeNumber))
    case .multiSelect: parts.append(t(.questionnaireTypeNumbersSeparatedByCommas))
    case .text: parts.append(t(.questionnaireTypeYourAnswer))
    }
    if prompt.help != nil { parts.append(t(.questionnaireHelp)) }
    if prompt.allowsNavigation {
      parts.append(t(.questionnaireBack))
      parts.append(t(.questionnaireGJump2))
    }
    parts.append(t(.questionnaireQSaveQuit))
    return parts.joined(separator: ", ")
  }

  /// Section introductions are read out and the questions follow; no key press is needed,
  /// so piped answers need no blank lines for them.
  public func show(title: String, body: [String], context: PromptContext) -> PromptResult {
    write("\n== \(title) ==\n" + body.joined(separator: "\n\n") + "\n")
    return .selected([0])
  }
}
