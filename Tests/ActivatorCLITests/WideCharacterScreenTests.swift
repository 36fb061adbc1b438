import ActivatorCore
import Testing

/// Issue 17, item 3: a survey in Korean, whose Hangul takes two columns, at 40 and at 100
/// columns: nothing runs past the edge, questions and options wrap by width, the header cuts by
/// width, the answer being typed keeps its cursor in view, and typing ㅅ filters options.
@Suite(.serialized) struct WideCharacterScreenTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/hanguk.yaml")
  let rules = Binary.fixture("questionnaire/hanguk-rules")

  func terminal(columns: Int, rows: Int) -> PTYProcess {
    PTYProcess(
      ["survey", "--survey", survey, "--rules", rules, "--lang", "ko", "--out", "k\(columns).yaml", "--city", "수원"],
      cwd: folder, columns: columns, rows: rows)
  }

  func expectScreen(_ pty: PTYProcess, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(pty.waitFor(text), "not on the screen: \(text)\n\(pty.screen.text)", sourceLocation: sourceLocation)
  }

  /// No line reaches the last column, counted as the terminal counts (Hangul two columns).
  func expectFits(_ pty: PTYProcess, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for line in pty.lines {
      #expect(
        DisplayWidth.of(line) < pty.screen.columns, "too wide: \(line)\n\(pty.screen.text)",
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [(40, 14), (100, 32)])
  func aKoreanSessionFitsTheScreen(columns: Int, rows: Int) {
    let pty = terminal(columns: columns, rows: rows)
    // The section's page: its title in Hangul, cut by width where the position shares the line.
    expectScreen(pty, Message(.questionnaireEnterContinue).text("ko"))
    expectFits(pty)
    pty.press(.enter)
    // The question wraps by width: its last words are on the screen, on a line of their own at 40.
    expectScreen(pty, "운영하고 있습니까?")
    expectFits(pty)
    if columns == 40 { #expect(pty.lines.filter { $0.contains("공공데이터") }.count >= 1) }
    pty.press(.enter)
    expectScreen(pty, "총괄하는 부서는")
    expectFits(pty)
    // The long option wraps under itself rather than being cut.
    expectScreen(pty, "공개합니다")
    // Typing lone consonants filters by initials: ㅅㅇ keeps 서울 and 수원, not 대전광역시청.
    pty.send("ㅅㅇ")
    expectScreen(pty, "ㅅㅇ")
    #expect(pty.waitForGone("대전광역시청"), "\(pty.screen.text)")
    #expect(pty.screen.text.contains("서울특별시청"))
    #expect(pty.screen.text.contains("수원시청"))
    expectFits(pty)
    pty.press(.backspace, .backspace)
    expectScreen(pty, "대전광역시청")
    pty.press(.down, .enter)
    expectScreen(pty, "환경 감시")
    pty.press(.enter)
    expectScreen(pty, "측정소는 몇 곳입니까?")
    pty.send("12")
    pty.press(.enter)
    expectScreen(pty, "덧붙일 말씀이")
    // A long answer in Hangul: the line keeps within the screen and shows the end being typed.
    let typed = String(repeating: "스마트도시 ", count: 12) + "끝말"
    pty.send(typed)
    expectScreen(pty, "끝말")
    expectFits(pty)
    pty.press(.enter)
    pty.press(.ctrlC)
    #expect(pty.waitForExit() != nil)
    let saved = Binary.read(folder + "/k\(columns).yaml") ?? ""
    #expect(saved.contains("office: suwon"), "\(saved)")
    #expect(saved.contains(typed.trimmingSpaces), "\(saved)")
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var text = Substring(self)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
