import ActivatorCore
import ActivatorYAML
import Testing

/// French, Brazilian Portuguese and Korean as the `locale:` blocks of Messages/fr.yaml,
/// pt-br.yaml and ko.yaml write them: numbers, plurals, dates, quotation marks and lists, and
/// finding and sorting text, all read from data.
@Suite struct LocaleRulesTests {
  static let catalogue: MessageCatalogue = {
    let names = ["en.yaml", "es.yaml", "fr.yaml", "pt-br.yaml", "ko.yaml"]
    return MessageCatalogue(files: names.map { ($0, Self.text(Paths.at("Messages/" + $0))) })
  }()

  static func text(_ path: String) -> String {
    String(decoding: (try? FileReading.read(path, maxBytes: 1 << 22)) ?? [], as: UTF8.self)
  }

  func locale(_ code: String) -> LocaleRules { Self.catalogue.locale(code) }

  @Test func filesReadWithoutProblems() {
    #expect(Self.catalogue.problems.isEmpty, "\(Self.catalogue.problems)")
    #expect(Self.catalogue.available == ["en", "es", "fr", "ko", "pt-br"])
  }

  @Test func numbers() {
    #expect(locale("fr").number(1234.5) == "1\u{202F}234,5")
    #expect(locale("fr").number(1000) == "1\u{202F}000")
    #expect(locale("pt-BR").number(1234.5) == "1.234,5")
    #expect(locale("ko").number(1234.5) == "1,234.5")
    #expect(locale("fr").percent(0.25) == "25\u{00A0}%")
    #expect(locale("pt-BR").percent(0.25) == "25%")
    #expect(locale("fr").notation.readings("1,5") == ["1.5"])
    #expect(locale("fr").notation.readings("1\u{202F}200") == ["1200"])
    #expect(locale("pt-BR").notation.readings("1.500") == ["1500", "1.5"])
  }

