package import ActivatorCore
import ActivatorReports

/// What the full-screen questionnaire shows for one prompt at one moment: the prompt, its
/// context and the state of the person's input.
struct PromptView {
  var select: SelectState
  var text: TextState
  var focusCodes = false
  var codes: SelectState
  var error: String?
  var showHelp = false
  /// First help line shown when the help is longer than the screen.
  var helpOffset = 0
}

/// Lays out the full-screen questionnaire for a terminal of any size down to 40 × 12: the
/// header, the question, the error and notices and the key hints always show; options and help
/// scroll in what is left, and long texts wrap rather than being cut. Below 60 columns or 20 rows
/// the header is one line and the key hints are the essential ones (`?` lists them all).
struct TTYScreen {
  let style: Style
  let t: Localizer
  let columns: Int
  let rows: Int

  /// Text columns: the last one stays empty, so no terminal wraps a full line on its own.
  var width: Int { max(8, columns - 1) }
  var compact: Bool { rows < 20 || columns < 60 }

  // MARK: - Frames

  func frame(_ prompt: Prompt, _ context: PromptContext, _ view: PromptView) -> [String] {
    let top = header(context)
    var bottom = messages(error: view.error, notice: context.notice, effect: effectText(prompt, view.select))
    if !bottom.isEmpty && !compact { bottom.append("") }
    let allHints = hints(prompt)
    let footerParts = view.showHelp ? [t(.questionnaireScrollHelp)] : compact ? essentialHints(prompt) : allHints
    bottom += footer(footerParts)
    var question = wrap(prompt.question).map { style.bold($0) }
    if let note = prompt.note, !note.isEmpty {
      question += wrap("✎ " + note).prefix(2).map { style.dim($0) }
    }
    if let evidence = prompt.evidence {
      question += wrap("✎ " + evidence).prefix(2).map { style.dim($0) }
    }
    let gap = compact ? 0 : 1
    let room = rows - top.count - bottom.count - gap
    let wanted = view.showHelp ? 3 : min(3, bodyLineCount(prompt, view))
    let cut = question.count > max(1, room - wanted)
    if cut {
      question = Array(question.prefix(max(1, room - wanted)))
      question[question.count - 1] += "…"
    }
    let height = max(1, room - question.count)
    let body: [String]
    if view.showHelp {
      body = window(helpLines(prompt, fullQuestion: cut, keys: allHints), offset: view.helpOffset, height: height)
    } else {
      switch prompt.kind {
      case .select, .multiSelect: body = selectBody(prompt, view.select, height: height)
      case .text: body = textBody(prompt, view, height: height)
      }
    }
    return fit(top + question + Array(repeating: "", count: gap) + body, bottom)
  }

  /// A screen of text (a section's introduction) with its own scroll position.
  func page(_ body: [String], context: PromptContext, offset: Int, hints: [String]) -> [String] {
    let top = header(context)
    let bottom = footer(hints)
    let gap = compact ? 0 : 1
    let height = max(1, rows - top.count - bottom.count - gap)
    var lines: [String] = []
    for paragraph in body {
      if !lines.isEmpty { lines.append("") }
      lines += wrap(paragraph)
    }
    return fit(top + Array(repeating: "", count: gap) + window(lines, offset: offset, height: height), bottom)
  }

  /// The top and the bottom on one screen: the top cut (never the bottom) when both are too tall.
  func fit(_ top: [String], _ bottom: [String]) -> [String] {
    let room = max(0, rows - bottom.count)
    let bottom = Array(bottom.suffix(rows))
    return Array(top.prefix(room)) + (bottom.isEmpty ? [] : [""].prefix(max(0, room - top.count)) + bottom)
  }

  // MARK: - Parts

  func header(_ context: PromptContext) -> [String] {
    let position = context.position.map { (n, m) in
      compact ? "\(n)/\(m)" : t(.questionnaireQuestion) + " \(n) " + t(.questionnaireOf) + " \(m)"
    }
    let lead = compact ? context.section : context.title
    let room = width - (position.map { DisplayWidth.of($0) + 1 } ?? 0)
    var top = DisplayWidth.truncate(lead, to: max(4, room))
    if let position {
      top +=
        String(repeating: " ", count: max(1, width - DisplayWidth.of(top) - DisplayWidth.of(position)))
        + style.dim(position)
    }
    let first = compact ? style.cyan(top) : style.bold(top)
    guard !compact else { return [first] }
    var lines = [first]
    if !context.progress.isEmpty {
      var parts: [String] = []
      for item in context.progress {
        let text = "\(item.label) \(item.answered)/\(item.total)"
        parts.append(
          item.answered == item.total && item.total > 0 ? style.green(text) : item.answered > 0 ? text : style.dim(text)
        )
      }
      lines += wrapParts(parts, separator: "  ")
    }
    lines.append(style.cyan(DisplayWidth.truncate(context.section, to: width)))
    return lines
  }

