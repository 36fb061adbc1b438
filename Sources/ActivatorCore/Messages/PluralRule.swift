/// A CLDR plural rule (https://cldr.unicode.org/index/cldr-spec/plural-rules), such as
/// `i = 1 and v = 0` (English "one") or `i = 0,1` (French "one"), read from a language's
/// message file and evaluated on the number a message counts.
///
/// Operands: `n` the absolute value, `i` its integer digits, `v` the number of visible
/// fraction digits, `f` those digits as a number, `t` the same without trailing zeros, `e` the
/// compact exponent (always 0 here: the engine writes numbers in full). Relations: `=`, `!=`,
/// with values, ranges `a..b` and lists `a,b`; `x % m`; joined by `and` (binds tighter) and `or`.
package struct PluralRule: Sendable, Hashable {
  /// `or` of `and`s of relations.
  let conditions: [[Relation]]

  struct Relation: Sendable, Hashable {
    var operand: Character
    var modulus: Int?
    var negated: Bool
    var ranges: [ClosedRange<Int>]
  }

  /// Reads a rule; nil with the reason when it is not one.
  package static func parse(_ text: String) -> Result<PluralRule, PluralRuleError> {
    var conditions: [[Relation]] = []
    for alternative in text.split(separator: " or ", omittingEmptySubsequences: false) {
      var relations: [Relation] = []
      for part in alternative.split(separator: " and ", omittingEmptySubsequences: false) {
        guard let relation = relation(String(part)) else {
          return .failure(PluralRuleError(rule: text, part: String(part)))
        }
        relations.append(relation)
      }
      conditions.append(relations)
    }
    return .success(PluralRule(conditions: conditions))
  }

  static func relation(_ text: String) -> Relation? {
    let words = text.split(separator: " ").map(String.init)
    guard let first = words.first, first.count == 1, let operand = first.first, "nivfte".contains(operand) else {
      return nil
    }
    var index = 1
    var modulus: Int?
    if index + 1 < words.count, words[index] == "%" {
      modulus = Int(words[index + 1])
      guard modulus != nil else { return nil }
      index += 2
    }
    guard index + 2 == words.count, words[index] == "=" || words[index] == "!=" else { return nil }
    var ranges: [ClosedRange<Int>] = []
    for item in words[index + 1].split(separator: ",") {
      let bounds = item.split(separator: ".", omittingEmptySubsequences: true)
      if item.contains(".."), bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high {
        ranges.append(low...high)
      } else if let value = Int(item) {
        ranges.append(value...value)
      } else {
        return nil
      }
    }
    return Relation(operand: operand, modulus: modulus, negated: words[index] == "!=", ranges: ranges)
  }

  /// Whether `number`, written with `fractionDigits` visible decimals, falls under the rule.
  package func matches(_ number: Double, fractionDigits: Int = 0) -> Bool {
    let operands = Operands(number, fractionDigits: fractionDigits)
    return conditions.contains { relations in relations.allSatisfy { $0.holds(operands) } }
  }
}

package struct PluralRuleError: Error, Sendable, Equatable {
  package var rule: String
  package var part: String
}

/// The CLDR operands of a number as written.
struct Operands {
  var n: Double
  var i: Int
  var v: Int
  var f: Int
  var t: Int

  init(_ number: Double, fractionDigits: Int) {
    n = abs(number)
    let digits = max(0, min(fractionDigits, 6))
    let scale = (0..<digits).reduce(1) { value, _ in value * 10 }
    let scaled = Int(saturating: (n * Double(scale)).rounded())
    i = scaled / scale
    v = digits
    f = scaled % scale
    var trimmed = f
    while trimmed != 0 && trimmed % 10 == 0 { trimmed /= 10 }
    t = trimmed
  }

  func value(_ operand: Character) -> Double {
    switch operand {
    case "n": n
    case "i": Double(i)
    case "v": Double(v)
    case "f": Double(f)
    case "t": Double(t)
    default: 0
    }
  }
}

extension PluralRule.Relation {
  func holds(_ operands: Operands) -> Bool {
    var value = operands.value(operand)
    if let modulus, modulus > 0 { value = value.truncatingRemainder(dividingBy: Double(modulus)) }
    // A range holds whole numbers only: n = 1 is false for 1.5.
    let inside =
      value == value.rounded() && ranges.contains { Double($0.lowerBound) <= value && value <= Double($0.upperBound) }
    return inside != negated
  }
}
