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
    let numbers = present(prompt, context)
    let choices = prompt.items.indices.filter { prompt.items[$0].role != .header }.count
    while true {
      write(instructions(prompt, choices: choices) + "\n> ")
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
      guard let result = result(of: input, prompt, numbers: numbers) else {
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

  /// Writes the prompt: where it is, any notice or error, the question and its numbered items
  /// (codes by their token). Returns the item each number stands for.
  func present(_ prompt: Prompt, _ context: PromptContext) -> [Int: Int] {
    var header = "\n"
    if let (n, m) = context.position { header += "[\(n)/\(m)] " }
    header += context.section + "\n"
    if let notice = context.notice { header += "! \(notice)\n" }
    if let error = context.error { header += "✗ \(error)\n" }
    write(header + prompt.question + "\n")
    var numbers: [Int: Int] = [:]
    guard prompt.kind != .text else {
      if let hint = prompt.hint { write("  (\(hint))\n") }
      for item in prompt.items where item.role == .code { write("  \(item.token)) \(item.label)\n") }
      if !prompt.text.isEmpty { write("  " + t(.questionnaireCurrentAnswer) + prompt.text + "\n") }
      return numbers
    }
    var listing = ""
    for index in prompt.items.indices {
      let item = prompt.items[index]
      switch item.role {
      case .header: listing += "  \(item.label)\n"
      case .code: listing += "  \(item.token)) \(item.label)\n"
      default:
        numbers[numbers.count + 1] = index
        listing += "  \(numbers.count)) \(item.label)\(prompt.selected.contains(index) ? " *" : "")\n"
      }
    }
    write(listing)
    return numbers
  }

  /// What a typed line chooses: a code by its token, the text, a number (or an item's token),
  /// several numbers, or Enter for what is already chosen; nil when it chooses nothing.
  func result(of input: String, _ prompt: Prompt, numbers: [Int: Int]) -> PromptResult? {
    let lowered = input.lowercased()
    if let code = prompt.items.indices.first(where: { prompt.items[$0].role == .code && prompt.items[$0].token == lowered }) {
      return .selected([code])
    }
    switch prompt.kind {
    case .text:
      return .text(input)
    case .select:
      if input.isEmpty, let current = prompt.selected.first { return .selected([current]) }
      if let number = Int(input), let index = numbers[number] { return .selected([index]) }
      let token = prompt.items.indices.first { prompt.items[$0].token == input && prompt.items[$0].role != .header && !input.isEmpty }
      return token.map { .selected([$0]) }
    case .multiSelect:
      if input.isEmpty, !prompt.selected.isEmpty { return .selected(prompt.selected) }
      let parts = input.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
      let indices = parts.compactMap { Int($0).flatMap { numbers[$0] } }
      return !parts.isEmpty && indices.count == parts.count ? .selected(indices) : nil
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
