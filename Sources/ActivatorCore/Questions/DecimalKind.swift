/// A question answered with any number: amounts, rates, ratios. `min`, `max` and `unit` are
/// optional.
package struct DecimalKind: NumberKind {
  package init() {}

  package var name: String { "decimal" }
  package var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: false, percentSign: false, limits: nil, noun: .kindNumberNoun,
    expected: .kindNumberExpected)

  package func expressionType(slot: Int) -> ExprType { .double }
}
