import ActivatorCore
import Testing

/// Files Activator writes (issue 11, defects 5 to 11): a resumed file stays what it was, a
/// failed save is said at once and loses nothing, modes and the umask are respected, a stopped
/// batch never replaces a complete output, one overwrite rule for every writer, one session per
/// answers file, and nothing typed that the reader would refuse.
@Suite(.serialized) struct FileSafetyTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/mini.yaml")

  func path(_ name: String) -> String { folder + "/" + name }
  func read(_ name: String) -> String? { Binary.read(path(name)) }

  /// A continued answers file as people leave them: comments, an `x-` key, notes, completed.
  static let continued = """
    # Answered by the planning office; checked by Ana.
    survey: mini
    survey_version: 1.0.0
    language: en
    city: {name: Testville, country: Chile}   # as registered
    completed: 2026-03-01T10:00:00Z
    x-office: {owner: planning, ticket: 4711}
    answers:
      # Open data
      portal: yes
      datasets: 120
      # Services
      online: dont_know
      channels: [web, app]
      remarks: "Fine"
    notes:
      datasets: "Counted in January."

    """

  func survey(_ arguments: [String], stdin: String) -> Run {
    Run.activator(["survey", "--survey", survey, "--lang", "en", "--plain"] + arguments, stdin: stdin, cwd: folder)
  }

  func mode(_ name: String) -> mode_t {
    var info = stat()
    return stat(path(name), &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  // MARK: - Defect 5: resuming

  @Test func resumingWithoutAChangeLeavesTheFileByteForByte() throws {
    let complete = Self.continued.replacing("  remarks:", with: "  strategy: adopted\n  remarks:")
    // Quitting is an interruption (130); input that ends before the survey does is a failure (1).
    for (stdin, status) in [("q\n", Int32(130)), ("", 1)] {
      Binary.write(path("c.yaml"), complete)
      let run = survey(["--resume", "c.yaml"], stdin: stdin)
      #expect(run.status == status, "\(run.stderr)")
      #expect(read("c.yaml") == complete)
      #expect(!FileManagerLite.exists(path(".c.yaml.lock")))
    }
  }

  @Test func resumingWithAChangeKeepsCommentsExtensionsNotesAndCompletion() throws {
    Binary.write(path("c.yaml"), Self.continued)
    let run = survey(["--resume", "c.yaml"], stdin: "3\nq\n")  // strategy: the third option, Adopted
    #expect(run.status == 130, "\(run.stderr)")
    let expected = Self.continued.replacing("  datasets: 120\n", with: "  datasets: 120\n  strategy: adopted\n")
    let text = try #require(read("c.yaml"))
    // One line added where the survey puts it; nothing else touched (started: is new too).
    #expect(text.replacing("started: \"2026-09-21T14:13:20Z\"\n", with: "") == expected, "\(text)")
  }

  // MARK: - Defect 6: failed saves

  @Test func aScriptIsStoppedAtTheFirstFailedSaveAndLosesNothing() {
    let run = survey(["--out", "gone/j.yaml", "--city", "Testville"], stdin: "1\n120\n3\n")
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "error: the answers could not be saved: gone/j.yaml: cannot write here: the folder 'gone' does not exist"))
    // Stopped before asking anything, and what there was is on stdout as an answers file.
    #expect(!run.stdout.contains("How many datasets"))
    #expect(run.stdout.contains("survey: mini\nsurvey_version: 1.0.0\n"))
  }

  @Test func aPersonIsToldAtOnceAndOfferedAnotherFile() throws {
    #expect(mkdir(path("sub"), 0o755) == 0)
    let pty = PTYProcess(
      ["survey", "--survey", survey, "--lang", "en", "--plain", "--out", "sub/j.yaml", "--city", "Testville"],
      cwd: folder)
    #expect(pty.waitFor("Does the city run an open data portal?"))
    pty.send("1\r")
    #expect(pty.waitFor("How many datasets"))
    #expect(read("sub/j.yaml")?.contains("portal: yes") == true)
    _ = unlink(path("sub/j.yaml"))
    _ = unlink(path("sub/.j.yaml.lock"))
    #expect(rmdir(path("sub")) == 0)
    pty.send("120\r")
    #expect(pty.waitFor("Could not save the answers"))
    #expect(pty.waitFor("type another file to save them to"))
    pty.send("elsewhere.yaml\r")
    #expect(pty.waitFor("Which best describes the data strategy?"))
    pty.send("q\r")
    #expect(pty.waitForExit() == 130)
    let saved = try #require(read("elsewhere.yaml"))
    #expect(saved.contains("portal: yes") && saved.contains("datasets: 120"))
  }

  @Test func theFullScreenQuestionnaireOffersAnotherFileToo() throws {
    #expect(mkdir(path("sub"), 0o755) == 0)
    let pty = PTYProcess(
      ["survey", "--survey", survey, "--lang", "en", "--out", "sub/j.yaml", "--city", "Testville"], cwd: folder)
    #expect(pty.waitFor("Three questions about open data."))
    _ = unlink(path("sub/j.yaml"))
    _ = unlink(path("sub/.j.yaml.lock"))
    #expect(rmdir(path("sub")) == 0)
    pty.press(.enter)
    #expect(pty.waitFor("Does the city run an open data portal?"))
    pty.press(.enter)  // Yes: the save fails
    #expect(pty.waitFor("Could not save the answers"))
    #expect(pty.waitFor("type another file to save them to"))
    pty.send("elsewhere.yaml")
    pty.press(.enter)
    #expect(pty.waitFor("How many datasets does the portal publish?"))
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(read("elsewhere.yaml")?.contains("portal: yes") == true)
  }

  // MARK: - Defect 7: modes

  /// Runs activator under `umask 077`.
  func private_(_ arguments: [String], stdin: String = "") -> Run {
    Run.activator(
      ["-c", "umask 077 && exec \"$0\" \"$@\"", Binary.path] + arguments, stdin: stdin, cwd: folder, binary: "/bin/sh")
  }

  @Test func newFilesHonourTheUmaskAndReplacedOnesKeepTheirMode() throws {
    #expect(private_(["template", "--survey", survey, "--out", "t.yaml"]).status == 0)
    #expect(
      private_([
        "score", Binary.root + "/Examples/valmora.yaml", Binary.root + "/Examples/kestrel-bay.yaml", "--format", "csv",
        "--out", "r.csv",
      ]).status == 0)
    #expect(
      private_(["survey", "--survey", survey, "--plain", "--out", "s.yaml", "--city", "X"], stdin: "1\nq\n").status
        == 130)
    #expect(mode("t.yaml") == 0o600 && mode("r.csv") == 0o600 && mode("s.yaml") == 0o600)
    // A 0640 answers file resumed and changed stays 0640; a 0604 report replaced stays 0604.
    Binary.write(path("c.yaml"), Self.continued)
    chmod(path("c.yaml"), 0o640)
    #expect(survey(["--resume", "c.yaml"], stdin: "3\nq\n").status == 130)
    #expect(read("c.yaml")?.contains("strategy: adopted") == true)
    #expect(mode("c.yaml") == 0o640)
    Binary.write(path("r.html"), "old report")
    chmod(path("r.html"), 0o604)
    #expect(
      Run.activator(["report", Binary.root + "/Examples/valmora.yaml", "--html", path("r.html"), "-q"], cwd: folder)
        .status == 0)
    #expect(mode("r.html") == 0o604)
  }

  // MARK: - Defect 8: stopped batches

  func batch(_ count: Int) -> String {
    let input = path("in")
    mkdir(input, 0o755)
    let good = Binary.read(Binary.root + "/Examples/valmora.yaml") ?? ""
    for index in 0..<count { Binary.write(input + "/c\(index).yaml", good) }
    return input
  }

  @Test func aFailedBatchNeverReplacesACompleteOutput() throws {
    let input = batch(30)
    #expect(Run.activator(["score", input, "--format", "csv", "--out", "r.csv", "-q"], cwd: folder).status == 0)
    let complete = try #require(read("r.csv"))
    Binary.write(input + "/c15x.yaml", "survey: [\n")
    let run = Run.activator(["score", input, "--format", "csv", "--out", "r.csv", "--fail-fast"], cwd: folder)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("--fail-fast stopped the batch, so r.csv was not written; a file already there is untouched"))
    #expect(read("r.csv") == complete)
    #expect(temporaries().isEmpty)
  }

  func temporaries() -> [String] {
    ((try? FileReading.list(folder)) ?? []).filter { $0.hasPrefix(".r.csv.") }
  }

  @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
  func aSignalRemovesTheTemporaryFileAndKeepsThePreviousOutput(_ signal: Int32) throws {
    let input = batch(400)
    Binary.write(path("r.csv"), "previous\n")
    let pty = PTYProcess(["score", input, "--format", "csv", "--out", "r.csv", "-j", "1", "-q"], cwd: folder)
    // A loaded machine (a debug build beside other builds) can take several seconds to load
    // the rules before the first write: wait up to a minute; the loop ends at the first file.
    var waited = 0
    while temporaries().isEmpty && waited < 6000 {
      usleep(10_000)
      waited += 1
    }
    #expect(!temporaries().isEmpty, "the batch never started writing")
    pty.signal(signal)
    #expect(pty.waitForExit() == 128 + signal)
    #expect(pty.waitFor("stopped by a signal"))
    #expect(temporaries().isEmpty)
    #expect(read("r.csv") == "previous\n")
    // One a killed run left (its process is gone) is removed by the next write.
    Binary.write(path(".r.csv.999999.AbCd12"), "left by kill -9")
    #expect(
      Run.activator(
        ["score", input + "/c1.yaml", input + "/c2.yaml", "--format", "csv", "--out", "r.csv", "-q"], cwd: folder
      ).status == 0)
    #expect(temporaries().isEmpty)
  }

  // MARK: - Defect 9: one overwrite rule

  @Test func noCommandReplacesAnAnswersFileOrAnInputWithoutForce() throws {
    Binary.write(path("valmora.yaml"), Binary.read(Binary.root + "/Examples/valmora.yaml") ?? "")
    Binary.write(path("answers.json"), "{\"survey\": \"mini\", \"survey_version\": \"1.0.0\", \"answers\": {}}")
    Binary.write(path("c.yaml"), Self.continued)
    symlink("valmora.yaml", path("l.csv"))
    let cases: [([String], String)] = [
      (["template", "--city", "Valmora", "--out", "valmora.yaml"], "valmora.yaml is an answers file"),
      (
        ["report", Binary.root + "/Examples/kestrel-bay.yaml", "--html", "answers.json"],
        "answers.json is an answers file"
      ),
      (
        ["report", "valmora.yaml", "--html", "l.csv"],
        "it is valmora.yaml, a file this run reads (which l.csv links to)"
      ),
      (
        [
          "score", Binary.root + "/Examples/kestrel-bay.yaml", Binary.root + "/Examples/kestrel-bay.yaml", "--format",
          "csv", "--out", "l.csv",
        ], "valmora.yaml is an answers file (which l.csv links to)"
      ),
      (
        ["survey", "--survey", survey, "--plain", "--resume", "c.yaml", "--out", "valmora.yaml"],
        "valmora.yaml is an answers file"
      ),
    ]
    let before = read("valmora.yaml")
    for (arguments, reason) in cases {
      let run = Run.activator(arguments, stdin: "q\n", cwd: folder)
      #expect(run.status == 2, "\(arguments): \(run.stderr)")
      #expect(
        run.stderr.contains("refusing to replace it: ") && run.stderr.contains(reason)
          && run.stderr.contains("add --force to replace it"), "\(run.stderr)")
    }
    #expect(read("valmora.yaml") == before)
    #expect(read("answers.json")?.hasPrefix("{\"survey\"") == true)
    let forced = Run.activator(["template", "--city", "Valmora", "--out", "valmora.yaml", "--force"], cwd: folder)
    #expect(forced.status == 0)
    #expect(read("valmora.yaml")?.contains("Valmora") == true && read("valmora.yaml") != before)
  }

  // MARK: - Defect 10: one session per file

  @Test func aSecondSessionOnTheSameFileIsRefusedWithTheHoldersPid() throws {
    Binary.write(path("c.yaml"), Self.continued)
    let first = PTYProcess(
      ["survey", "--survey", survey, "--lang", "en", "--plain", "--resume", "c.yaml"], cwd: folder)
    #expect(first.waitFor("Which best describes the data strategy?"))
    let second = survey(["--resume", "c.yaml"], stdin: "3\n")
    #expect(second.status == 2)
    #expect(
      second.stderr.contains("c.yaml is open in another questionnaire session (process \(first.pid))"),
      "\(second.stderr)")
    #expect(read("c.yaml") == Self.continued)
    first.send("3\r")
    first.send("q\r")
    #expect(first.waitForExit() == 130)
    #expect(read("c.yaml")?.contains("strategy: adopted") == true)
    // Released with the session: the next one may start.
    #expect(survey(["--resume", "c.yaml"], stdin: "q\n").status == 130)
  }

  // MARK: - Defect 11: limits at the prompt

  @Test func whatTheReaderWouldRefuseIsRefusedAtThePrompt() throws {
    let long = String(repeating: "A", count: 70_000)
    let run = survey(["--out", "l.yaml"], stdin: "\(long)\nSmallville\n\n\n\n\n1\n120\n3\ndk\n1\n\(long)\nShort\nq\n")
    #expect(run.stdout.contains("✗ This is 70000 bytes long; an answers file holds at most 65536 bytes per answer."))
    let log = DiagnosticLog()
    let registry = SurveyRegistry([try #require(SurveyLoader.load(survey, log: log))])
    let (sheet, _) = try #require(
      AnswersLoader.load(path("l.yaml"), registry: registry, log: log), "\(log.diagnostics.map(\.message))")
    #expect(sheet.city.name == "Smallville")
    #expect(sheet.values.last == .text("Short"))
  }

  // MARK: - Also fixed

  @Test func aFailedWriteSaysItCouldNotWrite() {
    let run = Run.activator(["template", "--out", "/sys/activator-test.yaml"], cwd: folder)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("permission denied (the folder or the file is not writable)")
        && !run.stderr.contains("not readable"), "\(run.stderr)")
  }

  @Test func anOversizedFileIsNamedForWhatItShouldBe() throws {
    let big = String(repeating: "# padding\n", count: (17 << 20) / 10)
    Binary.write(path("huge-rules.yaml"), "plugin: huge\nversion: 1.0.0\n" + big)
    let rules = Run.activator(["check", path("huge-rules.yaml")], cwd: folder)
    #expect(
      rules.stderr.contains("at most 16777216 are accepted (surveys, rule and catalog files may be at most 16 MiB"),
      "\(rules.stderr)")
    #expect(!rules.stderr.contains("answers file"))
    Binary.write(path("huge-answers.yaml"), "survey: mini\n" + String(big.prefix(3 << 20)))
    let answers = Run.activator(["validate", "--survey", survey, path("huge-answers.yaml")], cwd: folder)
    #expect(answers.stderr.contains("at most 2097152 are accepted (is it really an answers file?"), "\(answers.stderr)")
  }

  @Test func outputsOfActivatorInAnInputFolderAreSkippedWithANote() throws {
    let input = batch(3)
    #expect(
      Run.activator(["score", input, "--format", "json", "--out", input + "/results.json", "-q"], cwd: folder).status
        == 0)
    #expect(Run.activator(["check", "--format", "json"], cwd: Binary.root, stdoutPath: nil).status == 0)
    for arguments in [
      ["score", input, "--format", "csv"], ["validate", input], ["report", input, "--md", "-"],
      ["score", input, "--format", "json", "--out", input + "/results.json"],
    ] {
      let run = Run.activator(arguments, cwd: folder)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(
        run.stderr.contains("results.json: note: results written by activator score, not an answers file; skipped"),
        "\(run.stderr)")
    }
  }

  @Test func foldersTooDeepToSearchAreListedAndFail() throws {
    var deep = path("deep")
    mkdir(deep, 0o755)
    Binary.write(deep + "/top.yaml", Binary.read(Binary.root + "/Examples/valmora.yaml") ?? "")
    for _ in 0..<70 {
      deep += "/d"
      mkdir(deep, 0o755)
    }
    Binary.write(deep + "/hidden.yaml", Binary.read(Binary.root + "/Examples/valmora.yaml") ?? "")
    let run = Run.activator(["score", path("deep"), "--format", "csv", "-q"], cwd: folder)
    #expect(run.status == 1)
    #expect(run.stderr.contains("error: folders nested more than 64 deep are not searched"))
    #expect(run.stdout.contains("top.yaml") && !run.stdout.contains("hidden.yaml"))
  }
}

/// What the tests need of the file system beyond `FileReading`.
enum FileManagerLite {
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }
}
