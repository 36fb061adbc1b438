import ActivatorCore
import Testing

/// Issue 12: what the official reads — any terminal size from 40 × 12 up, notes, plain words
/// instead of ids, the targets screen, every word in the survey's language.
@Suite(.serialized) struct QuestionnaireScreenTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/ciudad.yaml")
  let rules = Binary.fixture("questionnaire/ciudad-rules")

  func terminal(_ language: String, out: String = "a.yaml", columns: Int = 100, rows: Int = 32, plain: Bool = false)
    -> PTYProcess
  {
    PTYProcess(
      ["survey", "--survey", survey, "--rules", rules, "--lang", language, "--out", out, "--city", "Villa Clara"]
        + (plain ? ["--plain"] : []), cwd: folder, columns: columns, rows: rows)
  }

  func lines(_ language: String, out: String, _ input: [String]) -> Run {
    Run.activator(
      ["survey", "--survey", survey, "--rules", rules, "--lang", language, "--out", out, "--city", "Villa Clara"],
      stdin: input.joined(separator: "\n") + "\n", cwd: folder)
  }

  func file(_ name: String) -> String { Binary.read(folder + "/" + name) ?? "" }

  func expectScreen(_ pty: PTYProcess, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(pty.waitFor(text), "not on the screen: \(text)\n\(pty.screen.text)", sourceLocation: sourceLocation)
  }

  /// No line of the screen runs into the last column (nothing was cut by the terminal).
  func expectFits(_ pty: PTYProcess, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for line in pty.lines {
      #expect(DisplayWidth.of(line) < pty.screen.columns, "too wide: \(line)", sourceLocation: sourceLocation)
    }
  }

  // MARK: - 11. Small terminals

  @Test func at40By12TheErrorTheFooterAndWrappedOptionsAreVisibleAndHelpScrolls() {
    let pty = terminal("en", columns: 40, rows: 12)
    expectScreen(pty, "Enter continue")
    pty.press(.enter)
    expectScreen(pty, "How many hours of digital")
    pty.send("abc")
    pty.press(.enter)
    // The error shows, its mark once however many lines it takes, and the keys below it.
    expectScreen(pty, "✗ Type a number, such as 72.5 or")
    #expect(pty.screen.text.filter { $0 == "✗" }.count == 1)
    expectScreen(pty, "^C save and quit")
    expectFits(pty)
    // Erasing what was typed takes the error away.
    pty.press(.backspace)
    #expect(pty.waitForGone("✗ Type a number"))
    pty.press(.ctrlU)
    for answer in ["10", "100", "50"] {
      pty.send(answer)
      pty.press(.enter)
    }
    expectScreen(pty, "How are the city's")
    // Options wrap rather than being cut where they differ.
    expectScreen(pty, "with predictive")
    expectScreen(pty, "with data shared")
    #expect(!pty.screen.text.contains("…"))
    expectFits(pty)
    // Help opens over the options and scrolls; the options' cursor does not move meanwhile.
    pty.send("?")
    expectScreen(pty, "Think of traffic, safety")
    #expect(!pty.screen.text.contains("❯"))
    expectScreen(pty, "↓")
    let first = pty.screen.text
    pty.press(.down, .down, .down, .down, .down)
    expectScreen(pty, "choose the first option.")
    #expect(pty.screen.text != first)
    pty.send("?")
    expectScreen(pty, "❯ Each service has its own control")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
  }

  @Test func at200By50TheScreenUsesTheWidthAndTheHeader() {
    let pty = terminal("es", columns: 200, rows: 50)
    expectScreen(pty, "Preguntas sobre los servicios en línea.")
    // The section's title is the header's, not repeated on its page.
    #expect(pty.lines.filter { $0 == "Servicios" }.count == 1)
    pty.press(.enter)
    expectScreen(pty, "Pregunta 1 de 9")
    // Pillars by the first word of their names in the survey's language.
    expectScreen(pty, "SER 0/5  CIU 0/4")
    #expect(pty.lines[0].hasPrefix("Encuesta de la ciudad"))
    #expect(pty.lines[0].hasSuffix("Pregunta 1 de 9"))
    expectFits(pty)
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
  }

  // MARK: - 14. Line mode: stopping, and the words it says

  @Test func lineModeOnATerminalSaysWhereTheAnswersAreOnCtrlC() {
    let pty = terminal("es", out: "l.yaml", plain: true)
    expectScreen(pty, "¿Cuántas horas")
    pty.send("12\r")
    expectScreen(pty, "¿A cuántos residentes")
    // What Ctrl-C sends in line mode, where the terminal turns it into a signal.
    pty.signal(SIGINT)
    #expect(pty.waitForExit() == 130)
    expectScreen(pty, "Se guardó 1 respuesta en l.yaml.")
    expectScreen(pty, "Continúe más tarde con: activator survey --resume l.yaml")
    #expect(file("l.yaml").contains("  training_hours: 12\n"))
  }

  @Test func lineModeSpeaksTheSurveysLanguageAndExplainsItsMarks() {
    let run = lines("es", out: "m.yaml", ["", "12", "<", "", "q"])
    #expect(run.status == 130)
    #expect(
      run.stdout.contains("  Respuesta actual: 12\nEscriba su respuesta, Enter conserva la respuesta actual, ? ayuda"))
    // The current answer is said in words, not with an asterisk.
    #expect(run.stdout.contains("Escriba su respuesta, ? ayuda, + nota, < atrás, g ir a, q guardar y salir"))
    #expect(run.stdout.contains("✗ Se necesita una respuesta, o elija «No sé»."))
    #expect(run.stderr.contains("Se guardó 1 respuesta en m.yaml."))
    let codes = lines("es", out: "n.yaml", ["1", "2", "x", "q"])
    #expect(codes.stdout.contains("  dk) No sé\n  na) No aplica\n"))
  }

  // MARK: - 9. Notes

  @Test func aNoteIsKeptWithTheAnswerInEitherDriver() {
    let pty = terminal("en", out: "tty.yaml")
    expectScreen(pty, "Enter continue")
    pty.press(.enter)
    expectScreen(pty, "How many hours")
    pty.send("3")
    pty.press(.ctrlN)
    expectScreen(pty, "Note on the answer to “How many hours of digital training did the")
    pty.send("Training office, 2025 report")
    pty.press(.enter)
    // A figure's source and year follow the note; both may be left empty.
    expectScreen(pty, "Where does the figure for")
    pty.press(.enter)
    expectScreen(pty, "Which year does the figure describe?")
    pty.press(.enter)
    // Back at the question, with what was typed before the note.
    expectScreen(pty, "✎ Training office, 2025 report")
    expectScreen(pty, "> 3")
    pty.send("0")
    pty.press(.enter)
    expectScreen(pty, "How many residents")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("tty.yaml").contains("  training_hours: 30\n"))
    #expect(file("tty.yaml").contains("notes:\n  training_hours: \"Training office, 2025 report\"\n"))

    let run = lines("en", out: "line.yaml", ["+", "Training office, 2025 report", "", "", "30", "q"])
    #expect(run.stdout.contains("+ note"))
    #expect(file("line.yaml") == file("tty.yaml"))
    // explain shows the note beside the answer a criterion read.
    let explain = Run.activator(
      ["explain", "--survey", survey, "--rules", rules, "--no-color", "tty.yaml"], cwd: folder)
    #expect(
      explain.stdout.contains(
        "training_hours = 30 hours\n          ✎ note on training_hours: Training office, 2025 report\n"),
      "\(explain.stdout)\n\(explain.stderr)")
  }

  // MARK: - 10. Plain words

  @Test func aChangeThatHidesQuestionsNamesThemInWords() {
    let run = lines("en", out: "w.yaml", ["10", "100", "50", "1", "1", "1", "1", "2", "g", "6", "4", "q"])
    #expect(
      run.stdout.contains(
        "! Your change affects later questions — now skipped (the answers are kept aside and not used): “Is there a plan to overcome them?” and “What is the plan's yearly budget, in millions?”"
      ))
    #expect(!run.stdout.contains("barrier_plan"))
  }

  // MARK: - 12. Targets

  @Test func theTargetsShowEachStagesDescriptionTodaysStageAndHelp() {
    let pty = terminal("en")
    expectScreen(pty, "Enter continue")
    pty.press(.enter)
    for (question, answer) in [("How many hours", "150"), ("How many residents", "100"), ("What share", "50")] {
      expectScreen(pty, question)
      pty.send(answer)
      pty.press(.enter)
    }
    expectScreen(pty, "How are the city's")
    pty.press(.enter)
    expectScreen(pty, "Which channels")
    pty.press(.space, .enter)
    expectScreen(pty, "Enter continue")
    pty.press(.enter)
    expectScreen(pty, "What holds digital")
    pty.press(.down, .down, .down, .space, .enter)  // none of these
    expectScreen(pty, "Anything to add?")
    pty.press(.enter)
    expectScreen(pty, "Which stage does the city aim to reach in Smart Services")
    expectScreen(pty, "place it at stage 2, Developing.")
    expectScreen(pty, "2 Developing (today)")
    // The description of the stage under the cursor.
    #expect(!pty.screen.text.contains("Digital services across the city."))
    pty.press(.up)
    expectScreen(pty, "Digital services across the city.")
    pty.send("?")
    expectScreen(pty, "A target is the stage the city aims to reach")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
  }
}
