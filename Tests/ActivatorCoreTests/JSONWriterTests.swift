import ActivatorCore
import ActivatorYAML
import Testing

/// The JSON writer: commas, nesting and layout in both styles, strings escaped so that the JSON
/// reads back as the text and stays inert on a terminal, and numbers that read back exactly.
@Suite struct JSONWriterTests {
  func sample(_ writer: JSONWriter) {
    writer.object {
      writer.key("name", "Kestrel Bay")
      writer.key("stages") { writer.array { for stage in [4, 3] { writer.int(stage) } } }
      writer.key("empty") { writer.array {} }
      writer.key("target", nil as Int?)
      writer.key("groups") {
        writer.array {
          writer.object { writer.key("ok", true) }
          writer.object {}
        }
      }
    }
  }

  @Test func compactAndPrettyLayouts() {
    let compact = JSONWriter()
    sample(compact)
    #expect(
      compact.finish() == #"{"name":"Kestrel Bay","stages":[4,3],"empty":[],"target":null,"groups":[{"ok":true},{}]}"#)
    let pretty = JSONWriter(pretty: true)
    sample(pretty)
    #expect(
      pretty.finish() == """
        {
          "name": "Kestrel Bay",
          "stages": [
            4,
            3
          ],
          "empty": [],
          "target": null,
          "groups": [
            {
              "ok": true
            },
            {}
          ]
        }
        """)
    compact.reset()
    compact.array { compact.string("again") }
    #expect(compact.finish() == #"["again"]"#)
  }

  @Test func stringsAreEscapedAndReadBack() throws {
    let awkward =
      "quote \" backslash \\ line\nreturn\r tab\t bell\u{07} escape\u{1B}[31m del\u{7F} c1\u{85} ls\u{2028} rlo\u{202E} isolate\u{2066} é 한 🏙"
    let writer = JSONWriter()
    writer.array { writer.string(awkward) }
    let json = writer.finish()
    #expect(
      json
        == #"["quote \" backslash \\ line\nreturn\r tab\t bell\u0007 escape\u001b[31m del\u007f c1\u0085 ls\u2028 rlo\u202e isolate\u2066 é 한 🏙"]"#
    )
    #expect(json.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
    let parsed = try #require(try YAMLParser.parse(Array(json.utf8)))
    #expect(parsed.sequence?.first?.scalar == awkward)
  }

  /// The writer escapes by bytes; every scalar near the escaped ranges (C0, DEL, C1, Latin-1,
  /// the general punctuation block), alone, between letters and at either end, is written as the
  /// per-scalar rule says.
  @Test func escapingByBytesFollowsTheScalarRule() {
    func expected(_ scalar: Unicode.Scalar) -> String {
      switch scalar.value {
      case 0x22: return #"\""#
      case 0x5C: return #"\\"#
      case 0x0A: return #"\n"#
      case 0x0D: return #"\r"#
      case 0x09: return #"\t"#
      case 0..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069:
        let hex = String(scalar.value, radix: 16)
        return #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex
      default: return String(scalar)
      }
    }
    let scalars =
      (0...0x2FF).compactMap(Unicode.Scalar.init) + (0x2000...0x20FF).compactMap(Unicode.Scalar.init)
      + ["\u{E000}", "\u{FFFD}", "\u{1F3D9}"]
    for scalar in scalars {
      let alone = String(scalar)
      for text in [alone, "a" + alone + "b", alone + alone + "z", "y" + alone] {
        let writer = JSONWriter()
        writer.string(text)
        let want = "\"" + text.unicodeScalars.map(expected).joined() + "\""
        #expect(writer.finish() == want, "U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  /// Texts escaped once (`JSONTexts`) and copied into rows must be the very bytes the writer
  /// would write for the text, in either layout and with the separators around them.
  @Test func textsEscapedBeforehandAreWrittenAsTheWriterWouldWriteThem() {
    let texts = ["Kestrel Bay", "quote \" back \\ line\n bell\u{07} c1\u{85} rlo\u{202E}", "é 한 🏙", ""]
    for pretty in [false, true] {
      let direct = JSONWriter(pretty: pretty)
      let escaped = JSONWriter(pretty: pretty)
      direct.object {
        direct.key("first", texts[0])
        direct.key("none", nil as String?)
        direct.key("all") { direct.array { for text in texts { direct.string(text) } } }
      }
      escaped.object {
        escaped.key("first", EscapedJSON(texts[0]))
        escaped.key("none", nil as EscapedJSON?)
        escaped.key("all") { escaped.array { for text in texts { escaped.string(EscapedJSON(text)) } } }
      }
      #expect(escaped.finish() == direct.finish(), "pretty: \(pretty)")
      // The same texts kept in one list and picked by index, a missing one written as null.
      let listed = JSONWriter(pretty: pretty)
      let list = EscapedTexts(optional: [texts[0], nil] + texts)
      listed.object {
        listed.key("first", list, 0)
        listed.key("none", list, 1)
        listed.key("all", list, at: Array(2..<list.count))
      }
      #expect(listed.finish() == direct.finish(), "pretty: \(pretty)")
      let absent = JSONWriter(pretty: pretty)
      absent.object { absent.key("none", list, nil as Int?) }
      let null = JSONWriter(pretty: pretty)
      null.object { null.key("none", nil as String?) }
      #expect(absent.finish() == null.finish())
    }
  }

  @Test func numbersReadBackExactlyAndNonFiniteOnesAreNull() {
    let writer = JSONWriter()
    writer.array {
      for value in [3.0, -0.0, 0.1 + 0.2, 1e16, 2.5e-8, .infinity, .nan] { writer.double(value) }
      writer.int(Int.min)
    }
    #expect(writer.finish() == "[3,-0,0.30000000000000004,1e+16,2.5e-08,null,null,-9223372036854775808]")
  }

  /// A number written as a string of its digits is the string of its description.
  @Test func digitsAsAStringAreTheNumbersText() {
    for value in [0, 7, 10, 12_345, -3, Int.min, Int.max] {
      let digits = JSONWriter()
      digits.array { digits.string(digitsOf: value) }
      let text = JSONWriter()
      text.array { text.string(String(value)) }
      #expect(digits.finish() == text.finish())
    }
  }

  /// Fractions with a few decimals are written from integer digits (`fewDecimals`), the rest by
  /// the standard library: both must be its shortest round-trip text, for values near every
  /// decimal boundary, both signs, and magnitudes on either side of the fast path's limits.
  @Test func fewDecimalsWriteTheStandardLibrarysDigits() {
    func parts(_ value: Double) -> [Int]? { JSONWriter.fewDecimals(value).map { [$0.scaled, $0.decimals] } }
    #expect(parts(0.375) == [375, 3])
    #expect(parts(-12.5) == [-125, 1])
    #expect(parts(0.0001) == [1, 4])
    #expect(parts(4.300000000000001) == nil)
    #expect(parts(0.00015) == nil)
    #expect(parts(2e11 + 0.5) == nil)
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var fast = 0
    for round in 0..<60_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let whole = Double(Int64(truncatingIfNeeded: state >> 11) % 2_000_000_000_000 - 1_000_000_000_000)
      let scale = [10.0, 100, 1000, 10000, 100_000][round % 5]
      for value in [whole / scale, whole / 7, (whole / scale).nextUp, (whole / scale) * 0.1, 1 / scale + whole * 1e-9] {
        guard value.isFinite, value != value.rounded(.towardZero) else { continue }
        if parts(value) != nil { fast += 1 }
        #expect(JSONWriter.format(value) == value.description, "\(value.bitPattern)")
      }
    }
    #expect(fast > 50_000)
    for value in [0.001, 0.01, 0.1, 0.5, -0.25, 99_999_999_999.5, 1e10 + 0.25, 0.9999, 1.0005, 7.07] {
      #expect(JSONWriter.format(value) == value.description)
    }
  }
}
