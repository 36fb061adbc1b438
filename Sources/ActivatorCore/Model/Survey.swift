/// A survey definition: stages, pillars and the questions asked, in order.
package struct Survey: Sendable {
  package var id: String
  package var version: SemanticVersion
  package var title: LocalizedText
  package var description: LocalizedText?
  /// Declared languages; the first is the default.
  package var languages: [String]
  /// Gate tolerance θ: the weighted share of a stage's criteria that must be met.
  package var threshold: Double
  package var stages: [Stage]
  package var pillars: [Pillar]
  package var sections: [Section]
  /// Every question in asking order; a question's index here is its slot in an answer sheet.
  package var questions: [Question]
  package var questionIndex: [String: Int]
  package var location: SourceLocation
  /// The file this survey was read from.
  package var source: SourceFile?
  /// When a pillar is assessed, and what the survey requires of questions, criteria and figures.
  package var policy = AssessmentPolicy()

  package init(
    id: String, version: SemanticVersion, title: LocalizedText, description: LocalizedText? = nil,
    languages: [String], threshold: Double, stages: [Stage], pillars: [Pillar],
    sections: [Section], questions: [Question], location: SourceLocation,
    source: SourceFile? = nil
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.description = description
    self.languages = languages
    self.threshold = threshold
    self.stages = stages
    self.pillars = pillars
    self.sections = sections
    self.questions = questions
    self.location = location
    self.source = source
    var index: [String: Int] = [:]
    for (slot, question) in questions.enumerated() where index[question.id] == nil {
      index[question.id] = slot
    }
    self.questionIndex = index
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
