public import ActivatorCore
import ActivatorReports

/// The full-screen questionnaire: arrow-key lists with type-ahead, inline validation and help,
/// drawn on the terminal's alternate screen and redrawn on every key.
public final class TTYDriver: PromptDriver {
  let style: Style
  let t: Localizer
  var decoder = KeyDecoder()
  var pendingKeys: [Key] = []
  var showHelp = false
  var started = false
  /// Text of the last frame, for tests and the key-latency benchmark.
  public private(set) var lastFrame: [String] = []
  var drawnSize = (columns: 0, rows: 0)

  public init(color: Bool, language: String) {
    self.style = Style(color: color)
    self.t = Localizer(language)
  }

  /// Enters raw mode and the alternate screen; false when stdin is not a terminal.
  public func start() -> Bool {
    guard RawMode.enable() else { return false }
    Console.control("\u{1B}[?1049h\u{1B}[?25l")
    started = true
    return true
  }

  public func finish() {
    guard started else { return }
    started = false
    RawMode.restore()
  }

  // MARK: - Input

  /// The next key, waiting as long as needed; nil at end of input. Returns `.unknown` when the
  /// terminal was resized, so the caller redraws.
  func nextKey() -> Key? {
    while pendingKeys.isEmpty {
      guard let bytes = RawMode.read(timeout: 250) else { return nil }
      if bytes.isEmpty {
        let size = RawMode.size()
        if size != drawnSize { return .unknown }
        continue
      }
      pendingKeys = decoder.feed(bytes)
    }
    return pendingKeys.removeFirst()
  }

  // MARK: - Prompts

  /// A prompt's state while it is answered: the list or the text, and the missing-data codes a
  /// text prompt offers on Tab.
  struct Editing {
    var select: SelectState
    var text: TextState
    var focusCodes = false
    var codes: SelectState
    var error: String?
  }

  /// What a key did to a prompt.
  enum KeyEffect {
    case edited
    /// An answer, validated before the prompt returns it.
    case submit(PromptResult)
    /// Leave the prompt at once (going back).
    case leave(PromptResult)
  }

  public func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult {
    var editing = Editing(
      select: SelectState(items: prompt.items, multi: prompt.kind == .multiSelect, selected: prompt.selected), text: TextState(prompt.text),
      codes: SelectState(items: prompt.items, multi: false, selected: []), error: context.error)
    showHelp = false
    while true {
      var frame = context
      frame.error = editing.error
      draw(frame: render(prompt, frame, select: editing.select, text: editing.text, focusCodes: editing.focusCodes, codes: editing.codes))
      guard let key = nextKey() else { return .endOfInput }
      if key == .unknown { continue }
      if key == .ctrl("c") { return .interrupt }
      if key == .ctrl("b") && prompt.allowsNavigation { return .back }
      if key == .ctrl("g") && prompt.allowsNavigation { return .jump }
      switch prompt.kind == .text ? textKey(key, prompt, &editing) : selectKey(key, prompt, &editing) {
      case .edited: continue
      case .leave(let result): return result
      case .submit(let result):
        if let message = validate(result) {
          editing.error = message
          continue
        }
        return result
      }
    }
  }

  /// A key in a list: moving, filtering by typing, Tab to the missing-data codes, Space to tick
  /// (several choices), Enter to choose.
  func selectKey(_ key: Key, _ prompt: Prompt, _ editing: inout Editing) -> KeyEffect {
    switch key {
    case .up: editing.select.move(-1)
    case .down: editing.select.move(1)
    case .pageUp: for _ in 0..<8 { editing.select.move(-1) }
    case .pageDown: for _ in 0..<8 { editing.select.move(1) }
    case .home: editing.select.moveToEdge(last: false)
    case .end: editing.select.moveToEdge(last: true)
    case .left where prompt.allowsNavigation: return .leave(.back)
    case .tab:
      if let code = prompt.items.indices.first(where: { prompt.items[$0].role == .code }) {
        editing.select.clearFilter()
        while editing.select.current != code, editing.select.current != nil {
          let before = editing.select.current
          editing.select.move(1)
          if editing.select.current == before { break }
        }
      }
    case .escape: editing.select.clearFilter()
    case .backspace: editing.select.erase()
    case .char(" ") where prompt.kind == .multiSelect:
      editing.select.toggle()
      editing.error = nil
    case .char("?") where editing.select.filter.isEmpty && prompt.help != nil: showHelp.toggle()
    case .char(let c): editing.select.type(c)
    case .enter:
      if prompt.kind == .multiSelect {
        let select = editing.select
        return .submit(.selected(select.result.isEmpty ? (select.current.map { [$0] } ?? []) : select.result))
      }
      if let current = editing.select.current { return .submit(.selected([current])) }
    default: break
    }
    return .edited
  }

