import ActivatorCore
import Testing

/// Issue 17, done when: a full questionnaire session in Korean, end to end — numbers in Korean
/// notation (1,500 is fifteen hundred), a choice found by initial consonants (ㅅ finds three, ㅅㅁ
/// finds 스마트도시과), a multi-select, a note, going back, stopping and resuming to the end, the
/// targets — pinned by golden files (what line mode printed in each sitting, and the answers
/// file). The same answers given with keys in the full-screen terminal, at 40 and at 100 columns,
/// write the same file, byte for byte.
@Suite(.serialized) struct KoreanSessionGoldenTests {
  let sitting = Sitting(fixture: "dosi", language: "ko", city: "수원")

  /// The first sitting: 1,500 hours, 12,500 residents, 40.5 %, a note on the lead office before
  /// choosing it by its initials (ㅅ alone is three offices, ㅅㅁ is one), two channels, back to
  /// change them, then stop.
  static let firstSitting = ["1,500", "12,500", "40.5", "+", "2024년 조직도", "ㅅ", "ㅅㅁ", "1,2", "<", "1,3", "q"]
  /// The second sitting, resumed: two barriers, a plan, its budget with decimals, a remark, no
  /// targets.
  static let secondSitting = ["1,2", "1", "2.75", "없습니다", "", ""]

  @Test func aKoreanSessionInLineModeIsItsGoldenFiles() {
    let first = sitting.lines(Self.firstSitting, out: "dosi.yaml", resume: false)
    #expect(first.status == 130, "\(first.stderr)")
    Golden.compare(Sitting.transcript(first), Sitting.golden + "ko-session-1.txt")
    Golden.compare(sitting.file("dosi.yaml"), Sitting.golden + "ko-session-stopped.yaml")
    let second = sitting.lines(Self.secondSitting, out: "dosi.yaml", resume: true)
    #expect(second.status == 0, "\(second.stderr)")
    Golden.compare(Sitting.transcript(second), Sitting.golden + "ko-session-2.txt")
    Golden.compare(sitting.undated("dosi.yaml"), Sitting.golden + "ko-session.yaml")
  }

  let enterContinues = Message(.questionnaireEnterContinue).text("ko")

  @Test(arguments: [(40, 20), (100, 32)])
  func theSameSessionWithKeysWritesTheSameFile(columns: Int, rows: Int) {
    _ = sitting.lines(Self.firstSitting, out: "line.yaml", resume: false)
    _ = sitting.lines(Self.secondSitting, out: "line.yaml", resume: true)
    let out = "tty\(columns).yaml"

    let pty = sitting.terminal(out: out, columns: columns, rows: rows)
    pty.expect("온라인 민원 서비스에")
    pty.press(.enter)
    pty.answer("지난해 시가", typing: "1,500")
    pty.answer("온라인 민원 서비스를", typing: "12,500")
    pty.answer("민원 가운데", typing: "40.5")
    pty.expect("스마트도시 사업을")
    pty.press(.ctrlN)
    pty.expect("응답에 대한 메모")
    pty.send("2024년 조직도")
    pty.press(.enter)
    pty.expect("✎ 2024년 조직도")
    // ㅅ keeps the three offices (부서, 통신, 스마트); ㅅㅁ only 스마트도시과.
    pty.send("ㅅ")
    pty.expect("검색: ㅅ")
    pty.expect("정보통신과")
    pty.send("ㅁ")
    pty.expect("검색: ㅅㅁ")
    #expect(pty.waitForGone("정보통신과"), "\(pty.screen.text)")
    pty.expect("스마트도시과")
    pty.press(.enter)
    pty.expect("주민은 어떤 창구를")
    pty.press(.space, .down, .space, .enter)
    // The next section's page, then back from it to the channels.
    pty.expect(enterContinues)
    pty.press(.ctrlB)
    pty.expect("주민은 어떤 창구를")
    pty.press(.down, .space, .down, .space, .enter)
    pty.expect(enterContinues)
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)

    let resumed = sitting.terminal(out: out, resume: true, columns: columns, rows: rows)
    resumed.expect("디지털 포용을")
    resumed.press(.space, .down, .space, .enter)
    resumed.expect("그 장애를 해소할")
    resumed.press(.enter)
    resumed.answer("연간 예산은", typing: "2.75")
    resumed.answer("덧붙일 말씀이", typing: "없습니다")
    resumed.expect("스마트 서비스")
    resumed.press(.enter)
    resumed.expect("스마트 시민")
    resumed.press(.enter)
    #expect(resumed.waitForExit() == 0)
    #expect(!sitting.file(out).isEmpty)
    #expect(
      sitting.undated(out) == sitting.undated("line.yaml"),
      "terminal:\n\(sitting.file(out))\nline mode:\n\(sitting.file("line.yaml"))")
  }
}
