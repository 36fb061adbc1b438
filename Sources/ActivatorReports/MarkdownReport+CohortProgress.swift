import ActivatorCore

extension MarkdownReport {
  package static func cohort(_ r: CohortReport) -> String {
    let t = Localizer(r.language)
    return cohortHeading(r, t) + cohortHeatmap(r, t) + cohortDistribution(r, t) + cohortMedians(r, t) + metrics(r, t)
      + cohortCities(r, t) + cohortFooter(r, t)
  }

  /// The title, the survey, the number of regions and of files that could not be read.
  static func cohortHeading(_ r: CohortReport, _ t: Localizer) -> String {
    var out = "# " + r.heading(t) + "\n\n"
    out += "*\(e(r.surveyTitle))* · " + t(.cohortRegionsCountRegions, ["regions_count": "\(r.regions.count)"])
    if !r.failures.isEmpty {
      out += " · " + t(.cohortFailuresCountFilesCouldNot, ["failures_count": "\(r.failures.count)"])
    }
    return out
  }

  /// Each city's stage per pillar, in table order, with the legend of its marks.
  static func cohortHeatmap(_ r: CohortReport, _ t: Localizer) -> String {
    var out = "\n\n## " + t(.cohortStagesByCity) + "\n\n"
    if let note = r.rankingNote(t) { out += e(note) + "\n\n" }
    out +=
      "| # | " + t(.cohortCity) + " | " + t(.cohortRegion) + " | " + r.pillarNames.map(e).joined(separator: " | ")
      + " | " + t(.cohortOverall) + " |\n"
    out += "|--:|---|---|" + String(repeating: ":-:|", count: r.pillarNames.count + 1) + "\n"
    for (index, city) in r.cities.enumerated() {
      out += "| \(index + 1) | [\(e(city.name))](#\(city.anchor)) | \(e(city.region ?? "")) | "
      out +=
        city.stages.enumerated().map { pillar, stage in
          guard stage > 0 else { return e(StatusMark.notAssessed.glyph) }
          return String(stage)
            + (Confidence.from(coverage: city.coverage[pillar]) == .low ? e(StatusMark.lowConfidence.glyph) : "")
        }.joined(separator: " | ") + " | \(city.overall.map(String.init) ?? "—") |\n"
    }
    out +=
      "\n" + e(StatusMark.lowConfidence.glyph)
      + t(.cohortLowConfidenceManyAnswersUnknown)
      + "; " + e(StatusMark.notAssessed.glyph) + " " + t.notAssessed + "\n"
    return out
  }

  /// How many cities stand at each stage, per pillar.
  static func cohortDistribution(_ r: CohortReport, _ t: Localizer) -> String {
    var out = "\n## " + t(.cohortDistributionStagesPerPillar) + "\n\n"
    out +=
      "| " + t(.batchPillar) + " | " + r.stageNames.enumerated().map { "\($0 + 1) \(e($1))" }.joined(separator: " | ")
      + " | "
      + t(.wordNotAssessedTitle) + " |\n"
    out += "|---|" + String(repeating: "--:|", count: r.stageNames.count + 1) + "\n"
    for (pillar, name) in r.pillarNames.enumerated() {
      out +=
        "| \(e(name)) | " + r.all.stageCounts[pillar].map(String.init).joined(separator: " | ")
        + " | \(r.all.notAssessed[pillar]) |\n"
    }
    return out
  }

  /// The median score and stage per pillar, for all cities and per region.
  static func cohortMedians(_ r: CohortReport, _ t: Localizer) -> String {
    var out = "\n## " + t(.cohortMedians) + "\n\n"
    out +=
      "| " + t(.cohortGroup) + " | " + t(.cohortCities) + " | " + r.pillarNames.map(e).joined(separator: " | ") + " | "
      + t(.cohortOverall) + " |\n"
    out += "|---|--:|" + String(repeating: "--:|", count: r.pillarNames.count + 1) + "\n"
    for group in [r.all] + r.regions {
      out += "| \(e(group.name)) | \(group.cities) | "
      out += r.pillarNames.indices.map { pillar in
        (group.medianScore[pillar].map { ValueText.number($0, r.language) } ?? "—")
          + (group.medianStage[pillar].map { " (\($0))" } ?? "")
      }.joined(separator: " | ")
      out += " | \(group.medianOverall.map(String.init) ?? "—") |\n"
    }
    return out
  }

