public import ActivatorCore
import ActivatorReports

/// The questionnaire's flow, shared by the terminal and line drivers so that both validate and
/// record answers identically: city details, the questions in order with skip logic, going back,
/// the jump list, target stages, a review of flagged answers, and completion.
public final class Questionnaire {
  public enum Outcome: Sendable, Equatable {
    case completed
    /// Ctrl-C or `q`: everything answered is saved.
    case interrupted
    /// Piped input ran out before the end.
    case endOfInput
  }

  public let session: QuestionnaireSession
  let driver: any PromptDriver
  let t: Localizer
  /// Whether a person answers (a terminal) rather than a script: after a failed save a person
  /// is offered another file; a script is stopped at once.
  let interactive: Bool
  var survey: Survey { session.survey }
  var language: String { session.language }
  var notice: String?

  public init(session: QuestionnaireSession, driver: any PromptDriver, interactive: Bool = true) {
    self.session = session
    self.driver = driver
    self.t = Localizer(session.language)
    self.interactive = interactive
  }

  /// Where the questionnaire stands; each mode's step asks what it asks and says which mode
  /// comes next.
  enum Mode: Equatable {
    /// The questions, in order with skip logic, from a position.
    case questions(Position)
    /// A target stage per pillar (optional).
    case targets
    /// Answers flagged by later changes and required questions left, before finishing.
    case review
    /// The session ends so.
    case finished(Outcome)
  }

  /// A place among the questions: the question (`nil` past the last one) and the section whose
  /// introduction was last shown (a new section is introduced before its first question).
  struct Position: Equatable {
    var slot: Int?
    var shownSection: Int?

    /// At `slot`, its section already introduced (after going back or jumping).
    static func at(_ slot: Int?, in survey: Survey) -> Position {
      Position(slot: slot, shownSection: slot.map { survey.questions[$0].section })
    }
  }

  /// Runs the questionnaire. With `askCity`, starts by asking the city's details.
  public func run(askCity: Bool) -> Outcome {
    // A file that could not even be created is dealt with before the first question.
    if savedOrRecovered() != nil { return .interrupted }
    if askCity, let stop = Self.stop(askCityDetails()) { return stop }
    var mode = firstMode()
    while true {
      switch mode {
      case .questions(let position): mode = questionsStep(position)
      case .targets: mode = targetsStep()
      case .review: mode = reviewStep()
      case .finished(let outcome): return outcome
      }
    }
  }

  /// The outcome a prompt's result ends the session with, if it does.
  static func stop(_ result: PromptResult) -> Outcome? {
    switch result {
    case .interrupt: .interrupted
    case .endOfInput: .endOfInput
    default: nil
    }
  }

  /// The first unanswered question (a fresh start shows the first section's introduction), or
  /// the targets when every question is answered.
  func firstMode() -> Mode {
    guard let first = session.firstUnanswered() else { return .targets }
    return .questions(Position(slot: first, shownSection: first == session.firstSlot ? nil : survey.questions[first].section))
  }

  /// The mode a jump leads to: the chosen question, or `stay` when none was chosen.
  func jumpMode(else stay: Mode) -> Mode {
    jump().map { .questions(.at($0, in: survey)) } ?? stay
  }

  func questionsStep(_ position: Position) -> Mode {
    guard let slot = position.slot else { return .targets }
    let section = survey.questions[slot].section
    let here = Mode.questions(Position(slot: slot, shownSection: section))
    if section != position.shownSection {
      let result = introduce(section)
      if let stop = Self.stop(result) { return .finished(stop) }
      switch result {
      case .back: return .questions(.at(session.previous(before: slot) ?? slot, in: survey))
      case .jump: return jumpMode(else: here)
      default: break
      }
    }
    let result = askQuestion(slot)
    if let stop = Self.stop(result) { return .finished(stop) }
    switch result {
    case .back: return session.previous(before: slot).map { .questions(.at($0, in: survey)) } ?? here
    case .jump: return jumpMode(else: here)
    default: return .questions(Position(slot: session.next(after: slot), shownSection: section))
    }
  }

  func targetsStep() -> Mode {
    let result = askTargets()
    if let stop = Self.stop(result) { return .finished(stop) }
    switch result {
    case .back: return .questions(.at(session.relevantSlots.last, in: survey))
    case .jump: return jumpMode(else: .targets)
    default: return .review
    }
  }

