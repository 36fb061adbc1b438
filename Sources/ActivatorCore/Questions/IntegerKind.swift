/// A question answered with a whole number: counts such as datasets published or staff
/// employed. `min`, `max` and `unit` are optional.
public struct IntegerKind: NumberKind {
  public init() {}

  public var name: String { "integer" }
  public var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: true, percentSign: false, limits: nil,
    noun: LocalizedText([("en", "a whole number"), ("es", "un número entero")]),
    expected: "a number")

  public func expressionType(slot: Int) -> ExprType { .int }
}
