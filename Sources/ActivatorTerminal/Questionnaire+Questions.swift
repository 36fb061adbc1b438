package import ActivatorCore

/// What the person did at a question, once read.
enum ReadAnswer: Equatable {
  /// The answer to record (nil: leave an optional question unanswered).
  case value(AnswerValue?)
  /// Not an answer; the message says why and how to give one.
  case problem(String)
  /// What was typed has more than one reading that fits ("1.500": 1500 or 1.5).
  case choose([AnswerValue])
}

extension Questionnaire {
  // MARK: - Prompts

  /// The prompt for a question, with its current answer (or default) preselected: the kind's
  /// own prompt, then the missing-data codes the question allows.
  package func prompt(for slot: Int) -> Prompt {
    let (question, options) = asked(slot)
    let current = (session.sheet.values[slot] ?? question.defaultValue).flatMap { Self.restricted($0, to: options) }
    var prompt = question.kind.prompt(for: question, current: current, language: language)
    prompt.question = question.text.text(language) + (question.required ? "" : t(.questionnaireOptional))
    // Help on '?': how to answer, then what the figure is, where it comes from and who holds it.
    let help = [
      question.help?.text(language), question.definition.map { t(.questionnaireDefinition) + $0.text(language) },
      question.source.map { t(.questionnaireSource) + $0 },
      question.dataSource.map { t(.questionnaireDataSource) + $0.text(language) },
    ].compactMap { $0 }
    prompt.help = help.isEmpty ? nil : help.joined(separator: "\n")
    let own = prompt.items.count
    if question.allowed.contains(.dontKnow) {
      prompt.items.append(Prompt.Item(t(.questionnaireCodeDontKnow), role: .code, token: "dk"))
    }
    if question.allowed.contains(.notApplicable) {
      prompt.items.append(Prompt.Item(t(.questionnaireCodeNotApplicable), role: .code, token: "na"))
    }
    if case .missing(let code)? = current,
      let index = prompt.items[own...].firstIndex(where: { $0.token == (code == .dontKnow ? "dk" : "na") })
    {
      prompt.selected = [index]
    }
    prompt.allowsNotes = true
    prompt.note = session.sheet.notes[slot]
    prompt.evidence = evidenceShown(slot)
    return prompt
  }

  // MARK: - Answers

  /// Turns what the person did into an answer, a problem to show, or readings to choose from.
  func answer(_ result: PromptResult, for slot: Int, prompt: Prompt) -> ReadAnswer {
    let (question, options) = asked(slot)
    switch result {
    case .selected(let indices):
      if indices.isEmpty { return .problem(nothingChosen(prompt)) }
      let codes = indices.filter { prompt.items[$0].role == .code }
      if codes.count == 1, indices.count == 1 {
        return .value(prompt.items[codes[0]].token == "dk" ? .missing(.dontKnow) : .missing(.notApplicable))
      }
      if !codes.isEmpty { return .problem(t(.questionnaireDonTKnowNotApplicable)) }
      switch question.kind.answer(choosing: indices, for: question, language: language) {
      case .success(let value): return .value(Self.widened(value, from: options))
      case .failure(let problem): return .problem(problem.message)
      }
    case .text(let text):
      // The answer shown for editing, confirmed unchanged, stays exactly what it was.
      if let current = session.sheet.values[slot], !prompt.text.isEmpty, text.trimmingSpaces == prompt.text {
        return .value(current)
      }
      switch AnswerInput.parse(text, for: question, language: language) {
      case .value(let value): return .value(value)
      case .ambiguous(let readings): return .choose(readings)
      case .empty:
        if let current = session.sheet.values[slot] { return .value(current) }
        if !question.required { return .value(nil) }
        let codes = prompt.items.filter { $0.role == .code }.map { MessageArgument.quoted($0.label) }
        if codes.isEmpty { return .problem(t(.questionnaireAnswerNeeded)) }
        return .problem(t(.questionnaireAnswerNeededOrCode, ["codes": .alternatives(codes)]))
      case .invalid(let message):
        return .problem(Self.sentence(t(message)))
      }
    default:
      return .problem(t(.questionnaireNotValidAnswer))
    }
  }

  /// A choice limited to what was ticked in an earlier question (`options_from`) is asked with
  /// those options only; `options` maps the asked options back to the question's own (nil: all).
  func asked(_ slot: Int) -> (Question, [Int]?) {
    var question = survey.questions[slot]
    guard let source = question.optionsFrom, case .choices(let ticked)? = session.sheet.values[source] else {
      return (question, nil)
    }
    let tickedValues = Set(ticked.map { survey.questions[source].options[$0].value })
    let kept = question.options.indices.filter { tickedValues.contains(question.options[$0].value) }
    question.options = kept.map { question.options[$0] }
    return (question, kept)
  }

  /// The answer among the asked options; nil when it is no longer among them (a tick removed).
  static func restricted(_ value: AnswerValue, to options: [Int]?) -> AnswerValue? {
    guard let options, case .choice(let index) = value else { return value }
    return options.firstIndex(of: index).map { .choice($0) }
  }