  @Test func plurals() {
    let fr = locale("fr")
    #expect(fr.pluralCategory(0) == "one")
    #expect(fr.pluralCategory(1) == "one")
    #expect(fr.pluralCategory(1.5, fractionDigits: 1) == "one")
    #expect(fr.pluralCategory(2) == "other")
    #expect(locale("pt-BR").pluralCategory(0) == "one")
    #expect(locale("en").pluralCategory(0) == "other")
    for n in [0.0, 1, 2, 5, 1000] { #expect(locale("ko").pluralCategory(n) == "other") }
    // The form follows `low`: French's "one" for 0 and 1, "other" from 2; Korean's one form.
    let message = { (low: Int) in
      Message(.answerTooFewOptions, ["subject": "", "low": .count(low), "count": .count(0)])
    }
    #expect(Self.catalogue.render(message(0), in: "fr") == "demande au moins 0 option\u{202F}; trouvé\u{00A0}: 0")
    #expect(Self.catalogue.render(message(2), in: "fr") == "demande au moins 2 options\u{202F}; trouvé\u{00A0}: 0")
    #expect(Self.catalogue.render(message(2), in: "ko") == "선택지를 2개 이상 골라야 합니다. 선택: 0개")
  }

  @Test func datesQuotesAndLists() {
    #expect(locale("fr").date("2026-12-01") == "1 décembre 2026")
    #expect(locale("pt-BR").date("2026-12-01T10:00:00Z") == "1 de dezembro de 2026")
    #expect(locale("ko").date("2026-12-01") == "2026년 12월 1일")
    #expect(locale("fr").quoted("Oui") == "«\u{202F}Oui\u{202F}»")
    #expect(locale("pt-BR").quoted("Sim") == "“Sim”")
    #expect(locale("fr").list(["eau", "énergie", "mobilité"]) == "eau, énergie et mobilité")
    #expect(locale("ko").list(["경제", "환경"], alternatives: true) == "경제 또는 환경")
  }

  /// Labels composed with a value take the space the language sets before the colon
  /// (`punctuation_space:`): French "Stade global : 2" with a no-break space, English none.
  @Test func labelsTakeTheLanguagesSpaceBeforePunctuation() {
    #expect(locale("fr").labelled("Stade global") == "Stade global\u{00A0}: ")
    #expect(locale("fr").punctuated(";") == "\u{202F};")
    #expect(locale("en").labelled("Overall stage") == "Overall stage: ")
    #expect(locale("pt-BR").labelled("Etapa geral") == "Etapa geral: ")
    #expect(locale("ko").punctuated(";") == ";")
  }

  func finds(_ code: String, _ query: String, in label: String) -> Bool {
    locale(code).filter(query, matches: locale(code).filterKey(label))
  }

  @Test func accentsAreOptionalWhereTheLanguageSaysSo() {
    #expect(finds("fr", "etat", in: "État civil"))
    #expect(finds("fr", "coeur", in: "Cœur de ville"))
    #expect(finds("fr", "l'eau", in: "Gestion de l’eau"))
    #expect(finds("pt-BR", "acucar", in: "Açúcar"))
    #expect(finds("pt-BR", "orgao", in: "Órgão municipal"))
    // Decomposed text (e + U+0301) is found as well as typed.
    #expect(finds("fr", "ete", in: "e\u{301}te\u{301}"))
    #expect(!finds("fr", "etat", in: "Statut"))
    // Where the language has no such reading, an accent is a letter of its own.
    let plain = MessageCatalogue(files: [("en.yaml", LanguageChoiceTests.catalogue("en", "English", "Hello"))])
    #expect(!plain.locale("en").filter("etat", matches: plain.locale("en").filterKey("État")))
  }

  @Test func hangulBySyllableAndInitialConsonant() {
    #expect(finds("ko", "ㅅ", in: "서울"))
    #expect(finds("ko", "ㅅ", in: "수원"))
    #expect(!finds("ko", "ㅅ", in: "대전"))
    #expect(finds("ko", "ㅈㅈㅈㅂ", in: "전자정부"))
    #expect(finds("ko", "전자정", in: "전자정부"))
    #expect(finds("ko", "ㅅㅁㅌ", in: "스마트도시"))
    #expect(finds("ko", "스마ㅌ", in: "스마트도시"))
    // An open syllable typed last may not be finished: 화 finds 환경.
    #expect(finds("ko", "화", in: "환경"))
    #expect(!finds("ko", "화경", in: "환경"))
    // Double consonants are distinct.
    #expect(!finds("ko", "ㄲ", in: "경제"))
    // Decomposed jamo (U+1112 U+116A U+11AB: 환) are joined first.
    #expect(finds("ko", "환", in: "\u{1112}\u{116A}\u{11AB}경"))
    #expect(finds("ko", "brt", in: "BRT 전용차로"))
  }

  @Test func sortingPerLanguage() {
    #expect(
      locale("fr").sorted([
        "été", "Zurich", "eau", "côte", "État", "cote", "émission", "Cote", "coté", "données", "énergie", "côté",
      ])
        == ["cote", "Cote", "coté", "côte", "côté", "données", "eau", "émission", "énergie", "État", "été", "Zurich"])
    #expect(
      locale("pt-BR").sorted([
        "Zona", "órgão", "cidade", "açude", "Água", "ônibus", "acesso", "cidadão", "orçamento", "agua",
      ])
        == ["acesso", "açude", "agua", "Água", "cidadão", "cidade", "ônibus", "orçamento", "órgão", "Zona"])
    #expect(
      locale("ko").sorted(["BRT", "환경", "교통", "2026", "시민", "가", "까", "ㄱ", "경제", "거버넌스", "삶", "나", "힣"])
        == ["2026", "ㄱ", "가", "거버넌스", "경제", "교통", "까", "나", "삶", "시민", "환경", "힣", "BRT"])
    // Without a script order, Latin comes before Hangul (code point order).
    #expect(locale("en").sorted(["환경", "BRT"]) == ["BRT", "환경"])
  }

  @Test func badLocaleDataIsNamedWithItsPlace() {
    let text = LanguageChoiceTests.catalogue("en", "English", "Hello")
      .split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap {
        $0 == "  direction: ltr"
          ? [$0, "  fold: {e: \"É\"}", "  script_order: [Klingon]", "  punctuation_space: {\":\": \"_\"}"] : [$0]
      }.joined(
        separator: "\n")
    let problems = MessageCatalogue(files: [("en.yaml", text)]).problems
    #expect(problems.contains { $0.hasPrefix("en.yaml:15:") && $0.contains("lower-case") }, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("en.yaml:16:") && $0.contains("Klingon") }, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("en.yaml:17:") && $0.contains("punctuation_space") }, "\(problems)")
  }
}
