import ActivatorYAML

/// A number a fixture expects (a pillar's score, a metric), compared at the precision it is
/// written with: `0.742` accepts what rounds to 0.742 (0.7415 to 0.7425) and refuses 0.736;
/// `74.33` accepts 74.333…; a whole number (`44`) accepts only 44, because rounding it to units
/// would accept 43.5 to 44.5, which nobody writing a count means. `{value: 74.3, tolerance: 0.1}`
/// states the margin instead. A failure prints the number as it was written.
package struct ExpectedNumber: Sendable, Equatable {
  package var value: Double
  /// The number as the fixture writes it.
  package var written: String
  /// Decimals written (mantissa decimals less the exponent); 0 for a whole number.
  package var decimals: Int
  /// The margin given with `tolerance:`, if any.
  package var tolerance: Double?

  /// How far from `value` an actual number may be and still match.
  package var margin: Double {
    if let tolerance { return tolerance }
    return decimals > 0 ? 0.5 * Self.power(decimals) : 0
  }

  package func matches(_ actual: Double) -> Bool {
    // The relative slack absorbs binary rounding (an average of thirds that prints as 44).
    abs(actual - value) <= margin + 1e-9 * max(1, abs(value))
  }

  /// What was expected, as written and with the rule it is compared by.
  package var described: Message {
    if let tolerance {
      return Message(
        .fixtureNumberWithin, ["written": .text(written), "tolerance": .text(JSONWriter.format(tolerance))])
    }
    if decimals > 0 {
      return Message(.fixtureNumberAtDecimals, ["written": .text(written), "count": .count(decimals)])
    }
    return Message(.fixtureNumberExactly, ["written": .text(written)])
  }

  /// An actual number shown finely enough to see how it differs from this expectation.
  package func show(_ actual: Double) -> String {
    var scale = 1.0
    for _ in 0..<min(max(decimals + 2, 3), 12) { scale *= 10 }
    return JSONWriter.format((actual * scale).rounded() / scale)
  }

  /// 10 to the power -places.
  static func power(_ places: Int) -> Double {
    var result = 1.0
    for _ in 0..<places { result /= 10 }
    return result
  }

  /// Decimals a number's text shows: `0.742` 3, `44` 0, `1.5e-3` 4, `2e3` 0.
  static func decimals(of text: String) -> Int {
    let lower = text.lowercased()
    let parts = lower.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
    let mantissa = parts.first ?? ""
    let fraction =
      mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.index(after: $0), to: mantissa.endIndex) }
      ?? 0
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    return max(0, fraction - max(-1_000, min(1_000, exponent)))
  }

  /// A plain (unquoted) number scalar as an expectation at its written precision; nil if it is
  /// no number (a metric's expected text, yes/no or unknown).
  static func plain(_ node: YAMLNode) -> ExpectedNumber? {
    guard node.scalarStyle?.isQuoted != true, let text = node.scalar, case .value(let number) = NumberText.parse(text)
    else { return nil }
    return written(text, number)
  }

  static func written(_ text: String, _ number: Double) -> ExpectedNumber {
    let written = text.trimmingSpaces
    return ExpectedNumber(value: number, written: written, decimals: decimals(of: written), tolerance: nil)
  }

  /// A number, or `{value: N, tolerance: T}`; problems reported at the node.
  static func read(_ node: YAMLNode, _ what: Message, _ reader: NodeReader) -> ExpectedNumber? {
    guard node.mapping != nil else {
      return reader.double(node, what).flatMap { number in node.scalar.map { written($0, number) } }
    }
    guard let fields = reader.fields(node, what, allowed: ["value", "tolerance"]),
      let valueNode = fields.required("value", reader), let toleranceNode = fields.required("tolerance", reader),
      let number = reader.double(valueNode, what), let text = valueNode.scalar,
      let tolerance = reader.double(toleranceNode, Message(.whatTolerance))
    else { return nil }
    var expected = written(text, number)
    guard tolerance >= 0 else {
      reader.error(
        "out-of-range", Message(.fixtureToleranceNegative, ["value": .text(toleranceNode.scalar ?? "")]), toleranceNode)
      return nil
    }
    expected.tolerance = tolerance
    return expected
  }
}
