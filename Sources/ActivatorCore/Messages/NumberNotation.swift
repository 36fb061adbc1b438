/// Numbers as a language writes and reads them, exactly: what a person typed at the prompt
/// ("1.500", "40,5", "1,200") and the figures shown back to them. The separators come from the
/// language's `locale:` data (`input_decimal`, `input_group`), so a language brings its own rules.
///
/// Answers files never use this: they hold plain YAML numbers (`NumberText`).
package struct NumberNotation: Sendable {
  /// Characters read as the decimal separator, and as digit-group separators.
  package let decimal: [Character]
  package let group: [Character]

  /// Every separator any language uses, for saying how a number someone wrote in a file ("72,5",
  /// "1,500") is written in YAML.
  static let anyWriting = NumberNotation(decimal: [",", "."], group: [",", ".", " ", "\u{00A0}", "\u{202F}", "'"])

  package init(decimal: [Character], group: [Character]) {
    self.decimal = decimal
    self.group = group
  }

  /// Every number `text` can mean: none when it is not a number as the language writes them,
  /// one, or two when one separator may be either the decimal separator or a group separator
  /// ("1.500" in Spanish: 1500 or 1.5). Readings are canonical number texts ("1500", "1.5"),
  /// ready for the answers reader; the grouped reading comes first.
  package func readings(_ raw: String) -> [String] {
    var text = Substring(raw)
    while let c = text.first, c == " " || c == "\t" { text = text.dropFirst() }
    while let c = text.last, c == " " || c == "\t" { text = text.dropLast() }
    var sign = ""
    if let first = text.first, first == "-" || first == "+" || first == "\u{2212}" {
      sign = first == "+" ? "" : "-"
      text = text.dropFirst()
    }
    // Runs of digits and the single separators between them.
    var runs: [String] = [""]
    var separators: [Character] = []
    for character in text {
      if character.isASCII, let ascii = character.asciiValue, ascii >= 0x30, ascii <= 0x39 {
        runs[runs.count - 1].append(character)
      } else if decimal.contains(character) || group.contains(character) {
        guard !runs[runs.count - 1].isEmpty || (runs.count == 1 && decimal.contains(character)) else { return [] }
        separators.append(character)
        runs.append("")
      } else {
        return []
      }
    }
    guard let last = runs.last, !last.isEmpty else { return [] }
    var found: [String] = []
    if let grouped = groupedReading(runs, separators) { found.append(grouped) }
    if let decimal = decimalReading(runs, separators), !found.contains(decimal) { found.append(decimal) }
    return found.map { Self.canonical(sign + $0) }
  }

  /// Every separator groups digits: all the same group character, three digits per group after
  /// a first group of one to three that does not start with 0.
  func groupedReading(_ runs: [String], _ separators: [Character]) -> String? {
    guard let first = separators.first else { return runs[0] }
    guard group.contains(first), separators.allSatisfy({ $0 == first }), validGroups(runs) else { return nil }
    return runs.joined()
  }

  /// The last separator is the decimal one (it occurs once); the others group digits.
  func decimalReading(_ runs: [String], _ separators: [Character]) -> String? {
    guard let point = separators.last, decimal.contains(point) else { return nil }
    let integerRuns = Array(runs.dropLast())
    let groups = separators.dropLast()
    if let groupCharacter = groups.first {
      guard groupCharacter != point, group.contains(groupCharacter), groups.allSatisfy({ $0 == groupCharacter }),
        validGroups(integerRuns)
      else { return nil }
    }
    let integer = integerRuns.joined()
    return (integer.isEmpty ? "0" : integer) + "." + (runs.last ?? "")
  }

  func validGroups(_ runs: [String]) -> Bool {
    guard let head = runs.first, (1...3).contains(head.count) else { return false }
    if runs.count > 1, head.hasPrefix("0") { return false }
    return runs.dropFirst().allSatisfy { $0.count == 3 }
  }

  /// "0012.50" → "12.5": the shortest text of the number, as answers files write it.
  static func canonical(_ text: String) -> String {
    guard let value = Double(text), value.isFinite else { return text }
    return JSONWriter.format(value == 0 ? 0 : value)
  }
}

extension LocaleRules {
  /// How this language's numbers are read when typed.
  package var notation: NumberNotation { NumberNotation(decimal: inputDecimal, group: inputGroup) }

  /// A number with every digit it has (no rounding), in the language's notation: grouped
  /// ("12,500.125") for reading, or not (`grouped: false`, "12500,125") for editing.
  package func exact(_ value: Double, grouped: Bool = true) -> String {
    let plain = JSONWriter.format(value)
    guard !plain.contains("e"), !plain.contains("E") else { return plain }
    return written(plain, grouped: grouped)
  }

  /// Whole digits with the group separator, where the language groups them.
  func grouped(_ integer: Substring) -> String {
    guard integer.count >= 3 + max(1, minimumGrouping) else { return String(integer) }
    var parts: [Substring] = []
    var rest = integer
    while rest.count > 3 {
      parts.insert(rest.suffix(3), at: 0)
      rest = rest.dropLast(3)
    }
    parts.insert(rest, at: 0)
    return parts.joined(separator: groupSeparator)
  }
}
