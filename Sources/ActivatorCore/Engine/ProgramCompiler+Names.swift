/// Definitions (`let:`), metrics and next steps: the expressions that name each other or read
/// the results of scoring.
extension ProgramCompiler {
  /// For each plugin (by its place in `plugins`), the plugins whose definitions it sees: itself
  /// and, transitively, those it requires.
  static func visibility(_ plugins: [Plugin]) -> [Set<Int>] {
    plugins.map { plugin in
      let closure = Set(closure(of: plugin, in: plugins).map(\.id))
      return Set(plugins.indices.filter { closure.contains(plugins[$0].id) })
    }
  }

  /// Every criterion id the plugins declare, plain and qualified, before any is compiled (index
  /// -1): what `met()` may name. Naming a criterion that failed to compile is then not a second
  /// error.
  static func declaredCriterionIDs(_ plugins: [Plugin], survey: Survey) -> [String: Int] {
    var ids: [String: Int] = [:]
    for plugin in plugins {
      for definition in plugin.criteria {
        ids["\(plugin.id)/\(definition.id)"] = -1
        ids[definition.id] = -1
      }
      for ladder in plugin.ladders {
        // A step whose stage names none is reported with the ladder.
        for step in ladder.steps {
          guard case .success(let level) = survey.stageLevel(step.stage.value) else { continue }
          ids["\(plugin.id)/\(ladder.id)@\(level)"] = -1
          ids["\(ladder.id)@\(level)"] = -1
        }
      }
    }
    return ids
  }

  /// The ids `met()` names once the criteria are compiled and sorted: qualified always, plain
  /// when only one plugin uses the id.
  static func criterionIDs(_ criteria: [Criterion], declared: [String: Int]) -> [String: Int] {
    var ids = declared
    var plainCount: [String: Int] = [:]
    for criterion in criteria { plainCount[criterion.id, default: 0] += 1 }
    for (index, criterion) in criteria.enumerated() {
      ids[criterion.qualifiedID] = index
      if plainCount[criterion.id] == 1 { ids[criterion.id] = index }
    }
    return ids
  }

  /// Registers every plugin's definitions and checks each once (its problems reported where it
  /// is written), before any expression uses them.
  static func define(_ plugins: [Plugin], in names: NamedExpressions, survey: Survey, log: DiagnosticLog) {
    let literals: Set<String> = ["true", "false", "null", "in"]
    for (pluginNumber, plugin) in plugins.enumerated() {
      for definition in plugin.definitions {
        let name = definition.name
        if survey.questionIndex[name.value] != nil {
          log.error(
            "duplicate-id", Message(.compileDefinitionIsQuestion, ["name": .text(name.value)]), at: name.location)
          continue
        }
        if literals.contains(name.value) || Parser.reserved.contains(name.value) {
          log.error(
            "reserved-word", Message(.compileDefinitionReserved, ["name": .text(name.value)]), at: name.location)
          continue
        }
        names.define(name, definition.expression, plugin: pluginNumber)
      }
    }
    for entry in names.allDefinitions { names.check(entry) }
  }

  /// Registers every metric, so that `metric('id')` finds metrics declared later too; duplicate
  /// ids within a plugin are reported. The entries in `Program.metrics` order.
  static func registerMetrics(_ plugins: [Plugin], in names: NamedExpressions, log: DiagnosticLog)
    -> [(entry: NamedExpressions.Entry, definition: MetricDefinition)]
  {
    var registered: [(entry: NamedExpressions.Entry, definition: MetricDefinition)] = []
    for (pluginNumber, plugin) in plugins.enumerated() {
      var seen: [String: SourceLocation] = [:]
      for definition in plugin.metrics {
        if let first = seen[definition.id] {
          log.error(
            "duplicate-id", Message(.compileDuplicateMetricId, ["definition_id": .text(definition.id)]),
            at: definition.location,
            notes: [.init(Message(.surveyFirstDefinedHere), at: first)])
          continue
        }
        seen[definition.id] = definition.location
        let entry = names.addMetric(
          id: definition.id, qualifiedID: "\(plugin.id)/\(definition.id)", plugin: pluginNumber,
          source: definition.expression,
          location: definition.location)
        registered.append((entry, definition))
      }
    }
    return registered
  }

