/// The one case rule of answers: the words of an answer (yes/no, option values, missing-data
/// codes) are read in any case, and the errors about them say so. Option values and codes are
/// lower-case identifiers, so `High` can mean only `high`; rule files, which authors write
/// against the survey, keep the exact spelling.
enum AnswerWords {
  /// The text as the answer words are compared: without surrounding spaces, in lower case.
  static func folded(_ text: String) -> String { text.trimmingSpaces.lowercased() }

  static func missingCode(_ text: String) -> MissingCode? { MissingCode(rawValue: folded(text)) }

  /// What a schema says of the case rule, after the words it lists.
  static let schemaNote = " (in any letter case, as Activator reads them; written in lower case)."

  /// A JSON Schema `pattern` (ECMA-262, which has no case-insensitive flag) accepting what
  /// `folded` reads as one of `words`: each letter in either case (the Kelvin sign lower-cases
  /// to k, so it counts as one), surrounded by the spaces and tabs `folded` trims.
  static func schemaPattern(_ words: [String]) -> String {
    let alternatives = words.map { word in
      word.map { character -> String in
        let lower = String(character).lowercased()
        let upper = String(character).uppercased()
        if lower == upper {
          return "^$\\.*+?()[]{}|/".contains(character) ? "\\" + String(character) : String(character)
        }
        return "[" + lower + upper + (lower == "k" ? "\\u212A" : "") + "]"
      }.joined()
    }
    return "^[ \\t]*(?:" + alternatives.joined(separator: "|") + ")[ \\t]*$"
  }
}
