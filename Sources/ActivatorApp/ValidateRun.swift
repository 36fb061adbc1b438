import ActivatorCore
import ActivatorTerminal

/// `activator validate`: each answers file checked against its survey (types, ranges, options,
/// required questions, skip logic), its problems on stderr and a line per valid file on stdout.
public struct ValidateRun {
  public var paths: [String]
  public var sources: RuleSources
  public var color: Bool

  public init(paths: [String], sources: RuleSources, color: Bool) {
    self.paths = paths
    self.sources = sources
    self.color = color
  }

  public func run() throws {
    let workspace = try sources.workspace()
    let (files, problems) = try AnswersInput.files(paths)
    var invalid = problems.contains { $0.severity == .error }
    for path in files {
      let log = DiagnosticLog()
      guard let (file, root) = Document.load(path, limits: .untrusted, log: log),
        let (sheet, survey) = AnswersLoader.load(file, root, registry: workspace.registry, log: log)
      else {
        // A file that is not answers but an output of Activator is left out with a note.
        if let output = (try? FileReading.readPrefix(path, maxBytes: 4096)).flatMap(ActivatorOutput.kind(of:)) {
          Console.err("\(InertText.line(path)): note: " + Console.say(Message(.batchActivatorOutputSkipped, ["what": .message(output)])) + "\n")
        } else {
          Diagnostics.print(log.sorted, sources: log.sources, color: color)
          invalid = true
        }
        continue
      }
      let counts = check(sheet, survey, path: path, workspace: workspace, log: log)
      Diagnostics.print(log.sorted, sources: log.sources, color: color)
      if log.hasErrors {
        invalid = true
      } else {
        Console.out(Console.say(validLine(path, sheet, counts)) + "\n")
      }
    }
    if invalid { throw RunFailure.exit(1) }
  }

  /// What the loader does not see: required questions left, answers skip logic hides,
  /// expressions that failed, rules that would refuse the file, a city without a name.
  func check(_ sheet: AnswerSheet, _ survey: Survey, path: String, workspace: Workspace, log: DiagnosticLog) -> AnswerCounts {
    let fileStart = SourceLocation(file: path, line: 1, column: 1)
    let (_, _, counts, issues) = Scorer.prepare(sheet, survey: survey)
    let unanswered = issues.filter { $0.kind == .requiredUnanswered }.compactMap { $0.slot.map { survey.questions[$0].id } }
    if !unanswered.isEmpty {
      let location = sheet.answersLocation ?? fileStart
      let listed = unanswered.prefix(8).joined(separator: ", ") + (unanswered.count > 8 ? ", …" : "")
      let message = Message(.validateRequiredMissing, ["count": .count(unanswered.count), "questions": .text(listed)])
      if sheet.completed != nil {
        log.error("required", message, at: location)
      } else {
        log.warning("required", Message(.validateInProgress, ["problem": .message(message)]), at: location)
      }
    }
    for issue in issues {
      let location = issue.location ?? fileStart
      switch issue.kind {
      case .requiredUnanswered: continue
      case .answeredButSkipped: log.warning("skipped-answer", issue.message, at: location)
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
    return counts
  }

  /// "kestrel-bay.yaml: valid (58 answered, 2 don't know)".
  func validLine(_ path: String, _ sheet: AnswerSheet, _ counts: AnswerCounts) -> Message {
    var parts = [Message(.validateAnswered, ["count": .count(counts.answered)])]
    if counts.dontKnow > 0 { parts.append(Message(.validateDontKnow, ["count": .count(counts.dontKnow)])) }
    if counts.notApplicable > 0 { parts.append(Message(.validateNotApplicable, ["count": .count(counts.notApplicable)])) }
    if counts.unanswered > 0 { parts.append(Message(.validateUnanswered, ["count": .count(counts.unanswered)])) }
    if counts.skipped > 0 { parts.append(Message(.validateSkipped, ["count": .count(counts.skipped)])) }
    let summary = parts.map(Console.say).joined(separator: ", ")
    return Message(sheet.completed == nil ? .validateValidInProgress : .validateValid, ["path": .text(InertText.line(path)), "summary": .text(summary)])
  }
}
