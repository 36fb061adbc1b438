import ActivatorYAML
import Testing

@testable import ActivatorCore

/// The message catalogue (Messages/*.yaml): every language has every message with the same
/// placeholders, the program's keys are exactly the files' keys, the built-in copy is current,
/// and each language's rules (plurals, numbers, lists, quotations, dates) hold.
@Suite struct MessageCatalogueTests {
  static let catalogue = MessageCatalogue.shared

  static func files() throws -> [(name: String, text: String)] {
    try FileReading.list(Paths.at("Messages")).filter { $0.hasSuffix(".yaml") }.sorted().map { name in
      (name, String(decoding: try FileReading.read(Paths.at("Messages/" + name), maxBytes: 1 << 22), as: UTF8.self))
    }
  }

  @Test func filesMatchTheirSchema() throws {
    let schema = SchemaValidator(schemaFile: Paths.at("docs/schemas/messages.schema.json"))
    let files = try Self.files().map { (name: $0.name, node: try #require(try YAMLParser.parse(Array($0.text.utf8)))) }
    for (name, problems) in schema.validate(files) { #expect(problems.isEmpty, "\(name): \(problems.prefix(5))") }
  }

  @Test func filesReadWithoutProblems() {
    #expect(Self.catalogue.problems.isEmpty, "\(Self.catalogue.problems)")
    #expect(Self.catalogue.available.contains("en") && Self.catalogue.available.contains("es"))
  }

  @Test func everyLanguageHasEveryMessageWithTheSamePlaceholders() {
    #expect(Self.catalogue.consistencyProblems().isEmpty, "\(Self.catalogue.consistencyProblems().prefix(20))")
  }

  @Test func theProgramsKeysAreTheFilesKeys() {
    let code = Set(MessageKey.allCases.map(\.rawValue))
    let english = Self.catalogue.keys("en")
    #expect(
      code == english,
      "only in the program: \(code.subtracting(english)); only in en.yaml: \(english.subtracting(code))")
  }

  @Test func theBuiltInCopyIsCurrent() throws {
    let files = try Self.files()
    let embedded = EmbeddedMessages.files
    #expect(
      files.map(\.name) == embedded.map(\.name) && zip(files, embedded).allSatisfy { $0.text == $1.text },
      "Messages/*.yaml changed: run Scripts/generate-messages")
  }

  /// The checks can fail: a catalogue with a missing message, a placeholder renamed and a
  /// plural form a language does not have is caught.
  @Test func anIncompleteCatalogueIsCaught() throws {
    let files = try Self.files()
    let english = try #require(files.first { $0.name == "en.yaml" }).text
    let spanish = try #require(files.first { $0.name == "es.yaml" }).text
      .replacing("  value.yes: \"sí\"\n", with: "")
      .replacing("{stage_range}", with: "{stages}")
    let broken = MessageCatalogue(files: [("en.yaml", english), ("es.yaml", spanish)])
    let problems = broken.consistencyProblems()
    #expect(problems.contains("es.yaml lacks 'value.yes'"))
    #expect(problems.contains { $0.hasPrefix("es.yaml: 'report.suits-cities-at-stages-stage' fills {stages}") })
    let korean =
      "language: ko\nname: 한국어\nlocale:\n  decimal: \".\"\n  group: \",\"\n  minimum_grouping: 1\n  percent: \"{n}%\"\n"
      + "  quotes: [\"“\", \"”\"]\n  list_pair: \"{a}, {b}\"\n  list_or: \"{a}, {b}\"\n  list_join: \"{a}, {b}\"\n  date: \"{year}년 {month} {day}일\"\n"
      + "  months: [1월, 2월, 3월, 4월, 5월, 6월, 7월, 8월, 9월, 10월, 11월, 12월]\n  direction: ltr\n"
      + "messages:\n  x.count:\n    plural: n\n    one: \"{n} 개\"\n    other: \"{n} 개\"\n"
    let withKorean = MessageCatalogue(files: [("en.yaml", english), ("ko.yaml", korean)])
    #expect(withKorean.problems.contains { $0.contains("'one' is not a plural form of ko") })
  }

  @Test func cldrPluralRules() throws {
    func rule(_ text: String) throws -> PluralRule { try PluralRule.parse(text).get() }
    let english = try rule("i = 1 and v = 0")
    #expect(english.matches(1) && !english.matches(0) && !english.matches(2) && !english.matches(1, fractionDigits: 1))
    let spanish = try rule("n = 1")
    #expect(
      spanish.matches(1) && spanish.matches(1, fractionDigits: 1) && !spanish.matches(0)
        && !spanish.matches(1.5, fractionDigits: 1))
    // French and Brazilian Portuguese: 0 and 1 (and 1.5) take "one".
    let french = try rule("i = 0,1")
    #expect(french.matches(0) && french.matches(1) && french.matches(1.5, fractionDigits: 1) && !french.matches(2))
    let portuguese = try rule("i = 0..1")
    #expect(portuguese.matches(0) && portuguese.matches(1) && !portuguese.matches(2))
    let russianFew = try rule("v = 0 and i % 10 = 2..4 and i % 100 != 12..14")
    #expect(russianFew.matches(22) && russianFew.matches(3) && !russianFew.matches(12) && !russianFew.matches(25))
    for bad in ["i == 1", "x = 1", "i = one", "i = 1 and", "i % = 1"] {
      #expect(throws: PluralRuleError.self, "\(bad)") { try PluralRule.parse(bad).get() }
    }
  }

