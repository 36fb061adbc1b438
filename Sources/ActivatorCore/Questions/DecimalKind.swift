/// A question answered with any number: amounts, rates, ratios. `min`, `max` and `unit` are
/// optional.
public struct DecimalKind: NumberKind {
  public init() {}

  public var name: String { "decimal" }
  public var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: false, percentSign: false, limits: nil, noun: .kindNumberNoun,
    expected: .kindNumberExpected)

  public func expressionType(slot: Int) -> ExprType { .double }
}
