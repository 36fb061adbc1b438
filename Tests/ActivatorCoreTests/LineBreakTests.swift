import ActivatorCore
import ActivatorYAML
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One definition of "line" (issue 22): positions are the lines an editor shows (LF, CR, CRLF),
/// whatever YAML line breaks (also NEL, LS, PS) a file uses; the quoted line and its caret agree
/// with the position. Every kind of break is tried in answers, survey and plugin files, with a
/// syntax error and a type error after the break.
@Suite struct LineBreakTests {
  enum Break: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case lf, cr, crlf, nel, ls, ps

    var text: String {
      switch self {
      case .lf: "\n"
      case .cr: "\r"
      case .crlf: "\r\n"
      case .nel: "\u{85}"
      case .ls: "\u{2028}"
      case .ps: "\u{2029}"
      }
    }
    var length: Int { self == .crlf ? 2 : 1 }
    var editorSeesIt: Bool { self == .lf || self == .cr || self == .crlf }
    var testDescription: String { rawValue }
  }

  /// Where an editor shows line `line`, column `column` (1-based, as libyaml counts them when
  /// every break is a line feed) of `lines` joined by `kind`.
  static func editorPosition(_ lines: [String], _ kind: Break, line: Int, column: Int) -> (Int, Int) {
    if kind.editorSeesIt { return (line, column) }
    let before = lines.prefix(line - 1).reduce(0) { $0 + $1.unicodeScalars.count + kind.length }
    return (1, before + column)
  }

  /// The position a diagnostic `code` has in the text joined with line feeds, and the one it
  /// has in the text joined with `kind`; and checks that the quoted line and caret agree.
  func positions(
    _ lines: [String], _ kind: Break, code: String, load: (SourceFile, DiagnosticLog) -> Void
  ) throws -> (expected: (Int, Int), actual: (Int, Int)) {
    func run(_ text: String) throws -> (Diagnostic, SourceFile) {
      let log = DiagnosticLog()
      let file = SourceFile(path: "f.yaml", bytes: Array(text.utf8))
      load(file, log)
      let found = try #require(log.sorted.first { $0.code == code }, "no \(code) in \(log.sorted.map(\.message))")
      return (found, file)
    }
    let (reference, _) = try run(lines.joined(separator: "\n"))
    let (diagnostic, file) = try run(lines.joined(separator: kind.text))
    let location = diagnostic.location
    #expect(location.line >= 1 && location.line <= file.lineCount)
    // The caret sits under the character the position names.
    let shown = DiagnosticRenderer(showSource: true, sources: [file.path: file]).render(diagnostic).split(
      separator: "\n")
    let line = try #require(file.line(location.line))
    let target = Array(line.unicodeScalars).dropFirst(location.column - 1).first
    if shown.count >= 3, let target, !InertText.isActive(target, keepingLines: false) {
      let caret = shown[2].count - 3  // "  " prefix, then spaces up to '^'
      let quoted = Array(shown[1].dropFirst(2))
      #expect(
        caret < quoted.count && quoted[caret] == Character(target),
        "caret under the wrong character:\n\(shown.joined(separator: "\n"))")
    }
    let expected = Self.editorPosition(lines, kind, line: reference.location.line, column: reference.location.column)
    return (expected, (location.line, location.column))
  }

  // MARK: - Answers files

  static let answersLines = ["survey: tiny", "survey_version: 1.2.0", "city: {name: X}", "answers:", "  portal: yes"]

  func loadAnswers(_ file: SourceFile, _ log: DiagnosticLog) {
    guard let registry = try? SurveyRegistry([TinySurvey.load()]),
      let (source, root) = Document.parse(file, limits: .untrusted, log: log)
    else { return }
    _ = AnswersLoader.load(source, root, registry: registry, log: log)
  }

  @Test(arguments: Break.allCases)
  func answersTypeErrorAfterTheBreak(_ kind: Break) throws {
    let lines = Self.answersLines + ["  datasets: many"]
    let (expected, actual) = try positions(lines, kind, code: "wrong-type", load: loadAnswers)
    #expect(actual == expected)
    if !kind.editorSeesIt { #expect(actual.0 == 1) }
  }

  @Test(arguments: Break.allCases)
  func answersSyntaxErrorAfterTheBreak(_ kind: Break) throws {
    let lines = Self.answersLines + ["  datasets: [3", "  online: 5"]
    let (expected, actual) = try positions(lines, kind, code: "yaml-syntax", load: loadAnswers)
    #expect(actual == expected)
  }

  @Test(arguments: Break.allCases)
  func utf16AnswersPlaceErrorsOnEditorLines(_ kind: Break) throws {
    let text = (Self.answersLines + ["  datasets: many"]).joined(separator: kind.text)
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let log = DiagnosticLog()
    loadAnswers(SourceFile(path: "f.yaml", bytes: bytes), log)
    let found = try #require(log.sorted.first { $0.code == "wrong-type" })
    let expected = Self.editorPosition(Self.answersLines + ["  datasets: many"], kind, line: 6, column: 13)
    #expect((found.location.line, found.location.column) == expected)
  }

  /// The usual way a NEL gets in: a Windows-1252 '…' read as Latin-1, here in a comment. YAML
  /// ends the comment there; the error that follows names the editor's lines, and a note shows
  /// the hidden break.
  @Test func aHiddenBreakIsPointedOut() throws {
    let text = "survey: tiny\nsurvey_version: 1.2.0\n# cities\u{85}and more\ncity: {name: X}\nanswers:\n  portal: yes\n"
    let log = DiagnosticLog()
    loadAnswers(SourceFile(path: "f.yaml", bytes: Array(text.utf8)), log)
    let syntax = try #require(log.sorted.first { $0.code == "yaml-syntax" })
    #expect(syntax.location.line == 4 && syntax.location.column == 1)
    #expect(syntax.message.contains("at 3:10"))
    #expect(
      syntax.notes.contains { $0.message.contains("U+0085") && $0.location?.line == 3 && $0.location?.column == 9 })
  }

  // MARK: - Surveys

  static var surveyLines: [String] {
    TinySurvey.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  func loadSurvey(_ file: SourceFile, _ log: DiagnosticLog) {
    guard let (source, root) = Document.parse(file, limits: .authored, log: log) else { return }
    _ = SurveyLoader.load(source, root, log: log)
  }

  @Test(arguments: Break.allCases)
  func surveyTypeErrorAfterTheBreak(_ kind: Break) throws {
    let lines = Self.surveyLines.map { $0.hasSuffix("max: 1000") ? $0.replacing("1000", with: "lots") : $0 }
    #expect(lines != Self.surveyLines)
    let (expected, actual) = try positions(lines, kind, code: "wrong-type", load: loadSurvey)
    #expect(actual == expected)
  }

  @Test(arguments: Break.allCases)
  func surveySyntaxErrorAfterTheBreak(_ kind: Break) throws {
    let lines = Self.surveyLines.map { $0.hasSuffix("min: 0") ? $0.replacing("min: 0", with: "min: [0") : $0 }
    let (expected, actual) = try positions(lines, kind, code: "yaml-syntax", load: loadSurvey)
    #expect(actual == expected)
  }

  // MARK: - Rule plugins

  static let pluginLines = [
    "plugin: breaks", "version: 1.0.0", "name: {en: Breaks, es: Saltos}", "languages: [en, es]",
    "applies_to: [{survey: wego-activator, versions: \">=1.0.0 <2.0.0\"}]", "criteria:", "  - id: gov-open-data",
    "    pillar: government", "    stage: 2", "    title: {en: Open data, es: Datos abiertos}",
  ]

  func loadPlugin(_ file: SourceFile, _ log: DiagnosticLog) {
    let shipped = DiagnosticLog()
    guard let survey = SurveyLoader.load(Paths.survey, log: shipped),
      let (source, root) = Document.parse(file, limits: .authored, log: log),
      let plugin = PluginLoader.loadSingleFile(source, root, log: log)
    else { return }
    _ = ProgramCompiler.compile(survey: survey, plugins: [plugin], log: log)
  }

  @Test(arguments: Break.allCases)
  func pluginTypeErrorInAnExpressionAfterTheBreak(_ kind: Break) throws {
    let lines = Self.pluginLines + ["    when: \"gov_open_data_portal == 1\""]
    let (expected, actual) = try positions(lines, kind, code: "type-mismatch", load: loadPlugin)
    #expect(actual == expected)
  }

  @Test(arguments: Break.allCases)
  func pluginTypeErrorInAFoldedExpressionAfterTheBreak(_ kind: Break) throws {
    let lines = Self.pluginLines + ["    when: >", "      gov_open_data_portal", "      == 1"]
    if kind == .ls || kind == .ps {
      // YAML keeps LS and PS inside folded text, so the expression holds one, which the rule
      // language (CEL's whitespace) refuses: at the character itself.
      let log = DiagnosticLog()
      loadPlugin(SourceFile(path: "f.yaml", bytes: Array(lines.joined(separator: kind.text).utf8)), log)
      let found = try #require(log.sorted.first { $0.message.contains("unexpected character") })
      #expect((found.location.line, found.location.column) == Self.editorPosition(lines, kind, line: 12, column: 27))
      return
    }
    let (expected, actual) = try positions(lines, kind, code: "type-mismatch", load: loadPlugin)
    #expect(actual == expected)
  }

  @Test(arguments: Break.allCases)
  func pluginSyntaxErrorAfterTheBreak(_ kind: Break) throws {
    let lines = Self.pluginLines + ["    when: [gov_open_data_portal"]
    let (expected, actual) = try positions(lines, kind, code: "yaml-syntax", load: loadPlugin)
    #expect(actual == expected)
  }

  // MARK: - Lines themselves

  @Test func editorLinesAndYAMLBreaks() {
    let text = "a\u{85}b\r\nc\rd\u{2028}e\nf"
    let lines = SourceFile(path: "x", bytes: Array(text.utf8))
    #expect(lines.lineCount == 4)
    #expect((1...4).map { lines.line($0) } == ["a\u{85}b", "c", "d\u{2028}e", "f"])
    #expect(LineBreak.split(text) == ["a", "b", "c", "d", "e", "f"])
    // A byte-order mark is not a column.
    let marked = SourceFile(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8))
    #expect(marked.location(ofByte: 4).column == 2)
    #expect(marked.location(ofByte: 7) == SourceLocation(file: "x", line: 2, column: 2))
  }

  @Test func longLinesAreQuotedInAWindowAroundTheColumn() {
    let line = String(repeating: "k: 1, ", count: 40_000) + "BAD" + String(repeating: ", x: 2", count: 40_000)
    let column = 40_000 * 6 + 1
    let (quoted, caret) = DiagnosticRenderer.quote(line, column: column)
    #expect(quoted.count < 2 * DiagnosticRenderer.quoteWidth)
    #expect(quoted.hasPrefix("…") && quoted.hasSuffix("…"))
    #expect(Array(quoted)[caret...].starts(with: "BAD"))
  }
}

