/// A question answered with a whole number: counts such as datasets published or staff
/// employed. `min`, `max` and `unit` are optional.
package struct IntegerKind: NumberKind {
  package init() {}

  package var name: String { "integer" }
  package var keys: [String] { ["unit", "min", "max"] }

  let rules = NumberRules(
    whole: true, percentSign: false, limits: nil,
    noun: .kindIntegerNoun,
    expected: .kindNumberExpected)

  package func expressionType(slot: Int) -> ExprType { .int }
}
