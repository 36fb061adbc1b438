/// Checks plugins against a survey and compiles them into a `Program`: ids resolved, expressions
/// type-checked, ladders expanded, catalog references and reachability verified.
package enum ProgramCompiler {
  /// Compiles `survey` with every plugin of `plugins` that accepts this survey's version.
  /// Problems go to `log`; the program is `nil` if any error was found.
  ///
  /// - Parameter answeredVersion: select plugins by the version an answers file was written for
  ///   (an older minor version is read with the newer survey); default: the survey's own.
  package static func compile(
    survey: Survey, plugins allPlugins: [Plugin], log: DiagnosticLog, answeredVersion: SemanticVersion? = nil,
    warnUnreachable: Bool = true
  ) -> Program? {
    let errorsBefore = log.errorCount
    let version = answeredVersion ?? survey.version
    let plugins = dependencyOrder(allPlugins.filter { $0.applies(to: survey.id, version: version) }, log: log)
    checkPluginSet(plugins, survey: survey, log: log)
    let threshold = threshold(plugins, survey: survey, log: log)
    let catalog = indexCatalog(plugins, survey: survey, log: log)
    let resolver = NameResolver(survey: survey, log: log, solutionIndex: catalog.solutionIndex)

    // Definitions, checked before the expressions that use them.
    let declaredIDs = declaredCriterionIDs(plugins, survey: survey)
    let names = NamedExpressions(
      survey: survey, pluginIDs: plugins.map(\.id), visible: visibility(plugins), criterionIDs: declaredIDs, log: log)
    define(plugins, in: names, survey: survey, log: log)

    let criteria = compileCriteria(plugins, resolver: resolver, names: names)
    checkPlaceholders(plugins, log: log)
    checkEvidence(plugins, survey: survey, log: log)

    let criterionIDs = criterionIDs(criteria, declared: declaredIDs)
    names.criterionIDs = criterionIDs
    func outcomeEnvironment(_ plugin: Int?) -> ExpressionEnvironment {
      ExpressionEnvironment(survey: survey, purpose: .outcome, criterionIDs: criterionIDs, names: names, plugin: plugin)
    }
    let registeredMetrics = registerMetrics(plugins, in: names, log: log)
    let (solutionLinks, solutionHelps) = links(
      criteria: criteria, solutions: catalog.solutions, survey: survey, criterionIDs: criterionIDs,
      pluginIDs: plugins.map(\.id), log: log)
    let pluginNumbers = Dictionary(plugins.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let needPlans = needs(
      catalog.solutions, survey: survey, criteria: criteria, environment: { outcomeEnvironment(pluginNumbers[$0]) },
      log: log)
    let cityContext = contextPlan(
      plugins, survey: survey, solutions: catalog.solutions, links: solutionLinks, criteria: criteria,
      criterionIDs: criterionIDs, log: log)
    let metrics = compileMetrics(registeredMetrics, in: names, resolver: resolver, environment: outcomeEnvironment)
    let nextSteps = compileNextSteps(plugins, environment: outcomeEnvironment, catalog: catalog, log: log)

    warnStagesWithoutCriteria(criteria, survey: survey, at: plugins.first?.location ?? survey.location, log: log)
    if warnUnreachable { warnUnreachableSolutions(catalog.solutions, links: solutionLinks, log: log) }
    checkCostBudget(
      survey: survey, criteria: criteria, metrics: metrics, nextSteps: nextSteps, needs: needPlans.conditions,
      solutions: catalog.solutions,
      log: log)
    guard log.errorCount == errorsBefore else { return nil }
    let infos = plugins.map { PluginInfo(id: $0.id, version: $0.version, hash: $0.contentHash) }
    return Program(
      survey: survey, plugins: infos, threshold: threshold, criteria: criteria, metrics: metrics, nextSteps: nextSteps,
      solutions: catalog.solutions, programmes: catalog.programmes, links: solutionLinks, helped: solutionHelps,
      needConditions: needPlans.conditions,
      needTargets: needPlans.measuredBy, context: cityContext, metricOrder: names.metricOrder)
  }

  /// Reports a plugin loaded twice, and a plugin without texts in a language of the survey.
  static func checkPluginSet(_ plugins: [Plugin], survey: Survey, log: DiagnosticLog) {
    var pluginIDs: [String: Plugin] = [:]
    for plugin in plugins {
      if let first = pluginIDs[plugin.id] {
        log.error(
          "duplicate-plugin", Message(.compilePluginLoadedTwice, ["plugin_id": "\(plugin.id)"]), at: plugin.location,
          notes: [.init(Message(.compileAlsoLoadedFromHere), at: first.location)])
      }
      pluginIDs[plugin.id] = plugin
      for language in survey.languages where !plugin.languages.contains(language) {
        log.warning(
          "plugin-language",
          Message(
            .compilePluginHasNoTexts,
            [
              "plugin_id": "\(plugin.id)", "language": "\(language)", "reference": "\(survey.reference)",
              "languages_first": "\(plugin.languages.first ?? "English")",
            ]),
          at: plugin.location)
      }
    }
  }

  /// The stage threshold: the survey's, unless plugins set one; two different ones conflict.
  static func threshold(_ plugins: [Plugin], survey: Survey, log: DiagnosticLog) -> Double {
    let overrides = plugins.compactMap { plugin in plugin.threshold.map { (plugin, $0) } }
    guard let (first, value) = overrides.first else { return survey.threshold }
    for (plugin, other) in overrides.dropFirst() where other.value != value.value {
      log.error(
        "threshold-conflict",
        Message(
          .compilePluginSetsThresholdBut,
          [
            "plugin_id": "\(plugin.id)", "format": "\(JSONWriter.format(other.value))", "first_id": "\(first.id)",
            "format2": "\(JSONWriter.format(value.value))",
          ]),
        at: other.location, notes: [.init(Message(.compileOtherThreshold), at: value.location)])
    }
    return value.value
  }

  /// Every plugin's criteria and ladders, ordered by pillar, stage and plugin.
  static func compileCriteria(_ plugins: [Plugin], resolver: NameResolver, names: NamedExpressions) -> [Criterion] {
    let log = resolver.log
    var criteria: [Criterion] = []
    for (pluginNumber, plugin) in plugins.enumerated() {
      let scope = CriterionScope(
        plugin: plugin, number: pluginNumber, resolver: resolver,
        environment: ExpressionEnvironment(
          survey: resolver.survey, purpose: .condition, criterionIDs: [:], names: names, plugin: pluginNumber))
      for definition in plugin.criteria {
        guard scope.claim(definition.id, definition.idLocation) else { continue }
        let pillar = resolver.pillar(definition.pillar)
        let stage = resolver.criterionStage(definition.stage)
        let (condition, diagnostics) = ExpressionCompiler.compile(
          definition.when, in: scope.environment, expecting: .bool)
        log.append(contentsOf: diagnostics)
        let recommend = resolver.solutions(definition.recommend)
        guard let pillar, let stage, let condition else { continue }
        criteria.append(
          Criterion(
            id: definition.id, qualifiedID: "\(plugin.id)/\(definition.id)", plugin: pluginNumber, pillar: pillar,
            stage: stage, weight: definition.weight, title: definition.title, met: definition.met,
            unmet: definition.unmet, condition: condition, recommend: recommend, ladder: nil,
            location: definition.location,
            kind: definition.kind?.value, basis: definition.basis))
      }
      var ladderIDs: [String: SourceLocation] = [:]
      for ladder in plugin.ladders {
        if let first = ladderIDs[ladder.id] {
          log.error(
            "duplicate-id",
            Message(.compileDuplicateLadderIdPlugin, ["ladder_id": "\(ladder.id)", "plugin_id": "\(plugin.id)"]),
            at: ladder.idLocation, notes: [.init(Message(.surveyFirstDefinedHere), at: first)])
          continue
        }
        ladderIDs[ladder.id] = ladder.idLocation
        criteria += expand(ladder, in: scope)
      }
    }
    return criteria.sorted { ($0.pillar, $0.stage, $0.plugin) < ($1.pillar, $1.stage, $1.plugin) }
  }

  /// Completeness: every stage of every pillar above the first needs criteria.
  static func warnStagesWithoutCriteria(
    _ criteria: [Criterion], survey: Survey, at location: SourceLocation, log: DiagnosticLog
  ) {
    guard !criteria.isEmpty else { return }
    for (pillarIndex, pillar) in survey.pillars.enumerated() {
      for stage in 2...max(2, survey.topStage)
      where !criteria.contains(where: { $0.pillar == pillarIndex && $0.stage == stage }) {
        log.warning(
          "stage-without-criteria",
          Message(
            .compilePillarHasNoCriteria,
            ["pillar_id": "\(pillar.id)", "stage": "\(stage)", "stage_name": "\(survey.stageName(stage, "en"))"]),
          at: location)
      }
    }
  }

  /// Every solution needs a rule that recommends it.
  static func warnUnreachableSolutions(_ solutions: [Solution], links: [[Int]], log: DiagnosticLog) {
    let reachable = Set(links.joined())
    // An entry whose helps list is empty on purpose is there for catalog searches only.
    for (index, solution) in solutions.enumerated() where !reachable.contains(index) && !solution.helps.isEmpty {
      log.warning(
        "unreachable-solution", Message(.compileSolutionNotRecommendedBy, ["solution_id": .text(solution.id)]),
        at: solution.location)
    }
  }

  /// Most evaluation steps that scoring one city may take, all expressions of a program together
  /// (skip logic, criteria, metrics, next steps, what catalog solutions need), by their static cost bounds. Each
  /// expression is also limited on its own (`ExpressionCompiler.costLimit`), but 12,000 criteria
  /// each just under that limit would take half a minute per city. A step costs some tens of
  /// nanoseconds, so a program within the budget scores a city in milliseconds; the shipped rules
  /// (1,241 steps for 232 criteria) use under 1% of it (`CostBudgetTests`).
  package static let costBudget = 200_000

  /// Refuses a program whose expressions together may cost more than `costBudget` per city,
  /// naming the most expensive criteria and other expressions.
  static func checkCostBudget(
    survey: Survey, criteria: [Criterion], metrics: [Metric], nextSteps: [NextStep], needs: [[CompiledExpression?]],
    solutions: [Solution], log: DiagnosticLog
  ) {
    var items: [(what: Message, cost: Int, location: SourceLocation)] = []
    for question in survey.questions {
      if let relevant = question.relevant {
        items.append(
          (Message(.compileCostSkipLogic, ["id": .text(question.id)]), relevant.cost, relevant.source.location))
      }
    }
    for criterion in criteria {
      items.append(
        (
          Message(.whatCriterionNamed, ["id": .text(criterion.qualifiedID)]), criterion.condition.cost,
          criterion.condition.source.location
        ))
    }
    for metric in metrics {
      items.append(
        (
          Message(.compileCostMetric, ["id": .text(metric.qualifiedID)]), metric.expression.cost,
          metric.expression.source.location
        ))
      if case .ratio(let numerator, let denominator) = metric.pool {
        for part in [numerator, denominator] {
          items.append(
            (Message(.compileCostMetric, ["id": .text(metric.qualifiedID)]), part.cost, part.source.location))
        }
      }
    }
    for step in nextSteps { items.append((Message(.compileCostNextStep), step.when.cost, step.when.source.location)) }
    for (solution, conditions) in needs.enumerated() {
      for condition in conditions.compactMap({ $0 }) {
        items.append(
          (Message(.compileCostNeed, ["id": .text(solutions[solution].id)]), condition.cost, condition.source.location))
      }
    }
    var total = 0
    for item in items { total = total.addingReportingOverflow(item.cost).overflow ? Int.max : total + item.cost }
    guard total > costBudget else { return }
    let costliest = items.sorted { $0.cost > $1.cost }.prefix(5)
    guard let first = costliest.first else { return }
    let notes = costliest.map {
      Diagnostic.Note(
        Message(.compileMayTakeUpSteps, ["what": .message($0.what), "cost": .count($0.cost)]), at: $0.location)
    }
    log.error(
      "cost-budget",
      Message(
        .compileScoringOneCityWith,
        [
          "total": .text(String(total)), "cost_budget": .text(String(costBudget)),
          "items_count": .text(String(items.count)),
        ]),
      at: first.location, notes: notes)
  }

  /// Plugins with the ones they require first, otherwise by id; reports requirements that are
  /// not loaded and cycles.
  static func dependencyOrder(_ plugins: [Plugin], log: DiagnosticLog) -> [Plugin] {
    let byID = Dictionary(plugins.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for plugin in plugins {
      for requirement in plugin.requires where byID[requirement.value] == nil {
        let hint = DidYouMean.hint(requirement.value, from: byID.keys)
        log.error(
          "missing-plugin",
          Message(
            .compilePluginRequiresWhichNot,
            ["plugin_id": "\(plugin.id)", "requirement_value": "\(requirement.value)", "hint": hint]),
          at: requirement.location)
      }
    }
    var ordered: [Plugin] = []
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    func visit(_ plugin: Plugin) {
      if state[plugin.id] == 2 { return }
      if state[plugin.id] == 1 {
        log.error(
          "plugin-cycle", Message(.compilePluginPartCycleRequires, ["plugin_id": "\(plugin.id)"]), at: plugin.location)
        return
      }
      state[plugin.id] = 1
      for requirement in plugin.requires.sorted(by: { $0.value < $1.value }) {
        if let required = byID[requirement.value] { visit(required) }
      }
      state[plugin.id] = 2
      ordered.append(plugin)
    }
    for plugin in plugins.sorted(by: { $0.id < $1.id }) { visit(plugin) }
    return ordered
  }

  /// A plugin and, transitively, every loaded plugin it requires (every major version of it:
  /// compiling a program keeps the one that applies to the survey).
  package static func closure(of plugin: Plugin, in plugins: [Plugin]) -> [Plugin] {
    var seen: Set<String> = []
    var result: [Plugin] = []
    var pending = [plugin]
    while let next = pending.popLast() {
      guard seen.insert("\(next.id)@\(next.version)").inserted else { continue }
      result.append(next)
      pending += next.requires.flatMap { required in plugins.filter { $0.id == required.value } }
    }
    return result
  }

  /// One criterion per stage of a ladder, each with a generated condition such as
  /// `gov_online_services >= 30` or `level(gov_strategy) >= 3`.
  static func expand(_ ladder: LadderDefinition, in scope: CriterionScope) -> [Criterion] {
    guard ladder.question != nil else { return expandValue(ladder, in: scope) }
    guard let (slot, question, pillar) = ladderQuestion(ladder, in: scope) else { return [] }
    let (survey, log, plugin) = (scope.survey, scope.log, scope.plugin)
    var criteria: [Criterion] = []
    var previous: Double?
    let steps = ladderSteps(ladder, criterionStage: scope.resolver.criterionStage, log: log)
    let recommendations = ladderRecommendations(ladder, survey: survey, steps: steps, log: log)
    for step in steps {
      let id = "\(ladder.id)@\(step.stage.value)"
      guard scope.claim(id, step.stage.location),
        let (threshold, shown, expressionText) = stepCondition(
          step.threshold, of: question, ladder.direction, survey: survey, log: log)
      else { continue }
      checkOrder(
        threshold, after: previous, ladder.direction, stage: step.stage.value, at: step.threshold.location, log: log)
      previous = threshold
      let source = ExpressionSource(
        text: expressionText, file: nil, path: step.threshold.location.file,
        start: .init(line: step.threshold.location.line, column: step.threshold.location.column), style: .plain)
      let (condition, diagnostics) = ExpressionCompiler.compile(
        source, in: ExpressionEnvironment(survey: survey, purpose: .condition), expecting: .bool)
      log.append(contentsOf: diagnostics)
      let fill = ladderTexts(shown, step.stage.value, survey)
      let title = fill(ladder.title) ?? ladder.title
      let recommend = scope.resolver.solutions((recommendations[step.stage.value] ?? []) + (recommendations[0] ?? []))
      guard let pillar, let condition else { continue }
      criteria.append(
        Criterion(
          id: id, qualifiedID: "\(plugin.id)/\(id)", plugin: scope.number, pillar: pillar, stage: step.stage.value,
          weight: ladder.weight, title: title, met: fill(ladder.met), unmet: fill(ladder.unmet), condition: condition,
          recommend: recommend,
          ladder: LadderStep(
            ladderID: ladder.id, question: slot, direction: ladder.direction, threshold: threshold,
            byLevel: question.isOrdinal),
          location: step.stage.location, kind: ladder.kind?.value, basis: ladder.basis))
    }
    return criteria
  }

  /// The question a ladder climbs and the pillar its criteria count for (nil, reported, when
  /// neither the ladder nor the question names one); nil, reported, when the question is unknown
  /// or cannot carry this ladder.
  static func ladderQuestion(_ ladder: LadderDefinition, in scope: CriterionScope) -> (
    slot: Int, question: Question, pillar: Int?
  )? {
    let (survey, log) = (scope.survey, scope.log)
    guard let reference = ladder.question else { return nil }
    guard let slot = survey.questionIndex[reference.value] else {
      log.error(
        "unknown-question",
        Message(
          .compileUnknownQuestion,
          [
            "question_value": .text(reference.value),
            "hint": DidYouMean.hint(reference.value, from: survey.questionIndex.keys),
          ]),
        at: reference.location)
      return nil
    }
    let question = survey.questions[slot]
    guard question.kind.expressionType(slot: slot).isNumeric || question.isOrdinal else {
      log.error(
        "ladder-question",
        Message(
          .compileLadderNeedsNumberQuestion, ["question_id": "\(question.id)", "kind_name": "\(question.kind.name)"]),
        at: reference.location)
      return nil
    }
    let pillar: Int?
    if let reference = ladder.pillar {
      pillar = scope.resolver.pillar(reference)
    } else if let questionPillar = question.pillar {
      pillar = questionPillar
    } else {
      log.error(
        "missing-key",
        Message(.compileLadderNeedsPillarQuestion, ["ladder_id": "\(ladder.id)", "question_id": "\(question.id)"]),
        at: ladder.location)
      pillar = nil
    }
    if question.isOrdinal && ladder.direction == .lower {
      log.error(
        "ladder-direction", Message(.compileLevelsOnlyGoUp, ["question_id": "\(question.id)"]),
        at: ladder.directionLocation ?? ladder.location)
      return nil
    }
    return (slot, question, pillar)
  }

  /// A ladder step's threshold as a number, the words that show it to a reader, and the text of
  /// its condition; nil (reported) when the threshold does not fit the question.
  static func stepCondition(
    _ step: Located<LadderDefinition.Threshold>, of question: Question, _ direction: LadderDirection, survey: Survey,
    log: DiagnosticLog
  ) -> (threshold: Double, shown: LocalizedText, expression: String)? {
    switch (step.value, question.isOrdinal) {
    case (.number(let number), false):
      let (low, high) = question.bounds
      if let low, number < low {
        log.warning(
          "ladder-range",
          Message(
            .compileThresholdBelowSmallestAnswer,
            [
              "format": "\(JSONWriter.format(number))", "format2": "\(JSONWriter.format(low))",
              "question_id": "\(question.id)",
            ]), at: step.location)
      }
      if let high, number > high {
        log.warning(
          "ladder-range",
          Message(
            .compileThresholdAboveLargestAnswer,
            [
              "format": "\(JSONWriter.format(number))", "format2": "\(JSONWriter.format(high))",
              "question_id": "\(question.id)",
            ]), at: step.location)
      }
      let shown = LocalizedText(survey.languages.map { ($0, question.kind.formatNumber(number, language: $0)) })
      return (number, shown, "\(question.id) \(direction == .higher ? ">=" : "<=") \(JSONWriter.format(number))")
    case (.number(let number), true):
      guard let whole = Int(exactly: number), let option = question.options.first(where: { $0.level == whole }) else {
        log.error(
          "ladder-threshold",
          Message(.compileHasNoOptionAt, ["question_id": "\(question.id)", "format": "\(JSONWriter.format(number))"]),
          at: step.location)
        return nil
      }
      return (number, option.label, "level(\(question.id)) >= \(whole)")
    case (.option(let value), true):
      guard let option = question.options.first(where: { $0.value == value }), let level = option.level else {
        log.error(
          "unknown-option",
          Message(
            .compileNotOption,
            [
              "value": .text(value), "question_id": .text(question.id),
              "hint": DidYouMean.hint(value, from: question.options.map(\.value)),
            ]),
          at: step.location)
        return nil
      }
      return (Double(level), option.label, "level(\(question.id)) >= \(level)")
    case (.option(let value), false):
      log.error(
        "ladder-threshold",
        Message(.compileTakesNumbersSoThreshold, ["question_id": "\(question.id)", "value": "\(value)"]),
        at: step.location)
      return nil
    }
  }

  /// A ladder's steps with their stages resolved, in stage order; a stage written twice (`2` and
  /// `developing`) is reported at the second.
  static func ladderSteps(
    _ ladder: LadderDefinition, criterionStage: (Located<StageReference>) -> Int?, log: DiagnosticLog
  ) -> [(stage: Located<Int>, threshold: Located<LadderDefinition.Threshold>)] {
    var steps: [(stage: Located<Int>, threshold: Located<LadderDefinition.Threshold>)] = []
    for step in ladder.steps {
      guard let level = criterionStage(step.stage) else { continue }
      if let first = steps.first(where: { $0.stage.value == level }) {
        log.error(
          "duplicate-key",
          Message(.compileLadderStageTwice, ["ladder_id": .text(ladder.id), "stage": .text(String(level))]),
          at: step.stage.location, notes: [.init(Message(.surveyFirstDefinedHere), at: first.stage.location)])
        continue
      }
      steps.append((Located(level, at: step.stage.location), step.threshold))
    }
    return steps.sorted { $0.stage.value < $1.stage.value }
  }

  /// A ladder's recommendations by stage level (0: every stage); a stage its steps do not define
  /// is warned about.
  static func ladderRecommendations(
    _ ladder: LadderDefinition, survey: Survey,
    steps: [(stage: Located<Int>, threshold: Located<LadderDefinition.Threshold>)],
    log: DiagnosticLog
  ) -> [Int: [Located<String>]] {
    var byLevel: [Int: [Located<String>]] = [:]
    for entry in ladder.recommend {
      guard let stage = entry.stage else {
        byLevel[0, default: []] += entry.solutions
        continue
      }
      guard let level = survey.stageLevel(stage, log: log) else { continue }
      if !steps.contains(where: { $0.stage.value == level }) {
        log.warning(
          "ladder-recommend",
          Message(
            .compileLadderRecommendsSolutionsFor, ["ladder_id": .text(ladder.id), "stage": .text(String(level))]),
          at: stage.location)
      }
      byLevel[level, default: []] += entry.solutions
    }
    return byLevel
  }

  /// `{threshold}` and `{stage}` mean something only in ladder texts; a ladder title without
  /// `{threshold}` reads the same at every stage.
  static func checkPlaceholders(_ plugins: [Plugin], log: DiagnosticLog) {
    for plugin in plugins {
      for criterion in plugin.criteria {
        for text in [criterion.title, criterion.met, criterion.unmet].compactMap({ $0 }) {
          let names = Set(text.translations.flatMap { Template.placeholders($0.text) })
          if !names.isDisjoint(with: ["threshold", "stage"]) {
            log.warning(
              "placeholder", Message(.compileCriterionUsesWhichOnly, ["criterion_id": "\(criterion.id)"]),
              at: criterion.location)
            break
          }
        }
      }
      for ladder in plugin.ladders where ladder.steps.count > 1 {
        let hasThreshold = ladder.title.translations.allSatisfy { Template.placeholders($0.text).contains("threshold") }
        if !hasThreshold {
          log.warning(
            "placeholder",
            Message(.compileTitleLadderHasNo, ["ladder_id": "\(ladder.id)", "steps_count": "\(ladder.steps.count)"]),
            at: ladder.location)
        }
      }
    }
  }
}

/// The names a program's rules resolve against the survey and the catalog, with problems logged
/// at the reference.
struct NameResolver {
  let survey: Survey
  let log: DiagnosticLog
  let solutionIndex: [String: Int]

  func solutions(_ references: [Located<String>]) -> [Int] {
    references.compactMap { reference in
      if let index = solutionIndex[reference.value] { return index }
      let hint = DidYouMean.hint(reference.value, from: solutionIndex.keys)
      log.error(
        "unknown-solution",
        Message(.compileUnknownCatalogSolution, ["reference_value": "\(reference.value)", "hint": hint]),
        at: reference.location)
      return nil
    }
  }

  func pillar(_ reference: Located<String>) -> Int? {
    if let index = survey.pillarIndex(reference.value) { return index }
    log.error(
      "unknown-pillar",
      Message(
        .compileUnknownPillar,
        [
          "reference_value": .text(reference.value),
          "hint": DidYouMean.hint(reference.value, from: survey.pillars.map(\.id)),
        ]),
      at: reference.location)
    return nil
  }

  /// The level of a criterion's stage: a stage of the survey above the first.
  func criterionStage(_ stage: Located<StageReference>) -> Int? {
    guard let level = survey.stageLevel(stage, log: log) else { return nil }
    if level == 1 {
      log.error("stage-one", Message(.compileStage1FloorEvery, ["top_stage": "\(survey.topStage)"]), at: stage.location)
      return nil
    }
    return level
  }
}

/// One plugin's criteria being compiled: the ids it has claimed (criteria and ladder steps share
/// one namespace per plugin) and the environment its conditions are read in.
final class CriterionScope {
  let plugin: Plugin
  let number: Int
  let resolver: NameResolver
  let environment: ExpressionEnvironment
  private var claimed: [String: SourceLocation] = [:]

  init(plugin: Plugin, number: Int, resolver: NameResolver, environment: ExpressionEnvironment) {
    self.plugin = plugin
    self.number = number
    self.resolver = resolver
    self.environment = environment
  }

  var survey: Survey { resolver.survey }
  var log: DiagnosticLog { resolver.log }

  /// Takes `id` for a criterion; false (reported) when the plugin already has one.
  func claim(_ id: String, _ location: SourceLocation) -> Bool {
    if let first = claimed[id] {
      log.error(
        "duplicate-id", Message(.compileDuplicateCriterionIdPlugin, ["id": "\(id)", "plugin_id": "\(plugin.id)"]),
        at: location,
        notes: [.init(Message(.surveyFirstDefinedHere), at: first)])
      return false
    }
    claimed[id] = location
    return true
  }
}
