import ActivatorCore
import Testing

@testable import ActivatorTerminal

/// The questionnaire on a survey with a city profile (Tests/Fixtures/surveys/civic.yaml):
/// questions about a service the city does not run are not asked, and a choice limited to what
/// was ticked earlier offers only those options.
@Suite struct QuestionnaireProfileTests {
  static let survey: Survey? = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
    return SurveyLoader.load(path + "/Tests/Fixtures/surveys/civic.yaml", log: DiagnosticLog())
  }()

  static func run(_ script: [PromptResult]) throws -> (Questionnaire.Outcome, ScriptedDriver, QuestionnaireSession) {
    let survey = try #require(Self.survey)
    let blank = AnswerSheet.blank(for: survey, language: "en", city: City(name: "Testville"), path: "")
    let session = QuestionnaireSession(survey: survey, sheet: blank, journalPath: "")
    let driver = ScriptedDriver(script)
    let outcome = Questionnaire(session: session, driver: driver, interactive: false).run(askCity: false)
    return (outcome, driver, session)
  }

  static let next = PromptResult.selected([0])
  /// A city that runs waste collection but not water, and names two barriers.
  static let script: [PromptResult] = [
    next,  // "City profile"
    .text("250000"), .text("40"), .text("2025"),
    .selected([1]),  // services: waste only
    next,  // "Water": only the stations question applies
    .text("2"),
    next,  // "Data"
    .selected([0]), .text("12"),
    .selected([0, 2]),  // barriers: funding, law
    .selected([1]),  // the main one: the second offered
    .selected([3]), .selected([3]),  // no targets
  ]

  @Test func questionsAboutAServiceTheCityDoesNotRunAreNotAsked() throws {
    let (outcome, driver, session) = try Self.run(Self.script)
    #expect(outcome == .completed)
    #expect(driver.script.isEmpty)
    #expect(!driver.log.contains("ask Is there a water safety plan?"))
    #expect(!driver.log.contains("ask Share of water lost to leaks?"))
    #expect(driver.log.contains("ask How many water quality stations?"))
    // Nothing is written for them: they are not applicable, never "no".
    let survey = try #require(Self.survey)
    #expect(session.sheet.values[survey.questionIndex["water_plan"] ?? 0] == nil)
  }

  @Test func aChoiceFromTickedOptionsOffersOnlyThose() throws {
    let (_, driver, session) = try Self.run(Self.script)
    let survey = try #require(Self.survey)
    let prompt = try #require(driver.prompts.first { $0.question == "Which one holds it back most? (optional)" })
    #expect(prompt.items.map(\.label) == ["Funding", "Law", "Don't know"])
    // The second offered is the third option of the question: law.
    #expect(session.sheet.values[survey.questionIndex["top_barrier"] ?? 0] == .choice(2))
  }
}
