/// A semantic version `MAJOR.MINOR.PATCH[-prerelease]`.
package struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  package var major: Int
  package var minor: Int
  package var patch: Int
  package var prerelease: [String]

  package init(_ major: Int, _ minor: Int, _ patch: Int, prerelease: [String] = []) {
    self.major = major
    self.minor = minor
    self.patch = patch
    self.prerelease = prerelease
  }

  /// Parses `1.2.3` or `1.2.3-beta.1`; build metadata (`+…`) is accepted and ignored.
  package init?(_ text: String) {
    guard let version = Self.plain(text.utf8) ?? Self.general(text) else { return nil }
    self = version
  }

  /// The parse of any text, Character by Character.
  package static func general(_ text: String) -> SemanticVersion? {
    var core = Substring(text)
    if let plus = core.firstIndex(of: "+") { core = core[..<plus] }
    var pre: [String] = []
    if let dash = core.firstIndex(of: "-") {
      pre = core[core.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false)
        .map(String.init)
      if pre.contains(where: \.isEmpty) { return nil }
      core = core[..<dash]
    }
    let parts = core.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let a = Self.number(parts[0]), let b = Self.number(parts[1]),
      let c = Self.number(parts[2])
    else { return nil }
    return SemanticVersion(a, b, c, prerelease: pre)
  }

  /// `MAJOR.MINOR.PATCH` written in ASCII digits and dots only, as nearly every file writes it,
  /// read from its bytes without making a Character or a String. Nil for anything else (letters,
  /// a pre-release, build metadata, a wrong shape): `general` decides those, so both ways give
  /// the same result for every text.
  package static func plain(_ bytes: some Collection<UInt8>) -> SemanticVersion? {
    var parts = (0, 0, 0)
    var part = 0
    var value = 0
    var digits = 0
    var leadingZero = false
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard digits > 0, part < 2 else { return nil }
        if part == 0 { parts.0 = value } else { parts.1 = value }
        part += 1
        (value, digits, leadingZero) = (0, 0, false)
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      // At most nine digits and no leading zero, as `number` allows.
      guard digits < 9, !leadingZero else { return nil }
      if digits == 0, byte == UInt8(ascii: "0") { leadingZero = true }
      value = value * 10 + Int(byte &- UInt8(ascii: "0"))
      digits += 1
    }
    guard part == 2, digits > 0 else { return nil }
    parts.2 = value
    return SemanticVersion(parts.0, parts.1, parts.2)
  }

  static func number(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 9, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
      text == "0" || !text.hasPrefix("0")
    else { return nil }
    return Int(text)
  }

  package var description: String {
    let base = "\(major).\(minor).\(patch)"
    return prerelease.isEmpty ? base : base + "-" + prerelease.joined(separator: ".")
  }

  package static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
    if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) {
      return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }
    // A pre-release sorts before its release.
    if a.prerelease.isEmpty != b.prerelease.isEmpty { return !a.prerelease.isEmpty }
    for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
      switch (Int(x), Int(y)) {
      case (let i?, let j?): return i < j
      case (_?, nil): return true
      case (nil, _?): return false
      default: return x < y
      }
    }
    return a.prerelease.count < b.prerelease.count
  }
}

/// A set of versions such as `">=1.0.0 <2.0.0"`, `"^1.2"`, `"~1.2.0"`, `"1.x"` or `"*"`.
package struct VersionRange: Sendable, Hashable, CustomStringConvertible {
  enum Op: String, Sendable {
    case lt = "<"
    case le = "<="
    case gt = ">"
    case ge = ">="
    case eq = "="
  }
  struct Comparator: Sendable, Hashable {
    var op: Op
    var version: SemanticVersion
  }

  /// Comparators that must all hold.
  var comparators: [Comparator]
  package let text: String

  package var description: String { text }

  package init?(_ text: String) {
    self.text = text
    var all: [Comparator] = []
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
    if words.isEmpty { return nil }
    for word in words {
      guard let parsed = Self.parse(String(word)) else { return nil }
      all += parsed
    }
    comparators = all
  }

  package func contains(_ version: SemanticVersion) -> Bool {
    comparators.allSatisfy { c in
      switch c.op {
      case .lt: version < c.version
      case .le: version <= c.version
      case .gt: version > c.version
      case .ge: version >= c.version
      case .eq: version == c.version
      }
    }
  }

  /// One word of a range: an operator and a full or partial version.
  private static func parse(_ word: String) -> [Comparator]? {
    if word == "*" || word == "x" { return [] }
    var rest = Substring(word)
    var prefix = ""
    for op in ["<=", ">=", "<", ">", "=", "^", "~"] where rest.hasPrefix(op) {
      prefix = op
      rest = rest.dropFirst(op.count)
      break
    }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count) else { return nil }
    var numbers: [Int] = []
    for part in parts {
      if part == "x" || part == "X" || part == "*" { break }
      guard let n = SemanticVersion.number(part) else {
        // A full version with a pre-release tag.
        if parts.count == 3, let full = SemanticVersion(String(rest)) {
          return comparators(prefix, full, partial: 3)
        }
        return nil
      }
      numbers.append(n)
    }
    let version = SemanticVersion(
      numbers.count > 0 ? numbers[0] : 0, numbers.count > 1 ? numbers[1] : 0,
      numbers.count > 2 ? numbers[2] : 0)
    return comparators(prefix, version, partial: numbers.count)
  }

  private static func comparators(_ prefix: String, _ v: SemanticVersion, partial: Int)
    -> [Comparator]?
  {
    // The first version past the partial one: 1.x → 2.0.0, 1.2.x → 1.3.0.
    func bump(_ level: Int) -> SemanticVersion {
      switch level {
      case 0: SemanticVersion(v.major + 1, 0, 0)
      case 1: SemanticVersion(v.major, v.minor + 1, 0)
      default: SemanticVersion(v.major, v.minor, v.patch + 1)
      }
    }
    switch prefix {
    case "", "=":
      if partial == 0 { return [] }
      if partial == 3 { return [Comparator(op: .eq, version: v)] }
      return [Comparator(op: .ge, version: v), Comparator(op: .lt, version: bump(partial - 1))]
    case ">=": return [Comparator(op: .ge, version: v)]
    case ">":
      return partial == 3 ? [Comparator(op: .gt, version: v)] : [Comparator(op: .ge, version: bump(partial - 1))]
    case "<": return [Comparator(op: .lt, version: v)]
    case "<=":
      return partial == 3 ? [Comparator(op: .le, version: v)] : [Comparator(op: .lt, version: bump(partial - 1))]
    case "^":
      let level = v.major > 0 ? 0 : (v.minor > 0 || partial < 3 ? 1 : 2)
      return [Comparator(op: .ge, version: v), Comparator(op: .lt, version: bump(min(level, max(0, partial - 1))))]
    case "~":
      let level = partial >= 2 ? 1 : 0
      return [Comparator(op: .ge, version: v), Comparator(op: .lt, version: bump(level))]
    default: return nil
    }
  }
}
