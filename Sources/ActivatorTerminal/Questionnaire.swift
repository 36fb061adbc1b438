package import ActivatorCore
import ActivatorReports

/// The questionnaire's flow, shared by the terminal and line drivers so that both validate and
/// record answers identically: city details, the questions in order with skip logic, going back,
/// the jump list, target stages, a review of flagged answers, and completion.
///
/// The parts live in extensions: questions and their answers (`Questionnaire+Questions`), the
/// city's details (`+City`), notes (`+Notes`), and the jump list, targets and review (`+Lists`).
package final class Questionnaire {
  package enum Outcome: Sendable, Equatable {
    case completed
    /// Ctrl-C or `q`: everything answered is saved.
    case interrupted
    /// Piped input ran out before the end.
    case endOfInput
  }

  package let session: QuestionnaireSession
  let driver: any PromptDriver
  let t: Localizer
  /// Whether a person answers (a terminal) rather than a script: after a failed save a person
  /// is offered another file; a script is stopped at once.
  let interactive: Bool
  /// The stage each pillar's answers reach so far, when the rules could be loaded: the targets
  /// screen shows it beside the stage to aim for.
  let currentStages: ((AnswerSheet) -> [Int?]?)?
  var survey: Survey { session.survey }
  var language: String { session.language }
  var notice: String?
  /// The file was marked complete when the session began, and the official has not yet said
  /// whether a changed answer reopens it.
  var reopenUnasked: Bool

  package init(
    session: QuestionnaireSession, driver: any PromptDriver, interactive: Bool = true,
    currentStages: ((AnswerSheet) -> [Int?]?)? = nil
  ) {
    self.session = session
    self.driver = driver
    self.t = Localizer(session.language)
    self.interactive = interactive
    self.currentStages = currentStages
    self.reopenUnasked = session.sheet.completed != nil
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
  package func run(askCity: Bool) -> Outcome {
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
    return .questions(
      Position(slot: first, shownSection: first == session.firstSlot ? nil : survey.questions[first].section))
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
    let flagged = reviewSlots()
    switch result {
    case .selected(let picked) where !picked.isEmpty && picked[0] > 0 && picked[0] <= flagged.count:
      return .questions(.at(flagged[picked[0] - 1], in: survey))
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
    let labels = PillarLabels.short(survey.pillars.map { $0.name.text(language) })
    for item in session.pillarProgress() {
      progress.append((item.pillar.map { labels[$0] } ?? "+", item.answered, item.total))
    }
    let position = slot.map { session.number(of: $0) }
    defer { notice = nil }
    var error: String?
    if let problem = session.journalError.map({ $0.text(language) }) {
      error = t(.questionnaireCouldNotSaveAnswers) + problem
    }
    return PromptContext(
      title: survey.title.text(language), section: section, position: position, progress: progress, notice: notice,
      error: error)
  }

  func introduce(_ sectionIndex: Int) -> PromptResult {
    let section = survey.sections[sectionIndex]
    var body: [String] = []
    if let intro = section.intro { body.append(intro.text(language)) }
    if let pillar = section.pillar, let description = survey.pillars[pillar].description {
      body.append(description.text(language))
    }
    let first = section.questions.first { session.relevant[$0] }
    return driver.show(
      title: section.title.text(language), body: body,
      context: context(section: section.title.text(language), slot: first))
  }

  // MARK: - Saving

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
    if !session.journalPath.isEmpty {
      RawMode.setFarewell(Self.farewell(answered: session.answeredCount, path: session.journalPath, language: language))
    }
    return nil
  }

  /// The first time an answer or target of a file marked complete changes (the change is
  /// saved already): whether it stays complete. Nil to go on, or how the session stops; it
  /// stays complete unless the official says otherwise.
  func confirmReopening() -> PromptResult? {
    guard reopenUnasked else { return nil }
    let items = [
      Prompt.Item(t(.questionnaireKeepComplete), token: "keep"), Prompt.Item(t(.questionnaireReopen), token: "reopen"),
    ]
    let completed = session.sheet.completed.map { t.locale.date($0) } ?? ""
    let prompt = Prompt(
      kind: .select, question: t(.questionnaireCompletedFileChanged, ["date": .text(completed)]), items: items,
      selected: [0], allowsNavigation: false)
    let result = driver.ask(prompt, context: context(section: t(.questionnaireReview), slot: nil)) { _ in nil }
    guard case .selected(let picked) = result else {
      return result == .interrupt || result == .endOfInput ? result : nil
    }
    reopenUnasked = false
    if picked == [1] { session.reopen() }
    return savedOrRecovered()
  }

  /// What is said when the questionnaire stops before the end: how many answers are saved
  /// where, and how to go on. The same after Ctrl-C, `q`, the end of piped input, or a signal.
  package static func farewell(answered: Int, path: String, language: String) -> String {
    let t = Localizer(language)
    let shown = InertText.line(path)
    return t(.surveySavedAnsweredAnswersPath, ["answered": .count(answered), "path": .text(shown)]) + "\n"
      + t(.surveyContinueLaterWith) + "activator survey --resume " + shown + "\n"
  }

  static func sentence(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
  }
}

/// Short labels for the pillars in the progress line: the first word of each pillar's name in
/// the survey's language that not every name shares ("Smart Government" → GOV, "Gobierno
/// inteligente" → GOB), so any language's names make labels without extra data.
enum PillarLabels {
  static func short(_ names: [String]) -> [String] {
    let words = names.map { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) }
    let shared = words.count > 1 ? Set(words.first ?? []).filter { word in words.allSatisfy { $0.contains(word) } } : []
    var length = 3
    while true {
      let labels = words.map { own -> String in
        let word = own.first { !shared.contains($0) } ?? own.first ?? "?"
        return label(word, columns: length).uppercased()
      }
      if Set(labels).count == labels.count || length >= 6 { return labels }
      length += 1
    }
  }

  /// The start of `word` in `columns` columns, and at least two characters: "GOV", and two
  /// Hangul syllables ("거버" of 거버넌스), which take four.
  static func label(_ word: String, columns: Int) -> String {
    var label = ""
    var used = 0
    for character in word {
      let width = DisplayWidth.of(character)
      if used + width > columns && label.count >= 2 { break }
      label.append(character)
      used += width
    }
    return label
  }
}