  func reviewStep() -> Mode {
    let result = askReview()
    if let stop = Self.stop(result) { return .finished(stop) }
    switch result {
    case .selected(let picked) where !picked.isEmpty && picked[0] > 0:
      return .questions(.at(session.sheet.review[picked[0] - 1], in: survey))
    case .back: return .targets
    case .jump: return jumpMode(else: .review)
    default:
      if let missing = session.firstUnanswered(), survey.questions[missing].required {
        // Required questions left: go there rather than finishing.
        notice = t(.questionnaireThisQuestionStillNeedsAnswer)
        return .questions(.at(missing, in: survey))
      }
      session.complete()
      return .finished(savedOrRecovered() == nil ? .completed : .interrupted)
    }
  }

  // MARK: - Context

  func context(section: String, slot: Int?) -> PromptContext {
    var progress: [(label: String, answered: Int, total: Int)] = []
    for item in session.pillarProgress() {
      let label = item.pillar.map { String(survey.pillars[$0].id.prefix(3)).uppercased() } ?? "+"
      progress.append((label, item.answered, item.total))
    }
    let position = slot.map { session.number(of: $0) }
    defer { notice = nil }
    var error: String?
    if let problem = session.journalError.map({ $0.text(language) }) {
      error = t(.questionnaireCouldNotSaveAnswers) + problem
    }
    return PromptContext(
      title: survey.title.text(language), section: section, position: position, progress: progress, notice: notice, error: error)
  }

  func introduce(_ sectionIndex: Int) -> PromptResult {
    let section = survey.sections[sectionIndex]
    var body: [String] = []
    if let intro = section.intro { body.append(intro.text(language)) }
    if let pillar = section.pillar, let description = survey.pillars[pillar].description {
      body.append(description.text(language))
    }
    let first = section.questions.first { session.relevant[$0] }
    return driver.show(title: section.title.text(language), body: body, context: context(section: section.title.text(language), slot: first))
  }

  // MARK: - City

  func askCityDetails() -> PromptResult {
    let section = t(.questionnaireAboutYourCity)
    var city = session.sheet.city
    var respondent = session.sheet.respondent ?? Respondent()
    let steps: [(String, Bool, WritableKeyPath<City, String?>?, WritableKeyPath<Respondent, String?>?)] = [
      (t(.questionnaireCityName), true, nil, nil),
      (t(.questionnaireCountry), false, \City.country, nil),
      (t(.questionnaireRegionOptionalEGLatin), false, \City.region, nil),
      (t(.questionnaireYourNameOptional), false, nil, \Respondent.name),
      (t(.questionnaireYourRoleOptional), false, nil, \Respondent.role),
    ]
    var index = 0
    while index < steps.count {
      let (question, required, cityField, respondentField) = steps[index]
      var current = ""
      if index == 0 { current = city.name } else if let cityField { current = city[keyPath: cityField] ?? "" } else if let respondentField {
        current = respondent[keyPath: respondentField] ?? ""
      }
      let prompt = Prompt(kind: .text, question: question, text: current, allowsNavigation: index > 0)
      let result = driver.ask(prompt, context: context(section: section, slot: nil)) { result in
        guard case .text(let text) = result else { return nil }
        if required, text.trimmingSpaces.isEmpty {
          return t(.questionnairePleaseTypeCitySName)
        }
        return session.problem(withText: text.trimmingSpaces).map { Self.sentence($0.text(language)) }
      }
      switch result {
      case .text(let text):
        let value = text.trimmingSpaces
        if index == 0 {
          city.name = value
        } else if let cityField {
          city[keyPath: cityField] = value.isEmpty ? nil : value
        } else if let respondentField {
          respondent[keyPath: respondentField] = value.isEmpty ? nil : value
        }
        index += 1
      case .back:
        index = max(0, index - 1)
      case .interrupt, .endOfInput:
        return result
      default:
        index += 1
      }
    }
    session.setCity(city, respondent: respondent)
    return savedOrRecovered() ?? .selected([0])
  }

  // MARK: - Questions

