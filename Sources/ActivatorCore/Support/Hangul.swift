/// Hangul arithmetic (The Unicode Standard, §3.12 "Conjoining Jamo Behavior"): the 11,172
/// precomposed syllables U+AC00…U+D7A3 are 19 initial consonants × 21 vowels × 28 finals (0 is
/// none), so a syllable's parts are found by division, with no table beyond the initials.
enum Hangul {
  static let syllables: ClosedRange<UInt32> = 0xAC00...0xD7A3
  static let vowelsTimesFinals: UInt32 = 21 * 28

  /// The 19 initial consonants as a keyboard types a lone consonant (Hangul Compatibility Jamo,
  /// ㄱ U+3131 … ㅎ U+314E, a block that interleaves final-only clusters), by initial index.
  static let initials: [Unicode.Scalar] = [
    "\u{3131}", "\u{3132}", "\u{3134}", "\u{3137}", "\u{3138}", "\u{3139}", "\u{3141}", "\u{3142}", "\u{3143}",
    "\u{3145}",
    "\u{3146}", "\u{3147}", "\u{3148}", "\u{3149}", "\u{314A}", "\u{314B}", "\u{314C}", "\u{314D}", "\u{314E}",
  ]

  /// The initial consonant's index (0…18) of a syllable.
  static func initial(ofSyllable scalar: Unicode.Scalar) -> Int? {
    guard syllables.contains(scalar.value) else { return nil }
    return Int(truncatingIfNeeded: (scalar.value - syllables.lowerBound) / vowelsTimesFinals)
  }

  /// The initial index a lone consonant stands for, typed as a compatibility jamo (ㅅ) or as a
  /// conjoining initial (U+1109).
  static func initial(ofConsonant scalar: Unicode.Scalar) -> Int? {
    if (0x1100...0x1112).contains(scalar.value) { return Int(truncatingIfNeeded: scalar.value - 0x1100) }
    return initials.firstIndex(of: scalar)
  }

  /// Whether a syllable has no final consonant (가, not 각).
  static func isOpen(_ scalar: Unicode.Scalar) -> Bool {
    syllables.contains(scalar.value) && (scalar.value - syllables.lowerBound) % 28 == 0
  }

  /// Whether `syllable` is `open` with a final consonant added (환 after 화), or `open` itself.
  static func extends(_ open: Unicode.Scalar, to syllable: Unicode.Scalar) -> Bool {
    guard isOpen(open), syllables.contains(syllable.value) else { return false }
    return syllable.value >= open.value && syllable.value - open.value < 28
  }

  /// Conjoining jamo joined into a syllable, as NFC joins them (decomposed text, e.g. file names
  /// from macOS): an initial and a vowel, or an open syllable and a final; nil otherwise.
  static func compose(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Unicode.Scalar? {
    let a = first.value
    let b = second.value
    if (0x1100...0x1112).contains(a), (0x1161...0x1175).contains(b) {
      return Unicode.Scalar(syllables.lowerBound + ((a - 0x1100) * 21 + (b - 0x1161)) * 28)
    }
    if isOpen(first), (0x11A8...0x11C2).contains(b) { return Unicode.Scalar(a + (b - 0x11A7)) }
    return nil
  }
}
