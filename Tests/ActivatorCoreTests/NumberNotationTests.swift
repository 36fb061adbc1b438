import Testing

@testable import ActivatorCore

/// Numbers as people type them in each language (issue 12, item 1), read from the catalogue's
/// locale data, and conditions put into words (item 10).
@Suite struct NumberNotationTests {
  let english = MessageCatalogue.shared.locale("en")
  let spanish = MessageCatalogue.shared.locale("es")

  @Test func englishReadsCommasAndSpacesAsThousandsAndThePointAsDecimals() {
    #expect(english.notation.readings("1,200") == ["1200"])
    #expect(english.notation.readings("1 200 000") == ["1200000"])
    #expect(english.notation.readings("1,200.5") == ["1200.5"])
    #expect(english.notation.readings("1.500") == ["1.5"])
    #expect(english.notation.readings("-0.25") == ["-0.25"])
    #expect(english.notation.readings(".5") == ["0.5"])
    // Not as English writes numbers.
    for text in ["72,5", "1,20", "12,,000", "1.2.3", "0,500", "abc", "1,200,5", ""] {
      #expect(english.notation.readings(text).isEmpty, "\(text)")
    }
  }

  @Test func spanishReadsEitherSeparatorAndGivesBothReadingsWhereBothAreWritten() {
    #expect(spanish.notation.readings("40,5") == ["40.5"])
    #expect(spanish.notation.readings("72.5") == ["72.5"])
    #expect(spanish.notation.readings("1.500") == ["1500", "1.5"])
    #expect(spanish.notation.readings("1,500") == ["1500", "1.5"])
    #expect(spanish.notation.readings("1.234,5") == ["1234.5"])
    #expect(spanish.notation.readings("1,234.5") == ["1234.5"])
    #expect(spanish.notation.readings("12\u{00A0}500") == ["12500"])
    #expect(spanish.notation.readings("1.234.567") == ["1234567"])
    #expect(spanish.notation.readings("0,125") == ["0.125"])
    #expect(spanish.notation.readings("1.2.3").isEmpty)
  }

  @Test func figuresAreWrittenWithEveryDigitInTheLanguagesNotation() {
    #expect(english.exact(12500.125) == "12,500.125")
    #expect(spanish.exact(12500.125) == "12\u{00A0}500,125")
    #expect(spanish.exact(1500) == "1500")
    #expect(spanish.exact(1500.5, grouped: false) == "1500,5")
    #expect(
      MessageCatalogue.shared.render(
        Message(
          .answerTypedExample,
          [
            "what": "un número",
            "examples": .alternatives([.figure(72.5, grouped: true), .figure(12500, grouped: true)]),
          ]), in: "es") == "Escriba un número, por ejemplo 72,5 o 12\u{00A0}500")
  }

  @Test func aFileSaysHowToWriteANumberWrittenAsPeopleWriteIt() {
    guard case .problem(let message) = NumberText.parse("72,5") else {
      Issue.record("72,5 was read as a number")
      return
    }
    #expect(
      message.text("en") == "write it as 72.5: answers files take a point before decimals and no thousands separators")
    guard case .problem(let both) = NumberText.parse("1,500") else { return }
    #expect(both.text("en").hasPrefix("write it as 1500 or 1.5:"))
  }

  @Test func conditionsAreSaidInWords() throws {
    let survey = try #require(
      SurveyLoader.load(Paths.at("Tests/Fixtures/questionnaire/ciudad.yaml"), log: DiagnosticLog()))
    let number = { (slot: Int) in
      MessageArgument.message(Message(.templateQuestionNumber, ["number": .count(slot + 1)]))
    }
    let say = { (text: String, language: String) in
      ConditionWords.describe(text, survey: survey, language: language, naming: number)
    }
    #expect(say("!('none' in barriers)", "en") == "“None of these” is not ticked in question 6")
    #expect(
      say("'cost' in barriers && barrier_plan", "en")
        == "“The cost of connection” is ticked in question 6 and question 7 is answered “yes”")
    #expect(
      say("training_hours > 1000 || !barrier_plan", "es")
        == "la pregunta 1 es mayor que 1000 horas o a la pregunta 7 se responde «no»")
    #expect(
      say("level(operations) >= 2", "en")
        == "question 4 is answered “An integrated centre with data shared across services” or higher")
    #expect(
      say("operations == 'shared'", "en")
        == "question 4 is answered “An integrated centre with data shared across services”")
    // A group joined by the other operator keeps its grouping in words.
    #expect(
      say("('cost' in barriers || 'skills' in barriers) && barrier_plan", "en")
        == "either “The cost of connection” is ticked in question 6 or “Digital skills” is ticked in question 6, and question 7 is answered “yes”"
    )
    #expect(
      say("barrier_plan && ('cost' in barriers || 'skills' in barriers)", "es")
        == "a la pregunta 7 se responde «sí», y o bien en la pregunta 6 se marca «El costo de la conexión» o en la pregunta 6 se marca «Las habilidades digitales»"
    )
    #expect(
      say("training_hours > 1000 || barrier_plan && plan_budget > 2", "en")
        == "question 1 is more than 1,000 hours, or both question 7 is answered “yes” and question 8 is more than 2 millions"
    )
    #expect(
      say("training_hours > 1000 || barrier_plan && plan_budget > 2", "es")
        == "la pregunta 1 es mayor que 1000 horas, o a la vez a la pregunta 7 se responde «sí» y la pregunta 8 es mayor que 2 millones"
    )
    // One operator throughout needs no grouping.
    #expect(say("barrier_plan && training_hours > 1 && plan_budget > 2", "en")?.contains(",") == false)
    // What has no plain reading is left to the caller, which shows the expression.
    #expect(say("size(barriers) > 1", "en") == nil)
    #expect(say("unknown_question", "en") == nil)
  }
}
