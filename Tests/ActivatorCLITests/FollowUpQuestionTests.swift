import ActivatorCore
import Testing

/// Issue 12, item 3: a follow-up question (`options_from`) offers only the options ticked in the
/// earlier answer, in both drivers; changing the earlier answer afterwards takes out a follow-up
/// answer it no longer ticks, says so and asks the follow-up again (never keeps it silently); the
/// same keystrokes in both drivers write the same file, byte for byte.
@Suite(.serialized) struct FollowUpQuestionTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/follow-up.yaml")
  let rules = Binary.fixture("questionnaire/follow-up-rules")

  func arguments(_ out: String, resume: Bool) -> [String] {
    ["survey", "--survey", survey, "--rules", rules, "--lang", "en"]
      + (resume ? ["--resume", out] : ["--out", out, "--city", "Villa Clara"])
  }

  func lines(_ out: String, _ input: [String], resume: Bool = false) -> Run {
    Run.activator(arguments(out, resume: resume), stdin: input.joined(separator: "\n") + "\n", cwd: folder)
  }

  func file(_ name: String) -> String { Binary.read(folder + "/" + name) ?? "" }

  func expectScreen(_ pty: PTYProcess, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(pty.waitFor(text), "not on the screen: \(text)\n\(pty.screen.text)", sourceLocation: sourceLocation)
  }

  static let askedAgain =
    "Your change affects later questions — to answer again, as the option chosen is no longer ticked: “Which one is the biggest barrier?”"

  @Test func theFollowUpOffersOnlyWhatWasTickedAndIsAskedAgainWhenItsTickGoes() {
    let pty = PTYProcess(arguments("tty.yaml", resume: false), cwd: folder)
    expectScreen(pty, "Questions about digital inclusion.")
    pty.press(.enter)
    expectScreen(pty, "What holds digital inclusion back?")
    pty.press(.space, .down, .down, .space, .enter)
    expectScreen(pty, "Which one is the biggest barrier?")
    // The two ticked, in the survey's order, and nothing else (the last one drawn is there).
    expectScreen(pty, "A lack of devices")
    #expect(pty.screen.text.contains("The cost of connection"))
    #expect(!pty.screen.text.contains("Digital skills"), "\(pty.screen.text)")
    #expect(!pty.screen.text.contains("None of these"), "\(pty.screen.text)")
    pty.press(.down, .enter)
    expectScreen(pty, "Is there a plan to overcome them?")
    #expect(file("tty.yaml").contains("  biggest: devices\n"))
    pty.press(.ctrlB)
    expectScreen(pty, "❯ A lack of devices")
    pty.press(.ctrlB)
    expectScreen(pty, "[x] A lack of devices")
    // Untick the barrier chosen as the biggest.
    pty.press(.down, .down, .space)
    expectScreen(pty, "[ ] A lack of devices")
    pty.press(.enter)
    expectScreen(
      pty, "⚑ Your change affects later questions — to answer again, as the option chosen is no longer ticked:")
    expectScreen(pty, "Which one is the biggest barrier?")
    // Taken out of the file at once: a stop here leaves a valid file, not the old choice.
    #expect(file("tty.yaml").contains("  barriers: [cost]\n"), "\(file("tty.yaml"))")
    #expect(!file("tty.yaml").contains("biggest:"), "\(file("tty.yaml"))")
    expectScreen(pty, "The cost of connection")
    #expect(!pty.screen.text.contains("A lack of devices"), "\(pty.screen.text)")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    let validate = Run.activator(["validate", "--survey", survey, "--rules", rules, "tty.yaml"], cwd: folder)
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

    let run = lines("line.yaml", ["1,3", "2", "<", "<", "1", "q"])
    #expect(run.status == 130, "\(run.stderr)")
    #expect(
      run.stdout.contains("Which one is the biggest barrier?\n  1) The cost of connection\n  2) A lack of devices\n"),
      "\(run.stdout)")
    #expect(!run.stdout.contains("Digital skills (current answer)"))
    #expect(run.stdout.contains("! " + Self.askedAgain + "\n"), "\(run.stdout)")
    // Asked again with the one barrier still ticked, and no current answer.
    let after = run.stdout.split(separator: Self.askedAgain).last.map(String.init) ?? ""
    #expect(after.contains("Which one is the biggest barrier?\n  1) The cost of connection\n"), "\(after)")
    #expect(!after.contains("devices") && !after.contains("(current answer)"), "\(after)")
    let a = file("tty.yaml")
    #expect(!a.isEmpty)
    #expect(a == file("line.yaml"), "the terminal wrote:\n\(a)\nline mode wrote:\n\(file("line.yaml"))")
  }

  @Test func aChoiceTakenOutComesBackWhenItsOptionIsTickedAgain() {
    _ = lines("back.yaml", ["1,3", "2", "q"])
    #expect(file("back.yaml").contains("  biggest: devices\n"))
    // Resumed: devices unticked (the follow-up taken out), then ticked again before answering it.
    let run = lines("back.yaml", ["<", "<", "1", "<", "1,3", "", "q"], resume: true)
    #expect(run.stdout.contains(Self.askedAgain), "\(run.stdout)")
    #expect(run.stdout.contains("  2) A lack of devices (current answer)\n"), "\(run.stdout)")
    #expect(file("back.yaml").contains("  barriers: [cost, devices]\n  biggest: devices\n"), "\(file("back.yaml"))")
  }
}