  /// One section per city: where it stands per pillar, against the cohort and its region.
  static func cohortCities(_ r: CohortReport, _ t: Localizer) -> String {
    var out = "\n## " + t(.cohortCities) + "\n"
    for city in r.cities {
      out += "\n<a id=\"\(city.anchor)\"></a>\n\n### \(e(city.name))"
      if let overall = city.overall { out += " — \(overall) \(e(r.stageNames[max(1, min(overall, r.topStage)) - 1]))" }
      out += "\n\n"
      let place = [city.country, city.region].compactMap { $0 }.joined(separator: " · ")
      out += (place.isEmpty ? "" : e(place) + " · ") + "`\(code(city.path))`\n\n"
      out +=
        "| " + t(.batchPillar) + " | " + t(.batchStage) + " | " + t(.cohortScore) + " | " + t(.cohortAhead) + " | "
        + t(.cohortVsMedian) + " | " + t(.cohortVsRegion) + " |\n|---|---|--:|--:|--:|--:|\n"
      for pillar in r.pillarNames.indices {
        let stage = city.stages[pillar]
        guard stage > 0 else {
          out += "| \(e(r.pillarNames[pillar])) | \(e(t.notAssessed)) | — | — | — | — |\n"
          continue
        }
        out += "| \(e(r.pillarNames[pillar])) | \(stage) \(e(r.stageNames[max(1, min(stage, r.topStage)) - 1])) | "
        out +=
          "\(ValueText.number(city.scores[pillar], r.language)) | \(city.percentile[pillar].map(t.percent) ?? "—") | "
        out +=
          "\(city.versusCohort[pillar].map { ChangeText.signed($0, r.language) } ?? "—") | \(city.versusRegion[pillar].map { ChangeText.signed($0, r.language) } ?? "—") |\n"
      }
      if !city.topSolutions.isEmpty {
        out +=
          "\n" + t.label(.cohortTopRecommendations) + city.topSolutions.map(e).joined(separator: t.semicolon) + "\n"
      }
    }
    return out
  }

  /// The files that could not be read, then the survey, rules and engine the report rests on.
  static func cohortFooter(_ r: CohortReport, _ t: Localizer) -> String {
    var out = ""
    if !r.failures.isEmpty {
      out += "\n## " + t(.cohortFilesThatCouldNotBe) + "\n\n"
      for failure in r.failures { out += "- `\(code(failure.path))`: \(e(t(failure.message)))\n" }
    }
    out +=
      "\n---\n\n*" + t(.cohortSurvey) + " `\(code(r.survey))` sha256 `\(r.surveyHash.prefix(16))` · " + t(.cohortRules)
      + " "
    out += r.rules.map { "`\(code($0.id)) \($0.version)` sha256 `\($0.hash.prefix(16))`" }.joined(separator: ", ")
    out += " · Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)*\n"
    return out
  }

  /// The metrics section: aggregates per group, then each city's values.
  static func metrics(_ r: CohortReport, _ t: Localizer) -> String {
    guard !r.metrics.isEmpty else { return "" }
    func table(_ header: [String], _ rows: [[String]], numericFrom: Int) -> String {
      var out = "| " + header.map(e).joined(separator: " | ") + " |\n|"
      out += header.indices.map { $0 >= numericFrom ? "--:|" : "---|" }.joined() + "\n"
      for row in rows { out += "| " + row.map(e).joined(separator: " | ") + " |\n" }
      return out
    }
    let aggregates = r.metricAggregateRows(t)
    let byCity = r.metricCityRows(t)
    var out = "\n## " + t(.cohortMetrics) + "\n\n" + e(t(.cohortMetricsIntro)) + "\n\n"
    out += table(aggregates.header, aggregates.rows, numericFrom: 2)
    out += "\n### " + t(.cohortMetricsByCity) + "\n\n"
    if let note = r.rankingNote(t) { out += e(note) + "\n\n" }
    out += table(byCity.header, byCity.rows, numericFrom: r.ranking == nil ? 1 : 2)
    return out
  }

