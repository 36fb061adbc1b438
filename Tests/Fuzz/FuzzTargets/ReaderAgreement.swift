package import ActivatorCore

/// The batch's fast reader and the full loader must read every answers file alike: where the
/// fast reader accepts a file, the loader says nothing about it (no error, no warning) and
/// reads exactly the same sheet; where the loader would say anything, the fast reader steps
/// aside. The fuzzer, the regression replays and the agreement tests all check through here.
package enum ReaderAgreement {
  package struct Result: Sendable {
    /// What the fast reader read, if it took the file.
    package var fast: AnswerSheet?
    /// What the loader read, if the file is valid.
    package var loaded: AnswerSheet?
    /// Everything the loader reported.
    package var diagnostics: [Diagnostic]
    /// How the two readers disagree; empty when they agree.
    package var problems: [String]
  }

  package static func check(_ file: SourceFile, registry: SurveyRegistry) -> Result {
    let fast = FastAnswersReader.read(file, limits: .untrusted, registry: registry)?.0
    let log = DiagnosticLog()
    var loaded: AnswerSheet?
    if let (source, root) = Document.parse(file, limits: .untrusted, log: log) {
      loaded = AnswersLoader.load(source, root, registry: registry, log: log)?.0
    }
    var problems: [String] = []
    if let fast {
      if !log.diagnostics.isEmpty {
        problems.append("the fast reader took a file the loader reports: \(log.diagnostics.map(\.message))")
      }
      if let loaded {
        problems += differences(fast, loaded).map { "fast reader and loader differ in \($0)" }
      } else {
        problems.append("the loader refused what the fast reader read")
      }
    }
    return Result(fast: fast, loaded: loaded, diagnostics: log.sorted, problems: problems)
  }

  /// The fields in which two sheets differ.
  static func differences(_ a: AnswerSheet, _ b: AnswerSheet) -> [String] {
    var fields: [String] = []
    if a.surveyID != b.surveyID || a.surveyVersion != b.surveyVersion { fields.append("the survey") }
    if a.language != b.language { fields.append("the language") }
    if a.city != b.city || a.respondent != b.respondent { fields.append("the city or respondent") }
    if a.started != b.started || a.completed != b.completed { fields.append("the dates") }
    for slot in a.values.indices where slot >= b.values.count || a.values[slot] != b.values[slot] {
      fields.append(
        "answer \(slot): \(String(describing: a.values[slot])) against \(slot < b.values.count ? String(describing: b.values[slot]) : "none")"
      )
    }
    if a.values.count != b.values.count { fields.append("the number of answers") }
    if a.marks != b.marks || a.answersLocation != b.answersLocation { fields.append("the positions of answers") }
    if a.targets != b.targets { fields.append("the targets") }
    if a.notes != b.notes { fields.append("the notes") }
    if a.review != b.review { fields.append("the review list") }
    if a.path != b.path { fields.append("the path") }
    return fields
  }
}
