import ActivatorCore
import Testing

/// Issue 17, item 4: a survey in Arabic (Tests/Fixtures/rtl) reads right to left. Its direction
/// comes from the `direction:` of Messages/ar.yaml's locale block; numbers, ids, units and Latin
/// names are isolated (`<bdi>` in HTML, FSI … PDI in Markdown); the layout uses logical
/// properties, so it mirrors. Golden files under Tests/Golden/reports/rtl-*.
@Suite struct RightToLeftTests {
  let folder = Binary.temporaryFolder()

  func report(_ extra: [String] = []) -> (html: String, md: String, run: Run) {
    let run = Run.activator(
      [
        "report", "Tests/Fixtures/rtl/al-madina.yaml", "--survey", "Tests/Fixtures/rtl/madina.yaml", "--rules",
        "Tests/Fixtures/rtl/madina-rules",
        "--html", folder + "/out.html", "--md", folder + "/out.md",
      ] + extra,
      cwd: Binary.root, environment: ["SOURCE_DATE_EPOCH": "1796083200"])
    return (Binary.read(folder + "/out.html") ?? "", Binary.read(folder + "/out.md") ?? "", run)
  }

  @Test func theArabicReportIsRightToLeftWithIsolatedNumbersAndNames() {
    let (html, md, run) = report()
    #expect(run.status == 0, "\(run.stderr)")
    #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
    #expect(MarkupChecker(html).isWellFormed, "\(MarkupChecker(html).problems)")
    // The Latin acronym and the figures inside Arabic text keep their order.
    #expect(html.contains("<bdi>BRT</bdi>"), "\(html)")
    #expect(html.contains("ديسمبر <bdi>2026</bdi>"), "the date in Arabic, the year isolated")
    // No physical sides in the stylesheet: the layout mirrors.
    for side in [
      "text-align: left", "text-align: right", "margin-left", "margin-right", "padding-left", "padding-right",
    ] {
      #expect(!html.contains(side), "\(side)")
    }
    // SVG has no <bdi>.
    for svg in MarkupChecker.svgs(in: html) { #expect(!svg.contains("<bdi>")) }
    #expect(md.contains("\u{2068}BRT\u{2069}"), "\(md)")
    Golden.compare(html, Binary.root + "/Tests/Golden/reports/rtl-madina.html")
    Golden.compare(md, Binary.root + "/Tests/Golden/reports/rtl-madina.md")
  }

  @Test func aLeftToRightReportIsNotIsolated() {
    let (html, _, run) = report(["--lang", "en"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
    #expect(!html.contains("<bdi>"))
  }

  /// Item 4, "in line mode" and the terminal's text report: numbers, ids, units and Latin names
  /// isolated with FSI … PDI when the survey's language is right to left, never otherwise, and
  /// never in files that are data (the answers file, CSV, JSON).
  @Test func lineModeAndTheTextReportIsolateLeftToRightRunsInArabicOnly() {
    let survey = ["--survey", "Tests/Fixtures/rtl/madina.yaml", "--rules", "Tests/Fixtures/rtl/madina-rules"]
    let isolates = { (text: String) in text.unicodeScalars.contains { $0 == "\u{2068}" || $0 == "\u{2069}" } }
    for language in ["ar", "en"] {
      let out = folder + "/line-\(language).yaml"
      let run = Run.activator(
        ["survey"] + survey + ["--lang", language, "--out", out, "--city", "Muscat"],
        stdin: "1\n35\n12.5\n2\n\n\n", cwd: Binary.root)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(isolates(run.stdout) == (language == "ar"), "\(language): \(run.stdout)")
      #expect(!isolates(Binary.read(out) ?? ""), "\(Binary.read(out) ?? "")")
      if language == "ar" {
        #expect(run.stdout.contains("الحافلات السريعة \u{2068}BRT\u{2069}؟"), "\(run.stdout)")
        #expect(run.stdout.contains("[\u{2068}3/4\u{2069}] "), "\(run.stdout)")
      }
    }
    let answers = "Tests/Fixtures/rtl/al-madina.yaml"
    let explain = Run.activator(["explain", answers] + survey, cwd: Binary.root)
    #expect(explain.status == 0, "\(explain.stderr)")
    #expect(explain.stdout.contains("\u{2068}BRT\u{2069}"), "\(explain.stdout)")
    let score = Run.activator(["score", answers] + survey, cwd: Binary.root)
    #expect(isolates(score.stdout), "\(score.stdout)")
    #expect(!isolates(Run.activator(["explain", answers, "--lang", "en"] + survey, cwd: Binary.root).stdout))
    for format in ["csv", "json", "jsonl"] {
      let data = Run.activator(["score", answers, "--format", format] + survey, cwd: Binary.root)
      #expect(data.status == 0, "\(format): \(data.stderr)")
      #expect(!isolates(data.stdout), "\(format): \(data.stdout)")
    }
  }

  /// The full-screen questionnaire isolates left-to-right runs as line mode does, from the same
  /// helper, in Arabic only; the isolates take no column, so the layout is the same as without.
  @Test(arguments: [(40, 14), (100, 32)])
  func theFullScreenQuestionnaireIsolatesLeftToRightRunsInArabicOnly(columns: Int, rows: Int) {
    var screens: [String: [String]] = [:]
    for language in ["ar", "en"] {
      let pty = PTYProcess(
        [
          "survey", "--survey", Binary.fixture("rtl/madina.yaml"), "--rules", Binary.fixture("rtl/madina-rules"),
          "--lang", language, "--out", "screen-\(language).yaml", "--city", "Muscat",
        ], cwd: folder, columns: columns, rows: rows)
      let question = language == "ar" ? "الحافلات السريعة" : "How long are the BRT lines?"
      // The section's page, yes to the portal, 35% online, the next section's page, then the
      // question with a Latin acronym inside Arabic.
      #expect(pty.waitFor("Enter continue"), "\(pty.screen.text)")
      pty.press(.enter)
      #expect(pty.waitFor(language == "ar" ? "هل تدير المدينة" : "open data portal"), "\(pty.screen.text)")
      pty.press(.enter)
      #expect(pty.waitFor("0 to 100"), "\(pty.screen.text)")
      pty.send("35")
      pty.press(.enter)
      #expect(pty.waitFor(language == "ar" ? "النقل العام" : "Public transport"), "\(pty.screen.text)")
      pty.press(.enter)
      #expect(pty.waitFor(question), "\(pty.screen.text)")
      let output = String(decoding: pty.transcript, as: UTF8.self)
      let isolates = output.unicodeScalars.contains { $0 == "\u{2068}" || $0 == "\u{2069}" }
      #expect(isolates == (language == "ar"), "\(language): \(output.debugDescription)")
      if language == "ar" {
        #expect(output.contains("\u{2068}BRT\u{2069}؟"), "\(output.debugDescription)")
      }
      for line in pty.lines {
        #expect(DisplayWidth.of(line) < columns, "too wide: \(line)")
      }
      screens[language] = pty.lines
      pty.press(.ctrlC)
      #expect(pty.waitForExit() != nil)
      #expect(!(Binary.read(folder + "/screen-\(language).yaml") ?? "").contains("\u{2068}"))
    }
    // The isolates take no cell: the acronym and the question mark read on the screen as written.
    let arabic = screens["ar"] ?? []
    #expect(arabic.contains { $0.contains("BRT؟") }, "\(arabic)")
  }

  @Test func aFileCannotSmuggleItsOwnIsolatesIntoTheTerminal() {
    let text = Bidi.isolatedInTerminal(InertText.terminal("مدينة \u{2068}X\u{2069} 12", keepingStyle: true))
    // The file's isolates are shown as text; the only real ones are Activator's.
    #expect(text.unicodeScalars.filter { $0 == "\u{2068}" }.count == 1, "\(text.debugDescription)")
    #expect(text.unicodeScalars.filter { $0 == "\u{2069}" }.count == 1, "\(text.debugDescription)")
    #expect(text.contains("u{2068}X\\u{2069} 12\u{2069}"), "\(text.debugDescription)")
    #expect(
      Bidi.isolatedInTerminal("\u{1B}[1mمدينة 12\u{1B}[0m\nسطر") == "\u{1B}[1mمدينة \u{2068}12\u{2069}\u{1B}[0m\nسطر")
  }

  @Test func isolationWrapsEachLeftToRightRun() {
    let text = Bidi.isolatingLeftToRightRuns("طول خطوط BRT هو 12.5 كم (ISO 37120)", escape: { $0 }) { "[" + $0 + "]" }
    #expect(text == "طول خطوط [BRT] هو [12.5] كم ([ISO 37120])")
    #expect(Bidi.isolatingLeftToRightRuns("35% من الخدمات", escape: { $0 }) { "[" + $0 + "]" } == "[35%] من الخدمات")
    #expect(
      Bidi.isolatingLeftToRightRuns("Score 2 (confidence high)", escape: { $0 }) { "<" + $0 + ">" }
        == "<Score 2 (confidence high)>")
  }
}
