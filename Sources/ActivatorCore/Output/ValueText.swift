/// How answers and values are shown to people and written to JSON.
public enum ValueText {
  /// The answer to question `slot` in words: an option label, a number with its unit, or the
  /// reason it is missing.
  public static func answer(_ value: Value, slot: Int, survey: Survey, language: String) -> String {
    let question = survey.questions[slot]
    switch value {
    case .bool(let b): return b ? Words.yes.text(language) : Words.no.text(language)
    case .int(let n): return withUnit(question.kind.formatNumber(Double(n), language: language), question, language)
    case .double(let d): return withUnit(question.kind.formatNumber(d, language: language), question, language)
    case .string(let s): return s
    case .choice(_, let option):
      return question.options[Int(option)].label.text(language)
    case .list(let items):
      if items.isEmpty { return Words.noneChosen.text(language) }
      return items.map { item in
        if case .choice(_, let option) = item { return question.options[Int(option)].label.text(language) }
        return "?"
      }.joined(separator: "; ")
    case .unknown(let why): return reason(why, language)
    case .null: return "null"
    case .error(let error): return "error: \(error.message)"
    }
  }

  /// A short code-like rendering: option values instead of labels (`adopted_budget`, `35`, `dont_know`).
  public static func code(_ value: Value, survey: Survey) -> String {
    switch value {
    case .bool(let b): return b ? "yes" : "no"
    case .int(let n): return String(n)
    case .double(let d): return format(d)
    case .string(let s): return s
    case .choice(let q, let o): return survey.questions[Int(q)].options[Int(o)].value
    case .list(let items): return "[" + items.map { code($0, survey: survey) }.joined(separator: ", ") + "]"
    case .unknown(let why): return status(why)
    case .null: return "null"
    case .error: return "error"
    }
  }

  public static func status(_ why: Unknowns) -> String {
    if why.contains(.dontKnow) { return "dont_know" }
    if why.contains(.notApplicable) { return "not_applicable" }
    if why.contains(.notRelevant) { return "skipped" }
    if why.contains(.unavailable) { return "unavailable" }
    return "unanswered"
  }

  public static func reason(_ why: Unknowns, _ language: String) -> String {
    if why.contains(.dontKnow) { return Words.dontKnow.text(language) }
    if why.contains(.notApplicable) { return Words.notApplicable.text(language) }
    if why.contains(.notRelevant) { return Words.skipped.text(language) }
    if why.contains(.unavailable) { return Words.unavailable.text(language) }
    return Words.unanswered.text(language)
  }

  /// A number written for people: at most two decimals, thousands grouped, in the
  /// language's style ("12,500.5" in English, "12 500,5" in Spanish, with a no-break space;
  /// Spanish leaves four-digit numbers ungrouped).
  public static func number(_ value: Double, _ language: String) -> String {
    let plain = format(value)
    var integer = Substring(plain)
    var fraction = Substring("")
    if let dot = plain.firstIndex(of: ".") {
      integer = plain[..<dot]
      fraction = plain[plain.index(after: dot)...]
    }
    let negative = integer.hasPrefix("-")
    if negative { integer = integer.dropFirst() }
    let spanish = language == "es"
    let separator = spanish ? "\u{00A0}" : ","
    var grouped = String(integer)
    if integer.count > (spanish ? 4 : 3) {
      var parts: [Substring] = []
      var rest = integer
      while rest.count > 3 {
        parts.insert(rest.suffix(3), at: 0)
        rest = rest.dropLast(3)
      }
      parts.insert(rest, at: 0)
      grouped = parts.joined(separator: separator)
    }
    let sign = negative ? "-" : ""
    return fraction.isEmpty ? sign + grouped : sign + grouped + (spanish ? "," : ".") + fraction
  }

  /// Numbers with at most two decimals, no trailing zeros.
  public static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return JSONWriter.format(rounded)
  }

  static func withUnit(_ number: String, _ question: Question, _ language: String) -> String {
    guard let unit = question.unit?.text(language), !unit.isEmpty else { return number }
    return unit == "%" ? number + "%" : number + " " + unit
  }

  /// Writes a value as JSON: numbers, booleans, option values, lists; unknowns as null.
  public static func json(_ value: Value, survey: Survey, into writer: JSONWriter) {
    switch value {
    case .bool(let b): writer.bool(b)
    case .int(let n): writer.int(n)
    case .double(let d): writer.double(d)
    case .string(let s): writer.string(s)
    case .choice: writer.string(code(value, survey: survey))
    case .list(let items): writer.array { for item in items { json(item, survey: survey, into: writer) } }
    case .null, .unknown, .error: writer.null()
    }
  }
}

/// Words the engine itself says, in the two shipped languages (English is the fallback).
public enum Words {
  public static let yes = LocalizedText([("en", "yes"), ("es", "sí")])
  public static let no = LocalizedText([("en", "no"), ("es", "no")])
  public static let dontKnow = LocalizedText([("en", "don't know"), ("es", "no sabe")])
  public static let notApplicable = LocalizedText([("en", "not applicable"), ("es", "no aplica")])
  public static let skipped = LocalizedText([("en", "skipped (not relevant)"), ("es", "omitida (no corresponde)")])
  public static let unanswered = LocalizedText([("en", "not answered"), ("es", "sin respuesta")])
  public static let unavailable = LocalizedText([("en", "not available"), ("es", "no disponible")])
  public static let noneChosen = LocalizedText([("en", "none chosen"), ("es", "ninguna elegida")])
}

extension String {
  /// The text with its first letter in upper case ("Yes" as a list item).
  public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
