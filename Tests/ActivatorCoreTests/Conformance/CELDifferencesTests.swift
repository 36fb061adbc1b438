import Testing

@testable import ActivatorCore

/// Where the rule language deliberately does not give CEL's answer. Each difference pins the
/// documented behaviour and names the entry of "Differences from CEL" in docs/rules.md that
/// explains it; the last test checks that every such entry exists.
@Suite struct CELDifferencesTests {
  struct Difference: Sendable, CustomTestStringConvertible {
    /// The bold title of the entry in docs/rules.md.
    let documented: String
    /// What CEL gives, for the record.
    let cel: String
    let ours: CELCase
    var testDescription: String { ours.testDescription }
  }

  static let finite = "Decimal arithmetic stays finite."
  static let unsigned = "No unsigned integers."
  static let mixing = "Whole numbers and decimals mix."
  static let oneType = "A list holds one type."
  static let decimalText = "string() of a decimal."
  static let hiding = "Macro variables cannot hide questions."
  static let absent = "Not part of the rule language."

  static let differences: [Difference] = [
    .init(
      documented: finite, cel: "+infinity", ours: .init("division by zero", "15.75 / 0.0", error: "division by zero")),
    .init(
      documented: finite, cel: "-infinity",
      ours: .init("negative division by zero", "-15.75 / 0.0", error: "division by zero")),
    .init(documented: finite, cel: "NaN", ours: .init("zero by zero", "0.0 / 0.0", error: "division by zero")),
    .init(
      documented: finite, cel: "false (NaN equals nothing)",
      ours: .init("NaN never arises", "0.0 / 0.0 == 0.0 / 0.0", error: "division by zero")),
    .init(documented: finite, cel: "+infinity", ours: .init("overflow", "2.0 * 8.988466e+307", error: "out of range")),
    .init(
      documented: finite, cel: "-infinity",
      ours: .init("negative overflow", "2.0 * -8.988466e+307", error: "out of range")),
    .init(
      documented: finite, cel: "an infinity",
      ours: .init("overflow in a sum", "1.7e308 + 1.7e308", error: "out of range")),
    .init(documented: finite, cel: "NaN", ours: .init("text NaN", "double('NaN')", error: "not a finite number")),
    .init(
      documented: finite, cel: "+infinity", ours: .init("text infinity", "double('inf')", error: "not a finite number")),
    .init(
      documented: finite, cel: "a literal beyond the largest double",
      ours: .init("huge literal", "1e400", refused: "out of range")),
    .init(
      documented: unsigned, cel: "uint 1431655765",
      ours: .init("hexadecimal unsigned", "0x55555555u", refused: "unsigned integers")),
    .init(documented: unsigned, cel: "uint 44", ours: .init("unsigned sum", "42u + 2u", refused: "unsigned integers")),
    .init(
      documented: unsigned, cel: "an overflow error",
      ours: .init("unsigned underflow", "0u - 1u", refused: "unsigned integers")),
    .init(documented: unsigned, cel: "uint 1", ours: .init("upper-case suffix", "1U", refused: "without 'U'")),
    .init(
      documented: unsigned, cel: "uint 1729",
      ours: .init("conversion to unsigned", "uint(1729)", refused: "unknown function")),
    .init(
      documented: mixing, cel: "refused by the checker (no int + double overload)",
      ours: .init("int plus double", "1 + 1.0", 2.0)),
    .init(documented: mixing, cel: "refused by the checker", ours: .init("int divided by double", "3 / 2.0", 1.5)),
    .init(documented: mixing, cel: "int 1 (the list is list(dyn))", ours: .init("mixed list item", "[1, 2.0][0]", 1.0)),
    .init(
      documented: mixing, cel: "refused by the checker (branches differ)",
      ours: .init("mixed branches", "true ? 1 : 2.0", 1.0)),
    .init(
      documented: mixing, cel: "refused by the checker without dyn()",
      ours: .init("int equals double", "1 == 1.0", true)),
    .init(
      documented: oneType, cel: "list(dyn) [1, 'a']",
      ours: .init("number and text", "[1, 'a']", refused: "all items of a list must have one type")),
    .init(
      documented: oneType, cel: "true",
      ours: .init("in a mixed list", "'elem' in [1, 'elem', 2]", refused: "list mixes")),
    .init(
      documented: oneType, cel: "true",
      ours: .init("macro over a mixed list", "[1, 'foo', 3].exists(e, e != '1')", refused: "list mixes")),
    .init(
      documented: oneType, cel: "false",
      ours: .init("text and null", "['1', '2', null] == ['1', '2', '3']", refused: "list mixes")),
    .init(
      documented: decimalText, cel: "format left to implementations",
      ours: .init("whole decimal", "string(1000000.0)", "1000000")),
    .init(
      documented: decimalText, cel: "format left to implementations",
      ours: .init("whole decimal, no fraction", "string(2.0)", "2")),
    .init(
      documented: decimalText, cel: "format left to implementations",
      ours: .init("large decimal", "string(1e100)", "1e+100")),
    .init(
      documented: decimalText, cel: "format left to implementations",
      ours: .init("small decimal", "string(1e-7)", "1e-07")),
    .init(
      documented: decimalText, cel: "format left to implementations",
      ours: .init("shortest digits", "string(0.1 + 0.2)", "0.30000000000000004")),
    .init(
      documented: hiding, cel: "the variable hides the question inside the macro",
      ours: .init("variable named like a question", "[1].all(portal, portal > 0)", refused: "would hide the question")),
    .init(documented: absent, cel: "an empty map", ours: .init("map", "{}", refused: "maps")),
    .init(documented: absent, cel: "bytes", ours: .init("bytes", "b'abc'", refused: "bytes")),
    .init(documented: absent, cel: "int 1", ours: .init("dyn()", "dyn(1)", refused: "unknown function")),
    .init(documented: absent, cel: "the type int", ours: .init("type()", "type(1)", refused: "unknown function")),
    .init(
      documented: absent, cel: "true", ours: .init("matches()", "'hubba'.matches('ubb')", refused: "unknown method")),
    .init(
      documented: absent, cel: "a timestamp",
      ours: .init("timestamp()", "timestamp('2024-01-01T00:00:00Z')", refused: "unknown function")),
    .init(
      documented: absent, cel: "a field of a message or map",
      ours: .init("field selection", "remarks.length", refused: "fields")),
  ]

  @Test(arguments: differences) func pinned(_ difference: Difference) throws {
    try CELHarness.check(difference.ours)
  }

  @Test func everyDifferenceIsDocumented() throws {
    let text = String(decoding: try FileReading.read(Paths.at("docs/rules.md"), maxBytes: 1 << 20), as: UTF8.self)
    let section = try #require(text.firstRange(of: "## Differences from CEL")).upperBound
    let differences = String(text[section...].prefix { $0 != "#" })
    for title in Set(Self.differences.map(\.documented)) {
      #expect(differences.contains("**\(title)**"), "docs/rules.md does not list '\(title)' under Differences from CEL")
    }
  }
}