  @Test func pluralFormsFollowTheLanguage() throws {
    let english = try #require(try Self.files().first { $0.name == "en.yaml" }).text
    let korean =
      "language: ko\nname: 한국어\nlocale:\n  decimal: \".\"\n  group: \",\"\n  minimum_grouping: 1\n  percent: \"{n}%\"\n"
      + "  quotes: [\"“\", \"”\"]\n  list_pair: \"{a}, {b}\"\n  list_or: \"{a}, {b}\"\n  list_join: \"{a}, {b}\"\n  date: \"{year}년 {month} {day}일\"\n"
      + "  months: [1월, 2월, 3월, 4월, 5월, 6월, 7월, 8월, 9월, 10월, 11월, 12월]\n  direction: ltr\nmessages:\n"
      + "  value.yes: \"예\"\n"
    let french =
      "language: fr\nname: Français\nlocale:\n  plural:\n    one: \"i = 0,1\"\n  decimal: \",\"\n"
      + "  group: \"\\u202F\"\n  minimum_grouping: 1\n  percent: \"{n}\\u202F%\"\n  quotes: [\"«\\u00A0\", \"\\u00A0»\"]\n"
      + "  list_pair: \"{a} et {b}\"\n  list_or: \"{a} ou {b}\"\n  list_join: \"{a}, {b}\"\n  date: \"{day} {month} {year}\"\n"
      + "  months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]\n"
      + "  direction: ltr\nmessages:\n  value.yes: \"oui\"\n"
    let catalogue = MessageCatalogue(files: [("en.yaml", english), ("fr.yaml", french), ("ko.yaml", korean)])
    #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
    #expect(catalogue.locale("fr").pluralCategory(0) == "one")
    #expect(catalogue.locale("en").pluralCategory(0) == "other")
    #expect(catalogue.locale("ko").pluralCategory(1) == "other")
    // A language with a catalogue speaks it; a message it lacks, and a language without one, fall back to English.
    #expect(catalogue.render(Message(.valueYes), in: "fr") == "oui")
    #expect(catalogue.render(Message(.valueYes), in: "fr-ca") == "oui")
    #expect(catalogue.render(Message(.valueNo), in: "fr") == "no")
    #expect(catalogue.render(Message(.valueYes), in: "de") == "yes")
    #expect(catalogue.locale("fr").number(12500.5) == "12\u{202F}500,5")
    #expect(catalogue.locale("fr").percent(0.35) == "35\u{202F}%")
    #expect(catalogue.locale("fr").quoted("Lyon") == "«\u{00A0}Lyon\u{00A0}»")
    #expect(catalogue.locale("ko").date("2026-10-02") == "2026년 10월 2일")
  }

