public import ActivatorYAML

/// A question answered with a calendar year (`2021`): a whole number, shown and typed as a year
/// (never "2,021"). Without `min` and `max` the year lies from 1900 to 2100 (a city's plans,
/// laws and systems are modern; wider is usually a typo); a survey may set any range of
/// four-digit years.
public struct YearKind: QuestionKind {
  public init() {}

  public var name: String { "year" }
  public var keys: [String] { ["min", "max"] }
  public var impliedBounds: (min: Double?, max: Double?) { (1900, 2100) }

  let rules = NumberRules(
    whole: true, percentSign: false, limits: 1000...9999, noun: LocalizedText([("en", "a year"), ("es", "un año")]),
    expected: "a year (e.g. 2021)")

  public func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {
    rules.readDetails(fields, into: &question, context, kind: name)
  }

  public func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    rules.parse(node, for: question, reader: reader)
  }

  public func fastReader(for question: Question) -> any FastAnswerReading { rules.fastReader(for: question) }

  public func expressionType(slot: Int) -> ExprType { .int }

  public func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    rules.prompt(for: question, current: current, language: language) { formatNumber($0, language: language) }
  }

  public func templateHint(for question: Question, language: String) -> TemplateHint {
    rules.templateHint(for: question, language: language)
  }

  /// Digits only: a year has no thousands separator in any language.
  public func formatNumber(_ number: Double, language: String) -> String { JSONWriter.format(number) }

  public func answerSchema(for question: Question, into writer: JSONWriter) {
    rules.answerSchema(for: question, into: writer)
  }
}
