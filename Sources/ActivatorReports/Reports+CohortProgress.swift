import ActivatorCore

extension MarkdownReport {
  public static func cohort(_ r: CohortReport) -> String {
    let t = Localizer(r.language)
    var out = "# " + t(.cohortSmartCityDiagnosisCohortCities, ["cities_count": "\(r.cities.count)"]) + "\n\n"
    out += "*\(e(r.surveyTitle))* · " + t(.cohortRegionsCountRegions, ["regions_count": "\(r.regions.count)"])
    if !r.failures.isEmpty { out += " · " + t(.cohortFailuresCountFilesCouldNot, ["failures_count": "\(r.failures.count)"]) }
    out += "\n\n## " + t(.cohortStagesByCity) + "\n\n"
    out += "| # | " + t(.cohortCity) + " | " + t(.cohortRegion) + " | " + r.pillarNames.map(e).joined(separator: " | ") + " | " + t(.cohortOverall) + " |\n"
    out += "|--:|---|---|" + String(repeating: ":-:|", count: r.pillarNames.count + 1) + "\n"
    for (index, city) in r.cities.enumerated() {
      out += "| \(index + 1) | [\(e(city.name))](#\(city.anchor)) | \(e(city.region ?? "")) | "
      out += city.stages.enumerated().map { pillar, stage in
        String(stage) + (Confidence.from(coverage: city.coverage[pillar]) == .low ? e(StatusMark.lowConfidence.glyph) : "")
      }.joined(separator: " | ") + " | \(city.overall.map(String.init) ?? "—") |\n"
    }
    out += "\n" + e(StatusMark.lowConfidence.glyph)
      + t(.cohortLowConfidenceManyAnswersUnknown) + "\n"
    out += "\n## " + t(.cohortDistributionStagesPerPillar) + "\n\n"
    out += "| " + t(.batchPillar) + " | " + r.stageNames.enumerated().map { "\($0 + 1) \(e($1))" }.joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "--:|", count: r.stageNames.count) + "\n"
    for (pillar, name) in r.pillarNames.enumerated() {
      out += "| \(e(name)) | " + r.all.stageCounts[pillar].map(String.init).joined(separator: " | ") + " |\n"
    }
    out += "\n## " + t(.cohortMedians) + "\n\n"
    out += "| " + t(.cohortGroup) + " | " + t(.cohortCities) + " | " + r.pillarNames.map(e).joined(separator: " | ") + " | " + t(.cohortOverall) + " |\n"
    out += "|---|--:|" + String(repeating: "--:|", count: r.pillarNames.count + 1) + "\n"
    for group in [r.all] + r.regions {
      out += "| \(e(group.name)) | \(group.cities) | "
      out += r.pillarNames.indices.map { pillar in
        (group.medianScore[pillar].map { ValueText.number($0, r.language) } ?? "—") + (group.medianStage[pillar].map { " (\($0))" } ?? "")
      }.joined(separator: " | ")
      out += " | \(group.medianOverall.map(String.init) ?? "—") |\n"
    }
    out += "\n## " + t(.cohortCities) + "\n"
    for city in r.cities {
      out += "\n<a id=\"\(city.anchor)\"></a>\n\n### \(e(city.name))"
      if let overall = city.overall { out += " — \(overall) \(e(r.stageNames[max(1, min(overall, r.topStage)) - 1]))" }
      out += "\n\n"
      let place = [city.country, city.region].compactMap { $0 }.joined(separator: " · ")
      out += (place.isEmpty ? "" : e(place) + " · ") + "`\(code(city.path))`\n\n"
      out += "| " + t(.batchPillar) + " | " + t(.batchStage) + " | " + t(.cohortScore) + " | " + t(.cohortAhead) + " | "
        + t(.cohortVsMedian) + " | " + t(.cohortVsRegion) + " |\n|---|---|--:|--:|--:|--:|\n"
      for pillar in r.pillarNames.indices {
        let stage = city.stages[pillar]
        out += "| \(e(r.pillarNames[pillar])) | \(stage) \(e(r.stageNames[max(1, min(stage, r.topStage)) - 1])) | "
        out += "\(ValueText.number(city.scores[pillar], r.language)) | \(t.percent(city.percentile[pillar])) | "
        out += "\(signed(city.versusCohort[pillar], r.language)) | \(city.versusRegion[pillar].map { signed($0, r.language) } ?? "—") |\n"
      }
      if !city.topSolutions.isEmpty {
        out += "\n" + t(.cohortTopRecommendations) + ": " + city.topSolutions.map(e).joined(separator: "; ") + "\n"
      }
    }
    if !r.failures.isEmpty {
      out += "\n## " + t(.cohortFilesThatCouldNotBe) + "\n\n"
      for failure in r.failures { out += "- `\(code(failure.path))`: \(e(t(failure.message)))\n" }
    }
    out += "\n---\n\n*" + t(.cohortSurvey) + " `\(code(r.survey))` sha256 `\(r.surveyHash.prefix(16))` · " + t(.cohortRules) + " "
    out += r.rules.map { "`\(code($0.id)) \($0.version)` sha256 `\($0.hash.prefix(16))`" }.joined(separator: ", ")
    out += " · Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)*\n"
    return out
  }

  static func signed(_ value: Double, _ language: String) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded > 0 ? "+" + ValueText.number(rounded, language) : rounded < 0 ? "−" + ValueText.number(-rounded, language) : "±0"
  }

  public static func progress(_ r: ProgressReport) -> String {
    let t = Localizer(r.language)
    var out = "# " + t(.cohortProgress) + ": \(e(r.city))\n\n"
    out += "`\(code(r.beforeFile))` (\(e(r.beforeDate ?? "?"))) → `\(code(r.afterFile))` (\(e(r.afterDate ?? "?")))\n\n"
    for caution in r.cautions { out += "> " + t(.cohortCaution) + ": \(e(caution))\n\n" }
    out += "| " + t(.batchPillar) + " | " + t(.cohortBefore) + " | " + t(.cohortNow) + " | " + t(.cohortStageChange) + " | "
      + t(.cohortScoreChange) + " |\n|---|---|---|:-:|--:|\n"
    for pillar in r.pillars {
      let before = pillar.before.map { "\($0.stage) \(e($0.name)) (\(ValueText.number($0.score, r.language)))" } ?? "—"
      let after = "\(pillar.after.stage) \(e(pillar.after.name)) (\(ValueText.number(pillar.after.score, r.language)))"
      out += "| \(e(pillar.name)) | \(before) | \(after) | \(arrow(pillar.stageChange)) | \(signed(pillar.scoreChange, r.language)) |\n"
    }
    if let before = r.overall.before, let after = r.overall.after {
      out += "\n" + t(.cohortOverallStage) + ": \(before) → \(after)\n"
    }
    out += section(t(.cohortCriteriaNewlyMet), r.newlyMet, t)
    out += section(t(.cohortCriteriaNoLongerMet), r.lost, t)
    out += section(t(.cohortUnknownsNowAnsweredNotMet), r.clarified, t)
    out += "\n## " + t(.cohortRecommendationsDone) + "\n\n"
    if r.done.isEmpty { out += t(.cohortNoneEarlierRecommendationsHasAll) + "\n" }
    for item in r.done {
      out += "- **\(e(item.name))** (\(e(item.city))): " + item.criteria.map(e).joined(separator: "; ") + "\n"
    }
    if !r.newRecommendations.isEmpty {
      out += "\n## " + t(.cohortNewRecommendations) + "\n\n"
      for name in r.newRecommendations { out += "- \(e(name))\n" }
    }
    out += "\n---\n\n*Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)*\n"
    return out
  }

  static func arrow(_ change: Int) -> String {
    change > 0 ? "▲ +\(change)" : change < 0 ? "▼ −\(-change)" : "="
  }

  static func section(_ title: String, _ changes: [ProgressReport.CriterionChange], _ t: Localizer) -> String {
    guard !changes.isEmpty else { return "" }
    var out = "\n## \(title) (\(changes.count))\n\n"
    for change in changes {
      out += "- \(e(change.pillar)), " + t(.diffStage) + " \(change.stage): \(e(change.title)) *(\(t.outcome(change.before)) → \(t.outcome(change.after)))*\n"
    }
    return out
  }
}

