import ActivatorYAML

/// Writes answers files: the questionnaire's journal, finished answers, and blank templates
/// with every question, its options and help as comments.
package enum AnswersWriter {
  package enum Mode: Sendable {
    /// Only the answered questions: what the questionnaire saves after every answer.
    case answers
    /// Every question, blank where unanswered, documented in comments, for filling in an editor.
    case template
  }

  /// - Parameter showingLevels: a template says which stage each option counts towards; for
  ///   authors only, as officials would be invited to answer for a stage rather than the truth.
  package static func write(_ sheet: AnswerSheet, survey: Survey, mode: Mode, showingLevels: Bool = false) -> String {
    let language = survey.languages.contains(sheet.language) ? sheet.language : survey.defaultLanguage
    let t = Localizer(language)
    var w = YAMLWriter()
    w.comment(t(.templateHeading, ["title": .text(survey.title.text(language))]))
    if mode == .template { w.comment(t(.templateInstructions)) }
    w.raw("survey: \(YAMLWriter.scalar(survey.id))")
    w.raw("survey_version: \(YAMLWriter.scalar(sheet.surveyVersion.description))")
    w.raw("language: \(YAMLWriter.scalar(language))")
    writeCity(sheet, mode: mode, t: t, into: &w)
    writeRespondent(sheet.respondent, mode: mode, into: &w)
    if let started = sheet.started { w.pair("started", rawValue: YAMLWriter.scalar(started)) }
    if let completed = sheet.completed {
      w.pair("completed", rawValue: YAMLWriter.scalar(completed))
    } else if mode == .template {
      w.comment(t(.templateCompleted))
      w.pair("completed", rawValue: "")
    }
    writeAnswers(sheet, survey: survey, mode: mode, language: language, showingLevels: showingLevels, into: &w)
    writeTargets(sheet, survey: survey, mode: mode, t: t, into: &w)
    if !sheet.notes.isEmpty || mode == .template {
      w.blankLine()
      if mode == .template { w.comment(t(.templateNotes)) }
      w.open("notes")
      for slot in sheet.notes.keys.sorted() {
        w.pair(survey.questions[slot].id, rawValue: YAMLWriter.doubleQuoted(sheet.notes[slot] ?? ""), depth: 1)
      }
    }
    writeEvidence(sheet, survey: survey, mode: mode, language: language, into: &w)
    if !sheet.review.isEmpty {
      w.pair("review", rawValue: YAMLWriter.flowList(sheet.review.map { survey.questions[$0].id }))
    }
    return w.text
  }

  /// `city:` with its name, country and region; a template lists the region ids.
  static func writeCity(_ sheet: AnswerSheet, mode: Mode, t: Localizer, into w: inout YAMLWriter) {
    w.open("city")
    w.pair("name", sheet.city.name, depth: 1)
    if let country = sheet.city.country {
      w.pair("country", country, depth: 1)
    } else if mode == .template {
      w.pair("country", rawValue: "", depth: 1)
    }
    if let region = sheet.city.region {
      w.pair("region", region, depth: 1)
    } else if mode == .template {
      w.comment(t(.templateRegion), depth: 1)
      for region in Regions.all {
        w.comment("  \(region.id) — \(Regions.name(region.id, language: t.language))", depth: 1)
      }
      w.pair("region", rawValue: "", depth: 1)
    }
  }

  /// `respondent:` with what is known of them; a template leaves a name and a role to fill in.
  static func writeRespondent(_ respondent: Respondent?, mode: Mode, into w: inout YAMLWriter) {
    if let respondent,
      respondent.name != nil || respondent.role != nil || respondent.email != nil || respondent.organisation != nil
    {
      w.open("respondent")
      if let name = respondent.name { w.pair("name", name, depth: 1) }
      if let role = respondent.role { w.pair("role", role, depth: 1) }
      if let organisation = respondent.organisation { w.pair("organisation", organisation, depth: 1) }
      if let email = respondent.email { w.pair("email", email, depth: 1) }
    } else if mode == .template {
      w.open("respondent")
      w.pair("name", rawValue: "", depth: 1)
      w.pair("role", rawValue: "", depth: 1)
    }
  }

  /// `answers:` by section: the answered questions, or in a template every question with its
  /// documentation.
  static func writeAnswers(
    _ sheet: AnswerSheet, survey: Survey, mode: Mode, language: String, showingLevels: Bool, into w: inout YAMLWriter
  ) {
    w.open("answers")
    var number = 0
    for (sectionIndex, section) in survey.sections.enumerated() {
      let slots = Array(section.questions)
      let answered = slots.filter { sheet.values[$0] != nil }
      if mode == .answers && answered.isEmpty { continue }
      if sectionIndex > 0 || mode == .template { w.blankLine() }
      w.comment(
        "── \(section.title.text(language)) "
          + String(repeating: "─", count: max(4, 60 - DisplayWidth.of(section.title.text(language)))), depth: 1)
      if mode == .template, let pillar = section.pillar, let description = survey.pillars[pillar].description {
        for line in DisplayWidth.wrap(description.text(language), width: 96) { w.comment(line, depth: 1) }
      }
      for slot in slots {
        number += 1
        let question = survey.questions[slot]
        let value = sheet.values[slot]
        if mode == .answers {
          if let value { w.pair(question.id, rawValue: render(value, question), depth: 1) }
          continue
        }
        w.blankLine()
        documentation(
          question, number: number, survey: survey, language: language, showingLevels: showingLevels, into: &w)
        w.pair(question.id, rawValue: value.map { render($0, question) } ?? "", depth: 1)
      }
    }
  }

  /// `targets:` per pillar; a template names every pillar and says what a target is.
  static func writeTargets(_ sheet: AnswerSheet, survey: Survey, mode: Mode, t: Localizer, into w: inout YAMLWriter) {
    guard !sheet.targets.isEmpty || mode == .template else { return }
    w.blankLine()
    if mode == .template {
      w.comment(t(.templateTargets, ["top": .text(String(survey.topStage))]))
    }
    w.open("targets")
    for (index, pillar) in survey.pillars.enumerated() {
      if let target = sheet.targets[index] {
        w.pair(pillar.id, rawValue: String(target), depth: 1)
      } else if mode == .template {
        w.pair(pillar.id, rawValue: "", depth: 1)
      }
    }
  }

  /// The answer as YAML: option values plain, numbers as written, texts quoted when needed.
  package static func render(_ value: AnswerValue, _ question: Question) -> String {
    switch value {
    case .bool(let b): return b ? "yes" : "no"
    case .integer(let n): return String(n)
    case .decimal(let d): return JSONWriter.format(d)
    case .choice(let option): return YAMLWriter.scalar(question.options[option].value)
    case .choices(let options): return YAMLWriter.flowList(options.map { question.options[$0].value })
    case .text(let text): return YAMLWriter.doubleQuoted(text)
    case .date(let date): return YAMLWriter.doubleQuoted(date)
    case .missing(let code): return code.rawValue
    }
  }

  static func documentation(
    _ question: Question, number: Int, survey: Survey, language: String, showingLevels: Bool, into w: inout YAMLWriter
  ) {
    let t = Localizer(language)
    for (index, line) in DisplayWidth.wrap("\(number). \(question.text.text(language))", width: 96).enumerated() {
      w.comment(index == 0 ? line : "   " + line, depth: 1)
    }
    if let help = question.help {
      for line in DisplayWidth.wrap(help.text(language), width: 92) { w.comment("   " + line, depth: 1) }
    }
    let hint = question.kind.templateHint(for: question, language: language)
    w.comment("   " + hint.line, depth: 1)
    for (option, entry) in hint.options.enumerated() {
      var entry = entry
      if showingLevels, option < hint.levels.count, let level = hint.levels[option] {
        entry = t(.templateOptionLevel, ["option": .text(entry), "level": .text(String(level))])
      }
      for (index, line) in DisplayWidth.wrap(entry, width: 88).enumerated() {
        w.comment((index == 0 ? "     - " : "       ") + line, depth: 1)
      }
    }
    let codes = MissingCode.allCases.filter { question.allowed.contains($0) }
    if !codes.isEmpty {
      let words = codes.map { t($0 == .dontKnow ? .templateCodeDontKnow : .templateCodeNotApplicable) }
      w.comment("   " + t(.templateOr, ["codes": .text(words.joined(separator: ", "))]), depth: 1)
    }
    // Conditions in words, naming questions by their number in the template; the expression
    // itself where it has no plain reading.
    let numbered: (Int) -> MessageArgument = { .message(Message(.templateQuestionNumber, ["number": .count($0 + 1)])) }
    if let relevant = question.relevantSource {
      let words = ConditionWords.describe(relevant.text, survey: survey, language: language, naming: numbered)
      wrapped(
        words.map { t(.templateOnlyIf, ["condition": .text($0)]) }
          ?? t(.templateOnlyIfRule, ["condition": .text(relevant.text)]), into: &w)
    }
    if let applicable = question.applicableSource {
      let words = ConditionWords.describe(applicable.text, survey: survey, language: language, naming: numbered)
      wrapped(t(.templateOnlyWhereItApplies, ["condition": .text(words ?? applicable.text)]), into: &w)
    }
    if let from = question.optionsFrom {
      wrapped(t(.templateOnlyOneTicked, ["question": numbered(from)]), into: &w)
    }
    if !question.required { w.comment("   " + t(.templateOptional), depth: 1) }
    if let definition = question.definition {
      wrapped(t(.templateDefinition, ["definition": .text(definition.text(language))]), into: &w)
    }
    if let source = question.source { w.comment("   " + t(.templateSource, ["source": .text(source)]), depth: 1) }
    if let holder = question.dataSource {
      wrapped(t(.templateDataSource, ["holder": .text(holder.text(language))]), into: &w)
    }
  }

  /// A comment under a question, wrapped with its continuation lines indented.
  static func wrapped(_ text: String, into w: inout YAMLWriter) {
    for (index, line) in DisplayWidth.wrap(text, width: 92).enumerated() {
      w.comment((index == 0 ? "   " : "     ") + line, depth: 1)
    }
  }

  /// `evidence:` with the source and year of each figure that states them; a template explains
  /// the block and leaves it empty.
  static func writeEvidence(
    _ sheet: AnswerSheet, survey: Survey, mode: Mode, language: String, into w: inout YAMLWriter
  ) {
    guard !sheet.evidence.isEmpty || mode == .template else { return }
    w.blankLine()
    if mode == .template {
      let year = survey.policy.dataYearQuestion.map { survey.questions[$0].id }
      let example =
        survey.questions.first { $0.kind.expressionType(slot: 0).isNumeric && $0.kind.name != "year" }?.id
        ?? "question_id"
      let t = Localizer(language)
      // The example's braces are YAML, so they are written here rather than in the message.
      let sample = "{source: " + YAMLWriter.doubleQuoted(t(.templateEvidenceExampleSource)) + ", year: 2019}"
      w.comment(
        t(year.map { _ in .templateEvidenceWithYear } ?? .templateEvidence, ["year_question": .text(year ?? "")]))
      w.comment("  \(example): \(sample)")
    }
    w.open("evidence")
    for slot in sheet.evidence.keys.sorted() {
      guard let item = sheet.evidence[slot] else { continue }
      w.pair(survey.questions[slot].id, rawValue: render(item), depth: 1)
    }
  }

  /// One `evidence:` entry as a flow mapping: `{source: "…", year: 2024}`.
  package static func render(_ item: Evidence) -> String {
    var parts: [String] = []
    if let source = item.source { parts.append("source: " + YAMLWriter.doubleQuoted(source)) }
    if let year = item.year { parts.append("year: \(year)") }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}