/// Character indices, byte offsets and editor positions agree everywhere, on long lines of
/// multi-byte text too (the checkpoints that keep lookups short must never shift them).
@Suite struct TextLinesTests {
  @Test func everyCharacterMapsBackAndForth() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "é", "中", "🙂", "\n", "\r\n", "\r", "\u{85}", " "]
    var text = "\u{FEFF}"
    for _ in 0..<3000 { text += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
    text += String(repeating: "é中", count: 2000)
    let bytes = Array(text.utf8)
    let lines = TextLines(bytes)
    var expectedLine = 1
    var expectedColumn = 1
    var character = 0
    var previous: Unicode.Scalar?
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 3
      for scalar in text.unicodeScalars.dropFirst() {
        if previous == "\r" && scalar != "\n" || previous == "\n" {
          expectedLine += 1
          expectedColumn = 1
        }
        #expect(lines.byteOffset(ofCharacter: character, in: buffer) == offset)
        #expect(lines.characterIndex(ofByte: offset, in: buffer) == character)
        let mark = lines.mark(ofCharacter: character)
        #expect(mark.line == expectedLine && mark.column == expectedColumn, "character \(character)")
        if !LineBreak.isEditorBreak(scalar) {
          #expect(lines.byteOffset(line: expectedLine, column: expectedColumn, in: buffer) == offset)
        }
        offset += UTF8.width(scalar)
        character += 1
        expectedColumn += 1
        previous = scalar
      }
    }
  }

  @Test func styleSequencesPassOnlyWhenAskedAndOnlyActivatorsOwn() {
    let ours = "\u{1B}[1;31merror:\u{1B}[0m x\n"
    #expect(InertText.terminal(ours, keepingStyle: true) == ours)
    #expect(InertText.terminal(ours, keepingStyle: false) == "\\u{1B}[1;31merror:\\u{1B}[0m x\n")
    for hostile in ["\u{1B}]0;title\u{7}", "\u{1B}[2J", "\u{1B}[8m", "\u{1B}[30;40m", "\u{9B}31m", "\u{202E}", "\r"] {
      #expect(
        !InertText.terminal("a" + hostile + "b", keepingStyle: true).unicodeScalars.contains {
          InertText.isActive($0, keepingLines: true)
        })
    }
  }
}

/// Invalid UTF-8 is counted as decoding shows it (each maximal invalid subpart one U+FFFD), so a
/// position in a file with a stray byte agrees with the line a snippet quotes (found by fuzzing:
/// a stray continuation byte after CRLF was placed on the line before).
@Suite struct InvalidTextPositionTests {
  @Test func columnsCountWhatDecodingShows() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      [0x61], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x99, 0x82], [0x0A], [0x0D, 0x0A], [0x0D], [0x98], [0xFF],
      [0xC0, 0x80],
      [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC2], [0xF0, 0x9F],
    ]
    for _ in 0..<50 {
      var bytes: [UInt8] = []
      for _ in 0..<200 { bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
      let lines = TextLines(bytes)
      bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
          let mark = lines.mark(ofByte: offset, in: buffer)
          if let range = lines.byteRange(ofLine: mark.line), offset <= range.upperBound {
            let before = String(decoding: buffer[range.lowerBound..<offset], as: UTF8.self).unicodeScalars.count
            #expect(mark.column == before + 1, "offset \(offset) in \(bytes)")
            #expect(lines.byteOffset(line: mark.line, column: mark.column, in: buffer) == offset)
          }
          offset += TextLines.characterLength(buffer, at: offset)
        }
      }
    }
  }
}
