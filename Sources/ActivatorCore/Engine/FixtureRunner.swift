import ActivatorYAML

/// How fixtures write the stage of a pillar that is not assessed (and the overall stage when
/// there is none).
let notAssessed = "not_assessed"

/// A rule fixture: an answers file (or inline answers) plus the results it must give.
package struct Fixture: Sendable {
  package var name: String
  package var file: String
  package var location: SourceLocation
  package var sheet: AnswerSheet
  package var survey: Survey
  package var expectations: [Expectation]
  /// The sentence that defends each pillar's expected stage (`because:`), shown when it fails.
  package var because: [Int: String] = [:]

  package enum Expectation: Sendable {
    /// A stage, or nil for "not assessed".
    case stage(pillar: Int, Int?, SourceLocation)
    /// The overall stage, or nil for none (too few pillars assessed).
    case overall(Int?, SourceLocation)
    case score(pillar: Int, ExpectedNumber, SourceLocation)
    case criterion(id: String, Outcome, SourceLocation)
    case recommended(String, Bool, SourceLocation)
    case topRecommendations([String], SourceLocation)
    /// The solution is recommended, and each of these factors is among the reasons for its rank.
    case recommendedBecause(String, [RankingFactor.Kind], SourceLocation)
    /// The solution addresses a gap but is set aside, for this reason among others.
    case setAside(String, String, SourceLocation)
    case recommendationCount(Int, SourceLocation)
    case nextStep(String, Bool, SourceLocation)
    case programmeSetAside(String, String, SourceLocation)
    case metric(id: String, MetricValue, SourceLocation)
  }

  package enum MetricValue: Sendable, Equatable {
    case number(ExpectedNumber)
    case bool(Bool)
    case text(String)
    case unknown
  }
}

/// One difference between a fixture's expectation and the result.
package struct FixtureFailure: Sendable {
  package var location: SourceLocation
  package var message: Message
  /// Lines that explain the difference (the evidence behind a stage, the answers a criterion read).
  package var explanation: [Message]
}

package struct FixtureResult: Sendable {
  package var fixture: Fixture
  package var assessment: Assessment?
  package var failures: [FixtureFailure]
  package var passed: Bool { failures.isEmpty }
}

/// Coverage of a rule set by its fixtures.
package struct FixtureCoverage: Sendable {
  /// The plugin whose rules this covers (nil: the whole rule set).
  package var plugin: String?
  /// Its version: two majors of one plugin may both be loaded, each for its own surveys.
  package var version: String? = nil
  package var criteria: Int
  /// Criteria (qualified ids) never met in any fixture.
  package var neverMet: [String]
  /// Criteria never unmet in any fixture (so their "no" side is untested).
  package var neverUnmet: [String]
  /// Options of questions read by criteria that no fixture chose (`question=option`).
  package var optionsNeverChosen: [String]
  /// Catalog solutions no fixture saw recommended.
  package var solutionsNeverRecommended: [String]
}

