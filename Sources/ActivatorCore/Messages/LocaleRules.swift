/// How a language writes what is not a sentence: plural forms, numbers, lists, quotations and
/// dates. Read from the `locale:` part of its message file, so a language brings its own rules
/// as data.
package struct LocaleRules: Sendable {
  package let language: String
  /// The language's name in itself ("Español").
  package let name: String
  /// CLDR plural rules by category, in the order tried; what none matches is "other".
  package let plural: [(category: String, rule: PluralRule)]
  package let decimalSeparator: String
  package let groupSeparator: String
  /// How many digits must stand before the first group separator: 1 writes "1,000", 2 leaves
  /// four-digit numbers whole ("1000", "10 000").
  package let minimumGrouping: Int
  /// What a person may type as the decimal separator, and between digit groups (the language
  /// writes only the first of each, but reads all: "1.500" and "1 500" in Spanish).
  package let inputDecimal: [Character]
  package let inputGroup: [Character]
  /// A percentage, with {n} for the number ("{n}%", "{n} %").
  package let percentFormat: String
  package let quotes: (open: String, close: String)
  /// Joining two items, and each item but the last two, of a list ("{a} and {b}", "{a}, {b}").
  package let listPair: String
  package let listJoin: String
  /// Joining the last two of a list of alternatives ("{a} or {b}").
  package let listOr: String
  /// A date with placeholders {day}, {month} (a name) and {year}.
  package let dateFormat: String
  package let months: [String]
  package let rightToLeft: Bool
  /// Letters read as others when filtering and sorting (`fold:`: "é" as "e" in French, nothing in
  /// Swedish, where "ä" is a letter of its own).
  package internal(set) var folding = Folding.none
  /// Scripts sorted before the others, in this order (`script_order:`: Hangul before Latin in Korean).
  package internal(set) var scriptOrder: [WritingScript] = []
  /// The space set before a punctuation mark (`punctuation_space:`: French puts a no-break space
  /// before ":" and a narrow one before ";", "?" and "!"); none for a mark not listed.
  package internal(set) var punctuationSpace: [String: String] = [:]

  /// `mark` with the space the language sets before it (":" in English, "\u{00A0}:" in French).
  package func punctuated(_ mark: String) -> String { (punctuationSpace[mark] ?? "") + mark }

  /// A label composed with what follows it ("Overall stage: ", "Stade global : ").
  package func labelled(_ label: String) -> String { label + punctuated(":") + " " }

  /// The plural category of `count` (as written, with `fractionDigits` decimals).
  package func pluralCategory(_ count: Double, fractionDigits: Int = 0) -> String {
    plural.first { $0.rule.matches(count, fractionDigits: fractionDigits) }?.category ?? "other"
  }

  /// A number for people: at most two decimals, no trailing zeros, digits grouped.
  package func number(_ value: Double) -> String { written(ValueText.format(value), grouped: true) }

  /// A number as the program writes it ("-12500.5") in this language's notation.
  func written(_ plain: String, grouped: Bool) -> String {
    var integer = Substring(plain)
    var fraction = Substring("")
    if let dot = plain.firstIndex(of: ".") {
      integer = plain[..<dot]
      fraction = plain[plain.index(after: dot)...]
    }
    let negative = integer.hasPrefix("-")
    if negative { integer = integer.dropFirst() }
    let digits = grouped ? self.grouped(integer) : String(integer)
    return (negative ? "-" : "") + digits + (fraction.isEmpty ? "" : decimalSeparator + fraction)
  }

  package func quoted(_ text: String) -> String { quotes.open + text + quotes.close }

  /// A share (0.35) as a whole percentage ("35%").
  package func percent(_ share: Double) -> String {
    Template.fill(percentFormat, ["n": String(Int(saturating: (share * 100).rounded()))])
  }

  /// Items joined as a list ("a, b and c"), or as alternatives ("a, b or c").
  package func list(_ items: [String], alternatives: Bool = false) -> String {
    guard var text = items.last else { return "" }
    guard items.count > 1 else { return text }
    text = Template.fill(alternatives ? listOr : listPair, ["a": items[items.count - 2], "b": text])
    for item in items.dropLast(2).reversed() { text = Template.fill(listJoin, ["a": item, "b": text]) }
    return text
  }

  /// `YYYY-MM-DD` (or the start of a timestamp) in the language's words; the text as it is when
  /// it is not a date.
  package func date(_ iso: String) -> String {
    let head = String(iso.prefix(10))
    let parts = head.split(separator: "-")
    guard DateText.isValid(head), parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), months.count == 12
    else { return iso }
    return Template.fill(dateFormat, ["day": String(day), "month": months[month - 1], "year": String(parts[0])])
  }
}
