import ActivatorCore
import Testing

@testable import ActivatorTerminal

/// How the questionnaire reads what the official typed and ticked (issue 12, items 1, 2, 4, 5
/// and 7), with no terminal: the reading of typed numbers, the tick list, the review and a
/// completed file.
@Suite struct AnswerReadingTests {
  static let survey: Survey? = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return SurveyLoader.load(path + "/Tests/Fixtures/questionnaire/ciudad.yaml", log: DiagnosticLog())
  }()

  func question(_ id: String) throws -> Question { try #require(Self.survey?.question(id)) }

  @Test func typedNumbersAreReadInTheLanguageAndOnlyReadingsThatFitCount() throws {
    let hours = try question("training_hours")  // decimal, 0 to 10,000
    let residents = try question("residents_served")  // integer
    let share = try question("online_share")  // percent
    #expect(AnswerInput.parse("1.500", for: hours, language: "es") == .ambiguous([.decimal(1500), .decimal(1.5)]))
    #expect(AnswerInput.parse("1.500", for: residents, language: "es") == .value(.integer(1500)))
    #expect(AnswerInput.parse("1.500", for: share, language: "es") == .value(.decimal(1.5)))
    #expect(AnswerInput.parse("40,5 %", for: share, language: "es") == .value(.decimal(40.5)))
    #expect(AnswerInput.parse("1,200", for: residents, language: "en") == .value(.integer(1200)))
    #expect(AnswerInput.parse("1.500", for: hours, language: "en") == .value(.decimal(1.5)))
    #expect(AnswerInput.parse("dont_know", for: hours, language: "es") == .value(.missing(.dontKnow)))
    guard case .invalid(let message) = AnswerInput.parse("72,5", for: hours, language: "en") else {
      Issue.record("72,5 was read in English")
      return
    }
    #expect(message.text("en") == "Type a number, such as 72.5 or 12,500")
    guard case .invalid(let range) = AnswerInput.parse("20.000", for: hours, language: "es") else { return }
    #expect(range.text("es") == "debe ser como máximo 10\u{00A0}000 horas; se encontró 20\u{00A0}000")
  }

  @Test func anOptionOnItsOwnUnticksTheOthersAndGivesThemBack() {
    let items = [
      Prompt.Item("a"), Prompt.Item("b"), Prompt.Item("none", role: .exclusive), Prompt.Item("dk", role: .code),
    ]
    var state = SelectState(items: items, multi: true, selected: [], locale: Localizer("en").locale)
    state.toggle()
    state.move(1)
    state.toggle()
    #expect(state.checked == [0, 1])
    state.move(1)
    state.toggle()
    #expect(state.checked == [2])
    #expect(state.effect == .cleared(by: 2, [0, 1]))
    state.toggle()
    #expect(state.checked == [0, 1])
    #expect(state.effect == .restored([0, 1]))
    state.move(1)
    state.toggle()  // don't know
    state.move(-3)
    state.toggle()  // a: don't know goes
    #expect(state.checked == [0])
    #expect(state.effect == .unticked(3))
    // Enter with nothing ticked chooses nothing, except on an item that stands alone.
    var empty = SelectState(items: items, multi: true, selected: [], locale: Localizer("en").locale)
    #expect(empty.result == [])
    empty.move(2)
    #expect(empty.result == [2])
  }

  @Test func pillarLabelsTakeTheFirstWordNotEveryNameShares() {
    #expect(PillarLabels.short(["Smart Government", "Smart People", "Smart Economy"]) == ["GOV", "PEO", "ECO"])
    #expect(
      PillarLabels.short(["Gobierno inteligente", "Ciudadanía inteligente", "Medio ambiente inteligente"]) == [
        "GOB", "CIU", "MED",
      ])
    // Labels that would clash grow until they differ.
    #expect(PillarLabels.short(["Movilidad urbana", "Movimiento vecinal"]) == ["MOVIL", "MOVIM"])
  }

  /// Runs the ciudad survey with a script (no file is written).
  func run(_ script: [PromptResult], sheet: AnswerSheet? = nil) throws -> (
    Questionnaire.Outcome, ScriptedDriver, QuestionnaireSession
  ) {
    let survey = try #require(Self.survey)
    let blank = sheet ?? AnswerSheet.blank(for: survey, language: "en", city: City(name: "Villa"), path: "")
    let session = QuestionnaireSession(survey: survey, sheet: blank, journalPath: "")
    let driver = ScriptedDriver(script)
    return (Questionnaire(session: session, driver: driver, interactive: false).run(askCity: false), driver, session)
  }

  static let next = PromptResult.selected([0])
  /// Everything answered, barriers ticked so that the plan and its budget are asked.
  static let all: [PromptResult] = [
    next, .text("10"), .text("100"), .text("50"), .selected([0]), .selected([0]),  // services
    next, .selected([0]), .selected([0]), .text("2"), .text(""),  // people: cost, a plan, its budget
    .selected([3]), .selected([3]),  // no targets
  ]

  @Test func theReviewOffersOnlyQuestionsStillAsked() throws {
    var script = Self.all
    // At the targets, jump back to the barriers and tick "none": the plan and its budget are
    // hidden, their answers kept aside; then on to the end.
    script.insert(contentsOf: [.jump, .selected([7]), .selected([3]), .text("")], at: 11)
    let (outcome, driver, session) = try run(script)
    #expect(outcome == .completed)
    #expect(!driver.log.contains { $0.hasPrefix("ask Some answers may need a second look.") })
    #expect(session.sheet.values[6] == .bool(true))
    #expect(session.sheet.review == [6, 7])
    // Ticked again, they are asked again: leaving them unconfirmed (a jump on), the review
    // offers them.
    var back = script
    back.insert(contentsOf: [.jump, .selected([7]), .selected([0]), .jump, .selected([10]), .text("")], at: 15)
    back.append(.selected([0]))
    let (again, log, _) = try run(back)
    #expect(again == .completed)
    #expect(log.log.contains { $0.hasPrefix("ask Some answers may need a second look.") })
  }

  @Test func aCompletedFileIsReopenedOnlyWhenTheOfficialSaysSo() throws {
    let (_, _, done) = try run(Self.all)
    #expect(done.sheet.completed != nil)
    // Keep it complete (the first item), then change an answer.
    let keep = [PromptResult.jump, .selected([1]), .text("20"), .selected([0]), .interrupt]
    let (_, asked, kept) = try run(keep, sheet: done.sheet)
    #expect(asked.log.contains { $0.hasPrefix("ask This file was marked complete on") })
    #expect(kept.sheet.completed == done.sheet.completed)
    #expect(kept.sheet.values[0] == .decimal(20))
    let reopen = [PromptResult.jump, .selected([1]), .text("20"), .selected([1]), .interrupt]
    let (_, _, reopened) = try run(reopen, sheet: done.sheet)
    #expect(reopened.sheet.completed == nil)
    // The same answer given again is no change: nothing is asked.
    let same = [PromptResult.jump, .selected([1]), .text("10"), .interrupt]
    let (_, quiet, _) = try run(same, sheet: done.sheet)
    #expect(!quiet.log.contains { $0.hasPrefix("ask This file was marked complete on") })
  }
}
