import ActivatorCore

extension HTMLReport {
  package static func cohort(_ r: CohortReport, paper: Paper = .auto) -> String {
    let t = Localizer(r.language)
    let title = t(.reportPageTitle, ["name": .text(r.heading(t)), "survey": .text(r.surveyTitle)])
    return HTMLPage.render(title: title, language: r.language, paper: paper, topStage: r.topStage) { page in
      page.open("header")
      page.element("p", [("class", "kicker")], text: r.surveyTitle)
      page.element("h1", text: r.heading(t))
      var facts = [t(.cohortRegionsCountRegions, ["regions_count": "\(r.regions.count)"])]
      if !r.failures.isEmpty {
        facts.append(t(.cohortFailuresCountFilesCouldNot, ["failures_count": "\(r.failures.count)"]))
      }
      page.element("p", [("class", "muted")], text: facts.joined(separator: " · "))
      page.close("header")
      page.open("nav", [("class", "toc"), ("aria-label", t(.reportContents))])
      page.element("a", [("href", "#heatmap")], text: t(.cohortStagesByCity))
      page.element("a", [("href", "#distribution")], text: t(.cohortDistribution))
      page.element("a", [("href", "#medians")], text: t(.cohortMedians))
      if !r.metrics.isEmpty { page.element("a", [("href", "#metrics")], text: t(.cohortMetrics)) }
      page.element("a", [("href", "#cities")], text: t(.cohortCities))
      page.close("nav")
      page.newline()
      heatmap(&page, r, t)
      distribution(&page, r, t)
      medians(&page, r, t)
      metrics(&page, r, t)
      citySections(&page, r, t)
      if !r.failures.isEmpty {
        page.open("section", [("id", "failures")])
        page.element("h2", text: t(.cohortFilesThatCouldNotBe))
        page.open("ul", [("class", "small")])
        for failure in r.failures {
          page.open("li")
          page.element("code", text: failure.path)
          page.text(t.locale.punctuated(":") + " " + t(failure.message))
          page.close("li")
        }
        page.close("ul")
        page.close("section")
      }
      page.open("footer", [("class", "provenance")])
      page.open("p")
      page.text(t(.cohortSurvey) + " ")
      page.element("code", text: r.survey)
      page.text(" sha256 ")
      page.element("code", text: String(r.surveyHash.prefix(16)))
      page.text(" · " + t(.cohortRules) + " ")
      page.text(r.rules.map { "\($0.id) \($0.version) (sha256 \($0.hash.prefix(16)))" }.joined(separator: ", "))
      page.close("p")
      page.element("p", text: "Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)")
      page.close("footer")
    }
  }