package enum FixtureLoader {
  static let keys = LoaderKeys.fixture
  static let entryKeys = ["fixture", "answers_file", "answers", "set", "unset", "expect", "because"]

  /// Reads a fixture file (one fixture, or a list under `fixtures:`). A plugin's own fixtures give
  /// its folder as `pluginRoot`: they may read answers files inside it only.
  package static func load(
    _ path: String, pluginRoot: String? = nil, registry: SurveyRegistry, program: (Survey) -> Program?,
    log: DiagnosticLog
  ) -> [Fixture] {
    guard let (file, root) = Document.load(path, limits: .authored, log: log) else { return [] }
    let reader = NodeReader(file: file, log: log)
    let errorsBefore = log.errorCount
    reader.checkTags(root)
    guard let fields = reader.fields(root, Message(.whatFixtureFile), allowed: keys), log.errorCount == errorsBefore
    else { return [] }
    if let list = fields["fixtures"] {
      if fields.keys.keys.contains(where: { $0 != "fixtures" && !$0.hasPrefix("x-") }) {
        reader.error("wrong-type", Message(.fixtureFixtureFileHoldsEither), root)
      }
      guard let items = reader.list(list, Message(.whatFixtures)) else { return [] }
      return items.compactMap { item in
        reader.fields(item, Message(.whatFixture), allowed: entryKeys).flatMap {
          entry(file, $0, reader, registry, program, pluginRoot)
        }
      }
    }
    return entry(file, fields, reader, registry, program, pluginRoot).map { [$0] } ?? []
  }

  static func entry(
    _ file: SourceFile, _ fields: Fields, _ reader: NodeReader, _ registry: SurveyRegistry,
    _ program: (Survey) -> Program?,
    _ pluginRoot: String?
  ) -> Fixture? {
    let log = reader.log
    let errorsBefore = log.errorCount
    let name = fields.required("fixture", reader).flatMap { reader.string($0, Message(.whatFixtureName)) } ?? "?"
    guard let (loadedSheet, survey) = fixtureAnswers(file, fields, name, reader, registry, pluginRoot) else {
      return nil
    }
    var sheet = loadedSheet
    guard applyOverrides(fields, to: &sheet, survey, reader) else { return nil }
    var expectations: [Fixture.Expectation] = []
    if let node = fields.required("expect", reader) {
      expectations = readExpectations(node, survey: survey, program: program(survey), reader: reader)
    }
    let because = readBecause(fields, survey, reader)
    guard log.errorCount == errorsBefore else { return nil }
    var fixture = Fixture(
      name: name, file: file.path, location: reader.location(fields.node), sheet: sheet, survey: survey,
      expectations: expectations)
    fixture.because = because
    return fixture
  }

  /// The fixture's answers: a file beside it (inside its plugin) or written inline.
  static func fixtureAnswers(
    _ file: SourceFile, _ fields: Fields, _ name: String, _ reader: NodeReader, _ registry: SurveyRegistry,
    _ pluginRoot: String?
  ) -> (AnswerSheet, Survey)? {
    let log = reader.log
    if let pathNode = fields["answers_file"] {
      if fields["answers"] != nil { reader.error("wrong-type", Message(.fixtureGiveEitherAnswersFile), pathNode) }
      guard let relative = reader.string(pathNode, Message(.whatAnswersFile2)) else { return nil }
      let base = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? "."
      let path = relative.hasPrefix("/") ? relative : PluginLoader.join(base, relative)
      if let pluginRoot, !PluginLoader.lexically(path, isInside: pluginRoot) {
        let message = Message(
          .fixtureAnswersFileOutsidePlugin,
          ["relative": .text(relative), "name": .text(name), "folder": .text(pluginRoot)])
        reader.error("fixture-outside-plugin", message, pathNode)
        return nil
      }
      let answersLog = DiagnosticLog()
      let loaded = AnswersLoader.load(path, registry: registry, log: answersLog)
      if loaded == nil {
        reader.error(
          "fixture-answers", Message(.fixtureAnswersFileFixtureCould, ["relative": "\(relative)", "name": "\(name)"]),
          pathNode)
        log.append(contentsOf: answersLog.diagnostics)
      }
      return loaded
    } else if let inline = fields["answers"] {
      return AnswersLoader.load(file, inline, registry: registry, log: log)
    } else {
      reader.error("missing-key", Message(.fixtureFixtureNeedsAnswersFile, ["name": "\(name)"]), fields.node)
      return nil
    }
  }

  /// The fixture's `set:` and `unset:` changes to its answers; false when `set:` is not a mapping.
  static func applyOverrides(_ fields: Fields, to sheet: inout AnswerSheet, _ survey: Survey, _ reader: NodeReader)
    -> Bool
  {
    if let node = fields.optional("set") {
      guard let pairs = node.mapping else {
        reader.error("wrong-type", Message(.fixtureSetMustMapQuestion), node)
        return false
      }
      for pair in pairs {
        let id = pair.key.scalar ?? "?"
        guard let slot = reader.questionSlot(id, in: survey, at: pair.key, unknown: .fixtureUnknownQuestion) else {
          continue
        }
        switch AnswerParser.parse(pair.value, for: survey.questions[slot], reader: reader) {
        case .value(let value): sheet.values[slot] = value
        case .blank: sheet.values[slot] = nil
        case .invalid: break
        }
      }
    }
    if let node = fields.optional("unset"), let items = reader.list(node, Message(.whatUnset)) {
      for item in items {
        guard let slot = reader.questionSlot(item.scalar ?? "?", in: survey, at: item, unknown: .fixtureUnknownQuestion)
        else { continue }
        sheet.values[slot] = nil
      }
    }
    return true
  }

  /// The author's reason for each expected pillar stage (`because:`), by pillar.
  static func readBecause(_ fields: Fields, _ survey: Survey, _ reader: NodeReader) -> [Int: String] {
    var because: [Int: String] = [:]
    if let node = fields.optional("because"),
      let pairs = reader.fields(node, Message(.whatKeyNamed, ["key": "because"]), allowed: survey.pillars.map(\.id))
    {
      for id in pairs.order {
        if let pillar = survey.pillarIndex(id),
          let text = pairs.optional(id).flatMap({ reader.string($0, Message(.whatReasonFor, ["id": .text(id)])) })
        {
          because[pillar] = text
        }
      }
    }
    return because
  }

  static func readExpectations(_ node: YAMLNode, survey: Survey, program: Program?, reader: NodeReader) -> [Fixture
    .Expectation]
  {
    let keys = ["stages", "overall", "scores", "criteria", "recommendations", "next_steps", "metrics"]
    guard let fields = reader.fields(node, Message(.whatExpect), allowed: keys) else { return [] }
    var out: [Fixture.Expectation] = []
    func pillarMap(_ key: String, _ body: (Int, YAMLNode) -> Void) {
      guard let node = fields.optional(key),
        let pairs = reader.fields(node, Message(.whatKeyNamed, ["key": .text(key)]), allowed: survey.pillars.map(\.id))
      else { return }
      for id in pairs.order {
        if let pillar = survey.pillarIndex(id), let value = pairs.optional(id) { body(pillar, value) }
      }
    }
    pillarMap("stages") { pillar, value in
      if value.scalar == notAssessed {
        out.append(.stage(pillar: pillar, nil, reader.location(value)))
      } else if let stage = AnswersLoader.stageNumber(value, survey, reader) {
        out.append(.stage(pillar: pillar, stage, reader.location(value)))
      }
    }
    pillarMap("scores") { pillar, value in
      if let score = ExpectedNumber.read(value, Message(.whatScore), reader) {
        out.append(.score(pillar: pillar, score, reader.location(value)))
      }
    }
    if let value = fields.optional("overall") {
      if value.scalar == notAssessed {
        out.append(.overall(nil, reader.location(value)))
      } else if let stage = AnswersLoader.stageNumber(value, survey, reader) {
        out.append(.overall(stage, reader.location(value)))
      }
    }
    out += criterionExpectations(fields, program, reader)
    let solutionIDs = program?.solutions.map(\.id) ?? []
    let programmeIDs = program?.programmes.map(\.id) ?? []
    if let node = fields.optional("recommendations") {
      out += recommendationChecks(node, known: program == nil ? nil : solutionIDs, reader: reader)
    }
    if let node = fields.optional("next_steps") {
      out += nextStepChecks(node, known: program == nil ? nil : programmeIDs, reader: reader)
    }
    out += metricExpectations(fields, program, reader)
    return out
  }

  /// `criteria:`: each criterion id (known to the program) with met, unmet, unknown or error.
  static func criterionExpectations(_ fields: Fields, _ program: Program?, _ reader: NodeReader)
    -> [Fixture.Expectation]
  {
    var out: [Fixture.Expectation] = []
    if let node = fields.optional("criteria"), let pairs = node.mapping {
      for pair in pairs {
        guard let id = pair.key.scalar else { continue }
        if let program, program.criterionIndex(id) == nil {
          reader.error(
            "unknown-criterion",
            Message(
              .fixtureUnknownCriterion,
              [
                "id": .text(id),
                "hint": DidYouMean.hint(id, from: program.criteria.map(\.id) + program.criteria.map(\.qualifiedID)),
              ]),
            pair.key)
          continue
        }
        guard let text = pair.value.scalar, let outcome = Outcome.allCases.first(where: { $0.name == text }) else {
          reader.error("unknown-value", Message(.fixtureExpectedMetUnmetUnknown, ["id": "\(id)"]), pair.value)
          continue
        }
        out.append(.criterion(id: id, outcome, reader.location(pair.value)))
      }
    } else if let node = fields.optional("criteria") {
      reader.error("wrong-type", Message(.fixtureCriteriaMustMapCriterion), node)
    }
    return out
  }

  /// `metrics:`: each metric id (known to the program) with a number (at the precision written
  /// or with a tolerance), yes/no, text or unknown.
  static func metricExpectations(_ fields: Fields, _ program: Program?, _ reader: NodeReader)
    -> [Fixture.Expectation]
  {
    var out: [Fixture.Expectation] = []
    if let node = fields.optional("metrics"), let pairs = node.mapping {
      for pair in pairs {
        guard let id = pair.key.scalar else { continue }
        if let program, !program.metrics.contains(where: { $0.id == id || $0.qualifiedID == id }) {
          reader.error(
            "unknown-metric",
            Message(
              .fixtureUnknownMetric, ["id": .text(id), "hint": DidYouMean.hint(id, from: program.metrics.map(\.id))]),
            pair.key)
          continue
        }
        let value: Fixture.MetricValue
        if pair.value.isNull || pair.value.scalar == "unknown" {
          value = .unknown
        } else if pair.value.mapping != nil {
          guard let number = ExpectedNumber.read(pair.value, Message(.whatMetricValue, ["id": .text(id)]), reader)
          else { continue }
          value = .number(number)
        } else if let number = ExpectedNumber.plain(pair.value) {
          value = .number(number)
        } else if let text = pair.value.scalar, pair.value.scalarStyle == .plain, let b = BoolText.parse(text) {
          value = .bool(b)
        } else if let text = pair.value.scalar {
          value = .text(text)
        } else {
          reader.error("wrong-type", Message(.fixtureExpectedNumberYesNo, ["id": "\(id)"]), pair.value)
          continue
        }
        out.append(.metric(id: id, value, reader.location(pair.value)))
      }
    }
    return out
  }
}

