import ActivatorCore

/// The HTML reports: one city, a cohort, or one city's progress between two assessments, each
/// one self-contained page laid out for `paper` when printed. Every string from a file reaches
/// the page through `Markup`, which escapes it.
public struct HTMLReport: ReportRenderer {
  public var paper: Paper
  /// Only the one-page summary of a city or progress report (`report --summary`).
  public var summaryOnly: Bool

  public init(paper: Paper = .auto, summaryOnly: Bool = false) {
    self.paper = paper
    self.summaryOnly = summaryOnly
  }

  public func render(_ document: ReportDocument) -> String {
    switch document {
    case .city(let report): Self.city(report, paper: paper, summaryOnly: summaryOnly)
    case .cohort(let report): Self.cohort(report, paper: paper)
    case .progress(let report): Self.progress(report, paper: paper, summaryOnly: summaryOnly)
    }
  }

  // MARK: - One city

  public static func city(_ r: CityReport, paper: Paper = .auto, summaryOnly: Bool = false) -> String {
    let t = Localizer(r.language)
    return HTMLPage.render(title: r.title, language: r.language, paper: paper, topStage: r.topStage) { page in
      // The first printed page, what a mayor forwards: it must fit one A4 and one Letter page.
      page.open("section", [("class", "one-page"), ("aria-label", t(.reportSummary))])
      header(&page, r, t)
      summary(&page, r, t, links: !summaryOnly)
      HTMLPage.steps(&page, r.summarySteps, t)
      // Plain weight: a bold paragraph before another reads as a heading that is not one.
      if let strongest = r.strongest { page.element("p", [("class", "strongest")], text: strongest) }
      if !summaryOnly { page.element("p", [("class", "muted small")], text: t(.reportSummaryAppendix)) }
      page.close("section")
      page.newline()
      guard !summaryOnly else { return }
      page.open("nav", [("class", "toc"), ("aria-label", t(.reportContents))])
      for pillar in r.pillars { page.element("a", [("href", "#pillar-\(pillar.id)")], text: pillar.name) }
      if !r.recommendations.isEmpty { page.element("a", [("href", "#recommendations")], text: t(.reportRecommendations)) }
      if !r.roadmap.isEmpty { page.element("a", [("href", "#roadmap")], text: t(.reportRoadmap)) }
      if !r.nextSteps.isEmpty { page.element("a", [("href", "#next-steps")], text: t(.reportNextSteps)) }
      if !r.figures.isEmpty { page.element("a", [("href", "#figures")], text: t(.reportFiguresTitle)) }
      page.close("nav")
      page.newline()
      for pillar in r.pillars { pillarSection(&page, pillar, r, t) }
      recommendations(&page, r, t)
      roadmap(&page, r, t)
      nextSteps(&page, r, t)
      metricsAndAnswers(&page, r, t)
      figures(&page, r, t)
      provenance(&page, r.provenance, t)
    }
  }

  static func header(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    page.open("header")
    page.element("p", [("class", "kicker")], text: r.surveyTitle)
    page.element("h1", text: r.city)
    let place = [r.country, r.region].compactMap { $0 }.joined(separator: " · ")
    var facts: [String] = []
    if !place.isEmpty { facts.append(place) }
    if let respondent = r.respondent { facts.append(t(.reportAnsweredBy) + " " + respondent) }
    if let completed = r.completed { facts.append(t(.reportCompleted) + " " + completed) }
    facts.append(r.dated)
    page.element("p", [("class", "muted")], text: facts.joined(separator: " · "))
    if let overall = r.overall, let name = r.overallName {
      page.open("p")
      page.text(t(.cohortOverallStage) + ": ")
      HTMLPage.stage(&page, overall, name, top: r.topStage)
      page.element("span", [("class", "muted small")], text: " " + r.overallNote)
      page.close("p")
    } else if r.hasPillars {
      page.element("p", text: t(.cohortOverallStage) + ": " + r.overallText)
    }
    if let age = r.dataAge { page.element("p", [("class", "muted small")], text: age) }
    page.close("header")
    page.newline()
  }

