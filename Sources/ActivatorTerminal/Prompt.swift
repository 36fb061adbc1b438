public import ActivatorCore
import ActivatorReports

/// The header shown above a prompt: where the person is in the survey.
public struct PromptContext: Sendable {
  public var title: String
  public var section: String
  public var position: (Int, Int)?
  public var progress: [(label: String, answered: Int, total: Int)]
  public var notice: String?
  public var error: String?

  public init(title: String, section: String, position: (Int, Int)? = nil, progress: [(label: String, answered: Int, total: Int)] = [], notice: String? = nil, error: String? = nil) {
    self.title = title
    self.section = section
    self.position = position
    self.progress = progress
    self.notice = notice
    self.error = error
  }
}

/// Asks prompts and shows messages; the terminal and line drivers implement it.
public protocol PromptDriver: AnyObject {
  /// Shows the prompt until the person answers or navigates. `validate` returns an error
  /// message for an answer that is not acceptable; the prompt then stays, showing it.
  func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult
  /// A screen of text (a section introduction) confirmed with Enter; false on interrupt.
  func show(title: String, body: [String], context: PromptContext) -> PromptResult
  /// Leaves the interactive display before the closing summary is printed.
  func finish()
}

/// The state of a select list: cursor, type-ahead filter and checked items.
public struct SelectState: Sendable {
  public let items: [Prompt.Item]
  public let multi: Bool
  public private(set) var filter = ""
  public private(set) var visible: [Int]
  /// Position in `visible`.
  public private(set) var cursor = 0
  public private(set) var checked: Set<Int>

  public init(items: [Prompt.Item], multi: Bool, selected: [Int]) {
    self.items = items
    self.multi = multi
    self.checked = multi ? Set(selected) : []
    self.visible = items.indices.map { $0 }
    if let first = selected.first, let position = visible.firstIndex(of: first) {
      cursor = position
    } else {
      cursor = visible.firstIndex { items[$0].role != .header } ?? 0
    }
  }

  public var current: Int? { cursor < visible.count ? visible[cursor] : nil }

  public mutating func move(_ delta: Int) {
    guard !visible.isEmpty else { return }
    var position = cursor
    for _ in 0..<visible.count {
      position = (position + delta + visible.count) % visible.count
      if items[visible[position]].role != .header {
        cursor = position
        return
      }
    }
  }

  public mutating func moveToEdge(last: Bool) {
    cursor = last ? visible.count - 1 : 0
    if let item = current, items[item].role == .header { move(last ? -1 : 1) }
  }

  /// Space in a multi-select: toggles the item, keeping exclusive items and codes alone.
  public mutating func toggle() {
    guard multi, let item = current, items[item].role != .header else { return }
    if checked.contains(item) {
      checked.remove(item)
      return
    }
    let role = items[item].role
    if role == .code || role == .exclusive {
      checked = [item]
    } else {
      checked = checked.filter { items[$0].role == .choice }
      checked.insert(item)
    }
  }

  public mutating func type(_ character: Character) {
    setFilter(filter + String(character))
  }

  public mutating func erase() {
    guard !filter.isEmpty else { return }
    setFilter(String(filter.dropLast()))
  }

  public mutating func clearFilter() { setFilter("") }

  private mutating func setFilter(_ text: String) {
    let previous = current
    filter = text
    let needle = Fold.text(text)
    if needle.isEmpty {
      visible = items.indices.map { $0 }
    } else {
      visible = items.indices.filter { items[$0].role != .header && Fold.text(items[$0].label).contains(needle) }
    }
    if let previous, let position = visible.firstIndex(of: previous) {
      cursor = position
    } else {
      cursor = 0
      if let item = current, items[item].role == .header { move(1) }
    }
  }

  /// What Enter picks: the checked items of a multi-select (or the item under the cursor when
  /// nothing is checked), the item under the cursor otherwise.
  public var result: [Int] {
    if multi {
      if !checked.isEmpty { return checked.sorted() }
      return []
    }
    return current.map { [$0] } ?? []
  }
}

/// The state of a one-line text input.
public struct TextState: Sendable {
  public private(set) var characters: [Character]
  public private(set) var cursor: Int

  public init(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }

  public mutating func insert(_ character: Character) {
    guard characters.count < 2000 else { return }
    characters.insert(character, at: cursor)
    cursor += 1
  }

  public mutating func backspace() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  public mutating func delete() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  public mutating func move(_ delta: Int) { cursor = max(0, min(characters.count, cursor + delta)) }
  public mutating func home() { cursor = 0 }
  public mutating func end() { cursor = characters.count }
  public mutating func clear() {
    characters = []
    cursor = 0
  }
}