extension FixtureLoader {
  static let setAsideReasons = ["needs", "needs_unknown", "income", "size", "stage", "unknown_answers"]
  static let programmeSetAsideReasons = ["income", "discontinued"]

  /// The kind of catalog entry an expectation names.
  enum Entry {
    case solution, programme

    var id: Message { self == .solution ? Message(.whatSolutionId) : Message(.whatProgrammeId) }
    func unknown(_ id: String, _ hint: MessageArgument) -> Message {
      Message(self == .solution ? .fixtureUnknownSolution : .fixtureUnknownProgramme, ["id": .text(id), "hint": hint])
    }
  }

  /// An id from a list, reported with a did-you-mean when the rule set has no such entry.
  static func knownID(_ node: YAMLNode, _ known: [String]?, _ what: Entry, _ reader: NodeReader) -> String? {
    guard let id = reader.string(node, what.id) else { return nil }
    if let known, !known.contains(id) {
      reader.error("unknown-id", what.unknown(id, DidYouMean.hint(id, from: known)), node)
      return nil
    }
    return id
  }

  /// `include`, `exclude`: ids that must (not) be in `list`.
  static func inclusion(
    _ fields: Fields, known: [String]?, what: Entry, reader: NodeReader,
    make: (String, Bool, SourceLocation) -> Fixture.Expectation
  ) -> [Fixture.Expectation] {
    var out: [Fixture.Expectation] = []
    for (word, wanted) in [("include", true), ("exclude", false)] {
      guard let list = fields.optional(word),
        let items = reader.list(list, Message(.whatKeyNamed, ["key": .text(word)]))
      else { continue }
      for item in items {
        if let id = knownID(item, known, what, reader) { out.append(make(id, wanted, reader.location(item))) }
      }
    }
    return out
  }

