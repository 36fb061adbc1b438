/// A survey definition: stages, pillars and the questions asked, in order.
///
/// The fields live in one shared, copy-on-write box: reports and the batch hand a survey around
/// dozens of times a city, and as a plain struct of some fifteen arrays and strings every copy
/// retained and released each of them (docs/performance.md, issue 15 item 10). A copy is now one
/// retain; changing a field of a shared survey copies the box first, so it is still a value.
package struct Survey: Sendable {
  private struct Fields {
    var id: String
    var version: SemanticVersion
    var title: LocalizedText
    var description: LocalizedText?
    var languages: [String]
    var threshold: Double
    var stages: [Stage]
    var pillars: [Pillar]
    var sections: [Section]
    var questions: [Question]
    var questionIndex: [String: Int]
    var location: SourceLocation
    var source: SourceFile?
    var policy: AssessmentPolicy
  }

  /// Written only through `fields`' modify accessor, which copies a shared box first: a box
  /// that two surveys share is never changed, so handing it to another thread is safe.
  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  private var fields: Fields {
    get { box.fields }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      yield &box.fields
    }
  }

  package var id: String {
    get { box.fields.id }
    _modify { yield &fields.id }
  }
  package var version: SemanticVersion {
    get { box.fields.version }
    _modify { yield &fields.version }
  }
  package var title: LocalizedText {
    get { box.fields.title }
    _modify { yield &fields.title }
  }
  package var description: LocalizedText? {
    get { box.fields.description }
    _modify { yield &fields.description }
  }
  /// Declared languages; the first is the default.
  package var languages: [String] {
    get { box.fields.languages }
    _modify { yield &fields.languages }
  }
  /// Gate tolerance θ: the weighted share of a stage's criteria that must be met.
  package var threshold: Double {
    get { box.fields.threshold }
    _modify { yield &fields.threshold }
  }
  package var stages: [Stage] {
    get { box.fields.stages }
    _modify { yield &fields.stages }
  }
  package var pillars: [Pillar] {
    get { box.fields.pillars }
    _modify { yield &fields.pillars }
  }
  package var sections: [Section] {
    get { box.fields.sections }
    _modify { yield &fields.sections }
  }
  /// Every question in asking order; a question's index here is its slot in an answer sheet.
  package var questions: [Question] {
    get { box.fields.questions }
    _modify { yield &fields.questions }
  }
  package var questionIndex: [String: Int] {
    get { box.fields.questionIndex }
    _modify { yield &fields.questionIndex }
  }
  package var location: SourceLocation {
    get { box.fields.location }
    _modify { yield &fields.location }
  }
  /// The file this survey was read from.
  package var source: SourceFile? {
    get { box.fields.source }
    _modify { yield &fields.source }
  }
  /// When a pillar is assessed, and what the survey requires of questions, criteria and figures.
  package var policy: AssessmentPolicy {
    get { box.fields.policy }
    _modify { yield &fields.policy }
  }

  package init(
    id: String, version: SemanticVersion, title: LocalizedText, description: LocalizedText? = nil,
    languages: [String], threshold: Double, stages: [Stage], pillars: [Pillar],
    sections: [Section], questions: [Question], location: SourceLocation,
    source: SourceFile? = nil
  ) {
    var index: [String: Int] = [:]
    for (slot, question) in questions.enumerated() where index[question.id] == nil {
      index[question.id] = slot
    }
    box = Box(
      Fields(
        id: id, version: version, title: title, description: description, languages: languages,
        threshold: threshold, stages: stages, pillars: pillars, sections: sections, questions: questions,
        questionIndex: index, location: location, source: source, policy: AssessmentPolicy()))
  }

  package var defaultLanguage: String { languages.first ?? "en" }

  package func question(_ id: String) -> Question? {
    questionIndex[id].map { questions[$0] }
  }

  package func pillarIndex(_ id: String) -> Int? {
    pillars.firstIndex { $0.id == id }
  }

  /// The highest stage level (5 for the default model).
  package var topStage: Int { stages.last?.level ?? 1 }

  package func stageName(_ level: Int, _ language: String) -> String {
    stages.first { $0.level == level }?.name.text(language) ?? "\(level)"
  }

  /// `"wego-activator 1.0.0"`
  package var reference: String { "\(id) \(version)" }
}

package struct Stage: Sendable, Hashable {
  package var level: Int
  package var id: String
  package var name: LocalizedText
  package var description: LocalizedText?

  package init(level: Int, id: String, name: LocalizedText, description: LocalizedText?) {
    self.level = level
    self.id = id
    self.name = name
    self.description = description
  }
}