  package static func progress(_ r: ProgressReport, summaryOnly: Bool = false) -> String {
    let t = Localizer(r.language)
    var out = "# " + t(.cohortProgress) + ": \(e(r.city))\n\n"
    out += "`\(code(r.beforeFile))` (\(e(r.beforeDate ?? "?"))) → `\(code(r.afterFile))` (\(e(r.afterDate ?? "?")))\n\n"
    for caution in r.cautions { out += "> " + t(.cohortCaution) + ": \(e(caution))\n\n" }
    out +=
      "| " + t(.batchPillar) + " | " + t(.cohortBefore) + " | " + t(.cohortNow) + " | " + t(.cohortStageChange) + " | "
      + t(.cohortScoreChange) + " |\n|---|---|---|:-:|--:|\n"
    for pillar in r.pillars {
      var before = pillar.before.map { "\($0.stage) \(e($0.name)) (\(ValueText.number($0.score, r.language)))" } ?? "—"
      if pillar.before != nil && !pillar.assessedBefore { before = e(t.notAssessed) }
      let after =
        pillar.assessedAfter
        ? "\(pillar.after.stage) \(e(pillar.after.name)) (\(ValueText.number(pillar.after.score, r.language)))"
        : e(t.notAssessed)
      out +=
        "| \(e(pillar.name)) | \(before) | \(after) | \(ChangeText.arrow(pillar.stageChange)) | \(ChangeText.signed(pillar.scoreChange, r.language)) |\n"
    }
    if let before = r.overall.before, let after = r.overall.after {
      out += "\n" + t(.cohortOverallStage) + ": \(before) → \(after)\n"
    }
    out += "\n## " + t(.progressWhatMoved) + "\n\n"
    for line in r.moved.isEmpty ? [t(.progressNothingMoved)] : r.moved { out += "- \(e(line))\n" }
    out += "- \(e(r.criteriaCounts))\n"
    out += steps(r.nextSteps, heading: t(.progressWhatNext))
    guard !summaryOnly else { return out }
    out += section(t(.cohortCriteriaNewlyMet), r.newlyMet, t)
    out += section(t(.cohortCriteriaNoLongerMet), r.lost, t)
    out += section(t(.cohortUnknownsNowAnsweredNotMet), r.clarified, t)
    out += "\n## " + t(.cohortRecommendationsDone) + "\n\n"
    if r.done.isEmpty { out += t(.cohortNoneEarlierRecommendationsHasAll) + "\n" }
    for item in r.done {
      out +=
        "- **\(e(item.name))** (\(e(item.city)))" + t.locale.punctuated(":") + " "
        + item.criteria.map(e).joined(separator: t.semicolon) + "\n"
    }
    if !r.newRecommendations.isEmpty {
      out += "\n## " + t(.cohortNewRecommendations) + "\n\n"
      for name in r.newRecommendations { out += "- \(e(name))\n" }
    }
    out += "\n---\n\n*Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)*\n"
    return out
  }

  static func section(_ title: String, _ changes: [ProgressReport.CriterionChange], _ t: Localizer) -> String {
    guard !changes.isEmpty else { return "" }
    var out = "\n## \(title) (\(changes.count))\n\n"
    for change in changes {
      out +=
        "- \(e(change.pillar)), " + t(.diffStage)
        + " \(change.stage): \(e(change.title)) *(\(t.outcome(change.before)) → \(t.outcome(change.after)))*\n"
    }
    return out
  }
}
