import ActivatorCore
import Testing

/// Issue 17: the shipped survey in Korean and in French, in the full-screen terminal — the
/// city's details, the first screen, three answers typed in the language's notation (the third
/// found by typing words of its option), then stop — and the answers file records them.
@Suite struct ShippedSurveyLanguageTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let language: String
    let city: String
    let country: String
    /// The region the country lies in, offered first.
    let region: String
    /// Words of the profile section's introduction, the survey's first screen.
    let introduction: String
    let population: String
    let area: String
    /// Typed to filter the country's income group down to one option.
    let incomeFilter: String
    /// The start of the first four questions: population, area, income group, year of the figures.
    let questions: [String]
    let recorded: String
    var testDescription: String { language }
  }

  static let cases = [
    Case(
      language: "ko", city: "수원", country: "대한민국", region: "동아시아·동남아시아", introduction: "다섯 가지 사항을",
      population: "1,194,000", area: "121.1", incomeFilter: "ㄱㅅ",
      questions: ["도시의 인구는", "도시의 면적은", "세계은행 소득 그룹", "어느 연도를 기준으로"],
      recorded: "  city_population: 1194000\n  city_area_km2: 121.1\n  city_income_group: high\n"),
    Case(
      language: "fr", city: "Saint-Louis", country: "Sénégal", region: "Afrique subsaharienne",
      introduction: "cinq données sur la ville", population: "254\u{202F}000", area: "46,3",
      incomeFilter: "tranche inferieure",
      questions: [
        "Combien d'habitants", "Quelle est la superficie", "Dans quelle catégorie de revenu", "À quelle année",
      ],
      recorded: "  city_population: 254000\n  city_area_km2: 46.3\n  city_income_group: lower_middle\n"),
  ]

  @Test(arguments: cases)
  func theFirstAnswersInTheLanguageAreRecorded(_ given: Case) {
    let folder = Binary.temporaryFolder()
    let t = { (key: MessageKey) in Message(key).text(given.language) }
    let pty = PTYProcess(["survey", "--lang", given.language, "--out", "city.yaml"], cwd: folder)
    pty.answer(t(.questionnaireCityName), typing: given.city)
    pty.answer(t(.questionnaireCountry), typing: given.country)
    pty.expect("❯ " + given.region)
    pty.press(.enter)
    pty.answer(t(.questionnaireYourNameOptional), typing: "")
    pty.answer(t(.questionnaireYourRoleOptional), typing: "")
    pty.expect(given.introduction)
    pty.press(.enter)
    pty.answer(given.questions[0], typing: given.population)
    pty.answer(given.questions[1], typing: given.area)
    pty.expect(given.questions[2])
    pty.send(given.incomeFilter)
    pty.expect(t(.questionnaireFilter) + given.incomeFilter)
    pty.press(.enter)
    pty.expect(given.questions[3])
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    let saved = Binary.read(folder + "/city.yaml") ?? ""
    #expect(saved.contains("language: \(given.language)\n"), "\(saved)")
    #expect(saved.contains("  country: \(given.country)\n"), "\(saved)")
    #expect(saved.contains(given.recorded), "\(saved)")
  }
}