  /// An answer among the asked options as the question's own option.
  static func widened(_ value: AnswerValue, from options: [Int]?) -> AnswerValue {
    guard let options, case .choice(let index) = value, index < options.count else { return value }
    return .choice(options[index])
  }

  /// Nothing ticked is never taken as an answer, in either driver: the person is told which
  /// choices stand for "none" ("None of these", "Don't know").
  func nothingChosen(_ prompt: Prompt) -> String {
    let alone = prompt.items.filter { $0.role == .exclusive || $0.role == .code }.map {
      MessageArgument.quoted($0.label)
    }
    if alone.isEmpty { return t(.questionnaireNothingChosen) }
    return t(.questionnaireNothingChosenOr, ["choices": .alternatives(alone)])
  }

  func askQuestion(_ slot: Int) -> PromptResult {
    let question = survey.questions[slot]
    var prompt = prompt(for: slot)
    let section = survey.sections[question.section].title.text(language)
    while true {
      var chosen: AnswerValue??
      var readings: [AnswerValue] = []
      let result = driver.ask(prompt, context: context(section: section, slot: slot)) { result in
        switch result {
        case .selected, .text:
          switch answer(result, for: slot, prompt: prompt) {
          case .value(let value):
            // What the reader would refuse is refused here, where it can still be retyped.
            if let problem = session.problem(with: value, for: slot) { return Self.sentence(problem.text(language)) }
            chosen = .some(value)
            return nil
          case .choose(let values):
            readings = values
            return nil
          case .problem(let message):
            return message
          }
        default: return nil
        }
      }
      if case .note(let typed) = result {
        if let stop = editNote(slot) { return stop }
        prompt.text = typed
        prompt.note = session.sheet.notes[slot]
        prompt.evidence = evidenceShown(slot)
        continue
      }
      if !readings.isEmpty, case .text(let typed) = result {
        let choice = chooseReading(typed, readings, question)
        if case .selected(let picked) = choice, let index = picked.first, index < readings.count {
          chosen = .some(readings[index])
        } else if choice == .interrupt || choice == .endOfInput {
          return choice
        } else {
          prompt.text = typed  // neither reading: typed again, from what was typed
          continue
        }
      }
      if case .some(let value) = chosen, let stop = record(value, at: slot) { return stop }
      return result
    }
  }

  /// Records an answer (saved before anything is asked about it, so that quitting there loses
  /// nothing); nil to go on, or how the session stops.
  func record(_ value: AnswerValue?, at slot: Int) -> PromptResult? {
    let previous = session.sheet.values[slot]
    let change = session.set(slot, value)
    if previous != nil && previous != value && change != QuestionnaireSession.Change() {
      notice = affectedNotice(change)
    }
    if let stop = savedOrRecovered() { return stop }
    return previous != value ? confirmReopening() : nil
  }

  /// Asks which reading of `typed` was meant, each shown in the person's notation with the
  /// unit; the last item is "neither" (type it again).
  func chooseReading(_ typed: String, _ readings: [AnswerValue], _ question: Question) -> PromptResult {
    var items = readings.map { value -> Prompt.Item in
      let number = value.number.map { t.locale.exact($0) } ?? ""
      let unit = value.number.map { question.unit?.text(language, count: $0) } ?? question.unit?.text(language)
      return Prompt.Item(ValueText.withUnit(number, unit: unit))
    }
    items.append(Prompt.Item(t(.questionnaireReadingNeither), token: "retype"))
    let prompt = Prompt(
      kind: .select, question: t(.questionnaireWhichReading, ["typed": .quoted(typed.trimmingSpaces)]), items: items,
      selected: [], allowsNavigation: false)
    return driver.ask(prompt, context: context(section: question.text.text(language), slot: nil)) { _ in nil }
  }

  /// After a change that shows or hides later questions, or takes out a follow-up's answer:
  /// which, in the question's own words.
  func affectedNotice(_ change: QuestionnaireSession.Change) -> String {
    let affected = change.shownOrHidden
    let hidden = affected.filter { !session.relevant[$0] }.map { quotedQuestion($0) }
    let shown = affected.filter { session.relevant[$0] }.map { quotedQuestion($0) }
    let again = change.askedAgain.filter { session.relevant[$0] }.map { quotedQuestion($0) }
    var parts: [String] = []
    if !hidden.isEmpty { parts.append(t(.questionnaireNowSkipped, ["questions": .list(hidden)])) }
    if !shown.isEmpty { parts.append(t(.questionnaireNowAskedQuestions, ["questions": .list(shown)])) }
    if !again.isEmpty { parts.append(t(.questionnaireToAnswerAgain, ["questions": .list(again)])) }
    return t(.questionnaireYourChangeAffectsLaterQuestions) + parts.joined(separator: "; ")
  }

  /// A question as a person knows it: its text, shortened, in quotation marks.
  func quotedQuestion(_ slot: Int) -> MessageArgument {
    .quoted(DisplayWidth.shorten(survey.questions[slot].label(language), to: 48))
  }
}
