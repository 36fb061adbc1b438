/// How answers to one version of a survey become answers to a later one (`activator migrate`).
/// A question asked with the same id in both is carried over when its answer is valid for the new
/// question; `questions` lists the others. Nothing is converted or guessed: an answer whose
/// meaning changed is kept as a note beside the question it concerns (docs/file-formats.md,
/// "Migration").
package struct Migration: Sendable {
  package var survey: String
  /// The versions of answers files it reads.
  package var from: VersionRange
  package var to: SemanticVersion
  /// By question id of the old survey.
  package var questions: [String: MigrationRule]
  package var location: SourceLocation

  package init(
    survey: String, from: VersionRange, to: SemanticVersion, questions: [String: MigrationRule],
    location: SourceLocation
  ) {
    self.survey = survey
    self.from = from
    self.to = to
    self.questions = questions
    self.location = location
  }

  /// `"wego-activator >=1.0.0 <2.0.0 → 2.0.0"`
  package var reference: String { "\(survey) \(from.text) → \(to)" }
}

/// What becomes of the answer to one question of the old survey.
package struct MigrationRule: Sendable {
  /// The new question the answer goes to, when the id changed.
  package var to: Located<String>?
  /// False when the meaning changed: the answer is not carried, only noted.
  package var carry: Bool = true
  /// Carried, but flagged for the respondent to review (`review:` of the new file).
  package var review: Bool = false
  /// The new question the note is written on (default: the one the answer goes to).
  package var noteOn: Located<String>?
  /// Written into the notes, `{value}` replaced by the old answer as people read it.
  package var note: LocalizedText?
  /// Old answers (as written in a file) mapped to new ones; an answer not listed is not carried.
  package var values: [String: String] = [:]
  package var location: SourceLocation

  package init(location: SourceLocation) {
    self.location = location
  }
}
