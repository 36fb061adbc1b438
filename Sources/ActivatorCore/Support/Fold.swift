/// Text as a filter or a sort compares it: lower case, with the letters a language reads as
/// others replaced ("é" as "e", "œ" as "oe": the `fold:` table of its `locale:` block), combining
/// marks dropped (decomposed "é" is "e" too) and decomposed Hangul joined into syllables. What is
/// shown and recorded never changes: only comparisons see the folded text.
package struct Folding: Sendable {
  /// Lower-case characters and what they are read as.
  package let letters: [Unicode.Scalar: String]

  package init(letters: [Unicode.Scalar: String]) { self.letters = letters }

  package static let none = Folding(letters: [:])

  package func scalars(_ text: String) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if let plain = letters[scalar] {
        out.append(contentsOf: plain.unicodeScalars)
      } else if let last = out.last, let syllable = Hangul.compose(last, scalar) {
        out[out.count - 1] = syllable
      } else {
        out.append(scalar)
      }
    }
    return out
  }

  package func text(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.append(contentsOf: scalars(text))
    return out
  }

  /// Every language's readings at once (the first language's where two differ).
  func merged(with other: Folding) -> Folding { Folding(letters: letters.merging(other.letters) { mine, _ in mine }) }
}

/// Folding that holds in any language: what every message catalogue folds, together. For what
/// is matched across languages (catalog search over every translation, region and country
/// names, file names made from a city's name).
package enum Fold {
  package static func text(_ value: String) -> String { MessageCatalogue.shared.anyLanguageFolding.text(value) }
}
