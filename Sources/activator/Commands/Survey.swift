import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct SurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: "Answer the survey interactively in the terminal; every answer is saved as you go.",
    discussion: """
      Arrow keys and type-ahead in lists, Tab for don't know, ? for help, Ctrl-B back, Ctrl-G jump to any question, Ctrl-C save and quit (exit 130). The answers file is rewritten atomically after every answer, so a closed terminal loses nothing; --resume continues where you stopped. Line mode (numbered options, plain prompts; for screen readers and piped input) is used when stdin or stdout is not a terminal, or with --plain.
      """)

  @Option(name: .long, help: ArgumentHelp("Survey id or survey file (default: wego-activator).", valueName: "id|file"))
  var survey: String?

  @Option(name: .long, help: ArgumentHelp("Rule plugin folder for the closing summary (default: the rules 'activator paths' lists).", valueName: "dir"))
  var rules: [String] = []

  @Option(name: .long, help: ArgumentHelp("Language: es, en… (default: LANG/LC_ALL, else English).", valueName: "code"))
  var lang: String?

  @Option(name: .shortAndLong, help: ArgumentHelp("Where to save the answers (default: <city>.yaml here).", valueName: "file"))
  var out: String?

  @Option(name: .long, help: ArgumentHelp("Continue an answers file: its survey, city and answers are restored.", valueName: "file"))
  var resume: String?

  @Option(name: .long, help: ArgumentHelp("The city's name (skips the questions about the city).", valueName: "name"))
  var city: String?

  @Flag(name: .long, help: "Line mode: numbered options and plain prompts, for screen readers and piped input.")
  var plain = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    let sources = RuleSources(survey: survey, rules: rules)
    let workspace = Workspace()
    sources.loadSurveys(into: workspace)
    if workspace.log.hasErrors {
      Diagnostics.print(workspace.log.sorted)
      throw ExitCode(2)
    }
    var sheet: AnswerSheet
    let chosen: ActivatorCore.Survey
    var journal: String
    var askCity = true
    var editor: AnswersEditor?
    if let resume {
      let log = DiagnosticLog()
      guard let (file, root) = Document.load(resume, limits: .untrusted, log: log),
        let (loaded, loadedSurvey) = AnswersLoader.load(file, root, registry: workspace.registry, log: log)
      else {
        Diagnostics.print(log.sorted)
        Console.error(Message(.cliCannotResume, ["path": .text(InertText.line(resume))]))
        throw ExitCode(1)
      }
      // Edited in place: comments, x- keys, notes and completed: stay.
      editor = AnswersEditor(file: file, root: root, original: loaded, survey: loadedSurvey)
      sheet = loaded
      chosen = loadedSurvey
      if let lang {
        guard chosen.languages.contains(lang) else {
          throw ValidationError(
            Console.say(Message(.cliSurveyLanguages, ["survey": .text(chosen.reference), "languages": .text(chosen.languages.joined(separator: ", ")), "requested": .text(lang)])))
        }
        sheet.language = lang
      }
      if let out { try guardOutput(out, option: "--out", inputs: [resume], force: overwrite.force, allowed: resume) }
      journal = out ?? resume
      askCity = sheet.city.name.isEmpty
    } else {
      if let survey, !sources.surveyIsPath {
        guard let found = workspace.registry.latest(survey) else {
          let known = workspace.registry.surveys.map(\.id)
          throw ValidationError(
            Console.say(Message(.cliUnknownSurvey, ["survey": .text(survey), "hint": DidYouMean.hint(survey, from: known), "loaded": .text(known.joined(separator: ", "))])))
        }
        chosen = found
      } else {
        guard let found = workspace.registry.latest("wego-activator") ?? workspace.registry.latest() else {
          throw ValidationError(Console.say(Message(.cliNoSurveyLoaded)))
        }
        chosen = found
      }
      let language = try Languages.pick(lang, survey: chosen)
      sheet = AnswerSheet.blank(for: chosen, language: language, city: City(name: city ?? ""), path: out ?? "")
      if let out {
        try guardOutput(out, option: "--out", inputs: [String](), force: overwrite.force, hint: Message(.cliOrContinueIt, ["path": .text(InertText.line(out))]))
        journal = out
      } else {
        journal = city.map(JournalName.available) ?? ""
      }
      askCity = city == nil
    }

    let useLines = plain || !Console.stdinIsTerminal || !Console.stdoutIsTerminal || Console.environment("TERM") == "dumb"
    let color = !noColor && Console.colorEnabled()
    let driver: any PromptDriver
    var tty: TTYDriver?
    if useLines {
      driver = LineDriver(language: sheet.language)
    } else {
      let terminal = TTYDriver(color: color, language: sheet.language)
      if terminal.start() {
        tty = terminal
        driver = terminal
      } else {
        driver = LineDriver(language: sheet.language)
      }
    }
    let session = QuestionnaireSession(survey: chosen, sheet: sheet, journalPath: journal, resuming: editor)
    if journal.isEmpty { session.pathForCity = { JournalName.available($0.name) } }
    if let held = session.claimJournal() {
      driver.finish()
      Console.error(held)
      throw ExitCode(2)
    }
    // A new file is written at once; a continued one only when an answer changes.
    if !askCity && editor == nil { session.save() }
    let questionnaire = Questionnaire(session: session, driver: driver, interactive: Console.stdinIsTerminal)
    let outcome = questionnaire.run(askCity: askCity)
    driver.finish()
    _ = tty

    let t = Localizer(sheet.language)
    let path = InertText.line(session.journalPath)
    let answered = session.sheet.values.compactMap { $0 }.count
    if let problem = session.journalError {
      // Nothing typed is lost: the answers go to stdout, to be saved by hand.
      Console.error(Message(.cliNotSaved, ["problem": .text(problem.text(Console.language)), "answered": .count(answered)]))
      Console.data(Array(AnswersWriter.write(session.sheet, survey: chosen, mode: .answers).utf8))
      throw ExitCode(2)
    }
    switch outcome {
    case .interrupted, .endOfInput:
      if path.isEmpty {
        Console.err(t(.surveyStoppedBeforeAnyAnswerNothing) + "\n")
      } else {
        Console.err(
          t(.surveySavedAnsweredAnswersPath, ["answered": "\(answered)", "path": "\(path)"]) + "\n"
            + t(.surveyContinueLaterWith) + "activator survey --resume \(path)\n")
      }
      throw ExitCode(outcome == .interrupted ? 130 : 1)
    case .completed:
      Console.out("\n" + t(.surveySurveyCompleteAnswersSaved) + path + "\n\n")
      let ruleLog = DiagnosticLog()
      sources.loadRules(into: workspace)
      if let program = workspace.program(for: chosen, answeredVersion: session.sheet.surveyVersion, log: ruleLog), !workspace.log.hasErrors {
        var final = session.sheet
        final.path = path
        let assessment = Scorer.assess(final, with: program)
        Console.out(TextReport(color: color, width: Console.width).summary(assessment))
        Console.out(t(.surveyFullReport) + "activator report \(InertText.line(path)) --html report.html\n")
      } else {
        Console.out(t(.surveyRulesCouldNotBeLoaded) + "\n")
      }
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
