import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check returned answers files against their survey: types, ranges, options, required questions, skip logic.",
    discussion: """
      Problems are printed as file:line:col: error|warning: message. A required question left unanswered is an error in a file marked completed and a warning in one still in progress. Exit 0 when every file is valid, 1 otherwise.
      """)

  @Argument(help: ArgumentHelp("Answers files or folders, or '-' to read paths from stdin.", valueName: "path"))
  var paths: [String]

  @OptionGroup var sources: SourceOptions

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  func run() throws {
    let workspace = try sources.workspace()
    let (files, problems) = try answersFiles(paths)
    var invalid = !problems.filter { $0.severity == .error }.isEmpty
    let renderer = { (log: DiagnosticLog) in
      DiagnosticRenderer(
        color: !noColor && Console.colorEnabled(forStderr: true), showSource: true, sources: log.sources, language: Console.language)
    }
    /// A file that is not answers but an output of Activator is left out with a note.
    func failed(_ path: String, _ log: DiagnosticLog) {
      if let output = (try? FileReading.readPrefix(path, maxBytes: 4096)).flatMap(ActivatorOutput.kind(of:)) {
        Console.err("\(InertText.line(path)): note: " + Console.say(Message(.batchActivatorOutputSkipped, ["what": .message(output)])) + "\n")
        return
      }
      renderer(log).render(log.sorted, to: Console.err)
      invalid = true
    }
    for path in files {
      let log = DiagnosticLog()
      guard let (file, root) = Document.load(path, limits: .untrusted, log: log),
        let (sheet, survey) = AnswersLoader.load(file, root, registry: workspace.registry, log: log)
      else {
        failed(path, log)
        continue
      }
      let (_, _, counts, issues) = Scorer.prepare(sheet, survey: survey)
      let unanswered = issues.filter { $0.kind == .requiredUnanswered }.compactMap { $0.slot.map { survey.questions[$0].id } }
      if !unanswered.isEmpty {
        let location = sheet.answersLocation ?? SourceLocation(file: path, line: 1, column: 1)
        let listed = unanswered.prefix(8).joined(separator: ", ") + (unanswered.count > 8 ? ", …" : "")
        let message = Message(.validateRequiredMissing, ["count": .count(unanswered.count), "questions": .text(listed)])
        if sheet.completed != nil {
          log.error("required", message, at: location)
        } else {
          log.warning("required", Message(.validateInProgress, ["problem": .message(message)]), at: location)
        }
      }
      for issue in issues {
        let location = issue.location ?? SourceLocation(file: path, line: 1, column: 1)
        switch issue.kind {
        case .requiredUnanswered:
          continue
        case .answeredButSkipped:
          log.warning("skipped-answer", issue.message, at: location)
        case .evaluationError:
          log.warning("evaluation", issue.message, at: location)
        }
      }
      // The file may be valid and still not scorable: say so here rather than at scoring time.
      if let missing = Workspace.missingRules(for: survey.id, version: sheet.surveyVersion, plugins: workspace.plugins) {
        log.warning("no-rules", Message(.validateWillBeRefused, ["problem": .message(missing)]), at: SourceLocation(file: path, line: 1, column: 1))
      }
      if sheet.city.name.trimmingCharacters(in: " ").isEmpty {
        log.error("missing-city", Message(.validateCityEmpty), at: SourceLocation(file: path, line: 1, column: 1))
      }
      let diagnostics = log.sorted
      renderer(log).render(diagnostics, to: Console.err)
      if log.hasErrors {
        invalid = true
      } else {
        var parts = [Message(.validateAnswered, ["count": .count(counts.answered)])]
        if counts.dontKnow > 0 { parts.append(Message(.validateDontKnow, ["count": .count(counts.dontKnow)])) }
        if counts.notApplicable > 0 { parts.append(Message(.validateNotApplicable, ["count": .count(counts.notApplicable)])) }
        if counts.unanswered > 0 { parts.append(Message(.validateUnanswered, ["count": .count(counts.unanswered)])) }
        if counts.skipped > 0 { parts.append(Message(.validateSkipped, ["count": .count(counts.skipped)])) }
        let summary = parts.map(Console.say).joined(separator: ", ")
        let line = Message(
          sheet.completed == nil ? .validateValidInProgress : .validateValid, ["path": .text(InertText.line(path)), "summary": .text(summary)])
        Console.out(Console.say(line) + "\n")
      }
    }
    if invalid { throw ExitCode(1) }
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
