/// A question answered with a calendar year (`2021`): a whole number, shown and typed as a year
/// (never "2,021"). Without `min` and `max` the year lies from 1900 to 2100 (a city's plans,
/// laws and systems are modern; wider is usually a typo); a survey may set any range of
/// four-digit years.
package struct YearKind: NumberKind {
  package init() {}

  package var name: String { "year" }
  package var keys: [String] { ["min", "max"] }
  package var impliedBounds: (min: Double?, max: Double?) { (1900, 2100) }

  let rules = NumberRules(
    whole: true, percentSign: false, limits: 1000...9999, noun: .kindYearNoun,
    expected: .kindYearExpected, groupsDigits: false)

  package func expressionType(slot: Int) -> ExprType { .int }

  /// Digits only: a year has no thousands separator in any language.
  package func formatNumber(_ number: Double, language: String) -> String { JSONWriter.format(number) }
}
