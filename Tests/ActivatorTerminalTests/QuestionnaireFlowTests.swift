import ActivatorCore
import Testing

@testable import ActivatorTerminal

/// A person at the questionnaire, played from a script: each prompt takes the next scripted
/// result (one the flow refuses is logged and the next is taken, as a person retypes); input
/// ends when the script does. The log is what the person saw, in order.
final class ScriptedDriver: PromptDriver {
  var script: [PromptResult]
  var log: [String] = []
  /// Every prompt shown, in order, for tests of what it offered.
  var prompts: [Prompt] = []

  init(_ script: [PromptResult]) { self.script = script }

  func ask(_ prompt: Prompt, context: PromptContext, validate: (PromptResult) -> String?) -> PromptResult {
    prompts.append(prompt)
    while true {
      log.append("ask \(prompt.question)")
      guard !script.isEmpty else { return .endOfInput }
      let result = script.removeFirst()
      // A script that has gone out of step with the prompts fails the test, not the process.
      if case .selected(let picked) = result, let wrong = picked.first(where: { !prompt.items.indices.contains($0) }) {
        Issue.record("item \(wrong) chosen at \"\(prompt.question)\", which has \(prompt.items.count) items")
        return .endOfInput
      }
      guard let problem = validate(result) else { return result }
      log.append("refused \(problem)")
    }
  }

  func show(title: String, body: [String], context: PromptContext) -> PromptResult {
    log.append("show \(title)")
    guard !script.isEmpty else { return .endOfInput }
    return script.removeFirst()
  }

  func finish() {}
}

/// The questionnaire's flow through its modes (questions, targets, review) with a scripted
/// driver: order, going back, jumping, skip logic, required questions and how a run ends.
@Suite struct QuestionnaireFlowTests {
  static let survey: Survey? = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return SurveyLoader.load(path + "/Tests/Fixtures/questionnaire/mini.yaml", log: DiagnosticLog())
  }()

  /// Runs the questionnaire on a blank sheet (no file is written: the journal path is empty).
  static func run(_ script: [PromptResult], sheet: AnswerSheet? = nil) throws -> (
    Questionnaire.Outcome, ScriptedDriver, QuestionnaireSession
  ) {
    let survey = try #require(Self.survey)
    let blank = sheet ?? AnswerSheet.blank(for: survey, language: "en", city: City(name: "Testville"), path: "")
    let session = QuestionnaireSession(survey: survey, sheet: blank, journalPath: "")
    let driver = ScriptedDriver(script)
    let outcome = Questionnaire(session: session, driver: driver, interactive: false).run(askCity: false)
    return (outcome, driver, session)
  }

  static let next = PromptResult.selected([0])
  static let all: [PromptResult] = [
    next,  // "Open data" introduction
    .selected([0]),  // portal: yes
    .text("12"),  // datasets
    .selected([1]),  // strategy: a draft
    next,  // "Services" introduction
    .text("40"),  // online
    .selected([0, 2]),  // channels: website, phone
    .text(""),  // remarks (optional)
    .selected([1]),  // target for open data: stage 2
    .selected([3]),  // services: no target
  ]

  @Test func aFullRunAsksEverythingInOrderAndCompletes() throws {
    let (outcome, driver, session) = try Self.run(Self.all)
    #expect(outcome == .completed)
    #expect(driver.script.isEmpty)
    #expect(
      driver.log == [
        "show Open data", "ask Does the city run an open data portal?",
        "ask How many datasets does the portal publish?",
        "ask Which best describes the data strategy?", "show Services",
        "ask What share of services can be completed online?",
        "ask Which channels do residents use?", "ask Anything to add? (optional)",
        "ask Which stage does the city aim to reach in Open data within 2 to 5 years?",
        "ask Which stage does the city aim to reach in Services within 2 to 5 years?",
      ])
    #expect(session.sheet.completed != nil)
    #expect(session.sheet.targets == [0: 2])
    #expect(session.sheet.values[1] == .integer(12))
  }

  @Test func skipLogicLeavesOutAQuestionItsAnswerHides() throws {
    var script = Self.all
    script[1] = .selected([1])  // portal: no
    script.remove(at: 2)
    let (outcome, driver, _) = try Self.run(script)
    #expect(outcome == .completed)
    #expect(!driver.log.contains("ask How many datasets does the portal publish?"))
  }

  @Test func backGoesToThePreviousQuestionWithoutReintroducingItsSection() throws {
    var script = Self.all
    // At "online", go back to "strategy", answer it again, then carry on.
    script.insert(contentsOf: [.back, .selected([2]), Self.next], at: 5)
    let (outcome, driver, session) = try Self.run(script)
    #expect(outcome == .completed)
    let strategy = "ask Which best describes the data strategy?"
    #expect(driver.log.count { $0 == strategy } == 2)
    #expect(driver.log.count { $0 == "show Services" } == 2)
    #expect(driver.log.count { $0 == "show Open data" } == 1)
    #expect(session.sheet.values[2] == .choice(2))
  }

  @Test func backFromTheTargetsReturnsToTheLastQuestion() throws {
    var script = Self.all
    script.insert(contentsOf: [.back, .text("")], at: 8)
    let (outcome, driver, _) = try Self.run(script)
    #expect(outcome == .completed)
    #expect(driver.log.count { $0 == "ask Anything to add? (optional)" } == 2)
  }

  @Test func aJumpLeadsToTheChosenQuestionAndTheFlowGoesOnFromThere() throws {
    var script = Self.all
    // From the first target, jump to "online" (item 6 of the list: a header, three questions,
    // a header, then it), answer it, and go on through the rest again.
    script.insert(contentsOf: [.jump, .selected([5]), .text("55"), .selected([0]), .text("")], at: 8)
    let (outcome, driver, session) = try Self.run(script)
    #expect(outcome == .completed)
    #expect(driver.log.contains { $0.hasPrefix("ask Go to which question") })
    #expect(session.sheet.values[3] == .decimal(55))
  }

  @Test func aRequiredQuestionCannotBeLeftEmpty() throws {
    var script = Self.all
    script.insert(.text(""), at: 2)  // datasets left empty first
    let (outcome, driver, _) = try Self.run(script)
    #expect(outcome == .completed)
    #expect(driver.log.contains { $0.hasPrefix("refused An answer is needed") })
  }

  @Test func everyAnsweredFileGoesStraightToTheTargets() throws {
    var script = Self.all
    script[7] = .text("Nothing")
    let (_, first, session) = try Self.run(script)
    #expect(first.script.isEmpty)
    var sheet = session.sheet
    sheet.completed = nil
    let (outcome, driver, _) = try Self.run([.selected([0]), .selected([0])], sheet: sheet)
    #expect(outcome == .completed)
    #expect(driver.log.first == "ask Which stage does the city aim to reach in Open data within 2 to 5 years?")
  }

  @Test func endsOfInputAndInterruptionsEndTheRun() throws {
    let (ended, _, session) = try Self.run(Array(Self.all.prefix(3)))
    #expect(ended == .endOfInput)
    #expect(session.sheet.completed == nil)
    let (stopped, driver, _) = try Self.run([Self.next, .interrupt, .selected([0])])
    #expect(stopped == .interrupted)
    #expect(driver.script == [.selected([0])])
  }
}