  /// A key in a text prompt, or in its missing-data codes after Tab.
  func textKey(_ key: Key, _ prompt: Prompt, _ editing: inout Editing) -> KeyEffect {
    if editing.focusCodes {
      switch key {
      case .up: editing.codes.move(-1)
      case .down: editing.codes.move(1)
      case .tab, .escape: editing.focusCodes = false
      case .enter: if let current = editing.codes.current { return .submit(.selected([current])) }
      default: break
      }
      return .edited
    }
    switch key {
    case .char("?") where editing.text.text.isEmpty && prompt.help != nil: showHelp.toggle()
    case .char(let c):
      editing.text.insert(c)
      editing.error = nil
    case .backspace: editing.text.backspace()
    case .delete: editing.text.delete()
    case .left: editing.text.move(-1)
    case .right: editing.text.move(1)
    case .home, .ctrl("a"): editing.text.home()
    case .end, .ctrl("e"): editing.text.end()
    case .ctrl("u"): editing.text.clear()
    case .up where prompt.allowsNavigation: return .leave(.back)
    case .tab where !prompt.items.isEmpty:
      editing.focusCodes = true
      editing.codes = SelectState(items: prompt.items, multi: false, selected: [])
    case .enter: return .submit(.text(editing.text.text))
    default: break
    }
    return .edited
  }

  public func show(title: String, body: [String], context: PromptContext) -> PromptResult {
    while true {
      let width = RawMode.size().columns - 2
      var lines = header(context, width: width)
      lines.append("")
      lines.append(style.bold(title))
      lines.append("")
      for paragraph in body {
        lines += DisplayWidth.wrap(paragraph, width: width).map { " " + $0 }
        lines.append("")
      }
      lines += wrapParts(
        [t(.questionnaireEnterContinue), t(.questionnaireBBack), t(.questionnaireGJump), t(.questionnaireCSaveQuit)],
        separator: " · ", width: width
      ).map { style.dim($0) }
      draw(frame: lines)
      guard let key = nextKey() else { return .endOfInput }
      switch key {
      case .enter, .char(" "), .right: return .selected([0])
      case .ctrl("c"): return .interrupt
      case .ctrl("b"), .left: return .back
      case .ctrl("g"): return .jump
      default: continue
      }
    }
  }

  // MARK: - Drawing

  func draw(frame lines: [String]) {
    lastFrame = lines
    drawnSize = RawMode.size()
    let rows = drawnSize.rows
    var out = "\u{1B}[H"
    // Lines quote the survey and what the official typed: made inert, the frame's own colours kept.
    for line in lines.prefix(max(1, rows - 1)) { out += InertText.terminal(line, keepingStyle: style.color) + "\u{1B}[K\r\n" }
    out += "\u{1B}[J"
    Console.control(out)
  }

  func header(_ context: PromptContext, width: Int) -> [String] {
    var top = style.bold(DisplayWidth.truncate(context.title, to: max(10, width - 14)))
    if let (n, m) = context.position {
      let position = t(.questionnaireQuestion) + " \(n) " + t(.questionnaireOf) + " \(m)"
      let gap = max(1, width - DisplayWidth.of(top) - DisplayWidth.of(position))
      top += String(repeating: " ", count: gap) + style.dim(position)
    }
    var lines = [top]
    if !context.progress.isEmpty {
      var parts: [String] = []
      for item in context.progress {
        let text = "\(item.label) \(item.answered)/\(item.total)"
        parts.append(item.answered == item.total && item.total > 0 ? style.green(text) : item.answered > 0 ? text : style.dim(text))
      }
      lines += wrapParts(parts, separator: "  ", width: width)
    }
    lines.append(style.cyan(context.section))
    return lines
  }

