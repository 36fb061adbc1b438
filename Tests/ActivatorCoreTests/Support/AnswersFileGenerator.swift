import ActivatorCore
import ActivatorYAML

/// Random numbers from a seed (SplitMix64), so that a generated file that fails can be made again.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// Answers files for any survey, as officials and their tools write them: clean ones, which the
/// batch's fast reader must take, and ones with every kind of slip, layout and trick an
/// answers file can hold, which the two readers must agree on.
struct AnswersFileGenerator {
  struct File {
    var name: String
    var text: String
    /// Written the usual way with valid answers: the fast reader must take it.
    var clean: Bool
  }

  /// What one file gets wrong or writes unusually.
  enum Aspect: CaseIterable {
    case version, language, city, respondent, dates, extensions, unknownKey, answer, answerKeys, targets, notes, review
    case order, layout
  }

  let survey: Survey
  var random: SeededRandom
  var count = 0
  /// Clean files get nothing unusual; most others one aspect; some every aspect at once.
  var unusual: Set<Aspect> = []
  /// Values ticked in multi questions so far, by slot (for choices limited to them).
  var ticked: [Int: [String]] = [:]

  init(survey: Survey, seed: UInt64) {
    self.survey = survey
    self.random = SeededRandom(seed: seed)
  }

  /// For files that are not clean: how often each answer is a slip. Most such files have one
  /// slip or one unusual way of writing something, so that the fast reader's edges are tried,
  /// not only files both readers refuse.
  var slipRate = 0.0

  mutating func next() -> File {
    count += 1
    let roll = Double.random(in: 0..<1, using: &random)
    unusual = roll < 0.3 ? [] : roll < 0.8 ? [random.pick(Aspect.allCases)] : Set(Aspect.allCases)
    slipRate = unusual.count == 1 ? 1.5 / Double(max(1, survey.questions.count)) : 0.4
    var header = headerLines()
    var body = answerLines() + extraLines()
    if wild(.order) && random.chance(0.5) { header.shuffle(using: &random) }
    if wild(.order) && random.chance(0.5) { body.shuffle(using: &random) }
    var text = (header + body).joined(separator: "\n") + "\n"
    if wild(.layout) { text = layout(text) }
    return File(name: "generated-\(count).yaml", text: text, clean: unusual.isEmpty)
  }

  func wild(_ aspect: Aspect) -> Bool { unusual.contains(aspect) }

  // MARK: - Header

  mutating func headerLines() -> [String] {
    var lines = ["survey: \(!wild(.version) || random.chance(0.9) ? survey.id : "other-survey")"]
    lines.append("survey_version: " + version())
    if random.chance(0.6) || wild(.language) {
      let languages = wild(.language) ? survey.languages + ["fr", "", "\"es\"", "EN", "~"] : survey.languages
      lines.append("language: \(random.pick(languages))")
    }
    lines += city()
    if random.chance(0.4) || wild(.respondent) { lines += respondent() }
    for key in ["started", "completed"] where random.chance(0.3) || wild(.dates) {
      let dates =
        ["2026-03-01", "2026-03-01T10:00:00Z", "\"2026-03-01T10:00:00Z\""]
        + (wild(.dates) ? ["2026-13-01", "yesterday", "~", ""] : [])
      lines.append("\(key): \(random.pick(dates))")
    }
    if wild(.extensions) { lines += extensionKeys() }
    if wild(.unknownKey) {
      lines.append(random.pick(["anwsers: {}", "Survey: x", "review_: []", "\"survey\": again"]))
    }
    return lines
  }

  mutating func version() -> String {
    let own = survey.version.description
    guard wild(.version) else { return own }
    let v = survey.version
    return random.pick([
      "\(own)-rc.1", "\(v.major).\(v.minor + 1).0", "\(v.major + 1).0.0", "\(v.major).\(v.minor)", "\(own)+build.7",
      "\"\(own)\"", "0.0.1", "\(v.major).\(v.minor).\(v.patch + 1)-beta", "v\(own)", "",
    ])
  }

