/// A question answered with a share from 0 to 100; an answer may end in '%'. `min`, `max` and
/// `unit` are optional and narrow the range.
public struct PercentKind: NumberKind {
  public init() {}

  public var name: String { "percent" }
  public var keys: [String] { ["unit", "min", "max"] }
  public var impliedBounds: (min: Double?, max: Double?) { (0, 100) }

  let rules = NumberRules(
    whole: false, percentSign: true, limits: 0...100, noun: .kindNumberNoun,
    expected: .kindNumberExpected)

  public func expressionType(slot: Int) -> ExprType { .double }
}
