/// How answers and values are shown to people and written to JSON.
package enum ValueText {
  /// The answer to question `slot` in words: an option label, a number with its unit, or the
  /// reason it is missing.
  package static func answer(_ value: Value, slot: Int, survey: Survey, language: String) -> String {
    let question = survey.questions[slot]
    switch value {
    case .bool(let b): return Localizer(language)(b ? .valueYes : .valueNo)
    case .int(let n): return withUnit(Double(n), question, language)
    case .double(let d): return withUnit(d, question, language)
    case .string(let s): return s
    case .choice(_, let option):
      return question.options[Int(option)].label.text(language)
    case .list(let items):
      if items.isEmpty { return Localizer(language)(.valueNoneChosen) }
      return items.map { item in
        if case .choice(_, let option) = item { return question.options[Int(option)].label.text(language) }
        return "?"
      }.joined(separator: "; ")
    case .unknown(let why): return reason(why, language)
    case .null: return "null"
    case .error(let error): return Localizer(language).label(.wordError) + error.message.text(language)
    }
  }

  /// A short code-like rendering: option values instead of labels (`adopted_budget`, `35`, `dont_know`).
  package static func code(_ value: Value, survey: Survey) -> String {
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

  package static func status(_ why: Unknowns) -> String {
    if why.contains(.dontKnow) { return "dont_know" }
    if why.contains(.notApplicable) { return "not_applicable" }
    if why.contains(.notRelevant) { return "skipped" }
    if why.contains(.unavailable) { return "unavailable" }
    return "unanswered"
  }

  package static func reason(_ why: Unknowns, _ language: String) -> String {
    let t = Localizer(language)
    if why.contains(.dontKnow) { return t(.valueDontKnow) }
    if why.contains(.notApplicable) { return t(.valueNotApplicable) }
    if why.contains(.notRelevant) { return t(.valueSkipped) }
    if why.contains(.unavailable) { return t(.valueUnavailable) }
    return t(.valueUnanswered)
  }

  /// A number written for people, in the language's notation (`LocaleRules.number`): at most
  /// two decimals, thousands grouped ("12,500.5" in English, "12 500,5" in Spanish).
  package static func number(_ value: Double, _ language: String) -> String {
    MessageCatalogue.shared.locale(language).number(value)
  }

  /// Numbers with at most two decimals, no trailing zeros.
  package static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return JSONWriter.format(rounded)
  }

  /// An answer's number as its question's kind writes it, with the unit's form for that count.
  static func withUnit(_ number: Double, _ question: Question, _ language: String) -> String {
    withUnit(question.kind.formatNumber(number, language: language), unit: unit(of: question, language, count: number))
  }

  /// The unit a question's numbers are in: its own, or "%" for a percent question without one;
  /// after `count`, in the form the language's plural rule gives that count ("1.5 hours",
  /// "1,5 heure").
  package static func unit(of question: Question, _ language: String, count: Double? = nil) -> String? {
    guard let unit = question.unit else { return question.kind.name == "percent" ? "%" : nil }
    return count.map { unit.text(language, count: $0) } ?? unit.text(language)
  }

  /// A number with its unit as words follow it: "35%", "88% of payments", "12 days". Every
  /// format writes units through here, and only after a number (never "not applicable%").
  package static func withUnit(_ number: String, unit: String?) -> String {
    guard let unit, !unit.isEmpty else { return number }
    return unit.hasPrefix("%") ? number + unit : number + " " + unit
  }

  /// Writes a value as JSON: numbers, booleans, option values, lists; unknowns as null.
  package static func json(_ value: Value, survey: Survey, into writer: JSONWriter) {
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

extension String {
  /// The text with its first letter in upper case ("Yes" as a list item).
  package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