  mutating func city() -> [String] {
    let clean = !wild(.city)
    let names = ["Valmora", "São Tomé", "Kraków", "Ōsaka-shi", "New \"Town\"", "Ciudad\u{0301}"]
    let name = clean ? random.pick(Array(names.prefix(3))) : random.pick(names + ["", "  ", "~", "[a, b]"])
    let quoted = name.allSatisfy { $0.isASCII && $0 != "\"" } && !name.isEmpty ? name : YAMLWriter.doubleQuoted(name)
    let shownName = clean ? quoted : random.pick([quoted, name])
    var fields = ["name: \(shownName)"]
    if random.chance(0.6) {
      fields.append("country: " + random.pick(["Spain", "Brasil", "~"] + (clean ? [] : ["\"\"", "' '"])))
    }
    if random.chance(0.4) { fields.append("region: Europe") }
    if !clean && random.chance(0.1) { fields.append(random.pick(["x-note: 1", "population: 3", "name: Twice"])) }
    if !clean && random.chance(0.05) { fields.removeFirst() }
    if random.chance(0.5) { return ["city: {" + fields.joined(separator: ", ") + "}"] }
    return ["city:"] + fields.map { "  " + $0 }
  }

  mutating func respondent() -> [String] {
    let clean = !wild(.respondent)
    var fields = [
      "name: Ana Pérez", "role: Chief Digital Officer", "email: ana@example.org", "organisation: City Hall",
    ]
    fields = fields.filter { _ in random.chance(0.7) }
    if !clean && random.chance(0.2) {
      fields.append(random.pick(["organization: Ayuntamiento", "phone: 1", "name: ~"]))
    }
    if fields.isEmpty || (!clean && random.chance(0.05)) { return ["respondent: " + random.pick(["~", "{}", ""])] }
    return ["respondent:"] + fields.map { "  " + $0 }
  }

  /// `x-` keys, sometimes repeated, sometimes the same key in two Unicode spellings.
  mutating func extensionKeys() -> [String] {
    let keys = [
      "x-tool: sheet", "x-é: composed", "x-e\u{0301}: decomposed", "x-tool: again", "x-data: {a: [1, 2]}",
      "x-list: [1, [2]]",
    ]
    return (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(keys) }
  }

  // MARK: - Answers

  mutating func answerLines() -> [String] {
    var lines: [String] = []
    let flow = random.chance(0.1)
    var entries: [String] = []
    ticked = [:]
    for question in survey.questions where random.chance(0.8) {
      // A choice limited to earlier ticks has nothing to choose from when nothing was ticked.
      if let source = question.optionsFrom, ticked[source] == nil, !wild(.answer) { continue }
      entries.append("\(question.id): \(answer(question, clean: !wild(.answer)))")
    }
    if wild(.answerKeys) && random.chance(0.5), let repeated = entries.randomElement(using: &random) {
      entries.append(repeated)
    }
    if wild(.answerKeys) && random.chance(0.5) {
      entries.append(
        random.pick(["unknown_question: 1", "ke\u{0301}y: 1", "\"\(survey.questions[0].id)\": ~", "? [a]\n  : 1"]))
    }
    if random.chance(0.03) { return ["answers:" + random.pick(["", " ~", " {}"])] }
    if flow && !entries.contains(where: { $0.contains("\n") }) {
      lines.append("answers: {" + entries.joined(separator: ", ") + "}")
    } else {
      lines.append("answers:")
      for entry in entries {
        if random.chance(0.05) { lines.append("  # a comment") }
        lines.append("  " + entry)
      }
    }
    return lines
  }

  /// One answer: usually valid for the question's kind, else a slip of some kind.
  mutating func answer(_ question: Question, clean: Bool) -> String {
    let codes = MissingCode.allCases.filter { question.allowed.contains($0) }.map(\.rawValue)
    if !codes.isEmpty && random.chance(0.1) { return random.pick(codes) }
    if clean || !random.chance(slipRate) { return validAnswer(question) }
    return random.pick(slips(question))
  }

