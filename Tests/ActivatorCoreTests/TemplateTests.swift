import Testing

@testable import ActivatorCore

/// `{name}` placeholders, as every message, ladder title and migration note fills them and as the
/// loaders check that each language names the same ones.
@Suite struct TemplateTests {
  @Test func namesInOrderWithRepeatsAndAccents() {
    #expect(
      Template.placeholders("Seuil {seuil_é} atteint à l’étape {stage}, {stage}") == ["seuil_é", "stage", "stage"])
    #expect(Template.placeholders("{année}년 {월}") == ["année", "월"])
    #expect(Template.placeholders("{}") == [""])
  }

  @Test func emojiAroundAndInsideBraces() {
    #expect(Template.placeholders("🚲 {n} 🚌{mode}🚆 {🚦}") == ["n", "mode", "🚦"])
    #expect(Template.fill("🚲 {n} 🚌{mode}🚆 {🚦}", ["n": "3", "mode": "BRT", "🚦": "👍🏽"]) == "🚲 3 🚌BRT🚆 👍🏽")
    // A flag is two code points; the value goes in whole.
    #expect(Template.fill("{flag}!", ["flag": "🇰🇷"]) == "🇰🇷!")
  }

  @Test func unmatchedBraces() {
    // A closing brace alone is text; an opening brace without a closing one ends the scan.
    #expect(Template.placeholders("a } b {x} c {unclosed") == ["x"])
    // The next '}' closes the first '{': the name here is "unclosed {y", which no value names.
    #expect(Template.fill("a } b {x} c {unclosed {y}", ["x": "X", "y": "Y"]) == "a } b X c {unclosed {y}")
    #expect(Template.placeholders("{open only") == [])
    #expect(Template.fill("é {x} {", ["x": "ü"]) == "é ü {")
    // The name runs from the first '{' to the next '}': it may hold a '{'.
    #expect(Template.placeholders("{a {b} c}") == ["a {b"])
    #expect(Template.fill("{a {b} c}", ["b": "B"]) == "{a {b} c}")
    #expect(Template.fill("{a {b} c}", ["a {b": "A"]) == "A c}")
  }

  @Test func textWithoutBracesIsUnchanged() {
    let plain = "São Paulo, Nairobi, 서울 — no placeholder here"
    #expect(Template.placeholders(plain) == [])
    #expect(Template.fill(plain, ["x": "never"]) == plain)
    #expect(Template.fill("", ["x": "never"]) == "")
  }

  @Test func unknownPlaceholdersStayAsWritten() {
    #expect(Template.fill("{known} and {unknown}", ["known": "à"]) == "à and {unknown}")
    #expect(Template.fill("{unknown}", [:]) == "{unknown}")
    #expect(Template.fill("{}", ["": "empty name"]) == "empty name")
  }

  @Test func valuesAreNotFilledAgain() {
    #expect(Template.fill("{a}{b}", ["a": "{b}", "b": "x"]) == "{b}x")
    #expect(Template.fill("{a}", ["a": "{"]) == "{")
  }

  /// Braces are found by code point: a combining mark after a brace does not hide it (a scan by
  /// extended grapheme cluster would see "{́" as one character and leave the placeholder raw).
  @Test func bracesAreCodePoints() {
    #expect(Template.placeholders("{\u{301}x}") == ["\u{301}x"])
    #expect(Template.fill("{x}\u{301} {y}", ["x": "1", "y": "2"]) == "1\u{301} 2")
  }

  @Test func substitutingFillsEveryTranslation() {
    let text = LocalizedText([("en", "{n} cities"), ("ko", "도시 {n}곳"), ("fr", "{n} villes")])
    let filled = text.substituting(["n": "12"])
    #expect(filled.text("en") == "12 cities")
    #expect(filled.text("ko") == "도시 12곳")
    #expect(filled.text("fr") == "12 villes")
  }
}
