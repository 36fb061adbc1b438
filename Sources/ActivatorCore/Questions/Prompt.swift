/// One thing to ask: a list to pick from (one or several items) or text to type. The same
/// prompt is shown by the full-screen terminal driver and by the accessible line driver; a
/// question's kind builds it (`QuestionKind.prompt`).
package struct Prompt: Sendable {
  package enum Kind: Sendable, Equatable {
    case select
    case multiSelect
    case text
  }

  package struct Item: Sendable, Equatable {
    package enum Role: Sendable, Equatable {
      case choice
      /// A missing-data code (don't know, not applicable): shown apart, chosen alone.
      case code
      /// A group heading, not selectable (section names in the jump list).
      case header
      /// Chosen alone in a multi-select ("none of these").
      case exclusive
    }

    package var label: String
    package var role: Role
    /// A short token the line driver also accepts ("dk", an option value).
    package var token: String
    /// More about the item (a stage's description): shown for the item under the cursor, and
    /// under each item in line mode.
    package var detail: String?

    package init(_ label: String, role: Role = .choice, token: String = "") {
      self.label = label
      self.role = role
      self.token = token
    }
  }

  package var kind: Kind
  package var question: String
  package var help: String?
  package var items: [Item]
  /// Items selected when the prompt opens (the current answer or the default).
  package var selected: [Int]
  package var text: String
  /// A hint under text inputs: unit and range.
  package var hint: String?
  /// Back and jump are offered (not in the city's name, the jump list or a confirmation).
  package var allowsNavigation: Bool
  /// A note can be attached here (a survey question): the note key is offered.
  package var allowsNotes = false
  /// The note already attached, shown under the question.
  package var note: String?
  /// The source and year already given for the figure (`evidence:`), shown under the note.
  package var evidence: String?
  /// Why the selected item is offered when it is not an answer given before (the region the
  /// country lies in): line mode says this instead of calling it the current answer.
  package var suggestedBecause: String?

  package init(
    kind: Kind, question: String, help: String? = nil, items: [Item] = [], selected: [Int] = [], text: String = "",
    hint: String? = nil, allowsNavigation: Bool = true
  ) {
    self.kind = kind
    self.question = question
    self.help = help
    self.items = items
    self.selected = selected
    self.text = text
    self.hint = hint
    self.allowsNavigation = allowsNavigation
  }

  /// Indices of items that can be chosen.
  package var selectable: [Int] { items.indices.filter { items[$0].role != .header } }
}

/// What the person did with a prompt.
package enum PromptResult: Sendable, Equatable {
  case selected([Int])
  case text(String)
  /// Go to the previous question.
  case back
  /// Open the jump list.
  case jump
  /// The note key (Ctrl-N, or `+` in line mode), with what was typed so far, kept for after
  /// the note.
  case note(String)
  /// Ctrl-C (or `q` in line mode): save and stop.
  case interrupt
  /// Input ended (piped stdin ran out).
  case endOfInput
}

/// Why an answer given in the questionnaire cannot be taken, in the person's language.
package struct AnswerProblem: Error, Sendable, Equatable {
  package var message: String
  package init(_ message: String) { self.message = message }
}
