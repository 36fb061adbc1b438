import ActivatorCore
import Testing

/// Issue 12, done when: a Spanish session end to end — numbers with a decimal comma and
/// thousands (one of them read two ways and asked about), a multi-select, a note, going back,
/// stopping and resuming to the end — pinned by golden files (what line mode printed in each
/// sitting, and the answers file). The same answers given with keys in the full-screen terminal
/// must write the same file, byte for byte. ACTIVATOR_RECORD_GOLDEN=1 rewrites the golden files
/// after an intended change (see `Golden`).
@Suite(.serialized) struct SpanishSessionGoldenTests {
  static let golden = Binary.root + "/Tests/Golden/questionnaire/"
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/ciudad.yaml")
  let rules = Binary.fixture("questionnaire/ciudad-rules")

  /// The first sitting: 1.500 (asked: 1500 or 1,5; 1500 meant), 12.500, 40,5 %, a note on the
  /// operations question before choosing, two channels, back to change them, then stop.
  static let firstSitting = [
    "1.500", "1", "12.500", "40,5", "+", "Informe municipal de 2024, página 12", "2", "1,2", "<", "1,3", "q",
  ]
  /// The second sitting, resumed: two barriers, a plan, its budget with a decimal comma, a
  /// remark, no targets.
  static let secondSitting = ["1,2", "1", "2,75", "Sin comentarios", "", ""]

  func lines(_ input: [String], out: String, resume: Bool) -> Run {
    let target = resume ? ["--resume", out] : ["--out", out, "--city", "Villa Clara"]
    return Run.activator(
      ["survey", "--survey", survey, "--rules", rules, "--lang", "es"] + target,
      stdin: input.joined(separator: "\n") + "\n",
      cwd: folder)
  }

  func file(_ name: String) -> String { Binary.read(folder + "/" + name) ?? "" }

  func compareWithGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    Golden.compare(text, Self.golden + name, sourceLocation: sourceLocation)
  }

  /// The transcript of a sitting as a person reads it: what was printed, then what went to stderr.
  func transcript(_ run: Run) -> String {
    "status \(run.status)\n--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
  }

  @Test func aSpanishSessionInLineModeIsItsGoldenFiles() {
    let first = lines(Self.firstSitting, out: "ciudad.yaml", resume: false)
    #expect(first.status == 130, "\(first.stderr)")
    compareWithGolden(transcript(first), "es-session-1.txt")
    compareWithGolden(file("ciudad.yaml"), "es-session-stopped.yaml")
    let second = lines(Self.secondSitting, out: "ciudad.yaml", resume: true)
    #expect(second.status == 0, "\(second.stderr)")
    compareWithGolden(transcript(second), "es-session-2.txt")
    compareWithGolden(file("ciudad.yaml").replacing(/completed: [^\n]*/, with: "completed: DATE"), "es-session.yaml")
  }

  func expectScreen(_ pty: PTYProcess, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(pty.waitFor(text), "not on the screen: \(text)\n\(pty.screen.text)", sourceLocation: sourceLocation)
  }

  func answer(_ pty: PTYProcess, _ question: String, typing text: String) {
    expectScreen(pty, question)
    pty.send(text)
    pty.press(.enter)
  }

  @Test func theSameSessionWithKeysWritesTheSameFile() {
    _ = lines(Self.firstSitting, out: "line.yaml", resume: false)
    _ = lines(Self.secondSitting, out: "line.yaml", resume: true)

    let pty = PTYProcess(
      ["survey", "--survey", survey, "--rules", rules, "--lang", "es", "--out", "tty.yaml", "--city", "Villa Clara"],
      cwd: folder)
    expectScreen(pty, "Preguntas sobre los servicios en línea.")
    pty.press(.enter)
    answer(pty, "¿Cuántas horas", typing: "1.500")
    expectScreen(pty, "¿qué número quiso decir?")
    pty.press(.enter)
    answer(pty, "¿A cuántos residentes", typing: "12.500")
    answer(pty, "¿Qué parte de los trámites", typing: "40,5")
    expectScreen(pty, "¿Cómo se coordinan")
    pty.press(.ctrlN)
    expectScreen(pty, "Nota sobre la respuesta")
    pty.send("Informe municipal de 2024, página 12")
    pty.press(.enter)
    expectScreen(pty, "✎ Informe municipal de 2024")
    pty.press(.down, .enter)
    expectScreen(pty, "¿Qué canales usan los vecinos?")
    pty.press(.space, .down, .space, .enter)
    expectScreen(pty, "Ciudadanía")
    pty.press(.ctrlB)
    expectScreen(pty, "¿Qué canales usan los vecinos?")
    pty.press(.down, .space, .down, .space, .enter)
    expectScreen(pty, "Ciudadanía")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)

    let resumed = PTYProcess(["survey", "--survey", survey, "--rules", rules, "--resume", "tty.yaml"], cwd: folder)
    expectScreen(resumed, "¿Qué obstáculos frenan")
    resumed.press(.space, .down, .space, .enter)
    expectScreen(resumed, "¿Hay un plan")
    resumed.press(.enter)
    answer(resumed, "¿Qué presupuesto anual", typing: "2,75")
    answer(resumed, "¿Algo que añadir?", typing: "Sin comentarios")
    expectScreen(resumed, "Servicios inteligentes")
    resumed.press(.enter)
    expectScreen(resumed, "Ciudadanía inteligente")
    resumed.press(.enter)
    #expect(resumed.waitForExit() == 0)
    let undated = { (text: String) in text.replacing(/completed: [^\n]*/, with: "completed: DATE") }
    #expect(!file("tty.yaml").isEmpty)
    #expect(
      undated(file("tty.yaml")) == undated(file("line.yaml")),
      "terminal:\n\(file("tty.yaml"))\nline mode:\n\(file("line.yaml"))")
  }
}