  func render(
    _ prompt: Prompt, _ context: PromptContext, select: SelectState, text: TextState, focusCodes: Bool, codes: SelectState
  ) -> [String] {
    let (columns, rows) = RawMode.size()
    let width = max(30, columns - 2)
    var lines = header(context, width: width)
    lines.append("")
    for line in DisplayWidth.wrap(prompt.question, width: width) { lines.append(style.bold(line)) }
    if showHelp, let help = prompt.help {
      lines.append("")
      for line in DisplayWidth.wrap(help, width: width - 2) { lines.append(style.dim("  " + line)) }
    }
    lines.append("")
    let footerLines = 4
    switch prompt.kind {
    case .select, .multiSelect:
      if !select.filter.isEmpty { lines.append(style.yellow(t(.questionnaireFilter)) + select.filter) }
      let room = max(3, rows - lines.count - footerLines - 1)
      let visible = select.visible
      let cursor = select.cursor
      let start = max(0, min(cursor - room / 2, visible.count - room))
      if visible.isEmpty { lines.append(style.dim("  " + t(.questionnaireNothingMatchesBackspaceEditFilter))) }
      var previousRole: Prompt.Item.Role?
      for position in start..<min(visible.count, start + room) {
        let index = visible[position]
        let item = prompt.items[index]
        if item.role == .code && previousRole != nil && previousRole != .code && select.filter.isEmpty {
          lines.append(style.dim("  ────"))
        }
        previousRole = item.role
        if item.role == .header {
          lines.append(style.bold(DisplayWidth.truncate(item.label, to: width)))
          continue
        }
        let marker = position == cursor ? style.cyan("❯ ") : "  "
        var label = DisplayWidth.truncate(item.label, to: width - 6)
        if prompt.kind == .multiSelect {
          label = (select.checked.contains(index) ? style.green("[x] ") : "[ ] ") + label
        }
        if item.role == .code { label = style.dim(label) }
        lines.append(marker + (position == cursor ? style.bold(label) : label))
      }
      if start + room < visible.count { lines.append(style.dim("  ↓ \(visible.count - start - room) " + t(.questionnaireMore))) }
    case .text:
      let characters = Array(text.text)
      let before = String(characters.prefix(text.cursor))
      let after = String(characters.dropFirst(text.cursor))
      let cursorCell = style.color ? "\u{1B}[7m" + (after.first.map(String.init) ?? " ") + "\u{1B}[0m" : "▏" + (after.first.map(String.init) ?? "")
      let input = (focusCodes ? style.dim("> ") : style.cyan("> ")) + before + (focusCodes ? (after.first.map(String.init) ?? "") : cursorCell) + String(after.dropFirst())
      lines.append(input)
      if let hint = prompt.hint { lines.append(style.dim("  " + hint)) }
      if focusCodes {
        lines.append("")
        for position in codes.visible.indices {
          let item = prompt.items[codes.visible[position]]
          lines.append((position == codes.cursor ? style.cyan("❯ ") : "  ") + item.label)
        }
      }
    }
    if let error = context.error {
      lines.append("")
      for line in DisplayWidth.wrap(error, width: width - 2) { lines.append(style.red("✗ " + line)) }
    }
    if let notice = context.notice {
      lines.append("")
      for line in DisplayWidth.wrap(notice, width: width - 2) { lines.append(style.yellow("⚑ " + line)) }
    }
    lines.append("")
    lines += wrapParts(hints(prompt), separator: " · ", width: width).map { style.dim($0) }
    return lines
  }

  /// Joins parts into lines of at most `width` columns, breaking only between parts.
  func wrapParts(_ parts: [String], separator: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for part in parts {
      let candidate = line.isEmpty ? part : line + separator + part
      if DisplayWidth.of(candidate) > width && !line.isEmpty {
        lines.append(line)
        line = part
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  func hints(_ prompt: Prompt) -> [String] {
    var parts: [String]
    switch prompt.kind {
    case .select: parts = [t(.questionnaireMove), t(.questionnaireEnterChoose), t(.questionnaireTypeFilter)]
    case .multiSelect: parts = [t(.questionnaireMove), t(.questionnaireSpaceTick), t(.questionnaireEnterConfirm)]
    case .text: parts = [t(.questionnaireEnterConfirm)]
    }
    if prompt.items.contains(where: { $0.role == .code }) {
      parts.append(t(.questionnaireTabDonTKnow))
    }
    if prompt.help != nil { parts.append(t(.questionnaireHelp)) }
    if prompt.allowsNavigation {
      parts.append(t(.questionnaireBBack))
      parts.append(t(.questionnaireGJump))
    }
    parts.append(t(.questionnaireCSaveQuit))
    return parts
  }
}
