package import ActivatorCore
import ActivatorReports

/// The full-screen questionnaire: arrow-key lists with type-ahead, inline validation and help,
/// drawn on the terminal's alternate screen and redrawn on every key (`TTYScreen` lays it out).
package final class TTYDriver: PromptDriver {
  let style: Style
  let t: Localizer
  var decoder = KeyDecoder()
  var pendingKeys: [Key] = []
  var started = false
  /// Text of the last frame, for tests and the key-latency benchmark.
  package private(set) var lastFrame: [String] = []
  var drawnSize = (columns: 0, rows: 0)

  package init(color: Bool, language: String) {
    self.style = Style(color: color)
    self.t = Localizer(language)
  }

  /// Enters raw mode and the alternate screen; false when stdin is not a terminal.
  package func start() -> Bool {
    guard RawMode.enable() else { return false }
    Console.control("\u{1B}[?1049h\u{1B}[?25l")
    started = true
    return true
  }

  package func finish() {
    guard started else { return }
    started = false
    RawMode.restore()
  }

  var screen: TTYScreen {
    let (columns, rows) = RawMode.size()
    return TTYScreen(style: style, t: t, columns: columns, rows: rows)
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

  package func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult {
    var view = PromptView(
      select: SelectState(
        items: prompt.items, multi: prompt.kind == .multiSelect, selected: prompt.selected, locale: t.locale),
      text: TextState(prompt.text),
      codes: SelectState(items: prompt.items, multi: false, selected: [], locale: t.locale),
      error: context.error)
    while true {
      let layout = screen
      draw(frame: layout.frame(prompt, context, view))
      guard let key = nextKey() else { return .endOfInput }
      if key == .unknown { continue }
      if key == .ctrl("c") { return .interrupt }
      if key == .ctrl("b") && prompt.allowsNavigation { return .back }
      if key == .ctrl("g") && prompt.allowsNavigation { return .jump }
      if key == .ctrl("n") && prompt.allowsNotes { return .note(view.text.text) }
      if view.showHelp, scrollHelp(key, prompt, &view, layout) { continue }
      let submitted: PromptResult?
      switch prompt.kind {
      case .select, .multiSelect: submitted = selectKey(key, prompt, &view)
      case .text: submitted = textKey(key, prompt, &view)
      }
      if let submitted {
        if let message = validate(submitted) {
          view.error = message
          continue
        }
        return submitted
      }
    }
  }

  /// Keys while the help is open: arrows scroll it, `?`, Escape and Enter close it; any other
  /// key closes it and does what it does. True when the key was used here.
  func scrollHelp(_ key: Key, _ prompt: Prompt, _ view: inout PromptView, _ layout: TTYScreen) -> Bool {
    switch key {
    case .up: view.helpOffset = max(0, view.helpOffset - 1)
    case .down: view.helpOffset += 1
    case .pageUp: view.helpOffset = max(0, view.helpOffset - max(1, layout.rows / 2))
    case .pageDown: view.helpOffset += max(1, layout.rows / 2)
    case .home: view.helpOffset = 0
    case .char("?"), .escape, .enter: view.showHelp = false
    default:
      view.showHelp = false
      return false
    }
    // The frame clamps the offset; keep it where the frame shows it, so ↑ answers at once.
    let lines = layout.helpLines(prompt, fullQuestion: true, keys: layout.hints(prompt)).count
    view.helpOffset = min(view.helpOffset, layout.maxOffset(lineCount: lines, height: max(1, layout.rows - 4)))
    return true
  }

  func selectKey(_ key: Key, _ prompt: Prompt, _ view: inout PromptView) -> PromptResult? {
    switch key {
    case .up: view.select.move(-1)
    case .down: view.select.move(1)
    case .pageUp: for _ in 0..<8 { view.select.move(-1) }
    case .pageDown: for _ in 0..<8 { view.select.move(1) }
    case .home: view.select.moveToEdge(last: false)
    case .end: view.select.moveToEdge(last: true)
    case .left where prompt.allowsNavigation: return .back
    case .tab:
      if let code = prompt.items.indices.first(where: { prompt.items[$0].role == .code }) {
        view.select.clearFilter()
        while view.select.current != code, view.select.current != nil {
          let before = view.select.current
          view.select.move(1)
          if view.select.current == before { break }
        }
      }
    case .escape: view.select.clearFilter()
    case .backspace: view.select.erase()
    case .char(" ") where prompt.kind == .multiSelect:
      view.select.toggle()
      view.error = nil
    case .char("?") where view.select.filter.isEmpty:
      view.showHelp = true
      view.helpOffset = 0
    case .char(let c): view.select.type(c)
    case .enter: return .selected(view.select.result)
    default: break
    }
    return nil
  }

  func textKey(_ key: Key, _ prompt: Prompt, _ view: inout PromptView) -> PromptResult? {
    if view.focusCodes {
      switch key {
      case .up: view.codes.move(-1)
      case .down: view.codes.move(1)
      case .tab, .escape: view.focusCodes = false
      case .enter: if let current = view.codes.current { return .selected([current]) }
      default: break
      }
      return nil
    }
    let before = view.text.text
    switch key {
    case .char("?") where view.text.text.isEmpty:
      view.showHelp = true
      view.helpOffset = 0
    case .char(let c): view.text.insert(c)
    case .backspace: view.text.backspace()
    case .delete: view.text.delete()
    case .left: view.text.move(-1)
    case .right: view.text.move(1)
    case .home, .ctrl("a"): view.text.home()
    case .end, .ctrl("e"): view.text.end()
    case .ctrl("u"): view.text.clear()
    case .up where prompt.allowsNavigation: return .back
    case .tab where !prompt.items.isEmpty:
      view.focusCodes = true
      view.codes = SelectState(items: prompt.items, multi: false, selected: [], locale: t.locale)
    case .enter: return .text(view.text.text)
    default: break
    }
    // An error is about what was typed: editing it (typing or erasing) takes the error away.
    if view.text.text != before { view.error = nil }
    return nil
  }

  /// A section's introduction, confirmed with Enter; ↑↓ scroll it when it is longer than the
  /// screen. The title is the header's section line, not repeated.
  package func show(title: String, body: [String], context: PromptContext) -> PromptResult {
    var offset = 0
    let hints = [
      t(.questionnaireEnterContinue), t(.questionnaireBBack), t(.questionnaireGJump), t(.questionnaireCSaveQuit),
    ]
    while true {
      let layout = screen
      draw(frame: layout.page(body, context: context, offset: offset, hints: hints))
      guard let key = nextKey() else { return .endOfInput }
      switch key {
      case .enter, .char(" "), .right: return .selected([0])
      case .ctrl("c"): return .interrupt
      case .ctrl("b"), .left: return .back
      case .ctrl("g"): return .jump
      case .up: offset = max(0, offset - 1)
      case .down: offset += 1
      default: continue
      }
    }
  }

  // MARK: - Drawing

  func draw(frame lines: [String]) {
    lastFrame = lines
    drawnSize = RawMode.size()
    var out = "\u{1B}[H"
    // Lines quote the survey and what the official typed: made inert, the frame's own colours
    // kept, and in a right-to-left language their left-to-right runs isolated as line mode
    // isolates them (after layout: the isolates take no column). The last line ends without a
    // line break, so a frame as tall as the screen never scrolls it.
    let rightToLeft = t.locale.rightToLeft
    for (index, line) in lines.prefix(drawnSize.rows).enumerated() {
      let inert = InertText.terminal(line, keepingStyle: style.color)
      out += (index > 0 ? "\r\n" : "") + (rightToLeft ? Bidi.isolatedInTerminal(inert) : inert) + "\u{1B}[K"
    }
    out += "\u{1B}[J"
    Console.control(out)
  }
}