  static func heatmap(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "heatmap")])
    page.element("h2", text: t(.cohortStagesByCity))
    page.element(
      "p", [("class", "muted small")],
      text: t(.cohortOneRowPerCityOrdered))
    let pillars = r.pillarNames.map { HTMLTable.Column($0, numeric: false) }
    let table = HTMLTable(
      caption: t(.cohortStagePerPillarByCity), captionShown: false, classes: "heatmap",
      columns: [.init("#", numeric: true), .init(t(.cohortCity)), .init(t(.cohortRegion))] + pillars + [
        .init(t(.cohortOverall))
      ],
      rowHeader: 1)
    table.write(&page) { rows in
      for (index, city) in r.cities.enumerated() {
        rows.row { row in
          row.text(String(index + 1), classes: "muted")
          row.cell(classes: "city") { $0.element("a", [("href", "#\(city.anchor)")], text: city.name) }
          row.text(city.region ?? "", classes: "small")
          for (pillar, stage) in city.stages.enumerated() {
            guard stage > 0 else {
              row.cell(classes: "cell") { StatusMark.notAssessed.write(&$0, t) }
              continue
            }
            row.cell(classes: "cell s\(max(1, min(stage, r.topStage)))") { cell in
              cell.text(String(stage))
              if Confidence.from(coverage: city.coverage[pillar]) == .low {
                StatusMark.lowConfidence.write(&cell, t, words: " " + StatusMark.lowConfidence.words(t))
              }
            }
          }
          if let overall = city.overall {
            row.text(String(overall), classes: "cell s\(max(1, min(overall, r.topStage)))")
          } else {
            row.text("—")
          }
        }
      }
    }
    page.open("p", [("class", "small muted")])
    for level in 1...max(1, r.topStage) {
      HTMLPage.stage(&page, level, r.stageNames[level - 1], top: r.topStage)
      page.text(" ")
    }
    if r.all.notAssessed.contains(where: { $0 > 0 }) {
      page.element("span", [("aria-hidden", "true")], text: StatusMark.notAssessed.glyph)
      page.text(" " + t.notAssessed + " ")
    }
    page.text(
      " " + StatusMark.lowConfidence.glyph
        + t(.cohortLowConfidenceManyAnswersUnknown))
    page.close("p")
    page.close("section")
    page.newline()
  }

  /// How many cities are at each stage in each pillar: a table whose cells hold the count and a
  /// bar of the cohort's share, so the stage is told by its column, never by colour alone.
  static func distribution(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "distribution")])
    page.element("h2", text: t(.cohortDistributionStagesPerPillar))
    let stages = r.stageNames.enumerated().map { HTMLTable.Column("\($0 + 1) \($1)") }
    let table = HTMLTable(
      caption: t(.cohortCitiesAtEachStagePer, ["all_cities": "\(r.all.cities)"]),
      classes: "counts", columns: [.init(t(.batchPillar))] + stages + [.init(t(.wordNotAssessedTitle), numeric: true)])
    table.write(&page) { rows in
      for (pillar, name) in r.pillarNames.enumerated() {
        rows.row { row in
          row.text(name)
          for (index, count) in r.all.stageCounts[pillar].prefix(r.stageNames.count).enumerated() {
            row.cell(classes: count == 0 ? "muted" : "") { cell in
              if count > 0 {
                let width = 5 * Double(count) / Double(max(1, r.all.cities))
                cell.element(
                  "span", [("class", "bar s\(index + 1)"), ("style", "width: \(Coordinate.text(max(0.15, width)))em")],
                  text: "")
              }
              cell.text(String(count))
            }
          }
          row.text(String(r.all.notAssessed[pillar]), classes: r.all.notAssessed[pillar] == 0 ? "muted" : "")
        }
      }
    }
    page.close("section")
    page.newline()
  }

  static func medians(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "medians")])
    page.element("h2", text: t(.cohortMedians))
    page.element(
      "p", [("class", "muted small")],
      text: t(.cohortMedianScorePerPillarStage))
    let table = HTMLTable(
      caption: t(.cohortMedianScorePerPillar), captionShown: false,
      columns: [.init(t(.cohortGroup)), .init(t(.cohortCities), numeric: true)]
        + r.pillarNames.map { .init($0, numeric: true) }
        + [.init(t(.cohortOverall), numeric: true)])
    table.write(&page) { rows in
      for group in [r.all] + r.regions {
        rows.row { row in
          row.text(group.name)
          row.text(String(group.cities))
          for pillar in r.pillarNames.indices {
            let score = group.medianScore[pillar].map { ValueText.number($0, r.language) } ?? "—"
            row.text(score + (group.medianStage[pillar].map { " (\($0))" } ?? ""))
          }
          row.text(group.medianOverall.map(String.init) ?? "—")
        }
      }
    }
    page.close("section")
    page.newline()
  }

  /// Aggregates per group, then each city's values (in the ranking's order when there is one).
  static func metrics(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    guard !r.metrics.isEmpty else { return }
    page.open("section", [("id", "metrics")])
    page.element("h2", text: t(.cohortMetrics))
    page.element("p", [("class", "muted small")], text: t(.cohortMetricsIntro))
    let aggregates = r.metricAggregateRows(t)
    HTMLTable(
      caption: t(.cohortMetrics), captionShown: false,
      columns: aggregates.header.enumerated().map { .init($1, numeric: $0 >= 2) }
    )
    .write(&page) { rows in
      for cells in aggregates.rows { rows.row { row in for cell in cells { row.text(cell) } } }
    }
    page.element("h3", text: t(.cohortMetricsByCity))
    if let note = r.rankingNote(t) { page.element("p", [("class", "muted small")], text: note) }
    let byCity = r.metricCityRows(t)
    let cityColumn = r.ranking == nil ? 0 : 1
    var table = HTMLTable(
      caption: t(.cohortMetricsByCity), captionShown: false,
      columns: byCity.header.enumerated().map { .init($1, numeric: $0 != cityColumn) })
    table.rowHeader = cityColumn
    table.write(&page) { rows in
      for cells in byCity.rows { rows.row { row in for cell in cells { row.text(cell) } } }
    }
    page.close("section")
    page.newline()
  }

  static func citySections(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "cities")])
    page.element("h2", text: t(.cohortCities))
    for city in r.cities {
      page.open("div", [("class", "card"), ("id", city.anchor)])
      page.open("h3")
      page.text(city.name + " ")
      if let overall = city.overall {
        HTMLPage.stage(&page, overall, r.stageNames[max(1, min(overall, r.topStage)) - 1], top: r.topStage)
      }
      page.close("h3")
      let place = [city.country, city.region].compactMap { $0 }.joined(separator: " · ")
      page.open("p", [("class", "muted small")])
      if !place.isEmpty { page.text(place + " · ") }
      page.element("code", text: city.path)
      page.close("p")
      let table = HTMLTable(
        caption: t(.cohortCityNameAgainstCohortPer, ["city_name": "\(city.name)"]), captionShown: false,
        classes: "small",
        columns: [
          .init(t(.batchPillar)), .init(t(.batchStage)), .init(t(.cohortScore), numeric: true),
          .init(t(.cohortAhead), numeric: true), .init(t(.cohortVsMedian), numeric: true),
          .init(t(.cohortVsRegion), numeric: true),
        ])
      table.write(&page) { rows in
        for pillar in r.pillarNames.indices {
          rows.row { row in
            row.text(r.pillarNames[pillar])
            let stage = city.stages[pillar]
            guard stage > 0 else {
              row.text(t.notAssessed)
              for _ in 0..<4 { row.text("—", classes: "muted") }
              return
            }
            row.cell { HTMLPage.stage(&$0, stage, r.stageNames[max(1, min(stage, r.topStage)) - 1], top: r.topStage) }
            row.text(ValueText.number(city.scores[pillar], r.language))
            row.text(city.percentile[pillar].map(t.percent) ?? "—")
            if let versus = city.versusCohort[pillar] {
              delta(&row, versus, r.language)
            } else {
              row.text("—", classes: "muted")
            }
            if let versus = city.versusRegion[pillar] {
              delta(&row, versus, r.language)
            } else {
              row.text("—", classes: "muted")
            }
          }
        }
      }
      if !city.topSolutions.isEmpty {
        page.element(
          "p", [("class", "small")],
          text: t.label(.cohortTopRecommendations) + city.topSolutions.joined(separator: t.semicolon))
      }
      page.close("div")
      page.newline()
    }
    page.close("section")
  }

  static func delta(_ row: inout HTMLTable.Cells, _ value: Double, _ language: String) {
    let rounded = (value * 100).rounded() / 100
    row.text(ChangeText.signed(value, language), classes: rounded > 0 ? "up" : rounded < 0 ? "down" : "muted")
  }
}