  mutating func validAnswer(_ question: Question) -> String {
    let slot = survey.questionIndex[question.id] ?? 0
    if let source = question.optionsFrom, let values = ticked[source], !values.isEmpty {
      return random.pick(values)
    }
    if slot == survey.policy.dataYearQuestion {
      // The year most figures describe is not after the survey date (the files' dates are 2026).
      return String(Int.random(in: 2000...2026, using: &random))
    }
    let prompt = question.kind.prompt(for: question, current: nil, language: survey.defaultLanguage)
    switch prompt.kind {
    case .select:
      let index = Int.random(in: 0..<prompt.items.count, using: &random)
      guard case .success(let value) = question.kind.answer(choosing: [index], for: question, language: "en") else {
        return "~"
      }
      if case .bool(let yes) = value { return random.pick(yes ? ["yes", "Yes", "true"] : ["no", "NO", "false"]) }
      return AnswersWriter.render(value, question)
    case .multiSelect:
      let ordinary = (0..<question.options.count).filter { !question.options[$0].exclusive }
      var chosen = ordinary.filter { _ in random.chance(0.4) }
      if chosen.count < max(1, question.minChoices ?? 0) {
        chosen = Array(ordinary.prefix(max(1, question.minChoices ?? 0)))
      }
      let limited = Array(chosen.prefix(question.maxChoices ?? chosen.count))
      let values = limited.map { question.options[$0].value }
      ticked[survey.questionIndex[question.id] ?? 0] = values
      if values.count == 1 && random.chance(0.3) { return values[0] }
      if random.chance(0.3) { return "\n" + values.map { "    - " + $0 }.joined(separator: "\n") }
      return YAMLWriter.flowList(values)
    case .text:
      return typedAnswer(question)
    }
  }

  mutating func typedAnswer(_ question: Question) -> String {
    let slot = survey.questionIndex[question.id] ?? 0
    switch question.kind.expressionType(slot: slot) {
    case .int:
      let low = Int(question.bounds.min ?? 0)
      let high = Int(question.bounds.max ?? Double(low + 1000))
      return String(Int.random(in: low...max(low, high), using: &random))
    case .double:
      let low = question.bounds.min ?? 0
      let high = question.bounds.max ?? low + 500
      let value = (Double.random(in: low...max(low, high), using: &random) * 100).rounded() / 100
      let text = JSONWriter.format(max(low, min(high, value)))
      return question.kind.name == "percent" && random.chance(0.3) ? text + "%" : text
    case .date:
      return random.pick(["2026-01-31", "2024-02-29", "1999-12-01"])
    default:
      return YAMLWriter.doubleQuoted(
        random.pick(["no comments", "sí, en parte", "", "yes", "12", "e\u{0301}", "line one\nline two"]))
    }
  }

  /// What goes wrong in answers files, for any kind of question.
  func slips(_ question: Question) -> [String] {
    let option = question.options.first?.value ?? "x"
    var slips = [
      "~", "null", "\"\"", "''", "[]", "{}", "{a: 1}", "[\(option), \(option)]", option + "x", option.uppercased(),
      "\"\(option)\"", " \(option) ", "[\(option), ~]", "[dont_know]", "dont_know", "not_applicable", "&a \(option)",
      "!!str \(option)", "yEs", "sí", "Sí", "si", "ON", "1", "0", "-0", "+5", "5.", ".5", "1e3", "1E999", ".nan",
      "-.inf",
      "0x10", "1_000", "1,5", "12 %", "55%", "101", "-1", "2,021", "2021.0", "2021.5", "999", "12345", "2026-02-30",
      "2026-1-5", "\" 2026-01-05 \"", "\"12\"", "'yes'", "9007199254740993", "123456789012345678",
      "0.1234567890123456789",
    ]
    if question.options.count > 1 {
      let values = question.options.map(\.value)
      slips.append(YAMLWriter.flowList(values))
      slips.append(YAMLWriter.flowList(Array(values.prefix(2))))
      slips.append("[\(values[0]), \(values[1])]")
    }
    return slips
  }