extension HTMLReport {
  public static func progress(_ r: ProgressReport, paper: Paper = .auto) -> String {
    let t = Localizer(r.language)
    let title = t(.cohortProgress) + ": " + r.city
    return HTMLPage.render(title: title, language: r.language, paper: paper, topStage: r.topStage) { page in
      page.open("header")
      page.element("p", [("class", "kicker")], text: t(.cohortProgressBetweenTwoAssessments))
      page.element("h1", text: r.city)
      page.open("p", [("class", "muted")])
      page.element("code", text: r.beforeFile)
      page.text(" (\(r.beforeDate ?? "?")) → ")
      page.element("code", text: r.afterFile)
      page.text(" (\(r.afterDate ?? "?"))")
      page.close("p")
      page.close("header")
      for caution in r.cautions { page.element("p", [("class", "card fail")], text: t(.cohortCaution) + ": " + caution) }
      page.open("section", [("class", "summary")])
      page.open("figure")
      page.raw(
        Charts.radar(
          labels: r.pillars.map(\.name), scores: r.pillars.map(\.after.score), targets: r.pillars.map { $0.before?.stage },
          top: r.topStage, title: t(.cohortNowFilledBeforeDashed)))
      page.element("figcaption", [("class", "muted small")], text: t(.cohortFilledNowDashedEarlierStage))
      page.close("figure")
      let table = HTMLTable(
        caption: t(.cohortStageScorePerPillarBefore),
        columns: [
          .init(t(.batchPillar)), .init(t(.cohortBefore)), .init(t(.cohortNow)), .init(t(.cohortStageChange), numeric: true),
          .init(t(.cohortScoreChange), numeric: true),
        ])
      table.write(&page) { rows in
        for pillar in r.pillars {
          rows.row { row in
            row.text(pillar.name)
            row.cell { cell in
              if let before = pillar.before {
                HTMLPage.stage(&cell, before.stage, before.name, top: r.topStage)
                cell.text(" (\(ValueText.number(before.score, r.language)))")
              } else {
                cell.text("—")
              }
            }
            row.cell { cell in
              HTMLPage.stage(&cell, pillar.after.stage, pillar.after.name, top: r.topStage)
              cell.text(" (\(ValueText.number(pillar.after.score, r.language)))")
            }
            let change = pillar.stageChange
            row.text(MarkdownReport.arrow(change), classes: change > 0 ? "up" : change < 0 ? "down" : "muted")
            delta(&row, pillar.scoreChange, r.language)
          }
        }
      }
      page.close("section")
      for (title, changes) in [
        (t(.cohortCriteriaNewlyMet), r.newlyMet),
        (t(.cohortCriteriaNoLongerMet), r.lost),
        (t(.cohortUnknownsNowAnsweredNotMet), r.clarified),
      ] where !changes.isEmpty {
        page.element("h2", text: "\(title) (\(changes.count))")
        page.open("ul", [("class", "criteria")])
        for change in changes {
          page.open("li", [("class", change.after.name)])
          StatusMark(change.after).write(&page, t, suffix: ": ")
          page.text("\(change.pillar): \(change.title)")
          HTMLReport.ruleID(&page, change.id)
          page.element("span", [("class", "detail")], text: "\(t.outcome(change.before)) → \(t.outcome(change.after)) · " + t(.diffStage) + " \(change.stage)")
          page.close("li")
        }
        page.close("ul")
      }
      page.element("h2", text: t(.cohortRecommendationsDone))
      if r.done.isEmpty {
        page.element("p", [("class", "muted")], text: t(.cohortNoneEarlierRecommendationsHasAll))
      } else {
        page.open("ul")
        for item in r.done {
          page.open("li")
          page.element("strong", text: item.name)
          page.text(" (\(item.city)): " + item.criteria.joined(separator: "; "))
          page.close("li")
        }
        page.close("ul")
      }
      if !r.newRecommendations.isEmpty {
        page.element("h2", text: t(.cohortNewRecommendations))
        page.open("ul")
        for name in r.newRecommendations { page.element("li", text: name) }
        page.close("ul")
      }
      page.open("footer", [("class", "provenance")])
      page.element("p", text: "Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)")
      page.close("footer")
    }
  }
}
