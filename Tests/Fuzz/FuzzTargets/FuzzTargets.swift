import ActivatorCore
import ActivatorReports
import ActivatorYAML

/// The entry points the fuzzer drives, shared with the regression tests that replay what it
/// found. Each takes arbitrary bytes, runs them through a loader and whatever follows a
/// successful load, and returns the invariants they broke: the fuzzing driver turns any into a
/// crash the fuzzer reports; the tests report each as a failure of that case and go on.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// An answers file: fast reader and full loader (which must agree), then scoring and every
  /// output format.
  case answers
  /// A survey or a rule plugin file, then compiling it with the shipped rules and scoring an example.
  case rules
  /// One expression: parse, check against the shipped survey, evaluate against an example.
  case expressions

  /// Runs one input; the broken invariants, empty when all hold.
  package func run(_ bytes: [UInt8], in world: FuzzWorld = .shared) -> [String] {
    var problems = Problems()
    switch self {
    case .answers: world.answers(bytes, &problems)
    case .rules: world.rules(bytes, &problems)
    case .expressions: world.expression(bytes, &problems)
    }
    return problems.found
  }
}

/// Broken invariants, gathered rather than trapped on.
package struct Problems: Sendable {
  package internal(set) var found: [String] = []

  package init() {}

  package mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { found.append(message()) }
  }

  mutating func fail(_ message: String) { found.append(message) }
}

