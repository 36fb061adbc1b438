package import ActivatorCore
import ActivatorReports

/// The header shown above a prompt: where the person is in the survey.
package struct PromptContext: Sendable {
  package var title: String
  package var section: String
  package var position: (Int, Int)?
  package var progress: [(label: String, answered: Int, total: Int)]
  package var notice: String?
  package var error: String?

  package init(
    title: String, section: String, position: (Int, Int)? = nil,
    progress: [(label: String, answered: Int, total: Int)] = [], notice: String? = nil, error: String? = nil
  ) {
    self.title = title
    self.section = section
    self.position = position
    self.progress = progress
    self.notice = notice
    self.error = error
  }
}

/// Asks prompts and shows messages; the terminal and line drivers implement it.
package protocol PromptDriver: AnyObject {
  /// Shows the prompt until the person answers or navigates. `validate` returns an error
  /// message for an answer that is not acceptable; the prompt then stays, showing it.
  func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult
  /// A screen of text (a section introduction) confirmed with Enter; false on interrupt.
  func show(title: String, body: [String], context: PromptContext) -> PromptResult
  /// Leaves the interactive display before the closing summary is printed.
  func finish()
}

/// The state of a select list: cursor, type-ahead filter and checked items.
package struct SelectState: Sendable {
  package let items: [Prompt.Item]
  package let multi: Bool
  package private(set) var filter = ""
  package private(set) var visible: [Int]
  /// Position in `visible`.
  package private(set) var cursor = 0
  package private(set) var checked: Set<Int>
  /// The language's way of matching what is typed (accents, Hangul initials), and each label
  /// prepared for it once.
  let locale: LocaleRules
  let filterKeys: [LocaleRules.FilterKey]

  package init(items: [Prompt.Item], multi: Bool, selected: [Int], locale: LocaleRules) {
    self.items = items
    self.multi = multi
    self.locale = locale
    self.filterKeys = items.map { locale.filterKey($0.label) }
    self.checked = multi ? Set(selected) : []
    self.visible = items.indices.map { $0 }
    if let first = selected.first, let position = visible.firstIndex(of: first) {
      cursor = position
    } else {
      cursor = visible.firstIndex { items[$0].role != .header } ?? 0
    }
  }

  package var current: Int? { cursor < visible.count ? visible[cursor] : nil }

  package mutating func move(_ delta: Int) {
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

  package mutating func moveToEdge(last: Bool) {
    cursor = last ? visible.count - 1 : 0
    if let item = current, items[item].role == .header { move(last ? -1 : 1) }
  }

  /// What the last tick did to other ticks, for the person to see.
  package enum Effect: Sendable, Equatable {
    /// An item that stands alone (none of these, don't know) was ticked: these were unticked.
    case cleared(by: Int, [Int])
    /// It was unticked again: these ticks came back.
    case restored([Int])
    /// An ordinary item was ticked: this item that stands alone was unticked.
    case unticked(Int)
  }

  package private(set) var effect: Effect?
  /// Ticks an item that stands alone cleared, given back when it is unticked.
  private var cleared: Set<Int> = []

  /// Space in a multi-select: toggles the item. An item that stands alone (a missing-data code,
  /// an exclusive option) unticks the others, which come back when it is unticked; ticking an
  /// ordinary item unticks the one standing alone. `effect` says what happened.
  package mutating func toggle() {
    effect = nil
    guard multi, let item = current, items[item].role != .header else { return }
    let roles = items.map(\.role)
    let standsAlone = { (index: Int) in roles[index] == .code || roles[index] == .exclusive }
    if checked.contains(item) {
      checked.remove(item)
      if standsAlone(item), !cleared.isEmpty {
        checked = cleared
        effect = .restored(cleared.sorted())
      }
      cleared = []
      return
    }
    if standsAlone(item) {
      let others = checked
      if !others.isEmpty { effect = .cleared(by: item, others.sorted()) }
      cleared = others.filter { !standsAlone($0) }
      checked = [item]
    } else {
      if let alone = checked.first(where: standsAlone) { effect = .unticked(alone) }
      checked = checked.filter { !standsAlone($0) }
      checked.insert(item)
      cleared = []
    }
  }

  package mutating func type(_ character: Character) {
    setFilter(filter + String(character))
  }

  package mutating func erase() {
    guard !filter.isEmpty else { return }
    setFilter(String(filter.dropLast()))
  }

  package mutating func clearFilter() { setFilter("") }

  private mutating func setFilter(_ text: String) {
    let previous = current
    filter = text
    if text.isEmpty {
      visible = items.indices.map { $0 }
    } else {
      visible = items.indices.filter { items[$0].role != .header && locale.filter(text, matches: filterKeys[$0]) }
    }
    if let previous, let position = visible.firstIndex(of: previous) {
      cursor = position
    } else {
      cursor = 0
      if let item = current, items[item].role == .header { move(1) }
    }
  }

  /// What Enter picks: the item under the cursor in a single choice. In a multi-select, the
  /// ticked items; with none ticked, the item under the cursor if it stands alone (Enter on
  /// "Don't know" chooses it), else nothing, which is not an answer.
  package var result: [Int] {
    guard multi else { return current.map { [$0] } ?? [] }
    if !checked.isEmpty { return checked.sorted() }
    if let item = current, items[item].role == .code || items[item].role == .exclusive { return [item] }
    return []
  }
}

/// The state of a one-line text input.
package struct TextState: Sendable {
  package private(set) var characters: [Character]
  package private(set) var cursor: Int

  package init(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }

  package var text: String { String(characters) }

  package mutating func insert(_ character: Character) {
    guard characters.count < 2000 else { return }
    characters.insert(character, at: cursor)
    cursor += 1
  }

  package mutating func backspace() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  package mutating func delete() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  package mutating func move(_ delta: Int) { cursor = max(0, min(characters.count, cursor + delta)) }
  package mutating func home() { cursor = 0 }
  package mutating func end() { cursor = characters.count }
  package mutating func clear() {
    characters = []
    cursor = 0
  }
}
