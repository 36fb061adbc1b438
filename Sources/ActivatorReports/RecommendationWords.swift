package import ActivatorCore

/// The plain words for how recommendations were chosen: each ranking factor, each reason a
/// solution was set aside, what the city's answers say about its situation, and what a WeGO
/// programme's eligibility and status mean. One place, so `explain`, the reports and `what-if`
/// say the same thing.
package struct RecommendationWords: Sendable {
  package let assessment: Assessment
  let t: Localizer

  package init(_ assessment: Assessment) {
    self.assessment = assessment
    self.t = Localizer(assessment.language)
  }

  var program: Program { assessment.program }
  var survey: Survey { assessment.survey }

  // MARK: - Words for the city's situation

  package func barrier(_ option: Int) -> String {
    guard let slot = program.context.barriers, option < survey.questions[slot].options.count else { return "" }
    return t.text(survey.questions[slot].options[option].label)
  }

  func pillarName(_ pillar: Int) -> String { t.text(survey.pillars[pillar].name) }

  /// What recommendations were fitted to, one line per item; what the survey does not ask or
  /// the city did not answer is said, never guessed.
  package func context() -> [String] {
    let city = assessment.context
    let plan = program.context
    var lines: [String] = []
    let unknown = t(.recommendationNotKnownNoAnswer)
    let notAsked = t(.recommendationNotAskedByThisSurvey)
    if plan.priorityPillar != nil {
      lines.append(t.label(.recommendationPriorityPillar) + (city.priorityPillar.map(pillarName) ?? unknown))
    }
    if plan.topBarrier != nil {
      lines.append(t.label(.recommendationBiggestBarrier) + (city.topBarrier.map(barrier) ?? unknown))
    }
    if plan.barriers != nil {
      let others = city.barriers.filter { $0 != city.topBarrier }.map(barrier)
      if !others.isEmpty { lines.append(t.label(.recommendationOtherBarriers) + others.joined(separator: t.semicolon)) }
    }
    lines.append(
      t.label(.recommendationIncomeGroup) + (city.income.map(t.income) ?? (plan.asksIncome ? unknown : notAsked)))
    lines.append(t.label(.recommendationCitySize) + (city.size.map(t.size) ?? (plan.asksSize ? unknown : notAsked)))
    return lines
  }

  // MARK: - Ranking factors

  /// One factor in a sentence, with its points ("+4: addresses 2 unmet criteria of the next stage").
  package func factor(_ factor: RankingFactor, of recommendation: Recommendation) -> String {
    let points = factor.points > 0 ? "+\(factor.points)" : "\(factor.points)"
    return t.locale.labelled(points) + sentence(factor, recommendation)
  }

  func sentence(_ factor: RankingFactor, _ recommendation: Recommendation) -> String {
    let solution = program.solutions[recommendation.solution]
    let stage = assessment.pillars[recommendation.pillar].stage
    let count = factor.subject
    switch factor.kind {
    case .nextStage:
      let name = survey.stageName(stage + 1, assessment.language)
      return count == 1
        ? t(.recommendationAddresses1UnmetCriterionNext, ["name": "\(name)"])
        : t(.recommendationAddressesCountUnmetCriteriaNext, ["count": "\(count)", "name": "\(name)"])
    case .foundation:
      return count == 1
        ? t(.recommendationAddresses1GapStageAlready)
        : t(.recommendationAddressesCountGapsStagesAlready, ["count": "\(count)"])
    case .later:
      return count == 1
        ? t(.recommendationAlsoCountsToward1Criterion)
        : t(.recommendationAlsoCountsTowardCountCriteria, ["count": "\(count)"])
    case .priorityPillar:
      return t(.recommendationPillarNamePillarCityChose, ["pillar_name": "\(pillarName(factor.subject))"])
    case .target:
      let pillar = pillarName(recommendation.pillar)
      return t(
        .recommendationPillarWhereCityAimsAt,
        ["pillar": "\(pillar)", "factor_subject": "\(factor.subject)", "stage": "\(stage)"])
    case .topBarrier:
      return t(.recommendationEasesCitySBiggestBarrier, ["barrier": "\(barrier(factor.subject))"])
    case .barrier:
      return t(.recommendationEasesBarrierCityNamedBarrier, ["barrier": "\(barrier(factor.subject))"])
    case .incomeFit:
      let group = t.income(IncomeGroup.allCases[factor.subject])
      return t(.recommendationSuitsCitiesThisIncomeGroup, ["group": "\(group)"])
    case .sizeFit:
      let shown = t.size(CitySize.allCases[factor.subject])
      return t(.recommendationSuitsCitiesThisSizeShown, ["shown": "\(shown)"])
    case .stageFit:
      return t(
        .recommendationFitsPillarSStageCities,
        ["solution_stage_min": "\(solution.stageMin)", "solution_stage_max": "\(solution.stageMax)"])
    case .belowStage:
      return t(
        .recommendationCitiesUsuallyTakeItUp,
        [
          "solution_stage_min": "\(solution.stageMin)", "solution_stage_max": "\(solution.stageMax)",
          "stage": "\(stage)",
        ])
    case .deployed:
      return t(.recommendationRunningAtCityScaleSolution, ["solution_city": "\(t.text(solution.city))"])
    case .prepares:
      return t(
        .recommendationBuildsWhatSubjectNameNeeds, ["subject_name": "\(t.text(program.solutions[factor.subject].name))"]
      )
    }
  }

  // MARK: - Set aside

  /// Why a solution is not recommended, one sentence per reason.
  package func setAside(_ item: SetAside) -> [String] {
    let solution = program.solutions[item.solution]
    return item.reasons.map { reason in
      switch reason {
      case .needsMissing(let needs):
        return t.label(.recommendationFirstNeeds)
          + needs.map { t.text(solution.needs[$0].text) }.joined(separator: t.semicolon)
          + t(.recommendationNotPlaceAccordingAnswers)
      case .needsUnknown(let needs):
        return t.label(.recommendationNeeds)
          + needs.map { t.text(solution.needs[$0].text) }.joined(separator: t.semicolon)
          + t(.recommendationAnswersDoNotShowWhether)
      case .income(let group):
        return t(.recommendationSuitsCities) + solution.fits.income.map(t.income).joined(separator: ", ")
          + t(.recommendationCountriesThisCitySIncome, ["income": "\(t.income(group))"])
      case .size(let size):
        return t(.recommendationSuitsCitiesThat) + solution.fits.size.map { t.size($0) }.joined(separator: ", ")
          + t(.recommendationThisCitySize, ["size": "\(t.size(size))"])
      case .tooAdvanced(let stage):
        return t(
          .recommendationForCitiesFromStageSolution,
          ["solution_stage_min": "\(solution.stageMin)", "stage": "\(stage)"])
      case .unknownAnswers:
        return t(.recommendationWouldAddressCriteriaWhoseAnswers)
      }
    }
  }

  /// For a solution set aside for a missing need: what to do first, and the solutions that help.
  package func firstSteps(_ item: SetAside, limit: Int = 3) -> [String] {
    item.first.prefix(limit).map { criterion in
      let builders = program.links[criterion].filter { builder in
        assessment.recommendations.contains { $0.solution == builder }
      }
      let see = builders.prefix(2).map { t.text(program.solutions[$0].name) }
      return t.text(program.criteria[criterion].title)
        + (see.isEmpty ? "" : " (" + t.label(.recommendationSee) + see.joined(separator: t.semicolon) + ")")
    }
  }

  // MARK: - Programmes

  /// What the city should know before turning to a programme: whom WeGO gives it to, and whether
  /// it still runs.
  package func programmeNotes(_ programme: Programme) -> [String] {
    var notes: [String] = []
    if !programme.fits.suitsEveryIncome, let basis = programme.fitsBasis {
      var note = t.text(basis)
      if assessment.context.income == nil {
        note +=
          " "
          + (program.context.asksIncome
            ? t(.recommendationAnswersDoNotSayCity)
            : t(.recommendationThisSurveyDoesNotAsk))
      }
      notes.append(note)
    }
    if programme.status == .unknown {
      let seen = programme.lastSeen.map { t(.recommendationWegoLastShowedItValue, ["value": "\($0)"]) } ?? ""
      notes.append(seen + t(.recommendationAskWegoWhetherItStill))
    }
    return notes
  }

  /// Why a programme a rule chose is not offered to this city.
  package func programmeSetAside(_ item: ProgrammeSetAside) -> String {
    let programme = program.programmes[item.programme]
    switch item.reason {
    case .income(let group):
      let basis = programme.fitsBasis.map { " " + t.text($0) } ?? ""
      return t(.recommendationNotForThisCityIncome, ["income": "\(t.income(group))"]) + basis
    case .discontinued:
      return t(.recommendationNoLongerOfferedByWego)
    }
  }
}