/// The shipped survey, rules and one example, loaded once per process.
package final class FuzzWorld: Sendable {
  package static let shared = FuzzWorld(home: FuzzWorld.findHome())

  let survey: Survey
  let registry: SurveyRegistry
  let corePlugins: [Plugin]
  let program: Program
  let example: AnswerSheet
  let exampleAssessment: Assessment

  package init(home: String) {
    let log = DiagnosticLog()
    guard let survey = SurveyLoader.load(home + "/Surveys/wego-activator-1.0.0.yaml", log: log) else {
      fatalError("fuzzing needs the shipped survey under \(home)/Surveys (set ACTIVATOR_HOME)")
    }
    self.survey = survey
    registry = SurveyRegistry([survey])
    corePlugins = PluginLoader.loadAll(home + "/Rules", log: log)
    guard let program = ProgramCompiler.compile(survey: survey, plugins: corePlugins, log: log),
      let (example, _) = AnswersLoader.load(home + "/Examples/legacy/valmora.yaml", registry: registry, log: log)
    else {
      fatalError("the shipped rules or examples do not load: \(log.diagnostics.map(\.message))")
    }
    self.program = program
    self.example = example
    exampleAssessment = Scorer.assess(example, with: program)
  }

  static func findHome() -> String {
    if let home = getenv("ACTIVATOR_HOME") { return String(cString: home) }
    return "."
  }

  // MARK: - Targets

  func answers(_ bytes: [UInt8], _ problems: inout Problems) {
    let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
    let agreement = ReaderAgreement.check(file, registry: registry)
    problems.found.append(contentsOf: agreement.problems)
    checkDiagnostics(agreement.diagnostics, file, &problems)
    guard let sheet = agreement.loaded else { return }
    let assessment = Scorer.assess(sheet, with: program)
    checkAssessment(assessment, &problems)
    _ = AssessmentJSON.render(assessment)
    _ = TextReport(color: false).summary(assessment)
    _ = TextReport(color: true).explain(assessment)
    checkRoundTrip(sheet, &problems)
  }

  func rules(_ bytes: [UInt8], _ problems: inout Problems) {
    let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
    let log = DiagnosticLog()
    defer { checkDiagnostics(log.diagnostics, file, &problems) }
    guard let (source, root) = Document.parse(file, limits: .authored, log: log) else { return }
    if root.mapping?.contains(where: { $0.key.scalar == "survey" }) == true {
      guard let survey = SurveyLoader.load(source, root, log: log), !log.hasErrors else { return }
      let blank = AnswerSheet.blank(
        for: survey, language: survey.defaultLanguage, city: City(name: "Fuzz"), path: "blank.yaml")
      _ = AnswersWriter.write(blank, survey: survey, mode: .template)
      guard let program = ProgramCompiler.compile(survey: survey, plugins: [], log: log) else { return }
      checkAssessment(Scorer.assess(blank, with: program), &problems)
      return
    }
    guard let plugin = PluginLoader.loadSingleFile(source, root, log: log), !log.hasErrors else { return }
    guard let program = ProgramCompiler.compile(survey: survey, plugins: corePlugins + [plugin], log: log) else {
      return
    }
    let assessment = Scorer.assess(example, with: program)
    checkAssessment(assessment, &problems)
    _ = AssessmentJSON.render(assessment)
    _ = TextReport(color: false).explain(assessment)
  }

  func expression(_ bytes: [UInt8], _ problems: inout Problems) {
    let source = ExpressionSource(String(decoding: bytes, as: UTF8.self))
    let criterionIDs = Dictionary(
      program.criteria.enumerated().map { ($1.qualifiedID, $0) }, uniquingKeysWith: { a, _ in a })
    let purposes: [ExpressionEnvironment.Purpose] = [.condition, .relevance(survey.questions.count / 2), .outcome]
    for purpose in purposes {
      let environment = ExpressionEnvironment(survey: survey, purpose: purpose, criterionIDs: criterionIDs)
      let (compiled, diagnostics) = ExpressionCompiler.compile(source, in: environment, expecting: nil)
      problems.expect(compiled != nil || !diagnostics.isEmpty, "an expression was refused without a reason")
      for diagnostic in diagnostics {
        problems.expect(diagnostic.location.column >= 1, "diagnostic without a column: \(diagnostic.message)")
      }
      guard let compiled else { continue }
      let (context, _, _, _) = Scorer.prepare(example, survey: survey)
      let outcome = exampleAssessment
      context.outcomes = OutcomeView(
        stages: outcome.pillars.map(\.stage), scores: outcome.pillars.map(\.score),
        coverage: outcome.pillars.map(\.coverage),
        targets: outcome.pillars.map(\.target), overall: outcome.overall,
        criteria: outcome.outcomes.map { $0 == .met ? true : $0 == .unmet ? false : nil })
      _ = compiled.evaluate(context)
    }
  }

  // MARK: - Invariants

  /// What the questionnaire would save reads back as the same answers.
  func checkRoundTrip(_ sheet: AnswerSheet, _ problems: inout Problems) {
    let text = AnswersWriter.write(sheet, survey: survey, mode: .answers)
    let log = DiagnosticLog()
    let file = SourceFile(path: "saved.yaml", bytes: Array(text.utf8))
    guard let (source, root) = Document.parse(file, limits: .untrusted, log: log),
      let (reread, _) = AnswersLoader.load(source, root, registry: registry, log: log)
    else {
      problems.fail("saved answers do not load again: \(log.diagnostics.map(\.message))\n\(text)")
      return
    }
    problems.expect(reread.values == sheet.values, "saved answers read back differently:\n\(text)")
    problems.expect(
      reread.city == sheet.city && reread.targets == sheet.targets && reread.notes == sheet.notes,
      "saved details differ:\n\(text)")
  }

  /// Every diagnostic points into the file it is about, at a line and column that exist as an
  /// editor shows the file (see `LineBreak`); positions quoted in its message too.
  func checkDiagnostics(_ diagnostics: [Diagnostic], _ original: SourceFile, _ problems: inout Problems) {
    let file = Document.decoded(original)
    let renderer = DiagnosticRenderer(color: true, showSource: true, sources: [file.path: file])
    var lengths: [Int: Int] = [:]
    func checkPosition(_ line: Int, _ column: Int, _ message: String) {
      problems.expect(
        line >= 0 && line <= file.lineCount, "diagnostic at line \(line) of \(file.lineCount): \(message)")
      problems.expect(column >= 0, "negative column")
      guard line >= 1 else { return }
      let length = lengths[line] ?? (file.line(line) ?? "").unicodeScalars.count
      lengths[line] = length
      problems.expect(column <= length + 1, "diagnostic at column \(column) of a line of \(length): \(message)")
    }
    for diagnostic in diagnostics {
      let location = diagnostic.location
      problems.expect(!diagnostic.message.isEmpty, "empty diagnostic message")
      if location.file == file.path {
        checkPosition(location.line, location.column, diagnostic.message)
        for (line, column) in Self.quotedPositions(diagnostic.message) {
          checkPosition(line, column, diagnostic.message)
        }
      }
      _ = renderer.render(diagnostic)
    }
  }

  /// `L:C` positions a message quotes ("while scanning a simple key at 4:1").
  static func quotedPositions(_ message: String) -> [(Int, Int)] {
    var found: [(Int, Int)] = []
    let words = message.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
    for (index, word) in words.enumerated() where index > 0 && words[index - 1] == "at" {
      let parts = word.split(separator: ":")
      if parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) { found.append((line, column)) }
    }
    return found
  }

  func checkAssessment(_ a: Assessment, _ problems: inout Problems) {
    let top = a.survey.topStage
    for pillar in a.pillars {
      problems.expect((1...max(1, top)).contains(pillar.stage), "stage \(pillar.stage) out of range")
      problems.expect(
        pillar.score.isFinite && pillar.score >= 1 && pillar.score <= Double(max(1, top)), "score \(pillar.score)")
      problems.expect(pillar.coverage >= 0 && pillar.coverage <= 1, "coverage \(pillar.coverage)")
      problems.expect(pillar.potential >= pillar.stage, "potential below stage")
    }
  }
}