  /// The error, the notice and what the last tick did, each wrapped with its mark on its first
  /// line only.
  func messages(error: String?, notice: String?, effect: String?) -> [String] {
    var lines: [String] = []
    for (text, mark, paint) in [(error, "✗ ", style.red), (notice, "⚑ ", style.yellow), (effect, "↺ ", style.yellow)] {
      guard let text, !text.isEmpty else { continue }
      let wrapped = DisplayWidth.wrap(text, width: width - 2, breakingWords: true)
      for (index, line) in wrapped.enumerated() { lines.append(paint((index == 0 ? mark : "  ") + line)) }
    }
    return lines
  }

  func footer(_ parts: [String]) -> [String] { wrapParts(parts, separator: " · ").map { style.dim($0) } }

  func selectBody(_ prompt: Prompt, _ select: SelectState, height: Int) -> [String] {
    var lines: [String] = []
    if !select.filter.isEmpty { lines.append(style.yellow(t(.questionnaireFilter)) + select.filter) }
    if select.visible.isEmpty {
      lines += wrap(t(.questionnaireNothingMatchesBackspaceEditFilter)).map { style.dim("  " + $0) }
    }
    var blocks: [[String]] = []
    var previousRole: Prompt.Item.Role?
    for (position, index) in select.visible.enumerated() {
      let item = prompt.items[index]
      var block: [String] = []
      if item.role == .code && previousRole != nil && previousRole != .code && select.filter.isEmpty {
        block.append(style.dim("  ────"))
      }
      previousRole = item.role
      block += itemLines(prompt, item, index: index, atCursor: position == select.cursor, select: select)
      blocks.append(block)
    }
    var detail: [String] = []
    if let item = select.current, let text = prompt.items[item].detail, !text.isEmpty {
      detail = [""] + wrap(text).map { style.dim($0) }
    }
    let listHeight = max(1, height - lines.count - min(detail.count, max(0, height - lines.count - 3)))
    lines += windowBlocks(blocks, focus: select.cursor, height: listHeight)
    return lines + detail.prefix(max(0, height - lines.count))
  }

  /// An item's lines: the cursor, the tick box and the label wrapped under itself.
  func itemLines(_ prompt: Prompt, _ item: Prompt.Item, index: Int, atCursor: Bool, select: SelectState) -> [String] {
    if item.role == .header { return wrap(item.label).map { style.bold($0) } }
    let box = prompt.kind == .multiSelect ? (select.checked.contains(index) ? "[x] " : "[ ] ") : ""
    let indent = 2 + DisplayWidth.of(box)
    let wrapped = DisplayWidth.wrap(item.label, width: width - indent, breakingWords: true)
    return wrapped.enumerated().map { number, line in
      var label = line
      if item.role == .code { label = style.dim(label) }
      if atCursor { label = style.bold(label) }
      guard number == 0 else { return String(repeating: " ", count: indent) + label }
      let marker = atCursor ? style.cyan("❯ ") : "  "
      let tick = box.isEmpty ? "" : select.checked.contains(index) ? style.green(box) : box
      return marker + tick + label
    }
  }

  /// Whole blocks around block `focus` that fit in `height` lines, with "↑ n more" and
  /// "↓ n more" where blocks are left out.
  func windowBlocks(_ blocks: [[String]], focus: Int, height: Int) -> [String] {
    guard !blocks.isEmpty else { return [] }
    let total = blocks.reduce(0) { $0 + $1.count }
    if total <= height { return blocks.flatMap { $0 } }
    let anchor = min(max(0, focus), blocks.count - 1)
    var first = anchor
    var last = anchor
    var used = blocks[anchor].count
    // Room for the two "more" lines, then blocks below and above the cursor in turn.
    let room = max(1, height - 2)
    var growDown = true
    while true {
      if growDown, last + 1 < blocks.count, used + blocks[last + 1].count <= room {
        last += 1
        used += blocks[last].count
      } else if first > 0, used + blocks[first - 1].count <= room {
        first -= 1
        used += blocks[first].count
      } else if last + 1 < blocks.count, used + blocks[last + 1].count <= room {
        last += 1
        used += blocks[last].count
      } else {
        break
      }
      growDown.toggle()
    }
    var lines: [String] = []
    if first > 0 { lines.append(style.dim("  ↑ \(first) " + t(.questionnaireMore))) }
    // A block taller than the screen (a very long option) shows its start.
    lines += blocks[first...last].flatMap { $0 }.prefix(room)
    if last + 1 < blocks.count { lines.append(style.dim("  ↓ \(blocks.count - last - 1) " + t(.questionnaireMore))) }
    return lines
  }

