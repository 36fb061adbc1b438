import ActivatorCore
import ActivatorYAML
import Testing

/// Every string of the shipped survey goes through the YAML writer, in a template's comments
/// and in answers' values, with every YAML line break and the characters YAML forbids inside it,
/// and must read back (issue 11, defect 14).
@Suite struct WriterRoundTripTests {
  /// The YAML line breaks, then characters a YAML file may not hold as they are.
  static let awkward = [
    "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{1B}]0;x\u{7}", "\u{0}", "\u{7F}", "\u{9B}", "\u{FEFF}",
    "\u{FFFE}", "\t",
  ].map(Awkward.init)

  struct Awkward: Sendable, CustomTestStringConvertible {
    let text: String
    var testDescription: String { InertText.line(text) }
  }

  static func spiked(_ text: String, with awkward: String) -> String {
    let middle = text.index(text.startIndex, offsetBy: text.count / 2)
    return String(text[..<middle]) + awkward + String(text[middle...])
  }

  static func spiked(_ text: LocalizedText, with awkward: String) -> LocalizedText {
    LocalizedText(text.translations.map { ($0.language, spiked($0.text, with: awkward)) })
  }

  /// The shipped survey with `awkward` in the middle of every text a template shows.
  static func survey(spikedWith awkward: String) throws -> Survey {
    var survey = try #require(SurveyLoader.load(Paths.survey, log: DiagnosticLog()))
    survey.title = spiked(survey.title, with: awkward)
    for index in survey.sections.indices {
      survey.sections[index].title = spiked(survey.sections[index].title, with: awkward)
    }
    for index in survey.pillars.indices {
      survey.pillars[index].description = survey.pillars[index].description.map { spiked($0, with: awkward) }
    }
    for index in survey.questions.indices {
      var question = survey.questions[index]
      question.text = spiked(question.text, with: awkward)
      question.help = question.help.map { spiked($0, with: awkward) }
      question.unit = question.unit.map { UnitText(spiked($0.text, with: awkward), forms: $0.forms) }
      question.source = question.source.map { spiked($0, with: awkward) }
      for option in question.options.indices {
        question.options[option].label = spiked(question.options[option].label, with: awkward)
      }
      survey.questions[index] = question
    }
    return survey
  }

  @Test(arguments: WriterRoundTripTests.awkward)
  func templatesStayValidWhateverTheSurveyTextHolds(_ awkward: Awkward) throws {
    let survey = try Self.survey(spikedWith: awkward.text)
    for language in survey.languages {
      let blank = AnswerSheet.blank(for: survey, language: language, city: City(name: "Valmora"), path: "t.yaml")
      let text = AnswersWriter.write(blank, survey: survey, mode: .template)
      let log = DiagnosticLog()
      let file = SourceFile(path: "t.yaml", bytes: Array(text.utf8))
      let parsed = Document.parse(file, limits: .untrusted, log: log)
      let (source, root) = try #require(parsed, "template does not parse: \(log.sorted.map(\.message))")
      let answers = try #require(root.mapping?.first { $0.key.scalar == "answers" }?.value.mapping)
      #expect(answers.map { $0.key.scalar ?? "" } == survey.questions.map(\.id), "a comment leaked into the answers")
      _ = AnswersLoader.load(source, root, registry: SurveyRegistry([survey]), log: log)
      #expect(!log.hasErrors, "\(log.sorted.map(\.message))")
    }
  }

  @Test(arguments: WriterRoundTripTests.awkward)
  func everyWrittenValueReadsBack(_ awkward: Awkward) throws {
    let awkward = awkward.text
    let survey = try TinySurvey.load()
    var sheet = AnswerSheet.blank(
      for: survey, language: "en",
      city: City(
        name: Self.spiked("Santa Lucerna", with: awkward), country: "Ke" + awkward + "nya", region: "x" + awkward),
      path: "a.yaml")
    sheet.respondent = Respondent(name: Self.spiked("Ana Pérez", with: awkward), role: awkward + "lead")
    let textSlot = try #require(survey.questions.firstIndex { $0.kind is TextKind })
    sheet.values[textSlot] = .text(Self.spiked("free text", with: awkward))
    sheet.notes[0] = Self.spiked("a note", with: awkward)
    let text = AnswersWriter.write(sheet, survey: survey, mode: .answers)
    let log = DiagnosticLog()
    let file = SourceFile(path: "a.yaml", bytes: Array(text.utf8))
    let parsed = try #require(
      Document.parse(file, limits: .untrusted, log: log), "\(log.sorted.map(\.message))\n\(text)")
    let loaded = AnswersLoader.load(parsed.0, parsed.1, registry: SurveyRegistry([survey]), log: log)
    if loaded == nil { Issue.record("\(log.sorted.map { "\($0.location) \($0.message)" })") }
    let (reread, _) = try #require(loaded)
    #expect(reread.city == sheet.city)
    #expect(reread.respondent == sheet.respondent)
    #expect(reread.values[textSlot] == sheet.values[textSlot])
    #expect(reread.notes == sheet.notes)
  }

  @Test func commentsBreakAtEveryYAMLLineBreak() throws {
    var writer = YAMLWriter()
    writer.comment("one\rtwo\r\nthree\u{85}four\u{2028}five\u{2029}six\u{1B}")
    writer.pair("k", rawValue: "1", comment: "trailing\rcomment")
    #expect(writer.text == "# one\n# two\n# three\n# four\n# five\n# six\\u{1B}\nk: 1  # trailing comment\n")
    let root = try #require(try YAMLParser.parse(Array(writer.text.utf8)))
    #expect(root.mapping?.count == 1)
  }
}
