import ActivatorCore
import Testing

/// Issue 17, done when: a full questionnaire session in French, end to end — numbers in French
/// notation (a decimal comma; a narrow no-break space or a space between thousands; "1.500" read
/// two ways and asked about), a choice found without its accents ("regie" finds "régie"), a
/// multi-select, a note, going back, stopping and resuming to the end, the targets — pinned by
/// golden files. The same answers given with keys in the full-screen terminal write the same
/// file, byte for byte.
@Suite(.serialized) struct FrenchSessionGoldenTests {
  let sitting = Sitting(fixture: "ville", language: "fr", city: "Saint-Louis")

  /// The first sitting: 1.500 (asked: 1500 or 1,5; 1,5 meant), 12 500 with a narrow no-break
  /// space, 40,5 %, a note on the operator before choosing it by words ("un" is two operators,
  /// "regie" one), two channels, back to change them, then stop.
  static let firstSitting = [
    "1.500", "2", "12\u{202F}500", "40,5", "+", "Rapport municipal 2024, page 12", "un", "regie", "1,2", "<", "1,3",
    "q",
  ]
  /// The second sitting, resumed: two barriers, a plan, its budget with a decimal comma, a
  /// remark, no targets.
  static let secondSitting = ["1,2", "1", "2,75", "Rien à signaler", "", ""]

  @Test func aFrenchSessionInLineModeIsItsGoldenFiles() {
    let first = sitting.lines(Self.firstSitting, out: "ville.yaml", resume: false)
    #expect(first.status == 130, "\(first.stderr)")
    Golden.compare(Sitting.transcript(first), Sitting.golden + "fr-session-1.txt")
    Golden.compare(sitting.file("ville.yaml"), Sitting.golden + "fr-session-stopped.yaml")
    let second = sitting.lines(Self.secondSitting, out: "ville.yaml", resume: true)
    #expect(second.status == 0, "\(second.stderr)")
    Golden.compare(Sitting.transcript(second), Sitting.golden + "fr-session-2.txt")
    Golden.compare(sitting.undated("ville.yaml"), Sitting.golden + "fr-session.yaml")
  }

  @Test func theSameSessionWithKeysWritesTheSameFile() {
    _ = sitting.lines(Self.firstSitting, out: "line.yaml", resume: false)
    _ = sitting.lines(Self.secondSitting, out: "line.yaml", resume: true)

    let pty = sitting.terminal(out: "tty.yaml")
    pty.expect("Des questions sur les démarches en ligne.")
    pty.press(.enter)
    pty.answer("Combien d’heures", typing: "1.500")
    pty.expect("quel nombre vouliez-vous")
    pty.press(.down, .enter)
    pty.answer("Combien d’habitants", typing: "12 500")
    pty.answer("Quelle part des démarches", typing: "40,5")
    pty.expect("Qui exploite les services")
    pty.press(.ctrlN)
    pty.expect("Note sur la réponse")
    pty.send("Rapport municipal 2024, page 12")
    pty.press(.enter)
    pty.expect("✎ Rapport municipal 2024")
    pty.send("regie")
    pty.expect(Message(.questionnaireFilter).text("fr") + "regie")
    #expect(pty.waitForGone("Un prestataire privé"), "\(pty.screen.text)")
    pty.expect("Une régie numérique")
    pty.press(.enter)
    pty.expect("Quels canaux les habitants")
    pty.press(.space, .down, .space, .enter)
    // The next section's page, then back from it to the channels.
    pty.expect(Message(.questionnaireEnterContinue).text("fr"))
    pty.press(.ctrlB)
    pty.expect("Quels canaux les habitants")
    pty.press(.down, .space, .down, .space, .enter)
    pty.expect(Message(.questionnaireEnterContinue).text("fr"))
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)

    let resumed = sitting.terminal(out: "tty.yaml", resume: true)
    resumed.expect("Qu’est-ce qui freine")
    resumed.press(.space, .down, .space, .enter)
    resumed.expect("Existe-t-il un plan")
    resumed.press(.enter)
    resumed.answer("Quel est le budget annuel", typing: "2,75")
    resumed.answer("Autre chose à ajouter", typing: "Rien à signaler")
    resumed.expect("Services intelligents")
    resumed.press(.enter)
    resumed.expect("Population intelligente")
    resumed.press(.enter)
    #expect(resumed.waitForExit() == 0)
    #expect(!sitting.file("tty.yaml").isEmpty)
    #expect(
      sitting.undated("tty.yaml") == sitting.undated("line.yaml"),
      "terminal:\n\(sitting.file("tty.yaml"))\nline mode:\n\(sitting.file("line.yaml"))")
  }
}
