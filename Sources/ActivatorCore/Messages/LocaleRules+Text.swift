/// Finding and ordering text the way a language's readers expect: type-to-filter over a list
/// (accents optional where the language says so, Hangul by syllable and by initial consonant)
/// and sorting names for pickers and reports. Both read the language's `locale:` data (`fold:`,
/// `script_order:`); nothing here names a language.
extension LocaleRules {
  /// A text prepared once for filtering, so a keystroke only compares.
  package struct FilterKey: Sendable {
    let scalars: [Unicode.Scalar]
  }

  package func filterKey(_ text: String) -> FilterKey { FilterKey(scalars: folding.scalars(text)) }

  /// Whether `query` (as typed so far) occurs in the text of `key`. Each character of the query
  /// matches the same character after folding; a lone Hangul consonant (ㅅ) matches any syllable
  /// it starts (서, 수); an open syllable typed last (화) matches the syllables it begins (환,
  /// 활), since the person may not have finished typing it.
  package func filter(_ query: String, matches key: FilterKey) -> Bool {
    let needle = folding.scalars(query)
    guard !needle.isEmpty else { return true }
    let haystack = key.scalars
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) {
      var matched = true
      for (offset, wanted) in needle.enumerated() {
        let found = haystack[start + offset]
        if !Self.matches(wanted, found, last: offset == needle.count - 1) {
          matched = false
          break
        }
      }
      if matched { return true }
    }
    return false
  }

  static func matches(_ wanted: Unicode.Scalar, _ found: Unicode.Scalar, last: Bool) -> Bool {
    if wanted == found { return true }
    if let consonant = Hangul.initial(ofConsonant: wanted) { return Hangul.initial(ofSyllable: found) == consonant }
    return last && Hangul.extends(wanted, to: found)
  }

  /// Whether `a` sorts before `b` in this language. Letters first compare without accents or
  /// case (French "été" sorts among the "e"s; scripts in the order `script_order` gives, Hangul
  /// before Latin in Korean, else by code point, which for Hangul is the 가나다 order), then by
  /// accents, then lower case before upper case; digits sort before letters.
  package func precedes(_ a: String, _ b: String) -> Bool { sortKey(a) < sortKey(b) }

  /// `items` in this language's order of their names (each name folded once).
  package func sorted<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
    items.map { (sortKey(name($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  package func sorted(_ names: [String]) -> [String] { sorted(names) { $0 } }

  struct SortKey: Comparable {
    var primary: [UInt64]
    var secondary: [UInt32]
    var tertiary: [Bool]
    /// The text itself, so that different texts never tie.
    var exact: [UInt32]

    static func < (a: SortKey, b: SortKey) -> Bool {
      if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
      if a.secondary != b.secondary { return a.secondary.lexicographicallyPrecedes(b.secondary) }
      if a.tertiary != b.tertiary { return a.tertiary.lexicographicallyPrecedes(b.tertiary) { !$0 && $1 } }
      return a.exact.lexicographicallyPrecedes(b.exact)
    }
  }

  func sortKey(_ text: String) -> SortKey {
    let primary = folding.scalars(text).map { scalar -> UInt64 in (UInt64(rank(scalar)) << 32) | UInt64(scalar.value) }
    let secondary = text.lowercased().unicodeScalars.map(\.value)
    // Upper case after lower case.
    let tertiary = text.unicodeScalars.map(\.properties.isUppercase)
    return SortKey(primary: primary, secondary: secondary, tertiary: tertiary, exact: text.unicodeScalars.map(\.value))
  }

  /// Spaces and punctuation, then digits, then the scripts the language puts first, then every
  /// other letter by code point.
  func rank(_ scalar: Unicode.Scalar) -> Int {
    let properties = scalar.properties
    if properties.isWhitespace { return 0 }
    if properties.numericType != nil { return 2 }
    guard properties.isAlphabetic else { return 1 }
    if let script = WritingScript(scalar), let position = scriptOrder.firstIndex(of: script) { return 3 + position }
    return 3 + scriptOrder.count
  }
}

/// The scripts a `locale:` block may put first in its sort order (`script_order: [Hangul, Latin]`).
package enum WritingScript: String, Sendable, CaseIterable {
  case latin = "Latin"
  case hangul = "Hangul"
  case arabic = "Arabic"
  case cyrillic = "Cyrillic"
  case greek = "Greek"
  case han = "Han"
  case
    kana = "Kana"

  init?(_ scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
    case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
    case 0x400...0x52F: self = .cyrillic
    case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
    case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7A3: self = .hangul
    case 0x3040...0x30FF: self = .kana
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: self = .han
    default: return nil
    }
  }
}