  /// The prompt for a question, with its current answer (or default) preselected: the kind's
  /// own prompt, then the missing-data codes the question allows.
  public func prompt(for slot: Int) -> Prompt {
    let question = survey.questions[slot]
    let current = session.sheet.values[slot] ?? question.defaultValue
    var prompt = question.kind.prompt(for: question, current: current, language: language)
    prompt.question = question.text.text(language) + (question.required ? "" : t(.questionnaireOptional))
    prompt.help = question.help?.text(language)
    if let source = question.source {
      prompt.help = (prompt.help.map { $0 + "\n" } ?? "") + t(.questionnaireSource) + source
    }
    let own = prompt.items.count
    if question.allowed.contains(.dontKnow) {
      prompt.items.append(Prompt.Item(t(.valueDontKnow).capitalizedFirst, role: .code, token: "dk"))
    }
    if question.allowed.contains(.notApplicable) {
      prompt.items.append(Prompt.Item(t(.valueNotApplicable).capitalizedFirst, role: .code, token: "na"))
    }
    if case .missing(let code)? = current,
      let index = prompt.items[own...].firstIndex(where: { $0.token == (code == .dontKnow ? "dk" : "na") })
    {
      prompt.selected = [index]
    }
    return prompt
  }

  /// Turns what the person did into an answer; `.failure` carries the message to show.
  public func answer(_ result: PromptResult, for slot: Int, prompt: Prompt) -> Result<AnswerValue?, AnswerProblem> {
    let question = survey.questions[slot]
    switch result {
    case .selected(let indices):
      let codes = indices.filter { prompt.items[$0].role == .code }
      if codes.count == 1, indices.count == 1 {
        return .success(prompt.items[codes[0]].token == "dk" ? .missing(.dontKnow) : .missing(.notApplicable))
      }
      if !codes.isEmpty {
        return .failure(
          AnswerProblem(t(.questionnaireDonTKnowNotApplicable)))
      }
      return question.kind.answer(choosing: indices, for: question, language: language).map { $0 }
    case .text(let text):
      switch AnswerInput.parse(text, for: question) {
      case .value(let value): return .success(value)
      case .empty:
        if let current = session.sheet.values[slot] { return .success(current) }
        if !question.required { return .success(nil) }
        let codes = question.allowed.isEmpty ? "" : t(.questionnaireTabForDonTKnow)
        return .failure(AnswerProblem(t(.questionnaireAnswerNeeded) + codes + "."))
      case .invalid(let message):
        return .failure(AnswerProblem(t(message).capitalizedFirst))
      }
    default:
      return .failure(AnswerProblem(""))
    }
  }

  func askQuestion(_ slot: Int) -> PromptResult {
    let question = survey.questions[slot]
    let prompt = prompt(for: slot)
    var chosen: AnswerValue??
    let result = driver.ask(prompt, context: context(section: survey.sections[question.section].title.text(language), slot: slot)) { result in
      switch result {
      case .selected, .text:
        switch answer(result, for: slot, prompt: prompt) {
        case .success(let value):
          // What the reader would refuse is refused here, where it can still be retyped.
          if let problem = session.problem(with: value, for: slot) { return Self.sentence(problem.text(language)) }
          chosen = .some(value)
          return nil
        case .failure(let problem):
          return problem.message.isEmpty ? t(.questionnaireNotValidAnswer) : problem.message
        }
      default: return nil
      }
    }
    if case .some(let value) = chosen {
      let previous = session.sheet.values[slot]
      let affected = session.set(slot, value)
      if previous != nil && previous != value && !affected.isEmpty { notice = affectedNotice(affected) }
      if let stop = savedOrRecovered() { return stop }
    }
    return result
  }

  /// After a change: nil when the answers are saved. After a failed save a person is told at
  /// once and offered another file (the answers stay in memory meanwhile); a script is stopped
  /// at once. Returns `.interrupt` when the session must stop unsaved: the caller then shows
  /// the answers so that nothing typed is lost.
  func savedOrRecovered() -> PromptResult? {
    while session.journalError != nil {
      guard interactive else { return .interrupt }
      let question = t(.questionnaireAnswersKeptUntilTheySaved)
      var refusal: Message?
      let prompt = Prompt(kind: .text, question: question, allowsNavigation: false)
      let result = driver.ask(prompt, context: context(section: t(.questionnaireSaving), slot: nil)) { result in
        guard case .text(let path) = result, !path.trimmingSpaces.isEmpty else { return nil }
        refusal = session.moveJournal(to: path.trimmingSpaces)
        return refusal.map { Self.sentence($0.text(language)) }
      }
      switch result {
      case .text(let path) where path.trimmingSpaces.isEmpty: session.save()
      case .text: continue
      default: return .interrupt
      }
    }
    return nil
  }

