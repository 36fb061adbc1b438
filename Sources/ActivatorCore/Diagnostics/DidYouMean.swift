/// Suggests the nearest known word for a misspelt one ("tittle" → "title").
package enum DidYouMean {
  /// The closest candidate within a distance that still looks like a typo, or `nil`.
  package static func suggest<S: Sequence>(_ word: String, from candidates: S) -> String?
  where S.Element == String {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty else { return nil }
    var best: (distance: Int, word: String)?
    for candidate in candidates {
      let other = Array(candidate.lowercased().unicodeScalars)
      let limit = max(1, min(3, max(target.count, other.count) / 3))
      if abs(other.count - target.count) > limit { continue }
      let distance = editDistance(target, other, limit: limit)
      guard distance <= limit else { continue }
      if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.word)
      {
        continue
      }
      best = (distance, candidate)
    }
    return best?.word
  }

  /// "; did you mean 'x'?", or nothing when no candidate is near.
  package static func hint<S: Sequence>(_ word: String, from candidates: S) -> MessageArgument
  where S.Element == String {
    suggest(word, from: candidates).map(hint) ?? .text("")
  }

  /// "; did you mean 'x'?"
  package static func hint(_ suggestion: String) -> MessageArgument {
    .message(Message(.hintDidYouMean, ["suggestion": .text(suggestion)]))
  }

  /// "; expected one of: a, b, c"
  package static func expectedOneOf(_ values: [String]) -> MessageArgument {
    .message(Message(.hintExpectedOneOf, ["values": .text(values.joined(separator: ", "))]))
  }

  /// The nearest candidate as a hint, else every candidate.
  package static func hintOrAll(_ word: String, from candidates: [String]) -> MessageArgument {
    suggest(word, from: candidates).map(hint) ?? expectedOneOf(candidates)
  }

  /// The `count` candidates nearest to `word`, nearest first (ties in name order), however far.
  package static func nearest<S: Sequence>(_ word: String, from candidates: S, count: Int) -> [String]
  where S.Element == String {
    let target = Array(word.lowercased().unicodeScalars)
    let ranked = candidates.map { candidate in
      (distance: editDistance(target, Array(candidate.lowercased().unicodeScalars), limit: Int.max), word: candidate)
    }
    return ranked.sorted { ($0.distance, $0.word) < ($1.distance, $1.word) }.prefix(count).map(\.word)
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping
  /// early once every path exceeds `limit`.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return rowMinimum }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
