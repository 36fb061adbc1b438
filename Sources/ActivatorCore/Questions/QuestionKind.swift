package import ActivatorYAML

/// One kind of question (yes/no, a choice, a number, a date…) and everything the engine knows
/// about it: the survey keys it takes, how an answer is read from a YAML node and, for
/// batches, straight from bytes, the type rules see, how the questionnaire asks it, how a
/// template explains it and the JSON Schema of an answer.
///
/// Adding a kind is one file with a type conforming to this protocol, listed in
/// `QuestionKinds.all` (docs/architecture.md, "How to add a question kind"). Everything a kind
/// does not say is taken from the defaults below.
package protocol QuestionKind: Sendable {
  /// The `type:` of a question in survey files (`yes_no`, `choice`…).
  var name: String { get }
  /// Survey keys a question of this kind takes beyond those every question takes.
  var keys: [String] { get }
  /// How many of the question's options an answer picks (none: not an option question).
  var chosenOptions: ChosenOptions { get }
  /// The range a number answer has when the survey gives no `min` or `max`.
  var impliedBounds: (min: Double?, max: Double?) { get }
  /// How typed text is read as a YAML scalar: plain (`yes`, `12`), or quoted so that it stays
  /// the text that was typed.
  var typedStyle: ScalarStyle { get }

  /// Reads and checks the kind's own keys into `question`, whose common keys are already read.
  func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading)

  /// The answer written in `node`, which is neither null nor a missing-data code; a problem is
  /// reported to `reader` and gives `.invalid`.
  func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed

  /// Reads answers to `question` straight from libyaml's bytes, for batches. It must give
  /// exactly what `parse` gives, or nil wherever `parse` would report anything.
  func fastReader(for question: Question) -> FastAnswerReader

  /// The type rule expressions see for the answer to the question in `slot`.
  func expressionType(slot: Int) -> ExprType

  /// How the questionnaire asks: the prompt's kind, the kind's own items (missing-data codes
  /// are added after them), what is preselected, the text to edit and the hint below it.
  func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt

  /// What choosing `indices` among the prompt's own items means (typed text goes through
  /// `parse`).
  func answer(choosing indices: [Int], for question: Question, language: String) -> Result<AnswerValue, AnswerProblem>

  /// What a person typed at the prompt, as the answer texts it may mean in their language (an
  /// answers file's notation): usually itself; a number may have two readings ("1.500" in
  /// Spanish); a problem saying how to type it when it means nothing.
  func typedReadings(_ text: String, locale: LocaleRules) -> TypedReadings

  /// How a template tells the person filling it in to write the answer.
  func templateHint(for question: Question, language: String) -> TemplateHint

  /// A number of this kind's answers as people read it ("12,500" for a count, "2021" for a year).
  func formatNumber(_ number: Double, language: String) -> String

  /// The JSON Schema of an answer, without the missing-data codes and null (added by
  /// `AnswersSchema` for every question alike).
  func answerSchema(for question: Question, into writer: JSONWriter)
}

/// What typed text may mean: answer texts as an answers file writes them, or why it means none.
package enum TypedReadings: Sendable, Equatable {
  case readings([String])
  case problem(Message)
}

/// How many options an answer picks.
package enum ChosenOptions: Sendable, Equatable {
  case none, one, several
}

/// What a template says about writing an answer: a line, then one entry per option.
package struct TemplateHint: Sendable, Equatable {
  package var line: String
  package var options: [String]
  /// The stage each option counts towards, where options have levels: shown only to authors
  /// (`template --show-levels`).
  package var levels: [Int?]

  package init(_ line: String, options: [String] = [], levels: [Int?] = []) {
    self.line = line
    self.options = options
    self.levels = levels
  }
}

/// What reading a question's own keys needs besides its fields.
package struct QuestionReading {
  package let reader: NodeReader
  /// The question's node, for problems about the question as a whole.
  package let node: YAMLNode
  /// "question 'gov_portal'", for messages.
  package let label: Message
  /// How many stages the survey has (option levels are stages).
  package let stageCount: Int
}

/// Reads answers to one question from bytes, prepared once per batch; each kind subclasses it
/// in its own file. A class rather than a protocol so that a batch can hold its readers unretained
/// (`AnswerSchema`): calling an existential copied out of an array retains and releases it, two
/// atomic operations for every answer of every file.
///
/// `@unchecked Sendable`: a class open to subclasses cannot be checked; every subclass holds only
/// constants set when it is made.
package class FastAnswerReader: @unchecked Sendable {
  /// A scalar answer, or nil where the full loader would say anything about it.
  package func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? { nil }
  /// One item of a list answer (an option), or nil; only kinds that take lists accept any.
  package func listItem(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { nil }
  /// The answer made of the items read, or nil where the full loader would say anything.
  package func list(_ chosen: [Int]) -> AnswerValue? { nil }
}

extension QuestionKind {
  package var keys: [String] { [] }
  package var chosenOptions: ChosenOptions { .none }
  package var impliedBounds: (min: Double?, max: Double?) { (nil, nil) }
  package var typedStyle: ScalarStyle { .plain }

  package func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {}

  package func answer(choosing indices: [Int], for question: Question, language: String) -> Result<
    AnswerValue, AnswerProblem
  > {
    .failure(AnswerProblem(""))
  }

  package func formatNumber(_ number: Double, language: String) -> String { ValueText.number(number, language) }

  package func typedReadings(_ text: String, locale: LocaleRules) -> TypedReadings { .readings([text]) }
}

/// Every question kind the engine knows, in the order messages and docs list them.
package enum QuestionKinds {
  package static let all: [any QuestionKind] = [
    YesNoKind(), ChoiceKind(), MultiChoiceKind(), IntegerKind(), DecimalKind(), PercentKind(), TextKind(), DateKind(),
    YearKind(),
  ]

  package static func named(_ name: String) -> (any QuestionKind)? {
    all.first { $0.name == name }
  }

  package static var names: [String] { all.map(\.name) }

  /// Keys that only some kinds take, in the order kinds list them.
  package static var specificKeys: [String] {
    var keys: [String] = []
    for kind in all { for key in kind.keys where !keys.contains(key) { keys.append(key) } }
    return keys
  }

  /// The names of the kinds that take `key`: "choice and multi".
  static func describeKinds(taking key: String) -> String {
    let names = all.filter { $0.keys.contains(key) }.map(\.name)
    guard let last = names.last else { return "no" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
  }
}