  static func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".") }

  func affectedNotice(_ affected: [Int]) -> String {
    let hidden = affected.filter { !session.relevant[$0] }.map { survey.questions[$0].id }
    let shown = affected.filter { session.relevant[$0] }.map { survey.questions[$0].id }
    var parts: [String] = []
    if !hidden.isEmpty {
      parts.append(t(.questionnaireNowSkippedAnswersKeptBut) + hidden.joined(separator: ", "))
    }
    if !shown.isEmpty { parts.append(t(.questionnaireNowAsked) + shown.joined(separator: ", ")) }
    return t(.questionnaireYourChangeAffectsLaterQuestions) + parts.joined(separator: "; ")
  }

  // MARK: - Jump list, targets, review

  func jump() -> Int? {
    var items: [Prompt.Item] = []
    var slots: [Int?] = []
    var selected: [Int] = []
    for section in survey.sections {
      let visible = section.questions.filter { session.relevant[$0] }
      guard !visible.isEmpty else { continue }
      items.append(Prompt.Item(section.title.text(language), role: .header))
      slots.append(nil)
      for slot in visible {
        let question = survey.questions[slot]
        let mark = session.sheet.review.contains(slot) ? "⚑" : session.isAnswered(slot) ? "✓" : "·"
        items.append(Prompt.Item("\(mark) \(question.text.text(language))", token: question.id))
        if selected.isEmpty && !session.isAnswered(slot) { selected = [items.count - 1] }
        slots.append(slot)
      }
    }
    let prompt = Prompt(kind: .select, question: t(.questionnaireGoWhichQuestionAnsweredNot), items: items, selected: selected, allowsNavigation: false)
    let result = driver.ask(prompt, context: context(section: t(.questionnaireJump), slot: nil)) { _ in nil }
    if case .selected(let picked) = result, let index = picked.first, index < slots.count { return slots[index] }
    return nil
  }

  func askTargets() -> PromptResult {
    let section = t(.questionnaireTargetsOptional)
    var index = 0
    while index < survey.pillars.count {
      let pillar = survey.pillars[index]
      var items = survey.stages.map { Prompt.Item("\($0.level) \($0.name.text(language))", token: String($0.level)) }
      items.append(Prompt.Item(t(.questionnaireNoTarget), token: "-"))
      let current = session.sheet.targets[index].map { [$0 - 1] } ?? [items.count - 1]
      let prompt = Prompt(
        kind: .select,
        question: t(.questionnaireWhichStageDoesCityAim, ["pillar_name": "\(pillar.name.text(language))"]),
        items: items, selected: current)
      let result = driver.ask(prompt, context: context(section: section, slot: nil)) { _ in nil }
      switch result {
      case .selected(let picked):
        let choice = picked.first ?? items.count - 1
        session.setTarget(index, choice < survey.stages.count ? survey.stages[choice].level : nil)
        if let stop = savedOrRecovered() { return stop }
        index += 1
      case .back:
        if index == 0 { return .back }
        index -= 1
      default:
        return result
      }
    }
    return .selected([0])
  }

  func askReview() -> PromptResult {
    let flagged = session.sheet.review
    let missing = session.survey.questions.indices.filter { session.relevant[$0] && !session.isAnswered($0) && survey.questions[$0].required }
    if flagged.isEmpty && missing.isEmpty { return .selected([0]) }
    var items = [Prompt.Item(t(.questionnaireFinish), token: "finish")]
    for slot in flagged {
      items.append(Prompt.Item("⚑ " + survey.questions[slot].text.text(language), token: survey.questions[slot].id))
    }
    var question = t(.questionnaireSomeAnswersMayNeedSecond)
    if !flagged.isEmpty {
      question += " " + t(.questionnaireTheseWereAffectedByLater)
    }
    if !missing.isEmpty {
      question += " " + t(.questionnaireMissingCountRequiredQuestionS, ["missing_count": "\(missing.count)"])
    }
    let prompt = Prompt(kind: .select, question: question, items: items, selected: [0])
    return driver.ask(prompt, context: context(section: t(.questionnaireReview), slot: nil)) { _ in nil }
  }
}
