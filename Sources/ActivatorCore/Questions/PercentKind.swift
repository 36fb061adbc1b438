public import ActivatorYAML

/// A question answered with a share from 0 to 100; an answer may end in '%'. `min`, `max` and `unit` are optional.
public struct PercentKind: QuestionKind {
  public init() {}

  public var name: String { "percent" }
  public var keys: [String] { ["unit", "min", "max"] }
  public var impliedBounds: (min: Double?, max: Double?) { (0, 100) }

  let rules = NumberRules(
    whole: false, percentSign: true, limits: 0...100, noun: LocalizedText([("en", "a number"), ("es", "un número")]), expected: "a number")

  public func readDetails(_ fields: Fields, into question: inout Question, _ context: QuestionReading) {
    rules.readDetails(fields, into: &question, context, kind: name)
  }

  public func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    rules.parse(node, for: question, reader: reader)
  }

  public func fastReader(for question: Question) -> any FastAnswerReading { rules.fastReader(for: question) }

  public func expressionType(slot: Int) -> ExprType { .double }

  public func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    rules.prompt(for: question, current: current, language: language) { formatNumber($0, language: language) }
  }

  public func templateHint(for question: Question, language: String) -> TemplateHint {
    rules.templateHint(for: question, language: language)
  }

  public func answerSchema(for question: Question, into writer: JSONWriter) {
    rules.answerSchema(for: question, into: writer)
  }
}
