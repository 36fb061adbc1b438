import ActivatorCore
import ActivatorTerminal

/// `activator validate`: each answers file checked against its survey (types, ranges, options,
/// required questions, skip logic), its problems on stderr and a verdict per file on stdout:
/// complete, incomplete (how many required questions are left) or not valid, in the file's own
/// language unless one is asked for.
package struct ValidateRun {
  package var paths: [String]
  package var sources: RuleSources
  package var color: Bool
  /// The language of every message; nil: each file's own.
  package var language: String?
  /// An incomplete file fails the run too.
  package var requireComplete: Bool

  package init(
    paths: [String], sources: RuleSources, color: Bool, language: String? = nil, requireComplete: Bool = false
  ) {
    self.paths = paths
    self.sources = sources
    self.color = color
    self.language = language
    self.requireComplete = requireComplete
  }

  package enum Verdict: Sendable, Equatable {
    case complete, incomplete, invalid, skipped
  }

  package func run() throws {
    let workspace = try sources.workspace()
    let (files, problems) = try AnswersInput.files(paths)
    let verdicts = files.map { validate($0, workspace) }
    if files.count > 1 {
      // Each count is a message of its own, so that each agrees with its number ("1 completo").
      let count = { (verdict: Verdict, key: MessageKey) in
        MessageArgument.message(Message(key, ["count": .count(verdicts.filter { $0 == verdict }.count)]))
      }
      let totals = Message(
        .validateTotalsByVerdict,
        [
          "files": .count(files.count), "complete": count(.complete, .validateTotalComplete),
          "incomplete": count(.incomplete, .validateTotalIncomplete), "invalid": count(.invalid, .validateTotalInvalid),
        ])
      Console.out(Console.say(totals) + "\n")
    }
    let failing = verdicts.contains(.invalid) || (requireComplete && verdicts.contains(.incomplete))
    if failing || problems.contains(where: { $0.severity == .error }) { throw RunFailure.exit(1) }
  }

  /// Checks one file, prints its problems and its verdict.
  func validate(_ path: String, _ workspace: Workspace) -> Verdict {
    let log = DiagnosticLog()
    let shown = InertText.line(path)
    let document = Document.load(path, limits: .untrusted, log: log)
    guard let (file, root) = document,
      let (sheet, survey) = AnswersLoader.load(file, root, registry: workspace.registry, log: log)
    else {
      // A file that is not answers but an output of Activator is left out with a note.
      if let output = (try? FileReading.readPrefix(path, maxBytes: 4096)).flatMap(ActivatorOutput.kind(of:)) {
        Console.err(
          "\(shown): note: " + Console.say(Message(.batchActivatorOutputSkipped, ["what": .message(output)])) + "\n")
        return .skipped
      }
      // A file that cannot be read as answers still says in which language it was answered.
      let written = document?.1.mapping?.first { $0.key.scalar == "language" }?.value.scalar
      let language =
        self.language ?? written.flatMap { MessageCatalogue.shared.speaks($0) ? $0 : nil } ?? Console.language
      Diagnostics.print(log.sorted, sources: log.sources, color: color, language: language)
      Console.out(
        Message(.validateVerdictInvalid, ["path": .text(shown), "count": .count(log.errorCount)]).text(language) + "\n")
      return .invalid
    }
    let language = self.language ?? sheet.language
    let (counts, unanswered) = check(sheet, survey, path: path, workspace: workspace, log: log)
    Diagnostics.print(log.sorted, sources: log.sources, color: color, language: language)
    let verdict: Message
    let result: Verdict
    if log.hasErrors {
      verdict = Message(.validateVerdictInvalid, ["path": .text(shown), "count": .count(log.errorCount)])
      result = .invalid
    } else if unanswered > 0 {
      verdict = Message(
        .validateVerdictIncomplete,
        ["path": .text(shown), "count": .count(unanswered), "summary": .message(summary(counts))])
      result = .incomplete
    } else {
      let key: MessageKey = sheet.completed == nil ? .validateVerdictCompleteUnmarked : .validateVerdictComplete
      verdict = Message(key, ["path": .text(shown), "summary": .message(summary(counts))])
      result = .complete
    }
    Console.out(verdict.text(language) + "\n")
    return result
  }

  /// What the loader does not see: required questions left (an error only in a file said to be
  /// complete), answers skip logic hides, expressions that failed, rules that would refuse the
  /// file, a city without a name. Returns the counts and how many required questions are left.
  func check(
    _ sheet: AnswerSheet, _ survey: Survey, path: String, workspace: Workspace, log: DiagnosticLog
  ) -> (AnswerCounts, Int) {
    let fileStart = SourceLocation(file: path, line: 1, column: 1)
    let (_, _, counts, issues) = Scorer.prepare(sheet, survey: survey)
    let unanswered = issues.filter { $0.kind == .requiredUnanswered }.compactMap {
      $0.slot.map { survey.questions[$0].id }
    }
    if !unanswered.isEmpty, sheet.completed != nil {
      let listed = unanswered.prefix(8).joined(separator: ", ") + (unanswered.count > 8 ? ", …" : "")
      let message = Message(.validateRequiredMissing, ["count": .count(unanswered.count), "questions": .text(listed)])
      log.error("required", message, at: sheet.answersLocation ?? fileStart)
    }
    for issue in issues {
      let location = issue.location ?? fileStart
      switch issue.kind {
      case .requiredUnanswered: continue
      case .answeredButSkipped: log.warning("skipped-answer", issue.message, at: location)
      case .answeredButNotApplicable: log.warning("not-applicable-answer", issue.message, at: location)
      case .evaluationError: log.warning("evaluation", issue.message, at: location)
      }
    }
    // The file may be valid and still not scorable: say so here rather than at scoring time.
    if let missing = Workspace.missingRules(for: survey.id, version: sheet.surveyVersion, plugins: workspace.plugins) {
      log.warning("no-rules", Message(.validateWillBeRefused, ["problem": .message(missing)]), at: fileStart)
    }
    if sheet.city.name.allSatisfy({ $0 == " " }) {
      log.error("missing-city", Message(.validateCityEmpty), at: fileStart)
    }
    return (counts, unanswered.count)
  }

  /// "58 answered, 2 don't know, 5 skipped by skip logic".
  func summary(_ counts: AnswerCounts) -> Message {
    var parts: [MessageArgument] = [.message(Message(.validateAnswered, ["count": .count(counts.answered)]))]
    if counts.dontKnow > 0 { parts.append(.message(Message(.validateDontKnow, ["count": .count(counts.dontKnow)]))) }
    if counts.notApplicable > 0 {
      parts.append(.message(Message(.validateNotApplicable, ["count": .count(counts.notApplicable)])))
    }
    if counts.unanswered > 0 {
      parts.append(.message(Message(.validateUnanswered, ["count": .count(counts.unanswered)])))
    }
    if counts.skipped > 0 { parts.append(.message(Message(.validateSkipped, ["count": .count(counts.skipped)]))) }
    return Message(.validateSummary, ["parts": .list(parts)])
  }
}