  /// `links`: pillar names link to their sections (not on the summary alone, which has none).
  static func summary(_ page: inout Markup, _ r: CityReport, _ t: Localizer, links: Bool = true) {
    page.open("section", [("class", "summary")])
    page.open("figure")
    page.raw(
      Charts.radar(
        labels: r.pillars.map { $0.assessed ? $0.name : "\($0.name) (\(t.notAssessed))" },
        scores: r.pillars.map { $0.assessed ? $0.score : 0 }, targets: r.pillars.map(\.target), top: r.topStage,
        title: t(.reportStagePerPillar)))
    page.open("figcaption", [("class", "muted small")])
    page.text(t(.reportFilledCurrentScore))
    if r.pillars.contains(where: { $0.target != nil }) { page.text(t(.reportDashedTargetStage)) }
    page.close("figcaption")
    page.close("figure")
    page.open("div")
    let table = HTMLTable(
      caption: t(.reportStagePerPillar),
      columns: [
        .init(t(.batchPillar)), .init(t(.batchStage)), .init(t(.cohortScore), numeric: true),
        .init(t(.reportCoverage), numeric: true), .init(t(.reportTarget)),
      ])
    table.write(&page) { rows in
      for pillar in r.pillars {
        rows.row { row in
          row.cell { cell in
            if links { cell.element("a", [("href", "#pillar-\(pillar.id)")], text: pillar.name) } else { cell.text(pillar.name) }
          }
          if pillar.assessed {
            row.cell { HTMLPage.stage(&$0, pillar.stage, pillar.stageName, top: r.topStage) }
            row.text(ValueText.number(pillar.score, r.language))
          } else {
            row.cell { StatusMark.notAssessed.write(&$0, t, words: t.notAssessed); $0.text(" " + t.notAssessed) }
            row.text("—")
          }
          row.cell { cell in
            cell.text(t.percent(pillar.coverage))
            if pillar.confidence == .low {
              cell.text(" ")
              StatusMark.lowConfidence.write(&cell, t)
            }
          }
          row.text(pillar.target.map { "\($0) \(stageName(r, $0))" } ?? "—")
        }
      }
    }
    page.element(
      "p", [("class", "muted small")],
      text: r.method)
    page.close("div")
    page.close("section")
    page.newline()
  }

  static func stageName(_ r: CityReport, _ level: Int) -> String {
    level >= 1 && level <= r.stageNames.count ? r.stageNames[level - 1] : String(level)
  }

  static func pillarSection(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ r: CityReport, _ t: Localizer) {
    page.open("section", [("class", "pillar"), ("id", "pillar-\(pillar.id)")])
    page.open("h2")
    page.text(pillar.name + " ")
    if pillar.assessed {
      HTMLPage.stage(&page, pillar.stage, pillar.stageName, top: r.topStage)
    } else {
      page.element("span", [("class", "muted")], text: "— " + t.notAssessed)
    }
    page.close("h2")
    if let description = pillar.description, !description.isEmpty { page.element("p", [("class", "muted")], text: description) }
    if let need = pillar.need {
      page.element("p", [("class", "card next")], text: t(.reportNotAssessedBecause, ["need": .text(need)]))
    } else {
      page.raw(
        Charts.ladder(
          stage: pillar.stage, target: pillar.target, names: r.stageNames,
          title: t(.reportPillarNameStagePillarStage, ["pillar_name": "\(pillar.name)", "pillar_stage": "\(pillar.stage)", "top_stage": "\(r.topStage)"])))
    }
    if !pillar.outcomes.isEmpty {
      page.element("p", [("class", "small")], text: t(.reportOutcomesBesideStage, ["outcomes": .text(pillar.outcomes.joined(separator: "; "))]))
    }
    var facts = [
      t(.reportCoverage2) + " " + t.percent(pillar.coverage) + " (" + t(.reportConfidence) + " " + t.confidence(pillar.confidence) + ")"
    ]
    if pillar.assessed { facts.insert(t(.cohortScore) + " " + ValueText.number(pillar.score, r.language), at: 0) }
    if let target = pillar.target, pillar.assessed {
      facts.append(
        t(.reportTarget2) + " \(target) \(stageName(r, target))"
          + (target <= pillar.stage ? " — " + t(.reportReached) : ""))
    }
    if pillar.assessed && pillar.potential > pillar.stage {
      facts.append(
        t(.reportCouldReachPillarPotentialStage, ["pillar_potential": "\(pillar.potential)", "stage_name": "\(stageName(r, pillar.potential))"]))
    }
    page.element("p", text: facts.joined(separator: " · "))

    if !pillar.evidence.isEmpty {
      let table = HTMLTable(
        caption: t(.reportPillarNameCriteriaMetAt, ["pillar_name": "\(pillar.name)"]),
        classes: "evidence",
        columns: [
          .init(t(.reportStageGate)), .init(t(.reportCriteriaMet), numeric: true),
          .init(t(.reportWeightedShare), numeric: true), .init(t(.reportPassed)),
        ])
      table.write(&page) { rows in
        for gate in pillar.evidence {
          rows.row { row in
            row.text("\(gate.stage) \(gate.name)")
            row.text("\(gate.met) / \(gate.criteria)")
            row.text(t.percent(gate.share))
            row.cell { cell in
              let mark: StatusMark = gate.passed ? .met : .unmet
              mark.write(&cell, t, words: gate.passed ? t(.reportPassed2) : t(.reportNotPassed))
            }
          }
        }
      }
    }

    if let next = pillar.next {
      page.open("div", [("class", "card next")])
      page.element("h3", text: t(.reportNeededForStageNextStage, ["next_stage": "\(next.stage)", "next_name": "\(next.name)"]))
      page.element(
        "p",
        text: t(.reportMeetAtLeastNextNeeded, ["next_needed_count": "\(next.neededCount)", "candidates_count": "\(next.candidates.count)"]))
      criteriaList(&page, next.candidates, t, details: true)
      if !next.nearMisses.isEmpty {
        page.element("p", [("class", "small")], text: t(.reportNearMisses) + ":")
        page.open("ul", [("class", "small")])
        for miss in next.nearMisses { page.element("li", text: miss) }
        page.close("ul")
      }
      page.close("div")
    } else if pillar.assessed {
      page.element("p", [("class", "pass")], text: t(.reportTopStageReached))
    }

    for column in CityReport.columns(pillar, t) where !column.lines.isEmpty {
      page.element("h3", text: column.title)
      criteriaList(&page, column.lines, t, details: column.details, compact: true)
    }
    if !pillar.notApplicable.isEmpty {
      page.element(
        "p", [("class", "muted small")],
        text: t(.reportNotApplicableHere) + ": " + pillar.notApplicable.map(\.title).joined(separator: "; "))
    }
    if !pillar.findings.isEmpty {
      page.element("h3", text: t(.reportFindings))
      page.open("ul")
      for finding in pillar.findings { page.element("li", text: finding) }
      page.close("ul")
    }
    page.close("section")
    page.newline()
  }

