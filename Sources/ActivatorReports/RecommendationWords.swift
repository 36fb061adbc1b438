public import ActivatorCore

/// The plain words for how recommendations were chosen: each ranking factor, each reason a
/// solution was set aside, what the city's answers say about its situation, and what a WeGO
/// programme's eligibility and status mean. One place, so `explain`, the reports and `what-if`
/// say the same thing.
public struct RecommendationWords: Sendable {
  public let assessment: Assessment
  let t: Localizer

  public init(_ assessment: Assessment) {
    self.assessment = assessment
    self.t = Localizer(assessment.language)
  }

  var program: Program { assessment.program }
  var survey: Survey { assessment.survey }

  // MARK: - Words for the city's situation

  public func barrier(_ option: Int) -> String {
    guard let slot = program.context.barriers, option < survey.questions[slot].options.count else { return "" }
    return t.text(survey.questions[slot].options[option].label)
  }

  func pillarName(_ pillar: Int) -> String { t.text(survey.pillars[pillar].name) }

  /// What recommendations were fitted to, one line per item; what the survey does not ask or
  /// the city did not answer is said, never guessed.
  public func context() -> [String] {
    let city = assessment.context
    let plan = program.context
    var lines: [String] = []
    let unknown = t("not known (no answer)", "no se sabe (sin respuesta)")
    let notAsked = t("not asked by this survey, so fit is not checked", "esta encuesta no lo pregunta, así que no se comprueba")
    if plan.priorityPillar != nil {
      lines.append(t("Priority pillar", "Pilar prioritario") + ": " + (city.priorityPillar.map(pillarName) ?? unknown))
    }
    if plan.topBarrier != nil {
      lines.append(t("Biggest barrier", "Mayor obstáculo") + ": " + (city.topBarrier.map(barrier) ?? unknown))
    }
    if plan.barriers != nil {
      let others = city.barriers.filter { $0 != city.topBarrier }.map(barrier)
      if !others.isEmpty { lines.append(t("Other barriers", "Otros obstáculos") + ": " + others.joined(separator: "; ")) }
    }
    lines.append(t("Income group", "Grupo de ingresos") + ": " + (city.income.map(t.income) ?? (plan.asksIncome ? unknown : notAsked)))
    lines.append(t("City size", "Tamaño de la ciudad") + ": " + (city.size.map(t.size) ?? (plan.asksSize ? unknown : notAsked)))
    return lines
  }

  // MARK: - Ranking factors

  /// One factor in a sentence, with its points ("+4: addresses 2 unmet criteria of the next stage").
  public func factor(_ factor: RankingFactor, of recommendation: Recommendation) -> String {
    let points = factor.points > 0 ? "+\(factor.points)" : "\(factor.points)"
    return points + ": " + sentence(factor, recommendation)
  }

  func sentence(_ factor: RankingFactor, _ recommendation: Recommendation) -> String {
    let solution = program.solutions[recommendation.solution]
    let stage = assessment.pillars[recommendation.pillar].stage
    let count = factor.subject
    switch factor.kind {
    case .nextStage:
      let name = survey.stageName(stage + 1, assessment.language)
      return count == 1
        ? t("addresses 1 unmet criterion of the next stage (\(name))", "atiende 1 criterio no cumplido de la etapa siguiente (\(name))")
        : t("addresses \(count) unmet criteria of the next stage (\(name))", "atiende \(count) criterios no cumplidos de la etapa siguiente (\(name))")
    case .foundation:
      return count == 1
        ? t("addresses 1 gap in a stage already reached", "atiende 1 carencia en una etapa ya alcanzada")
        : t("addresses \(count) gaps in stages already reached", "atiende \(count) carencias en etapas ya alcanzadas")
    case .later:
      return count == 1
        ? t("also counts toward 1 criterion two stages up", "también sirve para 1 criterio dos etapas más arriba")
        : t("also counts toward \(count) criteria two stages up", "también sirve para \(count) criterios dos etapas más arriba")
    case .priorityPillar:
      return t("in \(pillarName(factor.subject)), the pillar the city chose as its priority", "en \(pillarName(factor.subject)), el pilar que la ciudad eligió como prioridad")
    case .target:
      let pillar = pillarName(recommendation.pillar)
      return t("in \(pillar), where the city aims at stage \(factor.subject) (now \(stage))", "en \(pillar), donde la ciudad se propone llegar a la etapa \(factor.subject) (hoy \(stage))")
    case .topBarrier:
      return t("eases the city's biggest barrier: \(barrier(factor.subject))", "ayuda con el mayor obstáculo de la ciudad: \(barrier(factor.subject))")
    case .barrier:
      return t("eases a barrier the city named: \(barrier(factor.subject))", "ayuda con un obstáculo que la ciudad señaló: \(barrier(factor.subject))")
    case .incomeFit:
      let group = t.income(IncomeGroup.allCases[factor.subject])
      return t("suits cities of this income group (\(group))", "es adecuada para ciudades de este grupo de ingresos (\(group))")
    case .sizeFit:
      let shown = t.size(CitySize.allCases[factor.subject])
      return t("suits cities of this size: \(shown)", "es adecuada para ciudades de este tamaño: \(shown)")
    case .stageFit:
      return t("fits the pillar's stage (cities take it up at stages \(solution.stageMin)–\(solution.stageMax))", "se ajusta a la etapa del pilar (las ciudades la adoptan en las etapas \(solution.stageMin)–\(solution.stageMax))")
    case .belowStage:
      return t("cities usually take it up at stages \(solution.stageMin)–\(solution.stageMax), below this pillar's stage \(stage)", "las ciudades suelen adoptarla en las etapas \(solution.stageMin)–\(solution.stageMax), por debajo de la etapa \(stage) de este pilar")
    case .deployed:
      return t("running at city scale in \(t.text(solution.city))", "funciona a escala de ciudad en \(t.text(solution.city))")
    case .prepares:
      return t("builds what \(t.text(program.solutions[factor.subject].name)) needs first", "construye lo que \(t.text(program.solutions[factor.subject].name)) necesita antes")
    }
  }

