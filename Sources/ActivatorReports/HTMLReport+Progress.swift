import ActivatorCore

extension HTMLReport {
  package static func progress(_ r: ProgressReport, paper: Paper = .auto, summaryOnly: Bool = false) -> String {
    let t = Localizer(r.language)
    let title = t.label(.cohortProgress) + r.city
    return HTMLPage.render(title: title, language: r.language, paper: paper, topStage: r.topStage) { page in
      progressSummary(&page, r, t)
      guard !summaryOnly else { return }
      criteriaChanges(&page, r, t)
      recommendationChanges(&page, r, t)
      page.open("footer", [("class", "provenance")])
      page.element("p", text: "Activator \(r.engine) · " + t(.cohortGenerated) + " \(r.date)")
      page.close("footer")
    }
  }

  /// The summary page: the two assessments, the radar and table of both, what moved, what next.
  static func progressSummary(_ page: inout Markup, _ r: ProgressReport, _ t: Localizer) {
    page.open("section", [("class", "one-page"), ("aria-label", t(.reportSummary))])
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
    for caution in r.cautions { page.element("p", [("class", "card fail")], text: t.label(.cohortCaution) + caution) }
    progressTable(&page, r, t)
    page.element("h2", [("class", "steps-title")], text: t(.progressWhatMoved))
    page.open("ul", [("class", "moved")])
    for line in r.moved { page.element("li", text: line) }
    if r.moved.isEmpty { page.element("li", text: t(.progressNothingMoved)) }
    page.element("li", text: r.criteriaCounts)
    page.close("ul")
    HTMLPage.steps(&page, r.nextSteps, t, heading: t(.progressWhatNext))
    page.close("section")
    page.newline()
  }

  static func progressTable(_ page: inout Markup, _ r: ProgressReport, _ t: Localizer) {
    page.open("section", [("class", "summary progress")])
    page.open("figure")
    page.raw(
      Charts.radar(
        labels: r.pillars.map(\.name), scores: r.pillars.map(\.after.score),
        targets: r.pillars.map { $0.before?.stage },
        top: r.topStage, title: t(.cohortNowFilledBeforeDashed)))
    page.element("figcaption", [("class", "muted small")], text: t(.cohortFilledNowDashedEarlierStage))
    page.close("figure")
    let table = HTMLTable(
      caption: t(.cohortStageScorePerPillarBefore), classes: "progress",
      columns: [
        .init(t(.batchPillar)), .init(t(.cohortBefore)), .init(t(.cohortNow)),
        .init(t(.cohortStageChange), numeric: true),
        .init(t(.cohortScoreChange), numeric: true),
      ])
    table.write(&page) { rows in
      for pillar in r.pillars {
        rows.row { row in
          row.text(pillar.name)
          row.cell { cell in
            if pillar.before != nil && !pillar.assessedBefore {
              cell.text(t.notAssessed)
            } else if let before = pillar.before {
              HTMLPage.stage(&cell, before.stage, before.name, top: r.topStage)
              cell.text(" (\(ValueText.number(before.score, r.language)))")
            } else {
              cell.text("—")
            }
          }
          row.cell { cell in
            guard pillar.assessedAfter else {
              cell.text(t.notAssessed)
              return
            }
            HTMLPage.stage(&cell, pillar.after.stage, pillar.after.name, top: r.topStage)
            cell.text(" (\(ValueText.number(pillar.after.score, r.language)))")
          }
          let change = pillar.stageChange
          row.text(ChangeText.arrow(change), classes: change > 0 ? "up" : change < 0 ? "down" : "muted")
          delta(&row, pillar.scoreChange, r.language)
        }
      }
    }
    page.close("section")
  }

  static func criteriaChanges(_ page: inout Markup, _ r: ProgressReport, _ t: Localizer) {
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
        page.element(
          "span", [("class", "detail")],
          text: "\(t.outcome(change.before)) → \(t.outcome(change.after)) · " + t(.diffStage) + " \(change.stage)")
        page.close("li")
      }
      page.close("ul")
    }
  }

  static func recommendationChanges(_ page: inout Markup, _ r: ProgressReport, _ t: Localizer) {
    page.element("h2", text: t(.cohortRecommendationsDone))
    if r.done.isEmpty {
      page.element("p", [("class", "muted")], text: t(.cohortNoneEarlierRecommendationsHasAll))
    } else {
      page.open("ul")
      for item in r.done {
        page.open("li")
        page.element("strong", text: item.name)
        page.text(" (\(item.city))" + t.locale.punctuated(":") + " " + item.criteria.joined(separator: t.semicolon))
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
  }
}