  /// Checks the metrics not yet checked (a need or another metric may have named them first),
  /// in declaration order.
  static func compileMetrics(
    _ registered: [(entry: NamedExpressions.Entry, definition: MetricDefinition)], in names: NamedExpressions,
    resolver: NameResolver, environment: (Int?) -> ExpressionEnvironment
  ) -> [Metric] {
    registered.compactMap { entry, definition in
      let pillar = definition.pillar.flatMap(resolver.pillar)
      names.check(entry)
      let pool = definition.pool.flatMap {
        metricPool($0, definition, entry, resolver: resolver, environment: environment(entry.plugin))
      }
      guard let expression = entry.compiled, entry.state == .checked else { return nil }
      var metric = Metric(
        id: definition.id, qualifiedID: entry.name, title: definition.title, unit: definition.unit, pillar: pillar,
        expression: expression, kind: definition.kind?.value)
      metric.headline = definition.headline
      metric.pool = pool
      return metric
    }
  }

  /// A metric's pool: a sum needs the metric to give a number; a ratio's parts are numbers read
  /// as the metric is (answers, outcomes, definitions and other metrics).
  static func metricPool(
    _ pool: MetricPoolDefinition, _ definition: MetricDefinition, _ entry: NamedExpressions.Entry,
    resolver: NameResolver,
    environment: ExpressionEnvironment
  ) -> MetricPool? {
    switch pool {
    case .sum(let location):
      if let compiled = entry.compiled, !compiled.type.isNumeric {
        resolver.log.error(
          "type-mismatch",
          Message(
            .compileMetricPoolSumNumber, ["id": .text(definition.id), "type": compiled.type.describe(resolver.survey)]),
          at: location)
        return nil
      }
      return .sum
    case .ratio(let numeratorSource, let denominatorSource):
      let parts = [numeratorSource, denominatorSource].map { source -> CompiledExpression? in
        let (compiled, diagnostics) = ExpressionCompiler.compile(source, in: environment, expecting: nil)
        resolver.log.append(contentsOf: diagnostics)
        guard let compiled else { return nil }
        guard compiled.type.isNumeric else {
          resolver.log.error(
            "type-mismatch",
            Message(
              .compileMetricPoolPartNumber,
              ["id": .text(definition.id), "type": compiled.type.describe(resolver.survey)]),
            at: source.location(ofOffset: 0))
          return nil
        }
        return compiled
      }
      guard let numerator = parts[0], let denominator = parts[1] else { return nil }
      return .ratio(numerator: numerator, denominator: denominator)
    }
  }

  static func compileNextSteps(
    _ plugins: [Plugin], environment: (Int) -> ExpressionEnvironment, catalog: CatalogIndex, log: DiagnosticLog
  ) -> [NextStep] {
    var nextSteps: [NextStep] = []
    for (pluginNumber, plugin) in plugins.enumerated() {
      for definition in plugin.nextSteps {
        let programme = catalog.programmeIndex[definition.programme.value]
        if programme == nil {
          log.error(
            "unknown-programme",
            Message(
              .compileUnknownProgramme,
              [
                "programme_value": .text(definition.programme.value),
                "hint": DidYouMean.hint(definition.programme.value, from: catalog.programmeIndex.keys),
              ]),
            at: definition.programme.location)
        }
        let (when, diagnostics) = ExpressionCompiler.compile(
          definition.when, in: environment(pluginNumber), expecting: .bool)
        log.append(contentsOf: diagnostics)
        if let programme, catalog.programmes[programme].status == .discontinued {
          log.warning(
            "discontinued-programme",
            Message(.compileProgrammeDiscontinued, ["programme": .text(definition.programme.value)]),
            at: definition.programme.location)
        }
        guard let programme, let when else { continue }
        nextSteps.append(
          NextStep(
            programme: programme, when: when, because: definition.because, plugin: pluginNumber,
            pillars: when.pillarsNamed))
      }
    }
    return nextSteps
  }
}
