import ActivatorCore
import ActivatorYAML
import Testing

/// Issue 17: a unit after a number takes the form the language's CLDR plural rule gives that
/// number as shown — English "1 hour", "1.5 hours"; French (i = 0,1 is "one") "1,5 heure",
/// "2 heures"; Korean has one form.
@Suite struct UnitFormTests {
  @Test func theShippedSurveysUnitsFollowEachLanguagesPluralRule() throws {
    let survey = try #require(SurveyLoader.load(Paths.currentSurvey, log: DiagnosticLog()))
    let slot = try #require(survey.questions.firstIndex { $0.id == "gov_it_downtime_incident" })
    let shown = { (value: Value, language: String) in
      ValueText.answer(value, slot: slot, survey: survey, language: language)
    }
    #expect(shown(.double(1), "en") == "1 hour per outage")
    #expect(shown(.double(1.5), "en") == "1.5 hours per outage")
    #expect(shown(.double(0), "en") == "0 hours per outage")
    #expect(shown(.double(1.5), "fr") == "1,5 heure par panne")
    #expect(shown(.double(0), "fr") == "0 heure par panne")
    #expect(shown(.double(2), "fr") == "2 heures par panne")
    #expect(shown(.double(1), "es") == "1 hora por interrupción")
    #expect(shown(.double(1.5), "es") == "1,5 horas por interrupción")
    #expect(shown(.double(1.5), "pt-br") == "1,5 hora por interrupção")
    #expect(shown(.double(1), "ko") == "1 장애 1건당 시간")
    // A unit alone (a hint, a template's comment) is the form for any count.
    #expect(survey.questions[slot].unit?.text("fr") == "heures par panne")
    // An integer question's count: "1 camera", "12 cameras".
    let cameras = try #require(survey.questions.firstIndex { $0.unit?.text("en") == "cameras" })
    #expect(ValueText.answer(.int(1), slot: cameras, survey: survey, language: "en") == "1 camera")
    #expect(ValueText.answer(.int(12), slot: cameras, survey: survey, language: "fr") == "12 caméras")
  }

  func load(_ questions: String) throws -> (survey: Survey?, problems: [String]) {
    let text = """
      survey: s
      version: 1.0.0
      title: {en: T, ko: T}
      languages: [en, ko]
      stages:
        - {level: 1, id: one, name: {en: One, ko: 하나}}
        - {level: 2, id: two, name: {en: Two, ko: 둘}}
      pillars:
        - {id: p, name: {en: P, ko: 피}}
      sections:
        - id: s
          pillar: p
          title: {en: S, ko: 에스}
          questions:

      """ + questions
    let (file, root) = try node(text, path: "s.yaml")
    let log = DiagnosticLog()
    let survey = SurveyLoader.load(file, root, log: log)
    return (survey, log.brief)
  }

  @Test func formsMustBeTheLanguagesAndGiveOther() throws {
    let wrong = try load(
      """
            - id: a
              type: integer
              text: {en: A, ko: 가}
              unit:
                en: {one: day}
                ko: {one: 일, other: 일}
      """)
    // English's forms lack "other" (at the forms, and not reported missing as well); Korean
    // has no "one" (at the key).
    #expect(wrong.problems == ["19:15 missing-translation", "20:16 unknown-plural-form"], "\(wrong.problems)")
    let right = try load(
      """
            - id: b
              type: integer
              text: {en: B, ko: 나}
              unit: {en: {one: day, other: days}, ko: 일}
      """)
    #expect(right.problems.isEmpty, "\(right.problems)")
    let b = try #require(right.survey?.questions.first { $0.id == "b" })
    #expect(b.unit?.text("en", count: 1) == "day")
    #expect(b.unit?.text("en", count: 3) == "days")
    #expect(b.unit?.text("ko", count: 1) == "일")
  }
}
