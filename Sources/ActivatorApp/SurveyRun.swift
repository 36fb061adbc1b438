import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import Dispatch
import Synchronization

/// `activator survey`: the questionnaire in the terminal (full screen, or line mode for screen
/// readers and piped input), every answer saved as it is given, a resumed file edited in place,
/// and the city's summary once the survey is complete.
package struct SurveyRun {
  package var sources: RuleSources
  package var language: String?
  package var out: String?
  package var resume: String?
  package var city: String?
  package var plain: Bool
  package var color: Bool
  package var force: Bool

  package init(
    sources: RuleSources, language: String?, out: String?, resume: String?, city: String?, plain: Bool, color: Bool,
    force: Bool
  ) {
    self.sources = sources
    self.language = language
    self.out = out
    self.resume = resume
    self.city = city
    self.plain = plain
    self.color = color
    self.force = force
  }

  /// What the questionnaire starts from: a blank sheet or a resumed file.
  struct Start {
    var sheet: AnswerSheet
    var survey: Survey
    /// Where answers are saved; empty until the city's name gives one.
    var journal: String
    var askCity: Bool
    var editor: AnswersEditor?
  }

  package func run() throws {
    let workspace = Workspace()
    sources.loadSurveys(into: workspace)
    if workspace.log.hasErrors {
      Diagnostics.print(workspace.log.sorted)
      throw RunFailure.exit(2)
    }
    let start = try resume.map { try resumed($0, workspace) } ?? fresh(workspace)
    let driver = makeDriver(language: start.sheet.language)
    let session = QuestionnaireSession(
      survey: start.survey, sheet: start.sheet, journalPath: start.journal, resuming: start.editor)
    if start.journal.isEmpty { session.pathForCity = { JournalName.available($0.name) } }
    if let held = session.claimJournal() {
      driver.finish()
      Console.error(held)
      throw RunFailure.exit(2)
    }
    // A new file is written at once; a continued one only when an answer changes.
    if !start.askCity && start.editor == nil { session.save() }
    let program = RulesAhead(sources: sources, survey: start.survey, version: start.sheet.surveyVersion)
    let questionnaire = Questionnaire(
      session: session, driver: driver, interactive: Console.stdinIsTerminal,
      currentStages: { answers in
        program.get().map { Scorer.assess(answers, with: $0).pillars.map { Optional($0.stage) } }
      })
    let outcome = questionnaire.run(askCity: start.askCity)
    driver.finish()
    RawMode.setFarewell("")
    try close(session, outcome, program)
  }

  /// The rules, loaded and compiled in the background from the moment the questionnaire
  /// starts, so that the first Enter into the targets screen (which shows the stage each pillar
  /// reaches) does not wait for them; the summary closes the run with them. A survey can be
  /// answered without them: `get` is nil when they cannot be loaded.
  ///
  /// The loading has a workspace of its own (nothing else touches it), and hands over only the
  /// compiled `Program`, which is `Sendable`, under a lock.
  final class RulesAhead: Sendable {
    private let loaded = Mutex<Program??>(nil)
    private let ready = DispatchSemaphore(value: 0)

    init(sources: RuleSources, survey: Survey, version: SemanticVersion) {
      Task.detached(priority: .utility) { [self] in
        let workspace = Workspace()
        sources.loadRules(into: workspace)
        let program =
          workspace.log.hasErrors ? nil : workspace.program(for: survey, answeredVersion: version, log: DiagnosticLog())
        self.loaded.withLock { $0 = .some(program) }
        self.ready.signal()
      }
    }

    /// The compiled rules, waiting for the background load if it has not finished.
    func get() -> Program? {
      if let program = loaded.withLock({ $0 }) { return program }
      ready.wait()
      ready.signal()  // for any later caller that finds the value unset
      return loaded.withLock { $0 } ?? nil
    }
  }

  func resumed(_ path: String, _ workspace: Workspace) throws -> Start {
    let log = DiagnosticLog()
    guard let (file, root) = Document.load(path, limits: .untrusted, log: log),
      let (loaded, survey) = AnswersLoader.load(file, root, registry: workspace.registry, log: log)
    else {
      Diagnostics.print(log.sorted)
      Console.error(Message(.cliCannotResume, ["path": .text(InertText.line(path))]))
      throw RunFailure.exit(1)
    }
    var sheet = loaded
    if let language { sheet.language = try Languages.strict(language, survey: survey) }
    if let out { try Outputs.check(out, option: "--out", inputs: [path], force: force, allowed: path) }
    // Edited in place: comments, x- keys, notes and completed: stay.
    let editor = AnswersEditor(file: file, root: root, original: loaded, survey: survey)
    return Start(sheet: sheet, survey: survey, journal: out ?? path, askCity: sheet.city.name.isEmpty, editor: editor)
  }

  func fresh(_ workspace: Workspace) throws -> Start {
    let survey = try sources.chosenSurvey(workspace, asUsage: true)
    let chosenLanguage = try Languages.strict(language, survey: survey)
    let sheet = AnswerSheet.blank(for: survey, language: chosenLanguage, city: City(name: city ?? ""), path: out ?? "")
    var journal = city.map(JournalName.available) ?? ""
    if let out {
      try Outputs.check(
        out, option: "--out", inputs: [String](), force: force,
        hint: Message(.cliOrContinueIt, ["path": .text(InertText.line(out))]))
      journal = out
    }
    return Start(sheet: sheet, survey: survey, journal: journal, askCity: city == nil, editor: nil)
  }

  /// The full-screen driver on a terminal that can take it; line mode otherwise.
  func makeDriver(language: String) -> any PromptDriver {
    let useLines =
      plain || !Console.stdinIsTerminal || !Console.stdoutIsTerminal || Console.environment("TERM") == "dumb"
    if !useLines {
      let terminal = TTYDriver(color: color, language: language)
      if terminal.start() { return terminal }
    }
    return LineDriver(language: language)
  }

  /// After the questionnaire: what was saved and how to continue, or the city's summary.
  func close(_ session: QuestionnaireSession, _ outcome: Questionnaire.Outcome, _ rules: RulesAhead) throws {
    let t = Localizer(session.sheet.language)
    let path = InertText.line(session.journalPath)
    let answered = session.answeredCount
    if let problem = session.journalError {
      // Nothing typed is lost: the answers go to stdout, to be saved by hand.
      Console.error(
        Message(.cliNotSaved, ["problem": .text(problem.text(Console.language)), "answered": .count(answered)]))
      Console.data(Array(AnswersWriter.write(session.sheet, survey: session.survey, mode: .answers).utf8))
      throw RunFailure.exit(2)
    }
    switch outcome {
    case .interrupted, .endOfInput:
      if path.isEmpty {
        Console.err(t(.surveyStoppedBeforeAnyAnswerNothing) + "\n")
      } else {
        Console.err(
          Questionnaire.farewell(answered: answered, path: session.journalPath, language: session.sheet.language))
      }
      throw RunFailure.exit(outcome == .interrupted ? 130 : 1)
    case .completed:
      let language = session.sheet.language
      Console.out("\n" + t(.surveySurveyCompleteAnswersSaved) + path + "\n\n", language: language)
      guard let program = rules.get() else {
        Console.out(t(.surveyRulesCouldNotBeLoaded) + "\n", language: language)
        return
      }
      var final = session.sheet
      final.path = path
      Console.out(
        TextReport(color: color, width: Console.width).summary(Scorer.assess(final, with: program)), language: language)
      Console.out(
        t(.surveyFullReport) + "activator report \(InertText.line(path)) --html report.html\n", language: language)
    }
  }
}

/// Default answers file names: the city's name as a slug, never overwriting an existing file.
enum JournalName {
  static func slug(_ name: String) -> String {
    var out = ""
    for scalar in Fold.text(name).unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
      default: if !out.hasSuffix("-") && !out.isEmpty { out += "-" }
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "answers" : String(out.prefix(60))
  }

  static func available(_ name: String) -> String {
    let base = slug(name)
    var candidate = base + ".yaml"
    var number = 2
    while FileReading.kind(candidate) != .missing {
      candidate = "\(base)-\(number).yaml"
      number += 1
    }
    return candidate
  }
}
