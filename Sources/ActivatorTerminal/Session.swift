package import ActivatorCore
import ActivatorYAML

/// The state of one questionnaire run: the answers so far, which questions skip logic shows,
/// and the journal written after every change so that nothing answered is ever lost.
///
/// A resumed file is edited in place (`AnswersEditor`): it is not written until an answer
/// changes, and then keeps its comments, `x-` keys, notes and `completed:`. The journal is locked
/// for the session (`FileLock`), and no answer is accepted that the reader could not read back
/// (`problem(with:)`).
package final class QuestionnaireSession {
  package let survey: Survey
  package private(set) var sheet: AnswerSheet
  /// Whether skip logic shows each question, given the answers so far.
  package private(set) var relevant: [Bool]
  package private(set) var journalPath: String
  /// Chooses the journal's path from the city once its name is known (when none was given).
  package var pathForCity: ((City) -> String)?
  /// The last journal write failed (disk full, folder removed): the answers are kept in memory
  /// until a save succeeds.
  package private(set) var journalError: FileReadError?
  /// The file being continued, edited in place rather than rewritten.
  let editor: AnswersEditor?
  private var lock: FileLock?
  /// What the last save wrote to the journal (nil before the first).
  private var written: [UInt8]?
  /// What a saved file may hold: the limits the answers reader applies.
  static let limits = YAMLLimits.untrusted

  package init(survey: Survey, sheet: AnswerSheet, journalPath: String, resuming editor: AnswersEditor? = nil) {
    self.survey = survey
    self.sheet = sheet
    self.journalPath = journalPath
    self.editor = editor
    self.relevant = Scorer.prepare(sheet, survey: survey).1
    if self.sheet.started == nil { self.sheet.started = Timestamp.now() }
  }

  deinit { lock?.release() }

  /// Locks the journal for this session; a message naming the other session when one holds it.
  package func claimJournal() -> Message? {
    guard !journalPath.isEmpty else { return nil }
    return claim(journalPath)
  }

  private func claim(_ path: String) -> Message? {
    do {
      let taken = try FileLock.acquire(for: path)
      lock?.release()
      lock = taken
      return nil
    } catch {
      guard case .held(let pid) = error else { return nil }
      let holder =
        pid.map { Message(.sessionHeldByProcess, ["pid": .text(String($0))]) } ?? Message(.sessionHeldByAnother)
      return Message(.sessionJournalHeld, ["file": .text(InertText.line(path)), "holder": .message(holder)])
    }
  }

  /// Saves the answers to `path` from now on (after a failed save): refused when `path` is an
  /// answers file or another session holds it; the message says why.
  package func moveJournal(to path: String) -> Message? {
    if let problem = OutputGuard.problem(writing: path, inputs: [String](), allowed: journalPath) {
      return Message(.sessionRefusingToReplace, ["problem": .message(problem)])
    }
    if let held = claim(path) { return held }
    journalPath = path
    save()
    return nil
  }

  package var language: String { sheet.language }

  package var relevantSlots: [Int] { survey.questions.indices.filter { relevant[$0] } }

  /// "Question n of m" among the questions skip logic shows.
  package func number(of slot: Int) -> (Int, Int) {
    let slots = relevantSlots
    return ((slots.firstIndex(of: slot) ?? 0) + 1, slots.count)
  }

  package func isAnswered(_ slot: Int) -> Bool { sheet.values[slot] != nil }

  /// How many questions have an answer in the file (those skip logic hides included).
  package var answeredCount: Int { sheet.values.lazy.filter { $0 != nil }.count }

  package func firstUnanswered() -> Int? {
    survey.questions.indices.first { relevant[$0] && sheet.values[$0] == nil }
  }

  package func next(after slot: Int) -> Int? {
    survey.questions.indices.first { $0 > slot && relevant[$0] }
  }

  package func previous(before slot: Int) -> Int? {
    survey.questions.indices.last { $0 < slot && relevant[$0] }
  }

  package var firstSlot: Int? { survey.questions.indices.first { relevant[$0] } }

  /// Answered and total relevant questions per pillar (and one entry for pillar-less sections).
  package func pillarProgress() -> [(pillar: Int?, answered: Int, total: Int)] {
    var result: [(pillar: Int?, answered: Int, total: Int)] = survey.pillars.indices.map { ($0, 0, 0) }
    var other = (pillar: Int?.none, answered: 0, total: 0)
    for slot in survey.questions.indices where relevant[slot] {
      let answered = sheet.values[slot] != nil ? 1 : 0
      if let pillar = survey.questions[slot].pillar {
        result[pillar].total += 1
        result[pillar].answered += answered
      } else {
        other.total += 1
        other.answered += answered
      }
    }
    return other.total > 0 ? result + [other] : result
  }

  /// What a change did to later questions.
  package struct Change: Equatable, Sendable {
    /// Later questions that skip logic now shows or hides.
    package var shownOrHidden: [Int] = []
    /// Choices limited to this question's ticks (`options_from`) whose answer is no longer
    /// ticked: taken out of the file, to be answered again.
    package var askedAgain: [Int] = []
  }

  /// Answers taken out because what they chose is no longer ticked in the question their
  /// options come from; given back if it is ticked again in this session.
  private var withdrawn: [Int: AnswerValue] = [:]

  /// Records an answer (or clears it with `nil`), re-runs skip logic, flags later answers the
  /// change affects, takes out follow-up answers it makes invalid, and writes the journal.
  @discardableResult
  package func set(_ slot: Int, _ value: AnswerValue?) -> Change {
    let before = relevant
    sheet.values[slot] = value
    withdrawn[slot] = nil
    let askedAgain = recheckFollowUps(of: slot)
    relevant = Scorer.prepare(sheet, survey: survey).1
    let affected = survey.questions.indices.filter { $0 > slot && before[$0] != relevant[$0] }
    var review = Set(sheet.review)
    review.remove(slot)
    for later in affected where sheet.values[later] != nil || !relevant[later] {
      if sheet.values[later] != nil { review.insert(later) }
    }
    // A flag on a question that is hidden again and unanswered means nothing any more.
    review = review.filter { sheet.values[$0] != nil }
    sheet.review = review.sorted()
    save()
    return Change(shownOrHidden: affected, askedAgain: askedAgain)
  }

  /// The questions whose options are those ticked in `source`: an answer no longer ticked is
  /// taken out (the file would not be valid, and it must not stand for what the official
  /// meant); one taken out before comes back when its option is ticked again.
  /// - Returns: the questions whose answer was taken out.
  private func recheckFollowUps(of source: Int) -> [Int] {
    var taken: [Int] = []
    for slot in survey.questions.indices where survey.questions[slot].optionsFrom == source {
      if let answer = sheet.values[slot], !stillTicked(answer, slot) {
        withdrawn[slot] = answer
        sheet.values[slot] = nil
        sheet.review.removeAll { $0 == slot }
        taken.append(slot)
      } else if sheet.values[slot] == nil, let answer = withdrawn[slot], stillTicked(answer, slot) {
        sheet.values[slot] = answer
        withdrawn[slot] = nil
      }
    }
    return taken
  }

  /// Whether a follow-up's answer is among what its source question ticks now (any answer
  /// stands while the source has no ticks to limit it, as the answers reader judges).
  private func stillTicked(_ answer: AnswerValue, _ slot: Int) -> Bool {
    var trial = sheet
    trial.values[slot] = answer
    return !AnswerChecks.problems(trial, survey: survey).contains { $0.slot == slot && !$0.inEvidence }
  }

  package func setCity(_ city: City, respondent: Respondent?) {
    if let pathForCity {
      journalPath = pathForCity(city)
      self.pathForCity = nil
      _ = claimJournal()
    }
    sheet.city = city
    sheet.respondent = respondent
    save()
  }

  package func setTarget(_ pillar: Int, _ stage: Int?) {
    sheet.targets[pillar] = stage
    save()
  }

  package func setNote(_ slot: Int, _ text: String?) {
    if let text, !text.isEmpty { sheet.notes[slot] = text } else { sheet.notes[slot] = nil }
    save()
  }

  /// Where the figure in `slot` comes from and the year it describes (nil or empty: none).
  package func setEvidence(_ slot: Int, source: String?, year: Int?) {
    sheet.setEvidence(slot, source: source, year: year)
    save()
  }

  /// Marks the survey completed; a file completed before keeps its completion date.
  package func complete() {
    if sheet.completed == nil { sheet.completed = Timestamp.now() }
    save()
  }

  /// Opens a completed survey again: `completed:` is removed. Resuming keeps it; this is for
  /// when the official says so (issue 12 asks them).
  package func reopen() {
    sheet.completed = nil
    save()
  }

  /// Why `text` cannot be an answer or detail: what the answers reader refuses when the file
  /// is read back (`YAMLLimits.untrusted`).
  package func problem(withText text: String) -> Message? {
    let length = text.utf8.count
    guard length > Self.limits.maxScalarBytes else { return nil }
    return Message(
      .sessionAnswerTooLong, ["length": .text(String(length)), "limit": .text(String(Self.limits.maxScalarBytes))])
  }

  /// Why `value` cannot be the answer to `slot`: too long a text, or a file that would grow
  /// past what the reader accepts.
  package func problem(with value: AnswerValue?, for slot: Int) -> Message? {
    if case .text(let text)? = value, let problem = problem(withText: text) { return problem }
    var trial = sheet
    trial.values[slot] = value
    return problem(size: trial)
  }

  /// Why the answers file for `trial` could not be read back: too large.
  package func problem(size trial: AnswerSheet) -> Message? {
    let size = bytes(for: trial).count
    guard size > Self.limits.maxBytes else { return nil }
    return Message(.sessionFileTooLarge, ["size": .text(String(size)), "limit": .text(String(Self.limits.maxBytes))])
  }

  func bytes(for sheet: AnswerSheet) -> [UInt8] {
    editor?.text(for: sheet) ?? Array(AnswersWriter.write(sheet, survey: survey, mode: .answers).utf8)
  }

  /// Writes the journal atomically (temporary file, then rename). A continued file that has not
  /// changed is not written at all, so it stays byte for byte what it was; "changed" is judged
  /// against what the file holds now (an answer changed and then changed back must be written
  /// back, not skipped as equal to the file as it was first read).
  package func save() {
    guard !journalPath.isEmpty else { return }
    let bytes = bytes(for: sheet)
    if let editor, bytes == (written ?? editor.file.bytes), FileReading.sameFile(journalPath, editor.file.path) {
      journalError = nil
      return
    }
    do {
      try FileReading.writeAtomically(journalPath, bytes)
      written = bytes
      journalError = nil
    } catch {
      journalError = error
    }
  }
}

