import ActivatorCore
import Testing

/// How a language someone names (`--lang`, the system's locale) finds the survey's language and
/// the message catalogue: one rule, in `LanguageChoice`.
@Suite struct LanguageChoiceTests {
  let shipped = ["en", "es", "fr", "pt-BR", "ko"]

  @Test func languageCodesAsFilesWriteThem() {
    for code in ["en", "pt-br", "pt-BR", "es-419", "sr-Latn", "ast", "zh-Hant-TW"] {
      #expect(LanguageChoice.isCode(code))
    }
    for code in [
      "", "e", "EN", "engl", "en-", "-en", "en--us", "en-a", "en-abcdefghi", "zh-Hant-TW-x1", "en_US", "én", "en-ÜS",
      "ｅｎ", "en-US\u{301}",
    ] {
      #expect(!LanguageChoice.isCode(code), "\(code)")
    }
  }

  @Test func tagsFromLocaleNames() {
    #expect(LanguageChoice.tag("pt_BR.UTF-8") == "pt-BR")
    #expect(LanguageChoice.tag("ko_KR.eucKR") == "ko-KR")
    #expect(LanguageChoice.tag("fr_SN") == "fr-SN")
    #expect(LanguageChoice.tag("sr_RS@latin") == "sr-RS")
    #expect(LanguageChoice.tag("PT-br") == "pt-BR" || LanguageChoice.tag("PT-br") == "pt-br")
    #expect(LanguageChoice.tag("1234") == nil)
    #expect(LanguageChoice.tag("") == nil)
  }

  @Test(arguments: [
    ("pt-BR", "pt-BR"), ("pt", "pt-BR"), ("pt-br", "pt-BR"), ("pt_BR", "pt-BR"), ("pt_BR.UTF-8", "pt-BR"),
    ("pt-PT", "pt-BR"), ("ko_KR", "ko"), ("ko", "ko"), ("ko_KR.UTF-8", "ko"), ("fr_FR", "fr"), ("fr_SN", "fr"),
    ("fr-CA", "fr"), ("FR", "fr"), ("es_MX.UTF-8", "es"), ("en_US", "en"),
  ])
  func matchesTheAvailableSpelling(requested: String, expected: String) {
    #expect(LanguageChoice.match(requested, in: shipped) == expected)
  }

  /// Files write the code in lower case (`pt-br`); what people type still finds it.
  @Test(arguments: ["pt-BR", "pt", "PT", "pt_BR.UTF-8", "pt-br"])
  func lowerCaseFilesAreFoundAsPeopleTypeTheCode(requested: String) {
    #expect(LanguageChoice.match(requested, in: ["en", "es", "fr", "pt-br", "ko"]) == "pt-br")
  }

  /// A batch matches each file's language through a table made once per survey: for every text,
  /// listed or not, it must choose what `match` chooses. Texts that equal a listed code as Swift
  /// compares Strings (canonically) but not byte for byte must not take the listed code's answer.
  @Test func matcherChoosesAsMatchDoes() {
    let lists = [shipped, ["en", "es", "fr", "pt-br", "ko"], ["pt-BR", "pt"], ["kk-KZ", "ky"], ["es-419", "en"]]
    let texts = [
      "en", "es", "fr", "pt-BR", "pt-br", "pt", "PT", "ko", "kk-KZ", "kk-\u{212A}Z", "\u{212A}k", "Kk", "ky", "KY",
      "es-419", "es_419", "e\u{301}s", "\u{E9}s", "", "C", "zh_CN", "pt_BR.UTF-8", "en ", " en", "ｅｎ", "en-US",
    ]
    for available in lists {
      let matcher = LanguageChoice.Matcher(available, common: available + texts)
      for text in texts + available {
        #expect(matcher.match(text) == LanguageChoice.match(text, in: available), "\(text.debugDescription)")
      }
    }
  }

  @Test func noFormOfTheLanguageIsNoMatch() {
    #expect(LanguageChoice.match("ar", in: shipped) == nil)
    #expect(LanguageChoice.match("zh_CN", in: shipped) == nil)
    #expect(LanguageChoice.match("C", in: shipped) == nil)
    // A base language listed beside variants wins over the first variant.
    #expect(LanguageChoice.match("pt-AO", in: ["pt-BR", "pt"]) == "pt")
  }

  @Test func systemLanguageIsATag() {
    #expect(LanguageChoice.system(["LANG": "pt_BR.UTF-8"]) == "pt-BR")
    #expect(LanguageChoice.system(["LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"]) == "ko-KR")
    #expect(LanguageChoice.system(["LC_ALL": "C.UTF-8", "LANG": "fr_SN.UTF-8"]) == "fr-SN")
    #expect(LanguageChoice.system(["LANG": "POSIX"]) == nil)
  }

  @Test func surveyOutputFollowsTheSystemLocale() throws {
    let survey = try TinySurvey.load()
    #expect(LanguageChoice.output(requested: nil, survey: survey, environment: ["LANG": "es_MX.UTF-8"]) == "es")
    #expect(LanguageChoice.output(requested: "es-419", survey: survey, environment: [:]) == "es")
    #expect(LanguageChoice.output(requested: "ko", survey: survey, environment: ["LANG": "es_ES"]) == "es")
    #expect(LanguageChoice.output(requested: nil, survey: survey, environment: ["LANG": "ko_KR.UTF-8"]) == "en")
  }

  @Test func catalogueLooksUpEveryFormOfALanguage() {
    let catalogue = MessageCatalogue(files: [
      ("en.yaml", Self.catalogue("en", "English", "Hello")),
      ("pt-BR.yaml", Self.catalogue("pt-BR", "Português (Brasil)", "Olá")),
    ])
    #expect(catalogue.speaks("pt"))
    #expect(catalogue.speaks("pt_BR.UTF-8"))
    #expect(!catalogue.speaks("ko"))
    #expect(catalogue.locale("pt").language == "pt-BR")
    #expect(catalogue.locale("pt-br").language == "pt-BR")
    #expect(catalogue.locale("ko").language == "en")
  }

  static func catalogue(_ code: String, _ name: String, _ hello: String) -> String {
    """
    language: \(code)
    name: \(name)
    locale:
      decimal: "."
      group: ","
      minimum_grouping: 1
      percent: "{n}%"
      quotes: ["“", "”"]
      list_pair: "{a} and {b}"
      list_or: "{a} or {b}"
      list_join: "{a}, {b}"
      date: "{day} {month} {year}"
      months: [a, b, c, d, e, f, g, h, i, j, k, l]
      direction: ltr
    messages:
      word.hello: "\(hello)"
    """
  }
}