  @Test func numbersListsQuotesAndDatesFollowTheLanguage() {
    let english = Self.catalogue.locale("en")
    let spanish = Self.catalogue.locale("es")
    #expect(
      english.number(12500.5) == "12,500.5" && english.number(1000) == "1,000" && english.number(-0.25) == "-0.25")
    #expect(
      spanish.number(12500.5) == "12\u{00A0}500,5" && spanish.number(1000) == "1000"
        && spanish.number(10000) == "10\u{00A0}000")
    #expect(
      english.list(["a", "b", "c"]) == "a, b and c" && spanish.list(["a", "b"]) == "a y b" && english.list([]) == "")
    #expect(english.quoted("Lima") == "“Lima”" && spanish.quoted("Lima") == "«Lima»")
    #expect(
      english.date("2026-10-02T11:40:00Z") == "2 October 2026" && spanish.date("2026-10-02") == "2 de octubre de 2026")
    #expect(english.date("not a date") == "not a date")
  }

  /// Every message in the files is said somewhere in the program (as `.caseName`): a message
  /// the code no longer uses is removed, not left for translators to keep up.
  @Test func everyMessageIsUsed() throws {
    // Every name written after a '.', gathered once.
    var members = Set<Substring>()
    var pending = [Paths.at("Sources")]
    while let folder = pending.popLast() {
      for name in try FileReading.list(folder) {
        let path = folder + "/" + name
        if FileReading.kind(path) == .directory {
          pending.append(path)
        } else if name.hasSuffix(".swift") && !name.contains("+Generated") {
          let text = String(decoding: try FileReading.read(path, maxBytes: 1 << 22), as: UTF8.self)
          for part in text.split(separator: ".").dropFirst() {
            members.insert(part.prefix { $0.isLetter || $0.isNumber })
          }
        }
      }
    }
    let unused = MessageKey.allCases.filter { !members.contains(Substring("\($0)")) }
    #expect(unused.isEmpty, "messages no code says: \(unused.map(\.rawValue))")
  }

  /// A loader's diagnostics about an answers file read in the survey's language: the same
  /// problem, worded per language, with the same placeholders filled.
  @Test func answersDiagnosticsSpeakTheSurveysLanguage() throws {
    let survey = try TinySurvey.load()
    let (file, root) = try node(
      "survey: tiny\nsurvey_version: 1.2.0\nlanguage: es\ncity: {name: X}\nanswers:\n  datasets: 5000\n  strategy: adoptd\n"
    )
    let log = DiagnosticLog()
    #expect(AnswersLoader.load(file, root, registry: SurveyRegistry([survey]), log: log) == nil)
    let spanish = DiagnosticRenderer(language: "es").render(log.sorted)
    let english = DiagnosticRenderer(language: "en").render(log.sorted)
    #expect(spanish.contains("'datasets' debe ser como máximo 1000; se encontró 5000"), "\(spanish)")
    #expect(spanish.contains("'adoptd' no es una opción de 'strategy'; ¿quiso decir 'adopted'?"), "\(spanish)")
    #expect(english.contains("'datasets' must be at most 1000, found 5000"), "\(english)")
    // A language without a catalogue reads English, message by message.
    #expect(DiagnosticRenderer(language: "de").render(log.sorted) == english)
    let french = DiagnosticRenderer(language: "fr").render(log.sorted)
    #expect(french.contains("'datasets' doit valoir au plus 1000\u{202F}; trouvé\u{00A0}: 5000"), "\(french)")
  }
}
