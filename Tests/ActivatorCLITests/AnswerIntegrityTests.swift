import ActivatorCore
import Testing

/// Issue 12: every recorded answer is what the official meant. Each test drives the real binary
/// on a pseudo-terminal and, where the same answers can be given in line mode, pipes the same
/// choices to line mode and requires the two files to be byte for byte the same.
@Suite(.serialized) struct AnswerIntegrityTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/ciudad.yaml")
  let rules = Binary.fixture("questionnaire/ciudad-rules")

  func terminal(_ language: String, out: String, columns: Int = 100, rows: Int = 32, resume: Bool = false) -> PTYProcess
  {
    let target = resume ? ["--resume", out] : ["--out", out, "--city", "Villa Clara"]
    return PTYProcess(
      ["survey", "--survey", survey, "--rules", rules, "--lang", language] + target, cwd: folder, columns: columns,
      rows: rows)
  }

  func lines(_ language: String, out: String, _ input: [String], resume: Bool = false) -> Run {
    let target = resume ? ["--resume", out] : ["--out", out, "--city", "Villa Clara"]
    return Run.activator(
      ["survey", "--survey", survey, "--rules", rules, "--lang", language] + target,
      stdin: input.joined(separator: "\n") + "\n", cwd: folder)
  }

  func file(_ name: String) -> String { Binary.read(folder + "/" + name) ?? "" }

  /// Both files exist and are the same, byte for byte.
  func expectSameFiles(_ tty: String, _ line: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let a = file(tty)
    let b = file(line)
    #expect(!a.isEmpty, "no file \(tty)", sourceLocation: sourceLocation)
    #expect(a == b, "the terminal wrote:\n\(a)\nline mode wrote:\n\(b)", sourceLocation: sourceLocation)
  }

  func expectScreen(_ pty: PTYProcess, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(pty.waitFor(text), "not on the screen: \(text)\n\(pty.screen.text)", sourceLocation: sourceLocation)
  }

  // MARK: - 1. Numbers as each language writes them

  @Test func spanishNumbersAreReadAsSpanishWritesThemAndAmbiguityIsAsked() {
    let pty = terminal("es", out: "tty.yaml")
    expectScreen(pty, "Preguntas sobre los servicios en línea.")
    pty.press(.enter)
    expectScreen(pty, "¿Cuántas horas de formación digital")
    // The hint is in Spanish notation.
    expectScreen(pty, "un número, de 0 a 10\u{00A0}000, horas")
    pty.send("1.500")
    pty.press(.enter)
    // Both readings fit from 0 to 10,000: the official says which was meant.
    expectScreen(pty, "Escribió «1.500»: ¿qué número quiso decir?")
    expectScreen(pty, "1500 horas")
    expectScreen(pty, "1,5 horas")
    pty.press(.enter)
    expectScreen(pty, "¿A cuántos residentes")
    pty.send("60.000.000")
    pty.press(.enter)
    expectScreen(pty, "Debe ser como máximo 50\u{00A0}000\u{00A0}000 residentes; se encontró 60\u{00A0}000\u{00A0}000.")
    pty.press(.ctrlU)
    // A whole number: only one reading fits, so nothing is asked.
    pty.send("12.500")
    pty.press(.enter)
    expectScreen(pty, "¿Qué parte de los trámites")
    pty.send("40,5")
    pty.press(.enter)
    expectScreen(pty, "¿Cómo se coordinan")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("tty.yaml").contains("  training_hours: 1500\n  residents_served: 12500\n  online_share: 40.5\n"))

    let run = lines("es", out: "line.yaml", ["1.500", "1", "60.000.000", "12.500", "40,5", "q"])
    #expect(run.status == 130, "\(run.stderr)")
    #expect(run.stdout.contains("Escribió «1.500»: ¿qué número quiso decir?\n  1) 1500 horas\n  2) 1,5 horas\n"))
    expectSameFiles("tty.yaml", "line.yaml")
  }

  @Test func englishReadsThousandsSeparatorsAndSaysHowToWriteDecimals() {
    let pty = terminal("en", out: "tty.yaml")
    expectScreen(pty, "Questions about online services.")
    pty.press(.enter)
    expectScreen(pty, "a number, from 0 to 10,000, hours")
    pty.send("72,5")
    pty.press(.enter)
    expectScreen(pty, "✗ Type a number, such as 72.5 or 12,500.")
    pty.press(.ctrlU)
    pty.send("1,200.5")
    pty.press(.enter)
    expectScreen(pty, "How many residents")
    expectScreen(pty, "a whole number, from 0 to 50,000,000, residents")
    pty.send("1,200")
    pty.press(.enter)
    expectScreen(pty, "What share of procedures")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("tty.yaml").contains("  training_hours: 1200.5\n  residents_served: 1200\n"))

    let run = lines("en", out: "line.yaml", ["72,5", "1,200.5", "1,200", "q"])
    #expect(run.stdout.contains("✗ Type a number, such as 72.5 or 12,500."))
    expectSameFiles("tty.yaml", "line.yaml")
  }

  @Test func anAnswerShownAgainIsInTheLanguagesNotationAndKeptAsItWas() {
    _ = lines("es", out: "a.yaml", ["0,125", "q"])
    #expect(file("a.yaml").contains("  training_hours: 0.125\n"))
    let pty = terminal("es", out: "a.yaml", resume: true)
    expectScreen(pty, "¿A cuántos residentes")
    pty.press(.ctrlB)
    expectScreen(pty, "> 0,125")
    // Confirmed unchanged, it is not read again (0,125 could also be read as 125).
    pty.press(.enter)
    expectScreen(pty, "¿A cuántos residentes")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("a.yaml").contains("  training_hours: 0.125\n"))
  }

  // MARK: - 2 and 4. Multi-select: nothing ticked, options that go on their own

  /// Up to the channels question, answering the three before it alike in both drivers.
  static let toChannels = ["10", "100", "50", "1"]

  func openChannels(_ pty: PTYProcess) {
    expectScreen(pty, "Questions about online services.")
    pty.press(.enter)
    for (question, answer) in zip(
      ["How many hours", "How many residents", "What share of procedures"], Self.toChannels)
    {
      expectScreen(pty, question)
      pty.send(answer)
      pty.press(.enter)
    }
    expectScreen(pty, "How are the city's services run together?")
    pty.press(.enter)
    expectScreen(pty, "Which channels do residents use?")
  }

  @Test func nothingTickedIsNotAnAnswerInEitherDriver() {
    let pty = terminal("en", out: "tty.yaml")
    openChannels(pty)
    // Where the survey has no "none" option but an empty answer is allowed, one is offered.
    expectScreen(pty, "[ ] None of these")
    pty.press(.enter)
    expectScreen(pty, "✗ Nothing is chosen yet: choose the options that apply, or “None of these” or “Don't know”.")
    #expect(!file("tty.yaml").contains("channels"))
    pty.press(.down, .down, .down, .space, .enter)
    expectScreen(pty, "Enter continue")  // the People section's page
    pty.press(.enter)
    expectScreen(pty, "What holds digital inclusion back?")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("tty.yaml").contains("  channels: []\n"))

    let run = lines("en", out: "line.yaml", Self.toChannels + ["", "4", "q"])
    #expect(run.stdout.contains("  4) None of these (on its own)\n"))
    #expect(
      run.stdout.contains("✗ Nothing is chosen yet: choose the options that apply, or “None of these” or “Don't know”.")
    )
    expectSameFiles("tty.yaml", "line.yaml")
  }

  @Test func anOptionOnItsOwnSaysWhatItUntickedAndGivesTheTicksBack() {
    let pty = terminal("en", out: "tty.yaml")
    openChannels(pty)
    pty.press(.space, .enter)
    expectScreen(pty, "Enter continue")  // the People section's page
    pty.press(.enter)
    expectScreen(pty, "What holds digital inclusion back?")
    pty.press(.space, .down, .space)
    expectScreen(pty, "[x] Digital skills")
    pty.press(.down, .down, .space)
    expectScreen(pty, "“None of these” goes on its own, so “The cost of connection” and “Digital skills” were unticked")
    expectScreen(pty, "[ ] The cost of connection")
    pty.press(.space)
    expectScreen(pty, "Ticked again: “The cost of connection” and “Digital skills”")
    expectScreen(pty, "[x] The cost of connection")
    expectScreen(pty, "[ ] None of these")
    pty.press(.enter)
    expectScreen(pty, "Is there a plan to overcome them?")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("tty.yaml").contains("  barriers: [cost, skills]\n"))

    let run = lines("en", out: "line.yaml", Self.toChannels + ["1", "1,2,4", "1,2", "q"])
    #expect(run.stdout.contains("  4) None of these (on its own)\n"))
    #expect(run.stdout.contains("✗ “None of these” cannot be combined with other options."))
    expectSameFiles("tty.yaml", "line.yaml")
  }

  // MARK: - 9. The source and year of a figure

  @Test func aFigureTakesASourceAndAYearAfterItsNoteInBothDrivers() {
    let pty = terminal("en", out: "tty.yaml")
    expectScreen(pty, "Questions about online services.")
    pty.press(.enter)
    expectScreen(pty, "How many hours")
    pty.send("10")
    pty.press(.ctrlN)
    expectScreen(pty, "Note on the answer to")
    pty.send("From the training register")
    pty.press(.enter)
    expectScreen(pty, "Where does the figure for “How many hours of digital training")
    pty.send("Training office register")
    pty.press(.enter)
    expectScreen(pty, "Which year does the figure describe? (optional)")
    expectScreen(pty, "a year from 1900 to 2026")
    // Later than the survey's own date: refused, as validate would refuse it.
    pty.send("2031")
    pty.press(.enter)
    expectScreen(pty, "✗ Type a year from 1900 to 2026, or leave it empty.")
    pty.press(.ctrlU)
    pty.send("2024")
    pty.press(.enter)
    // Back at the question, the figure still typed, its note and evidence shown under it.
    expectScreen(pty, "✎ Source: Training office register; year 2024")
    expectScreen(pty, "> 10")
    pty.press(.enter)
    expectScreen(pty, "How many residents")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    let saved = file("tty.yaml")
    #expect(saved.contains("\nnotes:\n  training_hours: \"From the training register\"\n"), "\(saved)")
    #expect(
      saved.contains("\nevidence:\n  training_hours: {source: \"Training office register\", year: 2024}\n"), "\(saved)")

    let run = lines(
      "en", out: "line.yaml",
      ["+", "From the training register", "Training office register", "2031", "2024", "10", "q"])
    #expect(run.stdout.contains("✗ Type a year from 1900 to 2026, or leave it empty."), "\(run.stdout)")
    #expect(run.stdout.contains("  Source: Training office register; year 2024\n"), "\(run.stdout)")
    expectSameFiles("tty.yaml", "line.yaml")

    // Resumed: shown again and kept; the source removed with '-', the note and year kept.
    let resumed = lines("en", out: "line.yaml", ["<", "+", "", "-", "", "", "q"], resume: true)
    #expect(resumed.stdout.contains("  Source: Training office register; year 2024\n"), "\(resumed.stdout)")
    #expect(file("line.yaml").contains("\nevidence:\n  training_hours: {year: 2024}\n"), "\(file("line.yaml"))")
    #expect(file("line.yaml").contains("  training_hours: \"From the training register\"\n"))
    // A question that is not a figure takes a note only.
    let choice = lines("en", out: "choice.yaml", ["10", "100", "50", "+", "Council minutes", "1", "q"])
    #expect(!choice.stdout.contains("Where does the figure"), "\(choice.stdout)")
    #expect(!file("choice.yaml").contains("evidence:"))
  }

  // MARK: - 5. A finished file stays finished

  /// Every question answered in line mode, the survey completed.
  static let everything = ["10", "100", "50", "1", "1", "4", "Fine", "", "", "q"]

  @Test func aCompletedFileResumedAndLeftIsByteForByteTheSame() {
    let done = lines("en", out: "done.yaml", Array(Self.everything.dropLast()))
    #expect(done.status == 0, "\(done.stderr)")
    let before = file("done.yaml")
    #expect(before.contains("completed: "))
    // Resumed in the terminal and left at the first screen (the targets): not a byte changes.
    let pty = terminal("en", out: "done.yaml", resume: true)
    expectScreen(pty, "Which stage does the city aim to reach in Smart Services")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("done.yaml") == before)
    // Resumed to the end without a change: still the same.
    let again = lines("en", out: "done.yaml", ["", ""], resume: true)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(file("done.yaml") == before)
  }

  /// A resumed file is written only when it changes; an answer changed and then changed back
  /// is saved back too (the file on disk held the change by then).
  @Test func anAnswerChangedAndChangedBackIsSavedBack() {
    _ = lines("en", out: "back.yaml", ["10", "q"])
    let before = file("back.yaml")
    let run = lines("en", out: "back.yaml", ["<", "20", "<", "10", "q"], resume: true)
    #expect(run.status == 130, "\(run.stderr)")
    #expect(file("back.yaml") == before, "\(file("back.yaml"))")
  }

  @Test func changingAnAnswerOfACompletedFileAsksWhetherToReopenIt() {
    _ = lines("en", out: "keep.yaml", Array(Self.everything.dropLast()))
    _ = lines("en", out: "reopen.yaml", Array(Self.everything.dropLast()))
    let pty = terminal("en", out: "keep.yaml", resume: true)
    expectScreen(pty, "Which stage does the city aim to reach in Smart Services")
    pty.press(.ctrlG)
    expectScreen(pty, "Go to which question?")
    pty.press(.enter)  // the first question
    expectScreen(pty, "How many hours")
    pty.press(.ctrlU)
    pty.send("20")
    pty.press(.enter)
    expectScreen(pty, "This file was marked complete on")
    expectScreen(pty, "Your change is saved")
    pty.press(.enter)  // keep it complete
    expectScreen(pty, "How many residents")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("keep.yaml").contains("  training_hours: 20\n"))
    #expect(file("keep.yaml").contains("completed: "))

    let run = lines("en", out: "reopen.yaml", ["g", "1", "20", "2", "q"], resume: true)
    #expect(run.stdout.contains("should the file stay complete?"))
    #expect(file("reopen.yaml").contains("  training_hours: 20\n"))
    #expect(!file("reopen.yaml").contains("completed: "))
  }

  // MARK: - 6. Complete or incomplete

  @Test func validateSaysWhetherEachFileIsCompleteAndCanRequireIt() {
    let template = Run.activator(
      ["template", "--survey", survey, "--lang", "en", "--city", "Villa Clara", "--out", "t.yaml"], cwd: folder)
    #expect(template.status == 0, "\(template.stderr)")
    #expect(file("t.yaml").contains("marked complete"))
    #expect(file("t.yaml").contains("\ncompleted:\n"))
    _ = lines("en", out: "done.yaml", Array(Self.everything.dropLast()))
    let arguments = ["validate", "--survey", survey, "--rules", rules]
    let run = Run.activator(arguments + ["t.yaml", "done.yaml"], cwd: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains("t.yaml: incomplete — 8 required questions still unanswered; 0 answered and 9 unanswered\n"))
    #expect(run.stdout.contains("done.yaml: complete — "))
    #expect(run.stdout.contains("2 files: 1 complete, 1 incomplete, 0 not valid\n"))
    let strict = Run.activator(arguments + ["--require-complete", "t.yaml", "done.yaml"], cwd: folder)
    #expect(strict.status == 1)
    #expect(Run.activator(arguments + ["--require-complete", "done.yaml"], cwd: folder).status == 0)
    // In the file's own language, and a number written with a comma says how to write it.
    Binary.write(
      folder + "/es.yaml",
      file("done.yaml").replacing("language: en", with: "language: es").replacing(
        "training_hours: 10", with: "training_hours: 72,5"))
    let spanish = Run.activator(arguments + ["es.yaml"], cwd: folder)
    #expect(spanish.status == 1)
    #expect(
      spanish.stderr.contains(
        "se encontró '72,5': escríbalo como 72.5: los archivos de respuestas llevan punto antes de los decimales"))
    #expect(spanish.stdout.contains("es.yaml: no válido — 1 error\n"))
    // Each count agrees with its own number (CLDR plurals through the catalogue).
    let totals = Run.activator(arguments + ["--lang", "es", "t.yaml", "done.yaml"], cwd: folder)
    #expect(totals.stdout.contains("2 archivos: 1 completo, 1 incompleto, 0 no válidos\n"), "\(totals.stdout)")
    _ = lines("es", out: "one.yaml", ["10", "q"])
    _ = lines("es", out: "skip.yaml", ["10", "100", "50", "1", "1", "1", "2", "q"])
    let counts = Run.activator(arguments + ["one.yaml", "skip.yaml"], cwd: folder)
    #expect(
      counts.stdout.contains(
        "one.yaml: incompleto — falta responder 7 preguntas obligatorias; 1 respondida y 8 sin respuesta\n"),
      "\(counts.stdout)")
    #expect(
      counts.stdout.contains(
        "skip.yaml: completo — 7 respondidas, 1 sin respuesta y 1 omitida por la lógica de salto;"), "\(counts.stdout)")
  }

  // MARK: - 15 and 10. The template: no stages beside the options, conditions in words

  @Test func theTemplateHidesTheStagesAndSaysConditionsInWords() {
    let plain = Run.activator(["template", "--survey", survey, "--lang", "en"], cwd: folder)
    #expect(!plain.stdout.contains("[stage"))
    #expect(plain.stdout.contains("- shared — An integrated centre with data shared across services\n"))
    #expect(plain.stdout.contains("#    Only if “None of these” is not ticked in question 6.\n"))
    #expect(plain.stdout.contains("#    Only if question 7 is answered “yes”.\n"))
    #expect(plain.stdout.contains("\nnotes:\n"))
    let authors = Run.activator(["template", "--survey", survey, "--lang", "es", "--show-levels"], cwd: folder)
    #expect(authors.stdout.contains("- shared — Un centro integrado con datos compartidos entre servicios [etapa 2]\n"))
    #expect(authors.stdout.contains("#    Solo si en la pregunta 6 no se marca «Ninguno de estos».\n"))
  }
}
