/// Checks plugins against a survey and compiles them into a `Program`: ids resolved, expressions
/// type-checked, ladders expanded, catalog references and reachability verified.
public enum ProgramCompiler {
  /// Compiles `survey` with every plugin of `plugins` that accepts this survey's version.
  /// Problems go to `log`; the program is `nil` if any error was found.
  ///
  /// - Parameter answeredVersion: select plugins by the version an answers file was written for
  ///   (an older minor version is read with the newer survey); default: the survey's own.
  public static func compile(
    survey: Survey, plugins allPlugins: [Plugin], log: DiagnosticLog, answeredVersion: SemanticVersion? = nil,
    warnUnreachable: Bool = true
  ) -> Program? {
    let errorsBefore = log.errorCount
    let version = answeredVersion ?? survey.version
    let applying = allPlugins.filter { $0.applies(to: survey.id, version: version) }
    let plugins = dependencyOrder(applying, log: log)
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
          Message(.compilePluginHasNoTexts, ["plugin_id": "\(plugin.id)", "language": "\(language)", "reference": "\(survey.reference)", "languages_first": "\(plugin.languages.first ?? "English")"]),
          at: plugin.location)
      }
    }

    // Threshold: the survey's, unless plugins set one; two different ones conflict.
    var threshold = survey.threshold
    let overrides = plugins.compactMap { plugin in plugin.threshold.map { (plugin, $0) } }
    if let (first, value) = overrides.first {
      threshold = value.value
      for (plugin, other) in overrides.dropFirst() where other.value != value.value {
        log.error(
          "threshold-conflict",
          Message(.compilePluginSetsThresholdBut, ["plugin_id": "\(plugin.id)", "format": "\(JSONWriter.format(other.value))", "first_id": "\(first.id)", "format2": "\(JSONWriter.format(value.value))"]),
          at: other.location, notes: [.init(Message(.compileOtherThreshold), at: value.location)])
      }
    }

    // Catalog.
    let catalog = indexCatalog(plugins, survey: survey, log: log)
    let solutionIndex = catalog.solutionIndex
    let programmeIndex = catalog.programmeIndex

    func resolveSolutions(_ references: [Located<String>]) -> [Int] {
      references.compactMap { reference in
        if let index = solutionIndex[reference.value] { return index }
        let hint = DidYouMean.hint(reference.value, from: solutionIndex.keys)
        log.error("unknown-solution", Message(.compileUnknownCatalogSolution, ["reference_value": "\(reference.value)", "hint": hint]), at: reference.location)
        return nil
      }
    }

    func resolvePillar(_ reference: Located<String>) -> Int? {
      if let index = survey.pillarIndex(reference.value) { return index }
      log.error(
        "unknown-pillar", Message(.compileUnknownPillar, ["reference_value": .text(reference.value), "hint": DidYouMean.hint(reference.value, from: survey.pillars.map(\.id))]),
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

    // Definitions, checked before the expressions that use them.
    let declaredIDs = declaredCriterionIDs(plugins, survey: survey)
    let names = NamedExpressions(
      survey: survey, pluginIDs: plugins.map(\.id), visible: visibility(plugins), criterionIDs: declaredIDs, log: log)
    define(plugins, in: names, survey: survey, log: log)

    // Criteria and ladders.
    var criteria: [Criterion] = []
    for (pluginNumber, plugin) in plugins.enumerated() {
      var seen: [String: SourceLocation] = [:]
      func claim(_ id: String, _ location: SourceLocation) -> Bool {
        if let first = seen[id] {
          log.error("duplicate-id", Message(.compileDuplicateCriterionIdPlugin, ["id": "\(id)", "plugin_id": "\(plugin.id)"]), at: location, notes: [.init(Message(.surveyFirstDefinedHere), at: first)])
          return false
        }
        seen[id] = location
        return true
      }
      let conditionEnvironment = ExpressionEnvironment(
        survey: survey, purpose: .condition, criterionIDs: [:], names: names, plugin: pluginNumber)
      for definition in plugin.criteria {
        guard claim(definition.id, definition.idLocation) else { continue }
        let pillar = resolvePillar(definition.pillar)
        let stage = criterionStage(definition.stage)
        let (condition, diagnostics) = ExpressionCompiler.compile(definition.when, in: conditionEnvironment, expecting: .bool)
        log.append(contentsOf: diagnostics)
        let recommend = resolveSolutions(definition.recommend)
        guard let pillar, let stage, let condition else { continue }
        criteria.append(
          Criterion(
            id: definition.id, qualifiedID: "\(plugin.id)/\(definition.id)", plugin: pluginNumber, pillar: pillar,
            stage: stage, weight: definition.weight, title: definition.title, met: definition.met,
            unmet: definition.unmet, condition: condition, recommend: recommend, ladder: nil, location: definition.location,
            kind: definition.kind?.value, basis: definition.basis))
      }
      var ladderIDs: [String: SourceLocation] = [:]
      for ladder in plugin.ladders {
        if let first = ladderIDs[ladder.id] {
          log.error("duplicate-id", Message(.compileDuplicateLadderIdPlugin, ["ladder_id": "\(ladder.id)", "plugin_id": "\(plugin.id)"]), at: ladder.idLocation, notes: [.init(Message(.surveyFirstDefinedHere), at: first)])
          continue
        }
        ladderIDs[ladder.id] = ladder.idLocation
        criteria += expand(ladder, plugin: plugin, pluginNumber: pluginNumber, survey: survey, log: log, claim: claim,
          resolvePillar: resolvePillar, criterionStage: criterionStage, resolveSolutions: resolveSolutions,
          environment: conditionEnvironment)
      }
    }
    criteria.sort { ($0.pillar, $0.stage, $0.plugin) < ($1.pillar, $1.stage, $1.plugin) }
    checkPlaceholders(plugins, log: log)
    checkEvidence(plugins, survey: survey, log: log)

    let criterionIDs = criterionIDs(criteria, declared: declaredIDs)
    names.criterionIDs = criterionIDs
    func outcomeEnvironment(_ plugin: Int?) -> ExpressionEnvironment {
      ExpressionEnvironment(survey: survey, purpose: .outcome, criterionIDs: criterionIDs, names: names, plugin: plugin)
    }
    let registeredMetrics = registerMetrics(plugins, in: names, log: log)
    let solutionLinks = links(
      criteria: criteria, solutions: catalog.solutions, survey: survey, criterionIDs: criterionIDs, pluginIDs: plugins.map(\.id), log: log)
    let pluginNumbers = Dictionary(plugins.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let needPlans = needs(
      catalog.solutions, survey: survey, criteria: criteria, environment: { outcomeEnvironment(pluginNumbers[$0]) }, log: log)
    let cityContext = contextPlan(
      plugins, survey: survey, solutions: catalog.solutions, links: solutionLinks, criteria: criteria, criterionIDs: criterionIDs, log: log)
    let metrics = compileMetrics(registeredMetrics, in: names, plugins: plugins, resolvePillar: resolvePillar)
    let nextSteps = compileNextSteps(plugins, environment: outcomeEnvironment, catalog: catalog, log: log)

    // Completeness: every stage of every pillar needs criteria, every solution a rule.
    if !criteria.isEmpty {
      for (pillarIndex, pillar) in survey.pillars.enumerated() {
        for stage in 2...max(2, survey.topStage) where !criteria.contains(where: { $0.pillar == pillarIndex && $0.stage == stage }) {
          log.warning(
            "stage-without-criteria",
            Message(.compilePillarHasNoCriteria, ["pillar_id": "\(pillar.id)", "stage": "\(stage)", "stage_name": "\(survey.stageName(stage, "en"))"]),
            at: plugins.first?.location ?? survey.location)
        }
      }
    }
    if warnUnreachable {
      let reachable = Set(solutionLinks.joined())
      // An entry whose helps list is empty on purpose is there for catalog searches only.
      for (index, solution) in catalog.solutions.enumerated() where !reachable.contains(index) && !solution.helps.isEmpty {
        log.warning(
          "unreachable-solution",
          Message(.compileSolutionNotRecommendedBy, ["solution_id": .text(solution.id)]),
          at: solution.location)
      }
    }

    checkCostBudget(
      survey: survey, criteria: criteria, metrics: metrics, nextSteps: nextSteps, needs: needPlans.conditions, solutions: catalog.solutions,
      log: log)
    guard log.errorCount == errorsBefore else { return nil }
    let infos = plugins.map { PluginInfo(id: $0.id, version: $0.version, hash: $0.contentHash) }
    return Program(
      survey: survey, plugins: infos, threshold: threshold, criteria: criteria, metrics: metrics, nextSteps: nextSteps,
      solutions: catalog.solutions, programmes: catalog.programmes, links: solutionLinks, needConditions: needPlans.conditions,
      needTargets: needPlans.measuredBy, context: cityContext, metricOrder: names.metricOrder)
  }

  /// Most evaluation steps that scoring one city may take, all expressions of a program together
  /// (skip logic, criteria, metrics, next steps, what catalog solutions need), by their static cost bounds. Each
  /// expression is also limited on its own (`ExpressionCompiler.costLimit`), but 12,000 criteria
  /// each just under that limit would take half a minute per city. A step costs some tens of
  /// nanoseconds, so a program within the budget scores a city in milliseconds; the shipped rules
  /// (1,241 steps for 232 criteria) use under 1% of it (`CostBudgetTests`).
  public static let costBudget = 200_000

  /// Refuses a program whose expressions together may cost more than `costBudget` per city,
  /// naming the most expensive criteria and other expressions.
  static func checkCostBudget(
    survey: Survey, criteria: [Criterion], metrics: [Metric], nextSteps: [NextStep], needs: [[CompiledExpression?]],
    solutions: [Solution], log: DiagnosticLog
  ) {
    var items: [(what: Message, cost: Int, location: SourceLocation)] = []
    for question in survey.questions {
      if let relevant = question.relevant {
        items.append((Message(.compileCostSkipLogic, ["id": .text(question.id)]), relevant.cost, relevant.source.location))
      }
    }
    for criterion in criteria {
      items.append((Message(.whatCriterionNamed, ["id": .text(criterion.qualifiedID)]), criterion.condition.cost, criterion.condition.source.location))
    }
    for metric in metrics { items.append((Message(.compileCostMetric, ["id": .text(metric.qualifiedID)]), metric.expression.cost, metric.expression.source.location)) }
    for step in nextSteps { items.append((Message(.compileCostNextStep), step.when.cost, step.when.source.location)) }
    for (solution, conditions) in needs.enumerated() {
      for condition in conditions.compactMap({ $0 }) {
        items.append((Message(.compileCostNeed, ["id": .text(solutions[solution].id)]), condition.cost, condition.source.location))
      }
    }
    var total = 0
    for item in items { total = total.addingReportingOverflow(item.cost).overflow ? Int.max : total + item.cost }
    guard total > costBudget else { return }
    let costliest = items.sorted { $0.cost > $1.cost }.prefix(5)
    guard let first = costliest.first else { return }
    let notes = costliest.map { Diagnostic.Note(Message(.compileMayTakeUpSteps, ["what": .message($0.what), "cost": .count($0.cost)]), at: $0.location) }
    log.error(
      "cost-budget",
      Message(
        .compileScoringOneCityWith, ["total": .text(String(total)), "cost_budget": .text(String(costBudget)), "items_count": .text(String(items.count))]),
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
          Message(.compilePluginRequiresWhichNot, ["plugin_id": "\(plugin.id)", "requirement_value": "\(requirement.value)", "hint": hint]),
          at: requirement.location)
      }
    }
    var ordered: [Plugin] = []
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    func visit(_ plugin: Plugin) {
      if state[plugin.id] == 2 { return }
      if state[plugin.id] == 1 {
        log.error("plugin-cycle", Message(.compilePluginPartCycleRequires, ["plugin_id": "\(plugin.id)"]), at: plugin.location)
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
  public static func closure(of plugin: Plugin, in plugins: [Plugin]) -> [Plugin] {
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
  static func expand(
    _ ladder: LadderDefinition, plugin: Plugin, pluginNumber: Int, survey: Survey, log: DiagnosticLog,
    claim: (String, SourceLocation) -> Bool, resolvePillar: (Located<String>) -> Int?,
    criterionStage: (Located<StageReference>) -> Int?, resolveSolutions: ([Located<String>]) -> [Int],
    environment: ExpressionEnvironment
  ) -> [Criterion] {
    guard let reference = ladder.question else {
      return expandValue(
        ladder, plugin: plugin, pluginNumber: pluginNumber, survey: survey, log: log, claim: claim,
        resolvePillar: resolvePillar, criterionStage: criterionStage, resolveSolutions: resolveSolutions, environment: environment)
    }
    guard let slot = survey.questionIndex[reference.value] else {
      log.error(
        "unknown-question",
        Message(.compileUnknownQuestion, ["question_value": .text(reference.value), "hint": DidYouMean.hint(reference.value, from: survey.questionIndex.keys)]),
        at: reference.location)
      return []
    }
    let question = survey.questions[slot]
    guard question.kind.expressionType(slot: slot).isNumeric || question.isOrdinal else {
      log.error(
        "ladder-question",
        Message(.compileLadderNeedsNumberQuestion, ["question_id": "\(question.id)", "kind_name": "\(question.kind.name)"]),
        at: reference.location)
      return []
    }
    let pillar: Int?
    if let reference = ladder.pillar {
      pillar = resolvePillar(reference)
    } else if let questionPillar = question.pillar {
      pillar = questionPillar
    } else {
      log.error("missing-key", Message(.compileLadderNeedsPillarQuestion, ["ladder_id": "\(ladder.id)", "question_id": "\(question.id)"]), at: ladder.location)
      pillar = nil
    }
    if question.isOrdinal && ladder.direction == .lower {
      log.error(
        "ladder-direction", Message(.compileLevelsOnlyGoUp, ["question_id": "\(question.id)"]),
        at: ladder.directionLocation ?? ladder.location)
      return []
    }
    var criteria: [Criterion] = []
    var previous: Double?
    let op = ladder.direction == .higher ? ">=" : "<="
    let steps = ladderSteps(ladder, criterionStage: criterionStage, log: log)
    let recommendations = ladderRecommendations(ladder, survey: survey, steps: steps, log: log)
    for step in steps {
      let id = "\(ladder.id)@\(step.stage.value)"
      guard claim(id, step.stage.location) else { continue }
      var threshold: Double
      var shown: LocalizedText
      var expressionText: String
      switch (step.threshold.value, question.isOrdinal) {
      case (.number(let number), false):
        threshold = number
        let (low, high) = question.bounds
        if let low, number < low {
          log.warning("ladder-range", Message(.compileThresholdBelowSmallestAnswer, ["format": "\(JSONWriter.format(number))", "format2": "\(JSONWriter.format(low))", "question_id": "\(question.id)"]), at: step.threshold.location)
        }
        if let high, number > high {
          log.warning("ladder-range", Message(.compileThresholdAboveLargestAnswer, ["format": "\(JSONWriter.format(number))", "format2": "\(JSONWriter.format(high))", "question_id": "\(question.id)"]), at: step.threshold.location)
        }
        shown = LocalizedText(survey.languages.map { ($0, question.kind.formatNumber(number, language: $0)) })
        expressionText = "\(question.id) \(op) \(JSONWriter.format(number))"
      case (.number(let number), true):
        guard let whole = Int(exactly: number), let option = question.options.first(where: { $0.level == whole }) else {
          log.error("ladder-threshold", Message(.compileHasNoOptionAt, ["question_id": "\(question.id)", "format": "\(JSONWriter.format(number))"]), at: step.threshold.location)
          continue
        }
        threshold = number
        shown = option.label
        expressionText = "level(\(question.id)) >= \(whole)"
      case (.option(let value), true):
        guard let option = question.options.first(where: { $0.value == value }), let level = option.level else {
          log.error(
            "unknown-option",
            Message(.compileNotOption, ["value": .text(value), "question_id": .text(question.id), "hint": DidYouMean.hint(value, from: question.options.map(\.value))]),
            at: step.threshold.location)
          continue
        }
        threshold = Double(level)
        shown = option.label
        expressionText = "level(\(question.id)) >= \(level)"
      case (.option(let value), false):
        log.error("ladder-threshold", Message(.compileTakesNumbersSoThreshold, ["question_id": "\(question.id)", "value": "\(value)"]), at: step.threshold.location)
        continue
      }
      checkOrder(threshold, after: previous, ladder.direction, stage: step.stage.value, at: step.threshold.location, log: log)
      previous = threshold
      let source = ExpressionSource(
        text: expressionText, file: nil, path: step.threshold.location.file,
        start: .init(line: step.threshold.location.line, column: step.threshold.location.column), style: .plain)
      let (condition, diagnostics) = ExpressionCompiler.compile(
        source, in: ExpressionEnvironment(survey: survey, purpose: .condition), expecting: .bool)
      log.append(contentsOf: diagnostics)
      let fill = ladderTexts(shown, step.stage.value, survey)
      let title = fill(ladder.title) ?? ladder.title
      let recommend = resolveSolutions((recommendations[step.stage.value] ?? []) + (recommendations[0] ?? []))
      guard let pillar, let condition else { continue }
      criteria.append(
        Criterion(
          id: id, qualifiedID: "\(plugin.id)/\(id)", plugin: pluginNumber, pillar: pillar, stage: step.stage.value,
          weight: ladder.weight, title: title, met: fill(ladder.met), unmet: fill(ladder.unmet), condition: condition,
          recommend: recommend,
          ladder: LadderStep(ladderID: ladder.id, question: slot, direction: ladder.direction, threshold: threshold, byLevel: question.isOrdinal),
          location: step.stage.location, kind: ladder.kind?.value, basis: ladder.basis))
    }
    return criteria
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
          "duplicate-key", Message(.compileLadderStageTwice, ["ladder_id": .text(ladder.id), "stage": .text(String(level))]),
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
    _ ladder: LadderDefinition, survey: Survey, steps: [(stage: Located<Int>, threshold: Located<LadderDefinition.Threshold>)],
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
          "ladder-recommend", Message(.compileLadderRecommendsSolutionsFor, ["ladder_id": .text(ladder.id), "stage": .text(String(level))]),
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
            "placeholder", Message(.compileTitleLadderHasNo, ["ladder_id": "\(ladder.id)", "steps_count": "\(ladder.steps.count)"]),
            at: ladder.location)
        }
      }
    }
  }
}
