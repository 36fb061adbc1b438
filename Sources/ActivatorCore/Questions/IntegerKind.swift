public import ActivatorYAML

/// A question answered with whole numbers: counts such as datasets published or staff employed. `min`, `max` and `unit` are optional.
public struct IntegerKind: QuestionKind {
  public init() {}

  public var name: String { "integer" }
  public var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: true, percentSign: false, limits: nil, noun: LocalizedText([("en", "a whole number"), ("es", "un número entero")]), expected: "a number")

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

  public func answerSchema(for question: Question, into writer: JSONWriter) {
    rules.answerSchema(for: question, into: writer)
  }
}
