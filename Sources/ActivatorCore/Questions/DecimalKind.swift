public import ActivatorYAML

/// A question answered with any number: amounts, rates, ratios. `min`, `max` and `unit` are optional.
public struct DecimalKind: QuestionKind {
  public init() {}

  public var name: String { "decimal" }
  public var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: false, percentSign: false, limits: nil, noun: LocalizedText([("en", "a number"), ("es", "un número")]), expected: "a number")

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
