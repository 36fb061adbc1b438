/// A question answered with a whole number: counts such as datasets published or staff
/// employed. `min`, `max` and `unit` are optional.
public struct IntegerKind: NumberKind {
  public init() {}

  public var name: String { "integer" }
  public var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: true, percentSign: false, limits: nil,
    noun: .kindIntegerNoun,
    expected: .kindNumberExpected)

  public func expressionType(slot: Int) -> ExprType { .int }
}
