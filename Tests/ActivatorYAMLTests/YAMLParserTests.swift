import ActivatorYAML
import Testing

@Suite struct YAMLParserTests {
  func parse(_ text: String, limits: YAMLLimits = .authored) throws(YAMLError) -> YAMLNode? {
    try YAMLParser.parse(Array(text.utf8), limits: limits)
  }

  @Test func positionsAreOneBasedLinesAndCharacterColumns() throws {
    let root = try #require(try parse("a: 1\nbé: \"x\"\nlist:\n  - one\n  - two\n"))
    let pairs = try #require(root.mapping)
    #expect(pairs.map { $0.key.scalar } == ["a", "bé", "list"])
    #expect(pairs[1].value.start == YAMLMark(line: 2, column: 5))
    #expect(pairs[1].value.scalarStyle == .doubleQuoted)
    let items = try #require(pairs[2].value.sequence)
    #expect(items[1].start == YAMLMark(line: 5, column: 5))
    #expect(items[1].scalar == "two")
  }

  @Test func scalarStylesAreKept() throws {
    let root = try #require(try parse("p: yes\ns: 'yes'\nd: \"yes\"\nl: |\n  x\nf: >\n  y\n"))
    let styles = try #require(root.mapping).map { $0.value.scalarStyle }
    #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
  }

  @Test func emptyStreamHasNoDocument() throws {
    #expect(try parse("") == nil)
    #expect(try parse("# only a comment\n") == nil)
  }

  @Test func nullsAreRecognised() throws {
    let root = try #require(try parse("a:\nb: ~\nc: null\nd: ''\n"))
    let nulls = try #require(root.mapping).map { $0.value.isNull }
    #expect(nulls == [true, true, true, false])
  }

  @Test func aliasesResolveToTheAnchoredNode() throws {
    let root = try #require(try parse("base: &b {x: 1}\ncopy: *b\n"))
    let copy = try #require(root.mapping?[1].value)
    #expect(copy.viaAlias)
    #expect(copy.mapping?.first?.key.scalar == "x")
  }

  @Test func undefinedAliasIsAnError() {
    #expect(throws: YAMLError.self) { try parse("a: *nothing\n") }
  }

  @Test func billionLaughsIsStoppedByTheNodeLimit() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(refs)]\n"
    }
    do {
      _ = try parse(text, limits: .untrusted)
      Issue.record("expected the alias bomb to be refused")
    } catch {
      #expect(error.kind == .limit)
      #expect(error.message.contains("aliases"))
    }
  }

  @Test func deepNestingIsStoppedAtTheDepthLimit() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    do {
      _ = try parse(text, limits: .untrusted)
      Issue.record("expected deep nesting to be refused")
    } catch {
      #expect(error.kind == .limit)
      #expect(error.mark.line == 1)
      #expect(error.mark.column == YAMLLimits.untrusted.maxDepth + 1)
    }
  }

  @Test func oversizedInputIsRefusedBeforeParsing() {
    let big = [UInt8](repeating: UInt8(ascii: "a"), count: YAMLLimits.untrusted.maxBytes + 1)
    #expect(throws: YAMLError.self) { try YAMLParser.parse(big, limits: .untrusted) }
  }

  @Test func longScalarsAreRefused() {
    let text = "note: " + String(repeating: "x", count: YAMLLimits.untrusted.maxScalarBytes + 1) + "\n"
    do {
      _ = try parse(text, limits: .untrusted)
      Issue.record("expected a long scalar to be refused")
    } catch {
      #expect(error.kind == .limit)
      #expect(error.mark == YAMLMark(line: 1, column: 7))
    }
  }

  @Test func secondDocumentIsRefused() {
    do {
      _ = try parse("a: 1\n---\nb: 2\n")
      Issue.record("expected a second document to be refused")
    } catch {
      #expect(error.kind == .unsupported)
      #expect(error.mark.line == 2)
    }
  }

  @Test func invalidUTF8IsAnEncodingErrorWithPosition() {
    var bytes = Array("a: ok\nb: ".utf8)
    bytes += [0xC3, 0x28]
    do {
      _ = try YAMLParser.parse(bytes)
      Issue.record("expected invalid UTF-8 to be refused")
    } catch {
      #expect(error.kind == .encoding)
      #expect(error.mark.line == 2)
    }
  }

  @Test func nulByteIsRefused() {
    let bytes = Array("a: b".utf8) + [0] + Array("c\n".utf8)
    #expect(throws: YAMLError.self) { try YAMLParser.parse(bytes) }
  }

  @Test func utf16WithByteOrderMarkIsRead() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "city: Málaga\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let root = try #require(try YAMLParser.parse(bytes))
    #expect(root.mapping?.first?.value.scalar == "Málaga")
  }

  @Test func syntaxErrorsNameLineAndColumn() {
    do {
      _ = try parse("a: [1, 2\nb: 3\n")
      Issue.record("expected a syntax error")
    } catch {
      #expect(error.kind == .syntax)
      #expect(error.message.hasPrefix("YAML syntax:"))
    }
  }

  @Test func tagsAreRecorded() throws {
    let root = try #require(try parse("a: !!python/object:os.system x\nb: !custom y\n"))
    let tags = try #require(root.mapping).map { $0.value.tag }
    #expect(tags == ["tag:yaml.org,2002:python/object:os.system", "!custom"])
  }

  @Test func crlfLineEndingsAndTabsInValues() throws {
    let root = try #require(try parse("a: one\r\nb: \"t\\tx\"\r\n"))
    #expect(root.mapping?[1].value.scalar == "t\tx")
    #expect(root.mapping?[1].value.start.line == 2)
  }
}

@Suite struct YAMLWriterTests {
  @Test(arguments: [
    "plain text", "yes", "No", "on", "null", "~", "123", "1e5", "0x1F", ".inf", "-", "- item", "a: b", "a #b", "#x",
    "[x]", "{x}", "'q'", "\"d\"", " lead", "trail ", "", "line\nbreak", "tab\there", "émoji 🙂", "x,y", "@at", "`tick",
    "%pct", "!bang", "&amp", "*star", "key:", "\u{2028}sep", "\u{7}bell",
  ])
  func everyScalarReadsBackUnchanged(_ value: String) throws {
    let text = "k: " + YAMLWriter.scalar(value) + "\n"
    let root = try #require(try YAMLParser.parse(Array(text.utf8)))
    let node = try #require(root.mapping?.first?.value)
    #expect(node.scalar == value)
    // Values that a YAML 1.1 reader would turn into booleans, numbers or null are quoted.
    if ["yes", "No", "on", "null", "~", "123", "1e5", "0x1F", ".inf", ""].contains(value) {
      #expect(node.scalarStyle == .doubleQuoted)
    }
  }

  @Test func identifiersStayPlain() {
    #expect(YAMLWriter.scalar("gov_strategy") == "gov_strategy")
    #expect(YAMLWriter.scalar("adopted_budget") == "adopted_budget")
    #expect(YAMLWriter.flowList(["a", "b c", "yes"]) == "[a, b c, \"yes\"]")
  }
}
