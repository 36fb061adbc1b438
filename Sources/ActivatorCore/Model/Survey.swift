/// A survey definition: stages, pillars and the questions asked, in order.
public struct Survey: Sendable {
  public var id: String
  public var version: SemanticVersion
  public var title: LocalizedText
  public var description: LocalizedText?
  /// Declared languages; the first is the default.
  public var languages: [String]
  /// Gate tolerance θ: the weighted share of a stage's criteria that must be met.
  public var threshold: Double
  public var stages: [Stage]
  public var pillars: [Pillar]
  public var sections: [Section]
  /// Every question in asking order; a question's index here is its slot in an answer sheet.
  public var questions: [Question]
  public var questionIndex: [String: Int]
  public var location: SourceLocation
  /// The file this survey was read from.
  public var source: SourceFile?
  /// When a pillar is assessed, and what the survey requires of questions, criteria and figures.
  public var policy = AssessmentPolicy()

  public init(
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

  public var defaultLanguage: String { languages.first ?? "en" }

  public func question(_ id: String) -> Question? {
    questionIndex[id].map { questions[$0] }
  }

  public func pillarIndex(_ id: String) -> Int? {
    pillars.firstIndex { $0.id == id }
  }

  /// The highest stage level (5 for the default model).
  public var topStage: Int { stages.last?.level ?? 1 }

  public func stageName(_ level: Int, _ language: String) -> String {
    stages.first { $0.level == level }?.name.text(language) ?? "\(level)"
  }

  /// `"wego-activator 1.0.0"`
  public var reference: String { "\(id) \(version)" }
}

public struct Stage: Sendable, Hashable {
  public var level: Int
  public var id: String
  public var name: LocalizedText
  public var description: LocalizedText?

  public init(level: Int, id: String, name: LocalizedText, description: LocalizedText?) {
    self.level = level
    self.id = id
    self.name = name
    self.description = description
  }
}

public struct Pillar: Sendable, Hashable {
  public var id: String
  public var name: LocalizedText
  public var description: LocalizedText?

  public init(id: String, name: LocalizedText, description: LocalizedText?) {
    self.id = id
    self.name = name
    self.description = description
  }
}

public struct Section: Sendable {
  public var id: String
  /// Index into `Survey.pillars`, for sections scored on a pillar.
  public var pillar: Int?
  public var title: LocalizedText
  public var intro: LocalizedText?
  /// Slots of the questions of this section.
  public var questions: Range<Int>

  public init(id: String, pillar: Int?, title: LocalizedText, intro: LocalizedText?, questions: Range<Int>) {
    self.id = id
    self.pillar = pillar
    self.title = title
    self.intro = intro
    self.questions = questions
  }
}

/// The REDCap-style missing-data codes: an answer that says why there is no value.
public enum MissingCode: String, Sendable, CaseIterable {
  case dontKnow = "dont_know"
  case notApplicable = "not_applicable"
}

public struct ChoiceOption: Sendable, Hashable {
  public var value: String
  public var label: LocalizedText
  public var level: Int?
  public var exclusive: Bool

  public init(value: String, label: LocalizedText, level: Int?, exclusive: Bool) {
    self.value = value
    self.label = label
    self.level = level
    self.exclusive = exclusive
  }
}

public struct Question: Sendable {
  public var id: String
  /// What kind of answer the question takes (`Questions/`): how it is read, asked and typed.
  public var kind: any QuestionKind
  public var text: LocalizedText
  /// A short label for tables and charts (`short:`), where the full question would not fit.
  public var short: LocalizedText?
  public var help: LocalizedText?
  public var source: String?
  public var pillar: Int?
  public var section: Int
  public var required: Bool
  public var allowed: Set<MissingCode>
  /// The skip-logic expression as written, if any.
  public var relevantSource: ExpressionSource?
  /// The checked skip-logic expression, set once the whole survey is known.
  public var relevant: CompiledExpression?
  /// When the question applies to the city at all (`applicable:`), as written and checked; a
  /// question that does not apply is not asked and reads as not applicable.
  public var applicableSource: ExpressionSource?
  public var applicable: CompiledExpression?
  /// The indicator's definition (formula, unit, period, the standard's clause).
  public var definition: LocalizedText?
  /// Who in a city usually holds the figure.
  public var dataSource: LocalizedText?
  /// The earlier multi-choice question whose ticked options are this choice question's options.
  public var optionsFrom: Int?
  public var options: [ChoiceOption]
  public var unit: LocalizedText?
  public var minimum: Double?
  public var maximum: Double?
  public var minChoices: Int?
  public var maxChoices: Int?
  public var defaultValue: AnswerValue?
  public var location: SourceLocation

  public init(
    id: String, kind: any QuestionKind, text: LocalizedText, help: LocalizedText? = nil,
    source: String? = nil, pillar: Int? = nil, section: Int = 0, required: Bool = true,
    allowed: Set<MissingCode> = [.dontKnow], relevantSource: ExpressionSource? = nil,
    options: [ChoiceOption] = [], unit: LocalizedText? = nil, minimum: Double? = nil,
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
  public func optionIndex(_ value: String) -> Int? {
    options.firstIndex { CodePoints.equal($0.value, value) }
  }

  /// The accepted range of a number answer: the survey's `min` and `max`, else the kind's own
  /// (a percent is 0 to 100 whatever the survey says).
  public var bounds: (min: Double?, max: Double?) {
    let implied = kind.impliedBounds
    return (minimum ?? implied.min, maximum ?? implied.max)
  }

  /// What names the question where space is short (a table cell, a list of questions): its
  /// `short:` label, else its full text.
  public func label(_ language: String) -> String { (short ?? text).text(language) }

  /// Whether options carry ordinal levels ("which best describes your city").
  public var isOrdinal: Bool { kind.chosenOptions == .one && !options.isEmpty && options.allSatisfy { $0.level != nil } }
}