package struct Pillar: Sendable, Hashable {
  package var id: String
  package var name: LocalizedText
  package var description: LocalizedText?

  package init(id: String, name: LocalizedText, description: LocalizedText?) {
    self.id = id
    self.name = name
    self.description = description
  }
}

package struct Section: Sendable {
  package var id: String
  /// Index into `Survey.pillars`, for sections scored on a pillar.
  package var pillar: Int?
  package var title: LocalizedText
  package var intro: LocalizedText?
  /// Slots of the questions of this section.
  package var questions: Range<Int>

  package init(id: String, pillar: Int?, title: LocalizedText, intro: LocalizedText?, questions: Range<Int>) {
    self.id = id
    self.pillar = pillar
    self.title = title
    self.intro = intro
    self.questions = questions
  }
}

/// The REDCap-style missing-data codes: an answer that says why there is no value.
package enum MissingCode: String, Sendable, CaseIterable {
  case dontKnow = "dont_know"
  case notApplicable = "not_applicable"
}

package struct ChoiceOption: Sendable, Hashable {
  package var value: String
  package var label: LocalizedText
  package var level: Int?
  package var exclusive: Bool

  package init(value: String, label: LocalizedText, level: Int?, exclusive: Bool) {
    self.value = value
    self.label = label
    self.level = level
    self.exclusive = exclusive
  }
}

package struct Question: Sendable {
  package var id: String
  /// What kind of answer the question takes (`Questions/`): how it is read, asked and typed.
  package var kind: any QuestionKind
  package var text: LocalizedText
  /// A short label for tables and charts (`short:`), where the full question would not fit.
  package var short: LocalizedText?
  package var help: LocalizedText?
  package var source: String?
  package var pillar: Int?
  package var section: Int
  package var required: Bool
  package var allowed: Set<MissingCode>
  /// The skip-logic expression as written, if any.
  package var relevantSource: ExpressionSource?
  /// The checked skip-logic expression, set once the whole survey is known.
  package var relevant: CompiledExpression?
  /// When the question applies to the city at all (`applicable:`), as written and checked; a
  /// question that does not apply is not asked and reads as not applicable.
  package var applicableSource: ExpressionSource?
  package var applicable: CompiledExpression?
  /// The indicator's definition (formula, unit, period, the standard's clause).
  package var definition: LocalizedText?
  /// Who in a city usually holds the figure.
  package var dataSource: LocalizedText?
  /// The earlier multi-choice question whose ticked options are this choice question's options.
  package var optionsFrom: Int?
  package var options: [ChoiceOption]
  /// The unit of a number, with its forms by count where the survey gives them.
  package var unit: UnitText?
  package var minimum: Double?
  package var maximum: Double?
  package var minChoices: Int?
  package var maxChoices: Int?
  package var defaultValue: AnswerValue?
  package var location: SourceLocation

  package init(
    id: String, kind: any QuestionKind, text: LocalizedText, help: LocalizedText? = nil,
    source: String? = nil, pillar: Int? = nil, section: Int = 0, required: Bool = true,
    allowed: Set<MissingCode> = [.dontKnow], relevantSource: ExpressionSource? = nil,
    options: [ChoiceOption] = [], unit: UnitText? = nil, minimum: Double? = nil,
    maximum: Double? = nil, minChoices: Int? = nil, maxChoices: Int? = nil,
    defaultValue: AnswerValue? = nil, location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.help = help
    self.source = source
    self.pillar = pillar
    self.section = section
    self.required = required
    self.allowed = allowed
    self.relevantSource = relevantSource
    self.options = options
    self.unit = unit
    self.minimum = minimum
    self.maximum = maximum
    self.minChoices = minChoices
    self.maxChoices = maxChoices
    self.defaultValue = defaultValue
    self.location = location
  }

  /// The option whose value is exactly `value`, code point for code point (as the rule
  /// language compares text), not merely canonically equivalent.
  package func optionIndex(_ value: String) -> Int? {
    options.firstIndex { CodePoints.equal($0.value, value) }
  }

  /// The accepted range of a number answer: the survey's `min` and `max`, else the kind's own
  /// (a percent is 0 to 100 whatever the survey says).
  package var bounds: (min: Double?, max: Double?) {
    let implied = kind.impliedBounds
    return (minimum ?? implied.min, maximum ?? implied.max)
  }

  /// What names the question where space is short (a table cell, a list of questions): its
  /// `short:` label, else its full text.
  package func label(_ language: String) -> String { (short ?? text).text(language) }

  /// Whether options carry ordinal levels ("which best describes your city").
  package var isOrdinal: Bool {
    kind.chosenOptions == .one && !options.isEmpty && options.allSatisfy { $0.level != nil }
  }
}