  /// `{id: reason}` pairs of set-aside expectations.
  static func setAsidePairs(_ node: YAMLNode, known: [String]?, what: Entry, reasons: [String], reader: NodeReader)
    -> [(String, String, SourceLocation)]
  {
    guard let pairs = node.mapping else {
      reader.error(
        "wrong-type",
        Message(
          .fixtureSetAsideMustMap, ["ids": .message(what.id), "reasons": .text(reasons.joined(separator: ", "))]), node)
      return []
    }
    return pairs.compactMap { pair in
      guard let id = knownID(pair.key, known, what, reader),
        let reason = reader.string(pair.value, Message(.whatAReason))
      else { return nil }
      guard reasons.contains(reason) else {
        reader.error(
          "unknown-value",
          Message(
            .fixtureNotAReason,
            [
              "reason": .text(reason), "reasons": .text(reasons.joined(separator: ", ")),
              "hint": DidYouMean.hint(reason, from: reasons),
            ]), pair.value)
        return nil
      }
      return (id, reason, reader.location(pair.value))
    }
  }

  static func recommendationChecks(_ node: YAMLNode, known: [String]?, reader: NodeReader) -> [Fixture.Expectation] {
    guard
      let fields = reader.fields(
        node, Message(.whatKeyNamed, ["key": "recommendations"]),
        allowed: ["include", "exclude", "top", "reasons", "set_aside", "count"])
    else { return [] }
    var out = inclusion(fields, known: known, what: .solution, reader: reader) { .recommended($0, $1, $2) }
    if let list = fields.optional("top"), let items = reader.list(list, Message(.whatKeyNamed, ["key": "top"])) {
      let ids = items.compactMap { knownID($0, known, .solution, reader) }
      out.append(.topRecommendations(ids, reader.location(list)))
    }
    if let map = fields.optional("reasons") {
      let kinds = RankingFactor.Kind.allCases.map(\.rawValue)
      for pair in map.mapping ?? [] {
        guard let id = knownID(pair.key, known, .solution, reader),
          let items = reader.list(pair.value, Message(.whatKeyNamed, ["key": "reasons"]))
        else { continue }
        var wanted: [RankingFactor.Kind] = []
        for item in items {
          guard let text = reader.string(item, Message(.whatAReason)) else { continue }
          if let kind = RankingFactor.Kind(rawValue: text) {
            wanted.append(kind)
          } else {
            reader.error(
              "unknown-value",
              Message(
                .fixtureNotARankingFactor,
                [
                  "text": .text(text), "kinds": .text(kinds.joined(separator: ", ")),
                  "hint": DidYouMean.hint(text, from: kinds),
                ]), item)
          }
        }
        out.append(.recommendedBecause(id, wanted, reader.location(pair.key)))
      }
      if map.mapping == nil { reader.error("wrong-type", Message(.fixtureReasonsMustMap), map) }
    }
    if let map = fields.optional("set_aside") {
      for (id, reason, location) in setAsidePairs(
        map, known: known, what: .solution, reasons: setAsideReasons, reader: reader)
      {
        out.append(.setAside(id, reason, location))
      }
    }
    if let node = fields.optional("count"),
      let count = reader.int(node, Message(.whatKeyNamed, ["key": "count"]), in: 0...10_000)
    {
      out.append(.recommendationCount(count, reader.location(node)))
    }
    return out
  }

