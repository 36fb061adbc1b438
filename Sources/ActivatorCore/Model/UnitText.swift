/// A question's unit in each language, with the forms a count chooses where a language gives
/// them: `{en: {one: "hour", other: "hours"}, fr: {one: "heure", other: "heures"}, ko: "시간"}`.
/// The form follows the language's CLDR plural rule for the number as it is written ("1 hour",
/// "1.5 hours"; French "1,5 heure", "2 heures"); a plain text is the unit for every count.
package struct UnitText: Sendable, Hashable {
  /// The unit as it reads alone and after a count no other form names (CLDR's "other").
  package var text: LocalizedText
  /// Per language, the form of each plural category the file names besides "other".
  package var forms: [String: [String: String]]

  package init(_ text: LocalizedText, forms: [String: [String: String]] = [:]) {
    self.text = text
    self.forms = forms
  }

  /// The unit alone (a hint, a template's comment, a column heading).
  package func text(_ language: String) -> String { text.text(language) }

  /// The unit after `count`, written with at most two decimals as people see it.
  package func text(_ language: String, count: Double) -> String {
    guard let own = forms[language], !own.isEmpty else { return text(language) }
    let category = MessageCatalogue.shared.locale(language).pluralCategory(
      count, fractionDigits: Self.fractionDigits(count))
    return own[category] ?? text(language)
  }

  /// The decimals a number shows as Activator writes it (`ValueText.format`: at most two, no
  /// trailing zeros), which CLDR's rules read ("1.5" has one, "1" none).
  static func fractionDigits(_ count: Double) -> Int {
    let written = ValueText.format(count)
    guard let dot = written.firstIndex(of: ".") else { return 0 }
    return written.distance(from: written.index(after: dot), to: written.endIndex)
  }
}