  func textBody(_ prompt: Prompt, _ view: PromptView, height: Int) -> [String] {
    let characters = view.text.characters
    // The part of a long answer around the cursor that fits, counted in columns (a Hangul
    // syllable takes two).
    let room = max(2, width - 3)
    let widths = characters.map(DisplayWidth.of)
    let cursor = min(view.text.cursor, characters.count)
    var used = cursor < widths.count ? widths[cursor] : 1
    var start = cursor
    while start > 0, used + widths[start - 1] <= room {
      start -= 1
      used += widths[start]
    }
    var end = min(cursor + 1, characters.count)
    while end < characters.count, used + widths[end] <= room {
      used += widths[end]
      end += 1
    }
    let before = String(characters[start..<cursor])
    let under = cursor < characters.count ? String(characters[cursor]) : ""
    let after = cursor < characters.count ? String(characters[(cursor + 1)..<end]) : ""
    let cell =
      view.focusCodes ? under : style.color ? "\u{1B}[7m" + (under.isEmpty ? " " : under) + "\u{1B}[0m" : "▏" + under
    var lines = [(view.focusCodes ? style.dim("> ") : style.cyan("> ")) + before + cell + after]
    if let hint = prompt.hint {
      lines += DisplayWidth.wrap(hint, width: width - 2, breakingWords: true).map { style.dim("  " + $0) }
    }
    if view.focusCodes {
      for (position, index) in view.codes.visible.enumerated() {
        lines.append(
          (position == view.codes.cursor ? style.cyan("❯ ") : "  ")
            + DisplayWidth.truncate(prompt.items[index].label, to: width - 2))
      }
    }
    return Array(lines.prefix(height))
  }

  /// The help: the question in full when the screen had to cut it, the question's help, and
  /// every key.
  func helpLines(_ prompt: Prompt, fullQuestion: Bool, keys: [String]) -> [String] {
    var lines: [String] = []
    if fullQuestion { lines += wrap(prompt.question) + [""] }
    if let help = prompt.help { lines += wrap(help) + [""] }
    lines += wrap(t(.questionnaireKeys) + " " + keys.joined(separator: " · "))
    return lines.map { style.dim($0) }
  }

  /// `height` lines of `lines` from `offset`, with "↑"/"↓" marks where more is above or below.
  func window(_ lines: [String], offset: Int, height: Int) -> [String] {
    guard lines.count > height else { return lines }
    let room = max(1, height - 1)
    let start = min(max(0, offset), lines.count - room)
    var shown = Array(lines[start..<min(lines.count, start + room)])
    let below = lines.count - start - shown.count
    let mark = (start > 0 ? "↑ " : "") + (below > 0 ? "↓ \(below) " + t(.questionnaireMore) : "")
    shown.append(style.dim("  " + mark))
    return shown
  }

  /// The largest offset `window` uses for `lines` at this size, to stop scrolling there.
  func maxOffset(lineCount: Int, height: Int) -> Int { max(0, lineCount - max(1, height - 1)) }

  // MARK: - Words

  func bodyLineCount(_ prompt: Prompt, _ view: PromptView) -> Int {
    switch prompt.kind {
    case .text: 1 + (prompt.hint == nil ? 0 : 1)
    case .select, .multiSelect: view.select.visible.count
    }
  }

  /// What the last tick did, in words, or nil.
  func effectText(_ prompt: Prompt, _ select: SelectState) -> String? {
    guard let effect = select.effect else { return nil }
    let labels = { (indices: [Int]) in MessageArgument.list(indices.map { .quoted(prompt.items[$0].label) }) }
    switch effect {
    case .cleared(let item, let others):
      return t(
        .questionnaireStandsAloneCleared, ["option": .quoted(prompt.items[item].label), "options": labels(others)])
    case .restored(let items):
      return t(.questionnaireTicksBack, ["options": labels(items)])
    case .unticked(let item):
      return t(.questionnaireStandsAloneUnticked, ["option": .quoted(prompt.items[item].label)])
    }
  }

  func hints(_ prompt: Prompt) -> [String] {
    var parts: [String]
    switch prompt.kind {
    case .select: parts = [t(.questionnaireMove), t(.questionnaireEnterChoose), t(.questionnaireTypeFilter)]
    case .multiSelect: parts = [t(.questionnaireMove), t(.questionnaireSpaceTick), t(.questionnaireEnterConfirm)]
    case .text: parts = [t(.questionnaireEnterConfirm)]
    }
    if prompt.items.contains(where: { $0.role == .code }) { parts.append(t(.questionnaireTabDonTKnow)) }
    parts.append(t(.questionnaireHelp))
    if prompt.allowsNotes { parts.append(t(.questionnaireNoteKey)) }
    if prompt.allowsNavigation {
      parts.append(t(.questionnaireBBack))
      parts.append(t(.questionnaireGJump))
    }
    parts.append(t(.questionnaireCSaveQuit))
    return parts
  }

  /// The hints a small screen keeps: how to answer, help (which lists every key) and quitting.
  func essentialHints(_ prompt: Prompt) -> [String] {
    let answer = prompt.kind == .multiSelect ? [t(.questionnaireSpaceTick), t(.questionnaireEnterConfirm)] : []
    return answer + [t(.questionnaireHelpKeys), t(.questionnaireCSaveQuit)]
  }

  func wrap(_ text: String) -> [String] { DisplayWidth.wrap(text, width: width, breakingWords: true) }

  /// Joins parts into lines of at most `width` columns, breaking only between parts.
  func wrapParts(_ parts: [String], separator: String) -> [String] {
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
    return lines.flatMap { DisplayWidth.of($0) > width ? wrap($0) : [$0] }
  }
}