  static func nextStepChecks(_ node: YAMLNode, known: [String]?, reader: NodeReader) -> [Fixture.Expectation] {
    guard
      let fields = reader.fields(
        node, Message(.whatKeyNamed, ["key": "next_steps"]), allowed: ["include", "exclude", "set_aside"])
    else { return [] }
    var out = inclusion(fields, known: known, what: .programme, reader: reader) { .nextStep($0, $1, $2) }
    if let map = fields.optional("set_aside") {
      for (id, reason, location) in setAsidePairs(
        map, known: known, what: .programme, reasons: programmeSetAsideReasons, reader: reader)
      {
        out.append(.programmeSetAside(id, reason, location))
      }
    }
    return out
  }
}

package enum FixtureRunner {
  package static func run(_ fixture: Fixture, program: Program) -> FixtureResult {
    let a = Scorer.assess(fixture.sheet, with: program)
    let failures = fixture.expectations.compactMap { failure($0, fixture, a) }
    return FixtureResult(fixture: fixture, assessment: a, failures: failures)
  }

  /// What an expectation finds wrong in the assessment, if anything.
  static func failure(_ expectation: Fixture.Expectation, _ fixture: Fixture, _ a: Assessment) -> FixtureFailure? {
    switch expectation {
    case .stage(let pillar, let stage, let location):
      return stageFailure(pillar, stage, location, fixture, a)
    case .overall(let stage, let location):
      return overallFailure(stage, location, a)
    case .score(let pillar, let score, let location):
      let actual = a.pillars[pillar].score
      guard !score.matches(actual) else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(
          .fixtureScoreDiffers,
          [
            "pillar": .text(a.program.survey.pillars[pillar].id), "expected": .message(score.described),
            "actual": .text(score.show(actual)),
          ]),
        explanation: stageExplanation(a, pillar: pillar, around: a.pillars[pillar].stage + 1))
    case .criterion(let id, let outcome, let location):
      return criterionFailure(id, outcome, location, a)
    case .recommended, .topRecommendations, .recommendedBecause, .setAside, .recommendationCount, .nextStep,
      .programmeSetAside:
      return recommendationFailure(expectation, a)
    case .metric(let id, let expected, let location):
      return metricFailure(id, expected, location, a)
    }
  }

  static func stageFailure(
    _ pillar: Int, _ stage: Int?, _ location: SourceLocation, _ fixture: Fixture, _ a: Assessment
  ) -> FixtureFailure? {
    let result = a.pillars[pillar]
    let actual = result.assessed ? result.stage : nil
    guard actual != stage else { return nil }
    let shown = { (stage: Int?) -> MessageArgument in .text(stage.map(String.init) ?? notAssessed) }
    var explanation = fixture.because[pillar].map { [Message(.fixtureExpectedBecause, ["reason": .text($0)])] } ?? []
    if !result.assessed {
      explanation.append(
        Message(
          .fixtureNotAssessedCoverage,
          [
            "coverage": .text(ValueText.format((result.coverage * 100).rounded())),
            "stage": .text(String(result.stage)),
          ]))
    }
    explanation += stageExplanation(a, pillar: pillar, around: min(stage ?? result.stage, result.stage) + 1)
    return FixtureFailure(
      location: location,
      message: Message(
        .fixtureStageDiffers,
        ["pillar": .text(a.program.survey.pillars[pillar].id), "expected": shown(stage), "actual": shown(actual)]),
      explanation: explanation)
  }

  static func overallFailure(_ stage: Int?, _ location: SourceLocation, _ a: Assessment) -> FixtureFailure? {
    guard a.overall != stage else { return nil }
    let survey = a.program.survey
    let overall = { (stage: Int?) -> MessageArgument in
      stage.map { .text(String($0)) } ?? .message(Message(.fixtureNone))
    }
    return FixtureFailure(
      location: location,
      message: Message(.fixtureOverallDiffers, ["expected": overall(stage), "actual": overall(a.overall)]),
      explanation: [
        Message(
          .fixturePillarStages,
          [
            "stages": .text(
              a.pillars.map { "\(survey.pillars[$0.pillar].id) \($0.assessed ? String($0.stage) : notAssessed)" }
                .joined(separator: ", "))
          ])
      ])
  }

  static func criterionFailure(_ id: String, _ outcome: Outcome, _ location: SourceLocation, _ a: Assessment)
    -> FixtureFailure?
  {
    let program = a.program
    guard let index = program.criterionIndex(id) else {
      return FixtureFailure(
        location: location, message: Message(.fixtureNoCriterion, ["id": .text(id)]), explanation: [])
    }
    guard a.outcomes[index] != outcome else { return nil }
    return FixtureFailure(
      location: location,
      message: Message(
        .fixtureCriterionDiffers,
        [
          "id": .text(program.criteria[index].qualifiedID), "expected": .text(outcome.name),
          "actual": .text(a.outcomes[index].name),
        ]),
      explanation: criterionExplanation(a, index))
  }

  static func metricFailure(_ id: String, _ expected: Fixture.MetricValue, _ location: SourceLocation, _ a: Assessment)
    -> FixtureFailure?
  {
    let program = a.program
    guard let index = program.metrics.firstIndex(where: { $0.id == id || $0.qualifiedID == id }) else { return nil }
    let value = a.metrics[index].value
    let number: Double?
    let actual: Fixture.MetricValue?
    switch value {
    case .int(let n): (number, actual) = (Double(n), nil)
    case .double(let d): (number, actual) = (d, nil)
    case .bool(let b): (number, actual) = (nil, .bool(b))
    case .string, .choice: (number, actual) = (nil, .text(ValueText.code(value, survey: program.survey)))
    default: (number, actual) = (nil, .unknown)
    }
    let equal: Bool
    let shown: MessageArgument
    if let number {
      if case .number(let wanted) = expected {
        (equal, shown) = (wanted.matches(number), .text(wanted.show(number)))
      } else {
        (equal, shown) = (false, .text(JSONWriter.format(number)))
      }
    } else {
      (equal, shown) = (expected == actual, actual.map(describe) ?? .message(Message(.fixtureUnknown)))
    }
    guard !equal else { return nil }
    return FixtureFailure(
      location: location,
      message: Message(.fixtureMetricDiffers, ["id": .text(id), "expected": describe(expected), "actual": shown]),
      explanation: [Message(.fixtureExpression, ["text": .text(program.metrics[index].expression.source.text)])])
  }

  /// What an expectation about recommendations or next steps finds wrong, if anything.
  static func recommendationFailure(_ expectation: Fixture.Expectation, _ a: Assessment) -> FixtureFailure? {
    let program = a.program
    let index = { (id: String) in a.recommendations.firstIndex { program.solutions[$0.solution].id == id } }
    switch expectation {
    case .recommended(let id, let wanted, let location):
      let found = index(id)
      guard (found != nil) != wanted else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(wanted ? .fixtureExpectedRecommended : .fixtureExpectedNotRecommended, ["id": .text(id)]),
        explanation: whyRecommended(id, a))
    case .topRecommendations(let ids, let location):
      let actual = a.recommendations.prefix(ids.count).map { program.solutions[$0.solution].id }
      guard actual != ids else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(
          .fixtureTopDiffers,
          ["expected": .text(ids.joined(separator: ", ")), "actual": .text(actual.joined(separator: ", "))]),
        explanation: a.recommendations.prefix(ids.count).map {
          Message(.fixtureFactors, ["id": .text(program.solutions[$0.solution].id), "factors": .text(factorList($0))])
        })
    case .recommendedBecause(let id, let kinds, let location):
      guard let found = index(id) else {
        return FixtureFailure(
          location: location, message: Message(.fixtureExpectedRecommended, ["id": .text(id)]),
          explanation: whyRecommended(id, a))
      }
      let missing = kinds.filter { !a.recommendations[found].has($0) }
      guard !missing.isEmpty else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(
          .fixtureNotRecommendedFor,
          [
            "id": .text(id), "rank": .text(String(found + 1)),
            "factors": .text(missing.map(\.rawValue).joined(separator: ", ")),
          ]),
        explanation: [Message(.fixtureItsFactors, ["factors": .text(factorList(a.recommendations[found]))])])
    case .setAside(let id, let reason, let location):
      let item = a.setAside.first { program.solutions[$0.solution].id == id }
      guard item?.reasons.contains(where: { $0.name == reason }) != true else { return nil }
      return FixtureFailure(
        location: location, message: Message(.fixtureExpectedSetAside, ["id": .text(id), "reason": .text(reason)]),
        explanation: item.map {
          [Message(.fixtureSetAsideFor, ["reasons": .text($0.reasons.map(\.name).joined(separator: ", "))])]
        }
          ?? whyRecommended(id, a))
    case .recommendationCount(let count, let location):
      guard a.recommendations.count != count else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(
          .fixtureRecommendationCount,
          ["expected": .text(String(count)), "actual": .text(String(a.recommendations.count))]),
        explanation: a.recommendations.prefix(5).map {
          Message(.fixtureFactors, ["id": .text(program.solutions[$0.solution].id), "factors": .text(factorList($0))])
        })
    default:
      return nextStepFailure(expectation, a)
    }
  }

  /// What an expectation about the WeGO programmes (next steps) finds wrong, if anything.
  static func nextStepFailure(_ expectation: Fixture.Expectation, _ a: Assessment) -> FixtureFailure? {
    let program = a.program
    let nextSteps = {
      [
        Message(
          .fixtureNextSteps,
          ["steps": .text(a.nextSteps.map { program.programmes[$0.programme].id }.joined(separator: ", "))])
      ]
        + a.programmesSetAside.map {
          Message(
            .fixtureProgrammeSetAside,
            ["id": .text(program.programmes[$0.programme].id), "reason": .text($0.reason.name)])
        }
    }
    switch expectation {
    case .nextStep(let id, let wanted, let location):
      let found = a.nextSteps.contains { program.programmes[$0.programme].id == id }
      guard found != wanted else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(wanted ? .fixtureExpectedNextStep : .fixtureExpectedNoNextStep, ["id": .text(id)]),
        explanation: nextSteps())
    case .programmeSetAside(let id, let reason, let location):
      guard
        !a.programmesSetAside.contains(where: { program.programmes[$0.programme].id == id && $0.reason.name == reason })
      else { return nil }
      return FixtureFailure(
        location: location,
        message: Message(.fixtureExpectedProgrammeSetAside, ["id": .text(id), "reason": .text(reason)]),
        explanation: nextSteps())
    default:
      return nil
    }
  }

  static func factorList(_ recommendation: Recommendation) -> String {
    recommendation.factors.map { "\($0.kind.rawValue) \($0.points > 0 ? "+" : "")\($0.points)" }.joined(separator: ", ")
  }

  /// Where a solution stands: recommended (rank and reasons), set aside (why), or linked to nothing the city lacks.
  static func whyRecommended(_ id: String, _ a: Assessment) -> [Message] {
    let program = a.program
    if let found = a.recommendations.firstIndex(where: { program.solutions[$0.solution].id == id }) {
      let reasons = a.recommendations[found].reasons.map {
        program.criteria[$0.criterion].qualifiedID + " (\($0.outcome.name))"
      }
      return [
        Message(
          .fixtureRecommendedAt, ["rank": .text(String(found + 1)), "reasons": .text(reasons.joined(separator: ", "))]),
        Message(.fixtureItsFactors, ["factors": .text(factorList(a.recommendations[found]))]),
      ]
    }
    if let item = a.setAside.first(where: { program.solutions[$0.solution].id == id }) {
      return [Message(.fixtureSetAsideFor, ["reasons": .text(item.reasons.map(\.name).joined(separator: ", "))])]
    }
    guard let solution = program.solutionIndex(id) else { return [] }
    let sources = program.criteria.indices.filter { program.links[$0].contains(solution) }
    return [
      sources.isEmpty
        ? Message(.fixtureNothingLinks, ["id": .text(id)])
        : Message(
          .fixtureLinkedBy,
          [
            "criteria": .text(
              sources.map { "\(program.criteria[$0].qualifiedID) \(a.outcomes[$0].name)" }.joined(separator: ", "))
          ])
    ]
  }

  static func describe(_ value: Fixture.MetricValue) -> MessageArgument {
    switch value {
    case .number(let n): .message(n.described)
    case .bool(let b): .text(b ? "true" : "false")
    case .text(let s): .text("'\(s)'")
    case .unknown: .message(Message(.fixtureUnknown))
    }
  }

  /// The evidence of the stages up to `around`, with each criterion and what it read.
  package static func stageExplanation(_ a: Assessment, pillar: Int, around stage: Int) -> [Message] {
    var lines: [Message] = []
    let program = a.program
    for evidence in a.pillars[pillar].evidence where evidence.stage <= max(2, stage) {
      lines.append(
        Message(
          evidence.passed ? .fixtureGatePassed : .fixtureGateNotPassed,
          [
            "stage": .text(String(evidence.stage)), "met": .text(ValueText.format(evidence.met)),
            "weight": .text(ValueText.format(evidence.applicable)),
            "share": .text(String(Int(saturating: (evidence.share * 100).rounded()))),
            "needed": .text(String(Int(saturating: (program.threshold * 100).rounded()))),
          ]))
      for index in program.criteriaByPillar[pillar][evidence.stage] {
        lines += criterionExplanation(a, index).enumerated().map {
          Message(.fixtureIndented, ["depth": .text($0.offset == 0 ? "  " : "    "), "line": .message($0.element)])
        }
      }
    }
    return lines
  }

  package static func criterionExplanation(_ a: Assessment, _ index: Int) -> [Message] {
    let criterion = a.program.criteria[index]
    var lines = [
      Message(
        .fixtureCriterionLine,
        [
          "outcome": .text(a.outcomes[index].name), "id": .text(criterion.qualifiedID),
          "condition": .text(criterion.condition.source.text),
        ])
    ]
    let reads = criterion.condition.reads.map {
      "\(a.survey.questions[$0].id) = \(ValueText.code(a.values[$0], survey: a.survey))"
    }
    if !reads.isEmpty { lines.append(Message(.fixtureReads, ["values": .text(reads.joined(separator: ", "))])) }
    if let error = a.errors[index] { lines.append(Message(.fixtureError, ["problem": .message(error.message)])) }
    return lines
  }

  /// What the fixtures exercised, over all results; with `plugin`, only that plugin's criteria,
  /// the options they read and its solutions.
  package static func coverage(_ results: [FixtureResult], program: Program, plugin: String? = nil) -> FixtureCoverage {
    let pluginIndex = plugin.flatMap { id in program.plugins.firstIndex { $0.id == id } }
    let ownCriteria = program.criteria.indices.filter {
      pluginIndex == nil || program.criteria[$0].plugin == pluginIndex
    }
    let ownSolutions = program.solutions.indices.filter { plugin == nil || program.solutions[$0].plugin == plugin }
    var met = Set<Int>()
    var unmet = Set<Int>()
    var chosen = Set<String>()
    var recommended = Set<Int>()
    let survey = program.survey
    for result in results {
      guard let a = result.assessment, a.program === program else { continue }
      for (index, outcome) in a.outcomes.enumerated() {
        if outcome == .met { met.insert(index) }
        if outcome == .unmet { unmet.insert(index) }
      }
      for (slot, value) in a.values.enumerated() {
        switch value {
        case .choice(_, let option):
          chosen.insert("\(survey.questions[slot].id)=\(survey.questions[slot].options[Int(option)].value)")
        case .list(let items):
          for case .choice(_, let option) in items {
            chosen.insert("\(survey.questions[slot].id)=\(survey.questions[slot].options[Int(option)].value)")
          }
        default: break
        }
      }
      for recommendation in a.recommendations { recommended.insert(recommendation.solution) }
    }
    let readSlots = Set(ownCriteria.flatMap { program.criteria[$0].condition.reads })
    var options: [String] = []
    for slot in readSlots.sorted() {
      let question = survey.questions[slot]
      for option in question.options where !chosen.contains("\(question.id)=\(option.value)") {
        options.append("\(question.id)=\(option.value)")
      }
    }
    return FixtureCoverage(
      plugin: plugin, version: pluginIndex.map { program.plugins[$0].version.description },
      criteria: ownCriteria.count,
      neverMet: ownCriteria.filter { !met.contains($0) }.map { program.criteria[$0].qualifiedID },
      neverUnmet: ownCriteria.filter { !unmet.contains($0) }.map { program.criteria[$0].qualifiedID },
      optionsNeverChosen: options,
      solutionsNeverRecommended: ownSolutions.filter { !recommended.contains($0) }.map { program.solutions[$0].id })
  }
}
