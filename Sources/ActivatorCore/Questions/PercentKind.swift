/// A question answered with a share from 0 to 100; an answer may end in '%'. `min`, `max` and
/// `unit` are optional and narrow the range.
package struct PercentKind: NumberKind {
  package init() {}

  package var name: String { "percent" }
  package var keys: [String] { ["unit", "min", "max"] }
  package var impliedBounds: (min: Double?, max: Double?) { (0, 100) }

  let rules = NumberRules(
    whole: false, percentSign: true, limits: 0...100, noun: .kindNumberNoun,
    expected: .kindNumberExpected)

  package func expressionType(slot: Int) -> ExprType { .double }
}
