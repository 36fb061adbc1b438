import ActivatorCore
import Testing

/// Drives the real binary through a pseudo-terminal (keys in, screen out) and through pipes.
@Suite(.serialized) struct QuestionnaireTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/mini.yaml")
  let rules = Binary.fixture("questionnaire/mini-rules")

  func start(_ extra: [String] = [], out: String = "answers.yaml") -> PTYProcess {
    PTYProcess(
      ["survey", "--survey", survey, "--rules", rules, "--lang", "en", "--out", out, "--city", "Testville"] + extra,
      cwd: folder)
  }

  func answers(_ name: String = "answers.yaml") -> String { Binary.read(folder + "/" + name) ?? "" }

  /// Loads an answers file with the engine, to check it is valid and see its values.
  func load(_ name: String = "answers.yaml") throws -> AnswerSheet {
    let log = DiagnosticLog()
    let registry = SurveyRegistry([try #require(SurveyLoader.load(survey, log: log))])
    let loaded = AnswersLoader.load(folder + "/" + name, registry: registry, log: log)
    #expect(!log.hasErrors, "\(log.diagnostics.map(\.message))")
    return try #require(loaded).0
  }

  /// The keys of a complete run of the mini survey, checking the screen along the way.
  func answerEverything(_ pty: PTYProcess) {
    #expect(pty.waitFor("Three questions about open data."))
    pty.press(.enter)
    #expect(pty.waitFor("Does the city run an open data portal?"))
    #expect(pty.waitFor("Question 1 of 6"))
    pty.press(.enter)  // Yes
    #expect(pty.waitFor("How many datasets does the portal publish?"))
    pty.send("9999")
    pty.press(.enter)
    #expect(pty.waitFor("Must be at most 5,000 datasets, found 9,999."))
    pty.press(.ctrlU)
    pty.send("120")
    pty.press(.enter)
    #expect(pty.waitFor("Which best describes the data strategy?"))
    pty.send("adop")  // type-ahead
    #expect(pty.waitFor("Filter: adop"))
    pty.press(.enter)
    #expect(pty.waitFor("Services"))
    pty.press(.enter)
    #expect(pty.waitFor("What share of services can be completed online?"))
    pty.press(.tab)  // to don't know
    #expect(pty.waitFor("❯ Don't know"))
    pty.press(.enter)
    #expect(pty.waitFor("Which channels do residents use?"))
    pty.press(.space, .down, .space, .enter)
    #expect(pty.waitFor("Anything to add?"))
    pty.send("Fine")
    pty.press(.enter)
    #expect(pty.waitFor("within 2 to 5 years?"))
    pty.press(.enter)  // no target for Open data
    #expect(pty.waitFor("in Services within"))
    pty.press(.up, .enter)  // target stage 3 for Services
  }

  @Test func fullRunInTheTerminalAndTheSameInLineMode() throws {
    let pty = start()
    answerEverything(pty)
    #expect(pty.waitForExit() == 0)
    #expect(pty.terminalRestored)
    #expect(pty.waitFor("Survey complete. Answers saved to answers.yaml"))
    #expect(pty.waitFor("Open data"))
    let file = answers()
    #expect(file.contains("  portal: yes\n  datasets: 120\n  strategy: adopted\n"))
    #expect(file.contains("  online: dont_know\n  channels: [web, app]\n  remarks: \"Fine\"\n"))
    #expect(file.contains("targets:\n  services: 3\n"))
    #expect(file.contains("completed: "))
    let sheet = try load()
    #expect(sheet.completed != nil)

    // Line mode, piped: the same answers give the same file, byte for byte.
    let lines = ["1", "9999", "120", "3", "dk", "1,2", "Fine", "", "3"].joined(separator: "\n") + "\n"
    let run = Run.activator(
      ["survey", "--survey", survey, "--rules", rules, "--lang", "en", "--out", "line.yaml", "--city", "Testville"],
      stdin: lines, cwd: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Must be at most 5,000 datasets, found 9,999."))
    #expect(run.stdout.contains("1) Yes"))
    let tty = answers().replacing("name: Testville", with: "")
    let line = answers("line.yaml").replacing("name: Testville", with: "")
    #expect(tty == line)
  }

  @Test func goingBackToHideAFollowUpKeepsAndFlagsItsAnswer() throws {
    let pty = start()
    #expect(pty.waitFor("Three questions"))
    pty.press(.enter)
    #expect(pty.waitFor("open data portal?"))
    pty.press(.enter)
    #expect(pty.waitFor("How many datasets"))
    pty.send("40")
    pty.press(.enter)
    #expect(pty.waitFor("data strategy?"))
    pty.press(.ctrlB)
    #expect(pty.waitFor("> 40"))
    pty.press(.ctrlB)
    #expect(pty.waitFor("Question 1 of 6"))
    pty.press(.down, .enter)  // No: the dataset question is now skipped
    #expect(pty.waitFor("Your change affects later questions"))
    #expect(pty.waitFor("now skipped (the answers are kept aside and not used): “How"))
    #expect(pty.waitFor("Question 2 of 5"))
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    let sheet = try load()
    #expect(sheet.values[0] == .bool(false))
    #expect(sheet.values[1] == .integer(40))
    #expect(sheet.review == [1])
  }

  @Test func ctrlCSavesAndResumeContinuesAtTheSameQuestion() throws {
    let pty = start()
    #expect(pty.waitFor("Three questions"))
    pty.press(.enter)
    #expect(pty.waitFor("open data portal?"))
    pty.press(.enter)
    #expect(pty.waitFor("How many datasets"))
    pty.send("7")
    pty.press(.enter)
    #expect(pty.waitFor("data strategy?"))
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(pty.terminalRestored)
    #expect(pty.waitFor("activator survey --resume answers.yaml"))
    let saved = try load()
    #expect(saved.values[0] == .bool(true))
    #expect(saved.values[1] == .integer(7))

    let resumed = PTYProcess(["survey", "--survey", survey, "--resume", "answers.yaml", "--rules", rules], cwd: folder)
    #expect(resumed.waitFor("Which best describes the data strategy?"))
    #expect(resumed.waitFor("Question 3 of 6"))
    resumed.press(.ctrlB)
    #expect(resumed.waitFor("> 7"))
    resumed.press(.ctrlC)
    #expect(resumed.waitForExit() == 130)
    let again = try load()
    #expect(again.values[1] == .integer(7))
  }

  @Test func killMinusNineLosesNothingAlreadyAnswered() throws {
    let pty = start()
    #expect(pty.waitFor("Three questions"))
    pty.press(.enter)
    #expect(pty.waitFor("open data portal?"))
    pty.press(.enter)
    #expect(pty.waitFor("How many datasets"))
    pty.send("300")
    pty.press(.enter)
    #expect(pty.waitFor("data strategy?"))
    pty.press(.down, .enter)
    #expect(pty.waitFor("Services"))
    pty.signal(SIGKILL)
    #expect(pty.waitForExit() == 128 + SIGKILL)
    let sheet = try load()
    #expect(sheet.values[0] == .bool(true))
    #expect(sheet.values[1] == .integer(300))
    #expect(sheet.values[2] == .choice(1))
    // No temporary file is left next to it either way: only the answers file.
    let entries = ((try? FileReading.list(folder)) ?? []).filter { !$0.hasPrefix(".answers.yaml.") }
    #expect(entries == ["answers.yaml"])
  }

  @Test func terminationSignalRestoresTheTerminal() {
    let pty = start()
    #expect(pty.waitFor("Three questions"))
    pty.signal(SIGTERM)
    #expect(pty.waitForExit() == 128 + SIGTERM)
    #expect(pty.terminalRestored)
  }

  @Test func lineModeSavesWhenInputEndsEarly() {
    let run = Run.activator(
      ["survey", "--survey", survey, "--lang", "es", "--out", "early.yaml", "--city", "Villa"], stdin: "1\n15\n",
      cwd: folder)
    #expect(run.status == 1)
    #expect(run.stderr.contains("Se guardaron 2 respuestas en early.yaml"))
    #expect(answers("early.yaml").contains("  datasets: 15\n"))
  }

  @Test func refusesToOverwriteAnExistingAnswersFile() {
    let kept = "survey: mini\nsurvey_version: 1.0.0\ncity: {name: Kept}\nanswers: {}\n"
    Binary.write(folder + "/taken.yaml", kept)
    let run = Run.activator(
      ["survey", "--survey", survey, "--out", "taken.yaml", "--city", "X"], stdin: "", cwd: folder)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "taken.yaml is an answers file; choose another file (or continue it with --resume taken.yaml), or add --force"))
    #expect(answers("taken.yaml") == kept)
  }
}
