/// Ladders on computed values, and the survey's requirements on the evidence behind criteria
/// (docs/rules.md, "Normalised indicators" and "Capability before outcome").
extension ProgramCompiler {
  /// Expands a ladder on a `value:` expression (a rate the rules compute from raw counts, such as
  /// stations per 100 km²): one criterion per stage, `value >= threshold` (or `<=`).
  static func expandValue(_ ladder: LadderDefinition, in scope: CriterionScope) -> [Criterion] {
    let (survey, log, plugin, pluginNumber) = (scope.survey, scope.log, scope.plugin, scope.number)
    guard let source = ladder.value, let pillarReference = ladder.pillar else { return [] }
    let pillar = scope.resolver.pillar(pillarReference)
    // Read as a criterion's condition is: answers only, and the plugin's definitions (`let:`).
    let (compiled, diagnostics) = ExpressionCompiler.compile(source, in: scope.environment, expecting: nil)
    log.append(contentsOf: diagnostics)
    guard let value = compiled else { return [] }
    guard value.type.isNumeric else {
      log.error(
        "type-mismatch",
        Message(.compileLadderValueNotNumber, ["id": .text(ladder.id), "type": value.type.describe(survey)]),
        at: source.location(ofOffset: 0))
      return []
    }
    var criteria: [Criterion] = []
    var previous: Double?
    let steps = ladderSteps(ladder, criterionStage: scope.resolver.criterionStage, log: log)
    let recommendations = ladderRecommendations(ladder, survey: survey, steps: steps, log: log)
    for step in steps {
      let id = "\(ladder.id)@\(step.stage.value)"
      guard scope.claim(id, step.stage.location) else { continue }
      guard case .number(let threshold) = step.threshold.value else {
        log.error(
          "ladder-threshold", Message(.compileLadderValueThresholds, ["id": .text(ladder.id)]),
          at: step.threshold.location)
        continue
      }
      checkOrder(
        threshold, after: previous, ladder.direction, stage: step.stage.value, at: step.threshold.location, log: log)
      previous = threshold
      let fill = ladderTexts(
        LocalizedText(survey.languages.map { ($0, ValueText.number(threshold, $0)) }), step.stage.value, survey)
      guard let pillar else { continue }
      let recommend = scope.resolver.solutions((recommendations[step.stage.value] ?? []) + (recommendations[0] ?? []))
      criteria.append(
        Criterion(
          id: id, qualifiedID: "\(plugin.id)/\(id)", plugin: pluginNumber, pillar: pillar, stage: step.stage.value,
          weight: ladder.weight, title: fill(ladder.title) ?? ladder.title, met: fill(ladder.met),
          unmet: fill(ladder.unmet),
          condition: comparison(value, threshold, ladder.direction), recommend: recommend, ladder: nil,
          location: step.stage.location, kind: ladder.kind?.value, basis: ladder.basis,
          measure: Measure(value: value, unit: ladder.unit, threshold: threshold, direction: ladder.direction)))
    }
    return criteria
  }

  /// Warns when a ladder's threshold asks for less than the stage below.
  static func checkOrder(
    _ threshold: Double, after previous: Double?, _ direction: LadderDirection, stage: Int, at location: SourceLocation,
    log: DiagnosticLog
  ) {
    guard let previous, direction == .higher ? threshold < previous : threshold > previous else { return }
    log.warning(
      "ladder-order",
      Message(
        direction == .higher ? .compileThresholdLowerThanBelow : .compileThresholdHigherThanBelow,
        ["stage": .text(String(stage))]),
      at: location)
  }

  /// Fills `{threshold}` (as `shown`) and `{stage}` (the stage's name) in a ladder step's texts.
  static func ladderTexts(_ shown: LocalizedText, _ stage: Int, _ survey: Survey) -> (LocalizedText?) -> LocalizedText?
  {
    let stageNames = LocalizedText(survey.languages.map { ($0, survey.stageName(stage, $0)) })
    let values = { (language: String) in ["threshold": shown.text(language), "stage": stageNames.text(language)] }
    // A step fills its title, met and unmet texts with the same values: worked out once per
    // language of the survey (a text in another language, which `check` warns about, gets its own).
    let surveyValues = Dictionary(survey.languages.map { ($0, values($0)) }, uniquingKeysWith: { first, _ in first })
    return { text in
      text.map { text in
        LocalizedText(
          text.translations.map { language, value in
            (language, Template.fill(value, surveyValues[language] ?? values(language)))
          })
      }
    }
  }

  /// `value >= threshold` (or `<=`) over an already checked expression, keeping its source so a
  /// runtime problem (a division by zero) points into the value as written.
  static func comparison(_ value: CompiledExpression, _ threshold: Double, _ direction: LadderDirection)
    -> CompiledExpression
  {
    let higher = direction == .higher
    return CompiledExpression(
      value, type: .bool, extraCost: 1,
      run: { context in
        let computed = value.run(context)
        guard let number = computed.numberValue else { return computed }
        return .bool(higher ? number >= threshold : number <= threshold)
      })
  }

  /// What the survey requires of every ladder and criterion that scores it: `kind` and `basis`
  /// where it says so, and outcomes only from the stage it names.
  static func checkEvidence(_ plugins: [Plugin], survey: Survey, log: DiagnosticLog) {
    let policy = survey.policy
    func check(
      _ what: Message, kind: Located<EvidenceKind>?, basis: String?, stages: [Located<Int>], at location: SourceLocation
    ) {
      for field in policy.criterionFields {
        let present = field == .kind ? kind != nil : !(basis ?? "").trimmingSpaces.isEmpty
        if !present {
          log.error(
            "missing-field",
            Message(
              .compileMissingEvidenceField,
              ["what": .message(what), "field": .text(field.rawValue), "survey": .text(survey.reference)]),
            at: location)
        }
      }
      guard let from = policy.outcomesFromStage, let kind, kind.value == .outcome else { return }
      for stage in stages where stage.value < from {
        log.error(
          "outcome-stage",
          Message(
            .compileOutcomeBelowStage,
            [
              "what": .message(what), "stage": .text(String(stage.value)), "survey": .text(survey.reference),
              "from": .text(String(from)),
            ]),
          at: stage.location)
      }
    }
    // A stage that does not resolve is reported where the criteria are compiled; here it is skipped.
    func levels(_ references: [Located<StageReference>]) -> [Located<Int>] {
      references.compactMap { reference in
        guard case .success(let level) = survey.stageLevel(reference.value) else { return nil }
        return Located(level, at: reference.location)
      }
    }
    for plugin in plugins {
      for criterion in plugin.criteria {
        check(
          Message(.whatCriterionNamed, ["id": .text(criterion.id)]), kind: criterion.kind, basis: criterion.basis,
          stages: levels([criterion.stage]), at: criterion.location)
      }
      for ladder in plugin.ladders {
        check(
          Message(.whatLadderNamed, ["id": .text(ladder.id)]), kind: ladder.kind, basis: ladder.basis,
          stages: levels(ladder.steps.map(\.stage)), at: ladder.location)
      }
    }
  }
}
