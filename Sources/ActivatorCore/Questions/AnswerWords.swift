/// The one case rule of answers: the words of an answer (yes/no, option values, missing-data
/// codes) are read in any case, and the errors about them say so. Option values and codes are
/// lower-case identifiers, so `High` can mean only `high`; rule files, which authors write
/// against the survey, keep the exact spelling.
enum AnswerWords {
  /// The text as the answer words are compared: without surrounding spaces, in lower case.
  static func folded(_ text: String) -> String { text.trimmingSpaces.lowercased() }

  static func missingCode(_ text: String) -> MissingCode? { MissingCode(rawValue: folded(text)) }
}