  // MARK: - Targets, notes, review

  mutating func extraLines() -> [String] {
    var lines: [String] = []
    if random.chance(0.3) || wild(.targets) {
      let clean = !wild(.targets)
      var pairs = survey.pillars.filter { _ in random.chance(0.6) }.map { pillar in
        "  \(pillar.id): " + random.pick(survey.stages.map { String($0.level) } + survey.stages.map(\.id))
      }
      if !clean && random.chance(0.3) {
        pairs.append("  " + random.pick(["unknown: 2", "\(survey.pillars[0].id): 9", "\(survey.pillars[0].id): ~"]))
      }
      lines += ["targets:"] + (pairs.isEmpty ? ["  " + "\(survey.pillars[0].id): 1"] : pairs)
    }
    if random.chance(0.3) || wild(.notes) {
      let clean = !wild(.notes)
      var notes = survey.questions.filter { _ in random.chance(0.1) }.map {
        "  \($0.id): \"checked with the mayor's office\""
      }
      if notes.isEmpty { notes = ["  \(survey.questions[0].id): see annex"] }
      if !clean && random.chance(0.4) {
        notes.append(
          random.pick([
            "  \(survey.questions[0].id): a second note", "  nonexistent: hello", "  \(survey.questions[0].id): ~",
            "  \(survey.questions[0].id): [1]",
          ]))
      }
      lines += ["notes:"] + notes
    }
    if survey.policy.dataYearQuestion != nil && (random.chance(0.3) || wild(.notes)) {
      lines += evidenceLines(clean: !wild(.notes))
    }
    if random.chance(0.2) || wild(.review) {
      let clean = !wild(.review)
      var ids = survey.questions.filter { _ in random.chance(0.05) }.map(\.id)
      if ids.isEmpty { ids = [survey.questions[0].id] }
      if !clean && random.chance(0.3) { ids.append(random.pick(["nonexistent", ids[0], "~"])) }
      lines.append("review: [" + ids.joined(separator: ", ") + "]")
    }
    return lines
  }

  /// `evidence:` entries: a source and a year not after the survey date, or slips.
  mutating func evidenceLines(clean: Bool) -> [String] {
    var entries = survey.questions.filter { _ in random.chance(0.05) }.map { question in
      "  \(question.id): "
        + random.pick([
          "{source: \"2019 census\", year: \(Int.random(in: 2000...2026, using: &random))}", "{year: 2024}",
          "{source: registry}",
          "\n    source: \"statistics office\"\n    year: 2023",
        ])
    }
    if entries.isEmpty { entries = ["  \(survey.questions[0].id): {year: 2025}"] }
    if !clean && random.chance(0.5) {
      entries.append(
        random.pick([
          "  \(survey.questions[0].id): {year: 2031}", "  nonexistent: {year: 2020}",
          "  \(survey.questions[0].id): {year: \"2020\"}",
          "  \(survey.questions[0].id): {when: 2020}", "  \(survey.questions[0].id): 2020",
          "  \(survey.questions[0].id): {year: 20}",
        ]))
    }
    return ["evidence:"] + entries
  }

  // MARK: - Layout

  /// Line breaks, markers, encodings and damage that change how a file is written, not what it says.
  mutating func layout(_ text: String) -> String {
    var text = text
    if random.chance(0.1) { text = text.replacing("\n", with: "\r\n") }
    if random.chance(0.1) { text = "---\n" + text }
    if random.chance(0.05) { text += "...\n" }
    if random.chance(0.05) { text = "\u{FEFF}" + text }
    if random.chance(0.05) { text = "# exported by a spreadsheet\n\n" + text }
    if random.chance(0.03) { text = text.replacing("\n  ", with: "\n\t") }
    if random.chance(0.03) { text += "---\nsurvey: second\n" }
    if random.chance(0.05) {
      let bytes = Array(text.utf8)
      let cut = Int.random(in: 0..<max(1, bytes.count), using: &random)
      text = String(decoding: bytes[..<cut], as: UTF8.self)
    }
    return text
  }
}