  static func criteriaList(_ page: inout Markup, _ lines: [CityReport.CriterionLine], _ t: Localizer, details: Bool, compact: Bool = false) {
    page.open("ul", [("class", compact ? "criteria compact" : "criteria")])
    for line in lines {
      page.open("li", [("class", line.outcome.name)])
      StatusMark(line.outcome).write(&page, t, suffix: ": ")
      page.text(line.title)
      page.element("span", [("class", "badge")], text: t(.diffStage) + " \(line.stage)")
      ruleID(&page, line.id)
      if details, let finding = line.finding { page.element("span", [("class", "detail")], text: finding) }
      if details, !line.answers.isEmpty { page.element("span", [("class", "detail")], text: line.answers.joined(separator: " · ")) }
      page.close("li")
    }
    page.close("ul")
  }

  /// A criterion's id, shown small (staff look it up with `activator explain`), never only in
  /// a tooltip that keyboards and touch screens cannot reach.
  static func ruleID(_ page: inout Markup, _ id: String) {
    page.element("code", [("class", "rule-id")], text: id)
  }

  static func recommendations(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.recommendations.isEmpty else { return }
    page.open("section", [("id", "recommendations")])
    page.element("h2", text: t(.reportRecommendedSolutions))
    page.element(
      "p", [("class", "muted")],
      text: t(.reportProvenProjectsFromOtherCities))
    for item in r.recommendations {
      page.open("div", [("class", "card")])
      page.open("h3")
      page.element("span", [("class", "rank")], text: String(item.rank))
      page.text(" " + item.name)
      page.close("h3")
      let origin = [item.city, item.country, item.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
      page.element("p", [("class", "muted")], text: "\(origin) · \(item.pillar) · " + t(.reportFitsStages) + " \(item.stageRange)")
      page.open("p")
      page.element("strong", text: t(.reportWhatItSolved) + ": ")
      page.text(item.problem)
      page.close("p")
      page.open("p")
      page.element("strong", text: t(.reportWhatItDoes) + ": ")
      page.text(item.solution)
      page.close("p")
      page.element("p", [("class", "small")], text: t(.reportWhyItRecommended) + ":")
      page.open("ul", [("class", "small")])
      for reason in item.reasons { page.element("li", text: reason) }
      page.close("ul")
      if !item.fits {
        page.element(
          "p", [("class", "small muted")],
          text: t(.reportSuitsCitiesAtStagesStage, ["stage_range": "\(item.stageRange)"]))
      }
      for need in item.checkFirst {
        page.element("p", [("class", "small")], text: t(.reportCheckFirst) + ": " + need)
      }
      if item.source != nil || !item.verified {
        page.open("p", [("class", "small muted")])
        if let source = item.source { HTMLPage.source(&page, source, about: item.name, t) }
        if !item.verified { page.text(" " + t(.reportNotYetVerifiedAgainstIts)) }
        page.close("p")
      }
      page.close("div")
    }
    page.close("section")
    page.newline()
  }

  static func roadmap(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.roadmap.isEmpty else { return }
    page.open("section", [("id", "roadmap")])
    page.element("h2", text: t(.reportRoadmap))
    page.element(
      "p", [("class", "muted")],
      text: t(.reportPillarByPillarCityS))
    page.open("ol", [("class", "roadmap")])
    for step in r.roadmap {
      page.open("li")
      page.open("strong")
      page.text(step.pillar + ": ")
      page.close("strong")
      if step.consolidates {
        page.text(t(.reportConsolidateStage) + " ")
      } else {
        page.text(t(.reportReachStage) + " ")
      }
      HTMLPage.stage(&page, step.stage, step.stageName, top: r.topStage)
      if step.neededCount > 0 && !step.consolidates {
        page.text(" — " + t(.reportMeetStepNeededCount, ["step_needed_count": "\(step.neededCount)"]))
      }
      page.open("ul", [("class", "small")])
      for criterion in step.criteria { page.element("li", text: criterion) }
      page.close("ul")
      if !step.solutions.isEmpty {
        page.element("p", [("class", "small muted")], text: t(.reportSolutions) + ": " + step.solutions.joined(separator: "; "))
      }
      if !step.unlocks.isEmpty {
        page.element("p", [("class", "small muted")], text: t(.reportThenPossible) + ": " + step.unlocks.joined(separator: "; "))
      }
      if !step.programmes.isEmpty {
        page.element("p", [("class", "small muted")], text: t(.reportWegoCanHelp) + ": " + step.programmes.joined(separator: "; "))
      }
      page.close("li")
    }
    page.close("ol")
    page.close("section")
    page.newline()
  }

  static func nextSteps(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.nextSteps.isEmpty else { return }
    page.open("section", [("id", "next-steps")])
    page.element("h2", text: t(.reportNextStepsWithWego))
    for step in r.nextSteps {
      page.open("div", [("class", "card")])
      page.open("h3")
      page.text(step.name + " ")
      page.element("span", [("class", "badge")], text: step.step)
      page.close("h3")
      page.element("p", text: step.description)
      if !step.because.isEmpty {
        page.open("ul", [("class", "small")])
        for reason in step.because { page.element("li", text: reason) }
        page.close("ul")
      }
      for note in step.notes { page.element("p", [("class", "small muted")], text: note) }
      if let source = step.source {
        page.open("p", [("class", "small muted")])
        HTMLPage.source(&page, source, about: step.name, t)
        page.close("p")
      }
      page.close("div")
    }
    page.close("section")
    page.newline()
  }

  static func metricsAndAnswers(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    page.open("section", [("id", "metrics")])
    if !r.metrics.isEmpty {
      page.element("h2", text: t(.reportMetrics))
      let table = HTMLTable(
        caption: t(.reportMetrics), captionShown: false,
        columns: [.init(t(.reportMetric)), .init(t(.reportValue), numeric: true)])
      table.write(&page) { rows in
        for metric in r.metrics {
          rows.row { row in
            row.text(metric.title)
            row.text(metric.value)
          }
        }
      }
    }
    page.element("h2", text: t(.reportAboutAnswers))
    page.element("p", text: r.answerSummary)
    if !r.notes.isEmpty {
      page.open("ul")
      for note in r.notes { page.element("li", text: note) }
      page.close("ul")
    }
    page.close("section")
    page.newline()
  }

  /// The annex of figures: what each number counts and where it comes from.
  static func figures(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.figures.isEmpty else { return }
    page.open("section", [("id", "figures")])
    page.element("h2", text: t(.reportFiguresTitle))
    page.element("p", [("class", "muted small")], text: t(.reportFiguresIntro))
    page.open("dl", [("class", "figures small")])
    for figure in r.figures {
      page.element("dt", text: figure.figure)
      page.element("dd", text: figure.details.joined(separator: " · "))
    }
    page.close("dl")
    page.close("section")
    page.newline()
  }

  static func provenance(_ page: inout Markup, _ p: CityReport.Provenance, _ t: Localizer) {
    page.open("footer", [("class", "provenance")])
    page.open("p")
    page.text(t(.reportAnswers) + ": ")
    page.element("code", text: p.file)
    page.text(" · " + t(.reportSurvey) + " ")
    page.element("code", text: "\(p.survey) \(p.surveyVersion)")
    if p.answeredVersion != p.surveyVersion { page.text(" (" + t(.reportAnsweredAs) + " \(p.answeredVersion))") }
    page.text(" sha256 ")
    page.element("code", text: String(p.surveyHash.prefix(16)))
    page.close("p")
    page.open("p")
    page.text(t(.reportRules) + ": ")
    for (index, rule) in p.rules.enumerated() {
      if index > 0 { page.text(", ") }
      page.element("code", text: "\(rule.id) \(rule.version)")
      page.text(" sha256 ")
      page.element("code", text: String(rule.hash.prefix(16)))
    }
    page.text(" · " + t(.reportRuleSet) + " ")
    page.element("code", text: String(p.rulesHash.prefix(16)))
    page.close("p")
    page.element("p", text: "Activator \(p.engine) · " + t(.cohortGenerated) + " \(p.date)")
    page.close("footer")
  }
}
