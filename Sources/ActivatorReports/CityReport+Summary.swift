package import ActivatorCore

/// The first page of a city's report, what a mayor's office forwards to the council: the
/// three most important next steps and the strongest pillar, beside the stages, coverage and
/// radar the report already holds. Worked out once here; the progress report's summary takes its
/// next steps from the same place.
extension CityReport {
  /// One next step: a recommended solution or a WeGO programme, with why in one line.
  package struct SummaryStep: Sendable {
    package var title: String
    /// What it is for: the pillar and the gap it closes, or why WeGO offers it now.
    package var why: String
  }

  /// The three most important next steps: the two best-ranked solutions (from two pillars where
  /// the ranking offers two) and the first WeGO programme on the Activator chain; more solutions
  /// where there is no programme, or programmes where there are no solutions.
  static func summarySteps(_ a: Assessment, _ t: Localizer, count: Int = 3) -> [SummaryStep] {
    let program = a.program
    func step(_ recommendation: Recommendation) -> SummaryStep {
      let solution = program.solutions[recommendation.solution]
      let origin = [t.text(solution.city), solution.country.map { t.text($0) } ?? ""].filter { !$0.isEmpty }
      let pillar = t.text(a.survey.pillars[recommendation.pillar].name)
      let gap = recommendation.reasons.first.map { t.text(program.criteria[$0.criterion].title) }
      return SummaryStep(
        title: t(
          .reportSummarySolution,
          ["name": .text(t.text(solution.name)), "origin": .text(origin.joined(separator: ", "))]),
        why: gap.map { t(.reportSummaryCloses, ["pillar": .text(pillar), "gap": .text($0)]) } ?? pillar)
    }
    var chosen = Array(a.recommendations.prefix(1))
    if let first = chosen.first,
      let second = a.recommendations.first(where: { $0.pillar != first.pillar }) ?? a.recommendations.dropFirst().first
    {
      chosen.append(second)
    }
    let programmes = a.nextSteps.map { next in
      let programme = program.programmes[next.programme]
      return SummaryStep(
        title: t(.reportSummaryProgramme, ["name": .text(t.text(programme.name))]),
        why: next.because.first.map { t.text($0) } ?? t.text(programme.description))
    }
    var steps = chosen.map(step) + programmes.prefix(max(1, count - chosen.count))
    // No programme fits yet (or too few solutions): the ranking's next solutions take the place.
    for recommendation in a.recommendations
    where steps.count < count && !chosen.contains(where: { $0.solution == recommendation.solution }) {
      chosen.append(recommendation)
      steps.append(step(recommendation))
    }
    return Array(steps.prefix(count))
  }

  /// "Smart Government, 3 Established": the pillar with the highest score among those with a
  /// stage (a pillar below the coverage floor has none); nil when there is none.
  static func strongest(_ pillars: [PillarSection], _ t: Localizer) -> String? {
    let ranked = pillars.enumerated().filter(\.element.assessed).max { lhs, rhs in
      (lhs.element.score, -lhs.offset) < (rhs.element.score, -rhs.offset)
    }
    return ranked.map {
      t(
        .reportSummaryStrongest,
        ["pillar": .text($0.element.name), "stage": .text("\($0.element.stage) \($0.element.stageName)")])
    }
  }
}