/// Reads what a person typed as an answer, with the same rules as answers files.
package enum AnswerInput {
  package enum Outcome: Equatable {
    case value(AnswerValue)
    /// Nothing typed.
    case empty
    /// Why it is not an answer, as the loader says it of an answers file, without naming the
    /// question (the person sees it under the question).
    case invalid(Message)
    /// What was typed reads as more than one answer that fits the question ("1.500" in Spanish:
    /// 1500 or 1.5); the person says which, never the program.
    case ambiguous([AnswerValue])
  }

  /// Reads typed text for `question` as the person's language writes it (`typedReadings`), then
  /// each reading exactly as an answers file value would be read. Readings the question refuses
  /// (out of range, not whole) drop out; when none is left, the first one's problem is told.
  package static func parse(_ text: String, for question: Question, language: String) -> Outcome {
    let trimmed = text.trimmingSpaces
    if trimmed.isEmpty { return .empty }
    let readings: [String]
    if MissingCode(rawValue: trimmed) != nil {
      readings = [trimmed]
    } else {
      switch question.kind.typedReadings(trimmed, locale: MessageCatalogue.shared.locale(language)) {
      case .readings(let found): readings = found
      case .problem(let problem): return .invalid(problem)
      }
    }
    var values: [AnswerValue] = []
    var problem: Message?
    for reading in readings {
      switch read(reading, for: question) {
      case .value(let value): if !values.contains(value) { values.append(value) }
      case .invalid(let message): problem = problem ?? message
      default: break
      }
    }
    if values.count == 1 { return .value(values[0]) }
    if values.count > 1 { return .ambiguous(values) }
    return problem.map { .invalid($0) } ?? .empty
  }

  /// One reading, exactly as an answers file value.
  static func read(_ text: String, for question: Question) -> Outcome {
    let log = DiagnosticLog()
    var reader = NodeReader(file: SourceFile(path: "input", bytes: Array(text.utf8)), log: log)
    reader.atPrompt = true
    let node = YAMLNode(
      content: .scalar(text, question.kind.typedStyle), start: YAMLMark(line: 1, column: 1),
      end: YAMLMark(line: 1, column: text.count + 1))
    switch AnswerParser.parse(node, for: question, reader: reader) {
    case .value(let value): return .value(value)
    case .blank: return .empty
    case .invalid: return .invalid(log.diagnostics.first?.content ?? Message(.questionnaireNotValidAnswer))
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\r" || c == "\n" { s = s.dropLast() }
    return String(s)
  }
}

/// Timestamps in ISO 8601 UTC. `SOURCE_DATE_EPOCH` fixes the clock (reproducible runs and tests).
package enum Timestamp {
  package static func now() -> String {
    var seconds = time(nil)
    if let fixed = Console.environment("SOURCE_DATE_EPOCH").flatMap({ Int($0) }) { seconds = time_t(fixed) }
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return
      "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// This year (as `SOURCE_DATE_EPOCH` fixes it); no limit if the clock gives no year.
  package static var thisYear: Int { Int(now().prefix(4)) ?? Int.max }

  /// Today as YYYY-MM-DD.
  package static func today() -> String { String(now().prefix(10)) }
}