  // MARK: - Set aside

  /// Why a solution is not recommended, one sentence per reason.
  public func setAside(_ item: SetAside) -> [String] {
    let solution = program.solutions[item.solution]
    return item.reasons.map { reason in
      switch reason {
      case .needsMissing(let needs):
        return t("first needs", "antes necesita") + ": " + needs.map { t.text(solution.needs[$0].text) }.joined(separator: "; ")
          + t(" — not in place according to the answers", " — no está disponible según las respuestas")
      case .needsUnknown(let needs):
        return t("needs", "necesita") + ": " + needs.map { t.text(solution.needs[$0].text) }.joined(separator: "; ")
          + t(" — the answers do not show whether it is in place", " — las respuestas no muestran si está disponible")
      case .income(let group):
        return t("suits cities in ", "es adecuada para ciudades de países de ") + solution.fits.income.map(t.income).joined(separator: ", ")
          + t(" countries; this city's is \(t.income(group))", "; la de esta ciudad es de \(t.income(group))")
      case .size(let size):
        return t("suits cities that are ", "es adecuada para ciudades ") + solution.fits.size.map { t.size($0) }.joined(separator: ", ")
          + t("; this city is \(t.size(size))", "; esta ciudad es \(t.size(size))")
      case .tooAdvanced(let stage):
        return t("for cities from stage \(solution.stageMin); this pillar is at stage \(stage)", "para ciudades desde la etapa \(solution.stageMin); este pilar está en la etapa \(stage)")
      case .unknownAnswers:
        return t("would address criteria whose answers are unknown; answer them to see whether it applies", "atendería criterios cuyas respuestas se desconocen; respóndalas para saber si corresponde")
      }
    }
  }

  /// For a solution set aside for a missing need: what to do first, and the solutions that help.
  public func firstSteps(_ item: SetAside, limit: Int = 3) -> [String] {
    item.first.prefix(limit).map { criterion in
      let builders = program.links[criterion].filter { builder in assessment.recommendations.contains { $0.solution == builder } }
      let see = builders.prefix(2).map { t.text(program.solutions[$0].name) }
      return t.text(program.criteria[criterion].title) + (see.isEmpty ? "" : " (" + t("see", "vea") + ": " + see.joined(separator: "; ") + ")")
    }
  }

  // MARK: - Programmes

  /// What the city should know before turning to a programme: whom WeGO gives it to, and whether
  /// it still runs.
  public func programmeNotes(_ programme: Programme) -> [String] {
    var notes: [String] = []
    if !programme.fits.suitsEveryIncome, let basis = programme.fitsBasis {
      var note = t.text(basis)
      if assessment.context.income == nil {
        note += " " + (program.context.asksIncome
          ? t("The answers do not say the city's income group.", "Las respuestas no indican el grupo de ingresos de la ciudad.")
          : t("This survey does not ask the city's income group, so check with WeGO.", "Esta encuesta no pregunta el grupo de ingresos de la ciudad, así que consulte con WeGO."))
      }
      notes.append(note)
    }
    if programme.status == .unknown {
      let seen = programme.lastSeen.map { t("WeGO last showed it in \($0); ", "WeGO lo mostró por última vez en \($0); ") } ?? ""
      notes.append(seen + t("ask WeGO whether it is still offered.", "pregunte a WeGO si todavía se ofrece."))
    }
    return notes
  }

  /// Why a programme a rule chose is not offered to this city.
  public func programmeSetAside(_ item: ProgrammeSetAside) -> String {
    let programme = program.programmes[item.programme]
    switch item.reason {
    case .income(let group):
      let basis = programme.fitsBasis.map { " " + t.text($0) } ?? ""
      return t("not for this city (\(t.income(group)) country):", "no corresponde a esta ciudad (país de \(t.income(group))):") + basis
    case .discontinued:
      return t("no longer offered by WeGO.", "WeGO ya no lo ofrece.")
    }
  }
}
