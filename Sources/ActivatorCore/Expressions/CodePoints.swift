/// Text as CEL sees it: a sequence of Unicode code points, compared one code point at a time.
///
/// Swift's own `String` comparisons follow canonical equivalence and grapheme clusters
/// ("é" written as one code point equals "e" plus a combining accent, and `"e\u{301}"` does not
/// contain "e"); CEL does neither. Every comparison of text in the rule language goes through
/// here. UTF-8 preserves code point order and no code point's encoding occurs inside another's,
/// so comparing bytes gives exactly the code point answers.
enum CodePoints {
  static func equal(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
  }

  /// -1, 0 or 1: lexicographic order of the code points.
  static func compare(_ a: String, _ b: String) -> Int {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?) where x != y: return x < y ? -1 : 1
      default: continue
      }
    }
  }

  static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
    text.utf8.starts(with: prefix.utf8)
  }

  static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
    let (count, suffixCount) = (text.utf8.count, suffix.utf8.count)
    return suffixCount <= count && text.utf8.dropFirst(count - suffixCount).elementsEqual(suffix.utf8)
  }

  static func contains(_ text: String, _ part: String) -> Bool {
    if part.utf8.isEmpty { return true }
    let contiguous = text.utf8.withContiguousStorageIfAvailable { haystack in
      part.utf8.withContiguousStorageIfAvailable { needle in occurs(needle, in: haystack) }
    }
    if case let found?? = contiguous { return found }
    return occurs(Array(part.utf8)[...], in: Array(text.utf8)[...])
  }

  private static func occurs<C: RandomAccessCollection>(_ needle: C, in haystack: C) -> Bool
  where C.Element == UInt8, C.Index == Int {
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var start = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while start <= last {
      if haystack[start] == first && haystack[start..<start + needle.count].elementsEqual(needle) { return true }
      start += 1
    }
    return false
  }
}
