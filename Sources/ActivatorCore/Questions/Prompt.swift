/// One thing to ask: a list to pick from (one or several items) or text to type. The same
/// prompt is shown by the full-screen terminal driver and by the accessible line driver; a
/// question's kind builds it (`QuestionKind.prompt`).
public struct Prompt: Sendable {
  public enum Kind: Sendable, Equatable {
    case select
    case multiSelect
    case text
  }

  public struct Item: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
      case choice
      /// A missing-data code (don't know, not applicable): shown apart, chosen alone.
      case code
      /// A group heading, not selectable (section names in the jump list).
      case header
      /// Chosen alone in a multi-select ("none of these").
      case exclusive
    }

    public var label: String
    public var role: Role
    /// A short token the line driver also accepts ("dk", an option value).
    public var token: String
    /// More about the item (a stage's description): shown for the item under the cursor, and
    /// under each item in line mode.
    public var detail: String?

    public init(_ label: String, role: Role = .choice, token: String = "") {
      self.label = label
      self.role = role
      self.token = token
    }
  }

  public var kind: Kind
  public var question: String
  public var help: String?
  public var items: [Item]
  /// Items selected when the prompt opens (the current answer or the default).
  public var selected: [Int]
  public var text: String
  /// A hint under text inputs: unit and range.
  public var hint: String?
  /// Back and jump are offered (not in the city's name, the jump list or a confirmation).
  public var allowsNavigation: Bool
  /// A note can be attached here (a survey question): the note key is offered.
  public var allowsNotes = false
  /// The note already attached, shown under the question.
  public var note: String?
  /// The source and year already given for the figure (`evidence:`), shown under the note.
  public var evidence: String?
  /// Why the selected item is offered when it is not an answer given before (the region the
  /// country lies in): line mode says this instead of calling it the current answer.
  public var suggestedBecause: String?

  public init(
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
  public var selectable: [Int] { items.indices.filter { items[$0].role != .header } }
}

/// What the person did with a prompt.
public enum PromptResult: Sendable, Equatable {
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
public struct AnswerProblem: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
