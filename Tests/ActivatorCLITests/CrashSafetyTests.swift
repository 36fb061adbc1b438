import ActivatorCore
import Testing

/// `kill -9` at random moments, including in the middle of a save: no file is ever found half
/// written, and nothing already answered is lost. The moments come from a seeded generator, so
/// a failure can be replayed.
@Suite(.serialized) struct CrashSafetyTests {
  let survey = Binary.fixture("questionnaire/mini.yaml")
  let rules = Binary.fixture("questionnaire/mini-rules")

  /// A small seeded generator (SplitMix64): the same seed gives the same kill moments.
  struct Moments {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
  }

  func load(_ path: String) -> (AnswerSheet?, [Diagnostic]) {
    let log = DiagnosticLog()
    guard let definition = SurveyLoader.load(survey, log: log) else { return (nil, log.diagnostics) }
    let loaded = AnswersLoader.load(path, registry: SurveyRegistry([definition]), log: log)
    return (loaded?.0, log.diagnostics)
  }

  @Test func questionnaireKilledAtRandomMomentsKeepsEveryConfirmedAnswer() throws {
    var moments = Moments(state: 20_261_122)
    // The keys of the first answers, each with the text of the screen that proves it was saved.
    let steps: [(keys: String, savedWhen: String, slot: Int, value: AnswerValue)] = [
      ("\r", "How many datasets", 0, .bool(true)),
      ("300\r", "data strategy?", 1, .integer(300)),
      ("\u{1B}[B\r", "Services", 2, .choice(1)),
    ]
    // Kills that found a save half done: its temporary file was left beside the answers file.
    // The test proves something only when some did: it runs until three did (at least twelve
    // trials, at most sixty).
    var midSave = 0
    var trial = 0
    while trial < 12 || (midSave < 3 && trial < 60) {
      defer { trial += 1 }
      let folder = Binary.temporaryFolder()
      let pty = PTYProcess(
        [
          "survey", "--survey", survey, "--rules", rules, "--lang", "en", "--out", "answers.yaml", "--city",
          "Testville",
        ], cwd: folder)
      #expect(pty.waitFor("Three questions"), "trial \(trial)")
      pty.press(.enter)
      #expect(pty.waitFor("open data portal?"), "trial \(trial)")
      // Answer some questions, confirming each, then send one more answer and kill the
      // process a random few hundred microseconds later: often in the middle of its save.
      let confirmed = moments.next(below: steps.count)
      for step in steps.prefix(confirmed) {
        pty.send(step.keys)
        #expect(pty.waitFor(step.savedWhen), "trial \(trial)")
      }
      if confirmed < steps.count { pty.send(steps[confirmed].keys) }
      usleep(UInt32(moments.next(below: 1500)))
      pty.signal(SIGKILL)
      #expect(pty.waitForExit() == 128 + SIGKILL)
      if ((try? FileReading.list(folder)) ?? []).contains(where: {
        $0.hasPrefix(".answers.yaml.") && $0 != ".answers.yaml.lock"
      }) {
        midSave += 1
      }

      let path = folder + "/answers.yaml"
      guard FileReading.kind(path) == .file else {
        // Killed before the first save: nothing was confirmed either.
        #expect(confirmed == 0, "trial \(trial): answers confirmed on screen but no file")
        continue
      }
      let (sheet, diagnostics) = load(path)
      #expect(
        !diagnostics.contains { $0.severity == .error },
        "trial \(trial): a damaged answers file: \(diagnostics.map(\.message))")
      guard let sheet else { continue }
      for step in steps.prefix(confirmed) {
        #expect(sheet.values[step.slot] == step.value, "trial \(trial): lost the answer to question \(step.slot + 1)")
      }
      // And the questionnaire resumes from it.
      let resumed = PTYProcess(
        ["survey", "--survey", survey, "--rules", rules, "--lang", "en", "--resume", "answers.yaml"], cwd: folder)
      let next =
        sheet.values[2] != nil
        ? "Services"
        : sheet.values[1] != nil ? "data strategy?" : sheet.values[0] != nil ? "How many datasets" : "Three questions"
      #expect(resumed.waitFor(next), "trial \(trial): resume did not continue at '\(next)'")
      resumed.press(.ctrlC)
      _ = resumed.waitForExit()
    }
    #expect(midSave > 0, "no kill in \(trial) trials landed in the middle of a save")
  }

  /// Many copies of the examples, so that a batch takes long enough to be killed part-way.
  func corpus(copies: Int) -> String {
    let folder = Binary.temporaryFolder()
    let names = ["amani-lakes", "kestrel-bay", "puerto-alegria", "santa-lucerna", "umbra-falls", "valmora"]
    let texts = names.map { Binary.read(Binary.root + "/Examples/\($0).yaml") ?? "" }
    for copy in 0..<copies {
      for (index, text) in texts.enumerated() { Binary.write(folder + "/\(names[index])-\(copy).yaml", text) }
    }
    return folder
  }

  @Test(arguments: [
    ["score", "--format", "csv", "--out"],
    ["report", "--html"],
  ])
  func outputsKilledAtRandomMomentsAreOldOrWhole(_ command: [String]) throws {
    var moments = Moments(state: command.count == 4 ? 7 : 11)
    let input = corpus(copies: 100)
    let work = Binary.temporaryFolder()
    let target = work + "/out"
    let arguments = Array(command.prefix(1)) + [input] + Array(command.dropFirst()) + [target, "-q"]
    func temporaries() -> [String] { ((try? FileReading.list(work)) ?? []).filter { $0.hasPrefix(".out.") } }
    // The complete output, for reference, and how long it takes: kills land within that time.
    let started = ContinuousClock.now
    let complete = Run.activator(arguments, cwd: work)
    #expect(complete.status == 0, "\(complete.stderr)")
    let whole = Binary.read(target) ?? ""
    #expect(whole.count > 10_000)
    let elapsed = started.duration(to: .now).components
    let microseconds = Int(elapsed.seconds) * 1_000_000 + Int(elapsed.attoseconds / 1_000_000_000_000)
    let previous = "previous contents\n"
    // Half the kills land at a random moment of the run; the others within two milliseconds of
    // the output's temporary file appearing, in the middle of writing it. Kills that left that
    // file prove the test tried what it is named for.
    var midWrite = 0
    for trial in 0..<12 {
      Binary.write(target, previous)
      let process = PTYProcess(arguments, cwd: work)
      if trial % 2 == 0 {
        usleep(UInt32(moments.next(below: microseconds)))
      } else {
        var polls = 0
        while temporaries().isEmpty && !process.exited() && polls < 200_000 {
          usleep(50)
          polls += 1
        }
        usleep(UInt32(moments.next(below: 2000)))
      }
      process.signal(SIGKILL)
      _ = process.waitForExit()
      let found = Binary.read(target) ?? ""
      #expect(
        found == previous || found == whole,
        "trial \(trial): \(command[0]) left a partial file (\(found.utf8.count) bytes)")
      let left = temporaries()
      if !left.isEmpty { midWrite += 1 }
      for name in left { unlink(work + "/" + name) }
    }
    #expect(midWrite > 0, "no kill landed while \(command[0]) was writing its output")
  }
}
