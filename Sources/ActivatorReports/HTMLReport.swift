import ActivatorCore

/// The HTML reports: one city, a cohort, or one city's progress between two assessments, each
/// one self-contained page laid out for `paper` when printed. Every string from a file reaches
/// the page through `Markup`, which escapes it.
package struct HTMLReport: ReportRenderer {
  package var paper: Paper
  /// Only the one-page summary of a city or progress report (`report --summary`).
  package var summaryOnly: Bool

  package init(paper: Paper = .auto, summaryOnly: Bool = false) {
    self.paper = paper
    self.summaryOnly = summaryOnly
  }

  package func render(_ document: ReportDocument) -> String {
    switch document {
    case .city(let report): Self.city(report, paper: paper, summaryOnly: summaryOnly)
    case .cohort(let report): Self.cohort(report, paper: paper)
    case .progress(let report): Self.progress(report, paper: paper, summaryOnly: summaryOnly)
    }
  }

  // MARK: - One city

  package static func city(_ r: CityReport, paper: Paper = .auto, summaryOnly: Bool = false) -> String {
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
      if !r.recommendations.isEmpty {
        page.element("a", [("href", "#recommendations")], text: t(.reportRecommendations))
      }
      if !r.roadmap.isEmpty { page.element("a", [("href", "#roadmap")], text: t(.reportRoadmap)) }
      if !r.nextSteps.isEmpty { page.element("a", [("href", "#next-steps")], text: t(.reportNextSteps)) }
      if !r.figures.isEmpty { page.element("a", [("href", "#figures")], text: t(.reportFiguresTitle)) }
      if !r.sources.isEmpty { page.element("a", [("href", "#sources")], text: t(.reportSources)) }
      page.close("nav")
      page.newline()
      for pillar in r.pillars { pillarSection(&page, pillar, r, t) }
      recommendations(&page, r, t)
      roadmap(&page, r, t)
      nextSteps(&page, r, t)
      metricsAndAnswers(&page, r, t)
      figures(&page, r, t)
      sources(&page, r, t)
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
    if let year = r.dataYear { facts.append(year) }
    if r.hasPillars { facts.append(r.pillarsAssessed) }
    page.element("p", [("class", "muted")], text: facts.joined(separator: " · "))
    if let overall = r.overall, let name = r.overallName {
      page.open("p")
      page.text(t.label(.cohortOverallStage))
      HTMLPage.stage(&page, overall, name, top: r.topStage)
      page.element("span", [("class", "muted small")], text: " " + r.overallNote)
      page.close("p")
    } else if r.hasPillars {
      page.element("p", text: t.label(.cohortOverallStage) + r.overallText)
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
            if links {
              cell.element("a", [("href", "#pillar-\(pillar.id)")], text: pillar.name)
            } else {
              cell.text(pillar.name)
            }
          }
          if pillar.assessed {
            row.cell { HTMLPage.stage(&$0, pillar.stage, pillar.stageName, top: r.topStage) }
            row.text(ValueText.number(pillar.score, r.language))
          } else {
            row.cell {
              StatusMark.notAssessed.write(&$0, t, words: t.notAssessed)
              $0.text(" " + t.notAssessed)
            }
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

  /// One pillar, said once: its stage on the ladder (score and coverage are in the summary's
  /// table), the stage gates, what the next stage needs, then every other criterion in one table.
  static func pillarSection(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ r: CityReport, _ t: Localizer) {
    page.open("section", [("class", "pillar"), ("id", "pillar-\(pillar.id)")])
    pillarHeading(&page, pillar, r, t)
    if !pillar.evidence.isEmpty { gateTable(&page, pillar, t) }
    if let next = pillar.next {
      nextStage(&page, next, pillar: pillar.name, t)
    } else if pillar.assessed {
      page.element("p", [("class", "pass")], text: t(.reportTopStageReached))
    }
    reachedGaps(&page, pillar, t)
    strengths(&page, pillar, t)
    otherCriteria(&page, pillar, t)
    if !pillar.findings.isEmpty {
      page.element("h3", text: t(.reportFindings))
      page.open("ul", [("class", "small")])
      for finding in pillar.findings { page.element("li", text: finding) }
      page.close("ul")
    }
    page.close("section")
    page.newline()
  }

  static func pillarHeading(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ r: CityReport, _ t: Localizer) {
    page.open("h2")
    page.text(pillar.name + " ")
    if pillar.assessed {
      HTMLPage.stage(&page, pillar.stage, pillar.stageName, top: r.topStage)
    } else {
      page.element("span", [("class", "muted")], text: "— " + t.notAssessed)
    }
    page.close("h2")
    if let description = pillar.description, !description.isEmpty {
      page.element("p", [("class", "muted small")], text: description)
    }
    if let need = pillar.need {
      page.element("p", [("class", "card next")], text: t(.reportNotAssessedBecause, ["need": .text(need)]))
    } else {
      page.raw(
        Charts.ladder(
          stage: pillar.stage, target: pillar.target, names: r.stageNames,
          title: t(
            .reportPillarNameStagePillarStage,
            ["pillar_name": "\(pillar.name)", "pillar_stage": "\(pillar.stage)", "top_stage": "\(r.topStage)"])))
    }
    let facts = pillarFacts(pillar, r, t)
    if !facts.isEmpty { page.element("p", [("class", "small")], text: facts.joined(separator: " · ")) }
  }

  /// What the summary's table does not say about a pillar: its outcomes, its target, and the
  /// stage favourable unknown answers would give.
  static func pillarFacts(_ pillar: CityReport.PillarSection, _ r: CityReport, _ t: Localizer) -> [String] {
    var facts: [String] = []
    if !pillar.outcomes.isEmpty {
      facts.append(t(.reportOutcomesBesideStage, ["outcomes": .text(pillar.outcomes.joined(separator: t.semicolon))]))
    }
    if let target = pillar.target, pillar.assessed {
      facts.append(
        t(.reportTarget2) + " \(target) \(stageName(r, target))"
          + (target <= pillar.stage ? " — " + t(.reportReached) : ""))
    }
    if pillar.assessed && pillar.potential > pillar.stage {
      facts.append(
        t(
          .reportCouldReachPillarPotentialStage,
          ["pillar_potential": "\(pillar.potential)", "stage_name": "\(stageName(r, pillar.potential))"]))
    }
    return facts
  }

  static func gateTable(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ t: Localizer) {
    let table = HTMLTable(
      caption: t(.reportPillarNameCriteriaMetAt, ["pillar_name": "\(pillar.name)"]),
      classes: "evidence small",
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

  /// The next stage's criteria as one table (what is needed, the city's answer, the status in
  /// words, a near miss with how far it is), each unmet one with the rule author's explanation
  /// once.
  static func nextStage(_ page: inout Markup, _ next: CityReport.NextStage, pillar: String, _ t: Localizer) {
    page.open("div", [("class", "card next")])
    let heading = t(.reportNeededForStageNextStage, ["next_stage": "\(next.stage)", "next_name": "\(next.name)"])
    page.element("h3", text: heading)
    page.element(
      "p",
      text: t(
        .reportMeetAtLeastNextNeeded,
        ["next_needed_count": "\(next.neededCount)", "candidates_count": "\(next.candidates.count)"]))
    // Named by its pillar too: two pillars may need the same stage, and each table is a region.
    let table = HTMLTable(
      caption: t.locale.labelled(pillar) + heading, captionShown: false, classes: "next-table small",
      columns: [.init(t(.reportCriterion)), .init(t(.reportCityAnswer)), .init(t(.reportStatus))])
    table.write(&page) { rows in
      for (line, explanation) in CityReport.nextStageRows(next) {
        rows.row { row in
          row.cell { cell in
            cell.text(line.title)
            ruleID(&cell, line.id)
            if let explanation { cell.element("span", [("class", "detail")], text: explanation) }
          }
          row.text(line.answers.joined(separator: " · "))
          row.cell { cell in
            let mark = StatusMark(line.outcome)
            mark.write(&cell, shownWords: line.nearMiss ?? mark.words(t))
          }
        }
      }
    }
    page.close("div")
  }

  /// The unmet criteria of the stages already reached, one line each: what is needed, the stage,
  /// the city's answer and the rule author's explanation once.
  static func reachedGaps(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ t: Localizer) {
    let rows = CityReport.reachedGaps(pillar)
    guard !rows.isEmpty else { return }
    page.open("p", [("class", "small reached-title")])
    StatusMark.unmet.write(&page, t, suffix: " ")
    page.element("strong", text: t(.reportReachedGaps) + " (\(rows.count))")
    page.close("p")
    page.open("ul", [("class", "small reached-gaps")])
    for (line, explanation) in rows {
      page.open("li")
      page.text(line.title + " (" + t(.diffStage) + " \(line.stage))")
      ruleID(&page, line.id)
      if !line.answers.isEmpty { page.text(" — " + line.answers.joined(separator: " · ")) }
      if let explanation { page.element("span", [("class", "muted")], text: " " + explanation) }
      page.close("li")
    }
    page.close("ul")
  }

  /// The met criteria in one paragraph, by what they are about ("stages 2–4").
  static func strengths(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ t: Localizer) {
    criteriaParagraph(&page, .met, t(.reportStrengths), CityReport.otherStrengths(pillar), t)
  }

  /// The criteria not met beyond the next stage's, then the unknown and the inapplicable ones,
  /// each as one paragraph by what they are about: the next stage's table says what to act on
  /// first, these how far the rest is.
  static func otherCriteria(_ page: inout Markup, _ pillar: CityReport.PillarSection, _ t: Localizer) {
    criteriaParagraph(&page, .unmet, t(.reportGaps), CityReport.otherGaps(pillar), t)
    criteriaParagraph(&page, .unknown, t(.reportUnknowns), CityReport.otherUnknowns(pillar), t)
    criteriaParagraph(&page, .notApplicable, StatusMark.notApplicable.words(t), pillar.notApplicable, t)
  }

  /// "✓ Strengths (19): Online procedures (stages 2–3); …", or nothing for no criteria.
  static func criteriaParagraph(
    _ page: inout Markup, _ mark: StatusMark, _ title: String, _ lines: [CityReport.CriterionLine], _ t: Localizer
  ) {
    guard !lines.isEmpty else { return }
    page.open("p", [("class", "small criteria-list")])
    mark.write(&page, t, suffix: " ")
    page.element("strong", text: t.locale.labelled(title + " (\(lines.count))"))
    page.text(CityReport.collapsed(lines).map { CityReport.stepped($0, t) }.joined(separator: t.semicolon))
    page.close("p")
  }

  /// A criterion's id, shown small (staff look it up with `activator explain`), never only in
  /// a tooltip that keyboards and touch screens cannot reach.
  static func ruleID(_ page: inout Markup, _ id: String) {
    page.element("code", [("class", "rule-id")], text: id)
  }

  /// One table: each solution, where it runs, what it does, the gap it works towards and its
  /// source by number (`activator explain` gives every factor of its rank).
  static func recommendations(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.recommendations.isEmpty else { return }
    page.open("section", [("id", "recommendations")])
    page.element("h2", text: t(.reportRecommendedSolutions))
    page.element(
      "p", [("class", "muted small")],
      text: t(.reportProvenProjectsFromOtherCities) + " " + t(.reportRecommendationsExplain))
    let table = HTMLTable(
      caption: t(.reportRecommendedSolutions), captionShown: false, classes: "small two-columns",
      columns: [.init(t(.reportSolution)), .init(t(.reportWhatItDoes))])
    table.write(&page) { rows in
      for item in r.recommendations {
        rows.row { row in
          row.cell { cell in
            cell.element("strong", text: "\(item.rank). \(item.name)")
            let origin = [item.city, item.country, item.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
            cell.element(
              "span", [("class", "detail")], text: origin + " · " + t(.reportFitsStages) + " \(item.stageRange)")
            if let number = item.sourceNumber { HTMLPage.sourceReference(&cell, number, about: item.name, t) }
            if !item.verified { cell.element("span", [("class", "detail")], text: t(.reportNotYetVerifiedAgainstIts)) }
            if !item.fits {
              cell.element(
                "span", [("class", "detail")],
                text: t(.reportSuitsCitiesAtStagesStage, ["stage_range": "\(item.stageRange)"]))
            }
          }
          row.cell { cell in
            cell.element("span", [("class", "detail")], text: item.problem)
            cell.text(item.solution)
            for need in item.checkFirst {
              cell.element("span", [("class", "detail")], text: t.label(.reportCheckFirst) + need)
            }
            // What it works towards, last: the description beside the name has the width.
            cell.element(
              "span", [("class", "detail")],
              text: t.label(.reportTowards) + item.pillar + (item.towards.map { " — " + $0 } ?? ""))
          }
        }
      }
    }
    page.close("section")
    page.newline()
  }

  /// The roadmap as one table: each step, what it needs (the criteria are listed under the
  /// pillar), the solutions that help, what it makes possible and the WeGO programme for it.
  static func roadmap(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.roadmap.isEmpty else { return }
    page.open("section", [("id", "roadmap")])
    page.element("h2", text: t(.reportRoadmap))
    page.element("p", [("class", "muted small")], text: t(.reportPillarByPillarCityS))
    let table = HTMLTable(
      caption: t(.reportRoadmap), captionShown: false, classes: "small",
      columns: [.init(t(.batchStage)), .init(t(.reportCriteriaToMeet)), .init(t(.reportSolutions))])
    table.write(&page) { rows in
      for (index, step) in r.roadmap.enumerated() {
        rows.row { row in
          row.cell { cell in
            cell.text(
              t.locale.labelled("\(index + 1). \(step.pillar)")
                + (step.consolidates ? t(.reportConsolidateStage) : t(.reportReachStage))
                + " ")
            HTMLPage.stage(&cell, step.stage, step.stageName, top: r.topStage)
          }
          row.cell { cell in
            if step.neededCount > 0 && !step.consolidates {
              cell.element(
                "span", [("class", "detail")],
                text: t(.reportMeetStepNeededCount, ["step_needed_count": "\(step.neededCount)"]))
            }
            // The pillar's section lists every criterion; the roadmap names those that come first.
            cell.text(t.shortList(step.criteria, limit: 3))
          }
          row.cell { cell in
            cell.text(step.solutions.joined(separator: t.semicolon))
            if !step.unlocks.isEmpty {
              cell.element(
                "span", [("class", "detail")],
                text: t.label(.reportThenPossible) + step.unlocks.joined(separator: t.semicolon))
            }
            if !step.programmes.isEmpty {
              cell.element(
                "span", [("class", "detail")],
                text: t.label(.reportWegoCanHelp) + step.programmes.joined(separator: t.semicolon))
            }
          }
        }
      }
    }
    page.close("section")
    page.newline()
  }

  /// The WeGO programmes as one table: each with its step on the chain and its source, what it
  /// offers, and why the city's answers point to it (with whom WeGO offers it to).
  static func nextSteps(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.nextSteps.isEmpty else { return }
    page.open("section", [("id", "next-steps")])
    page.element("h2", text: t(.reportNextStepsWithWego))
    let table = HTMLTable(
      caption: t(.reportNextStepsWithWego), captionShown: false, classes: "small",
      columns: [.init(t(.reportProgramme)), .init(t(.reportWhatItDoes)), .init(t(.reportWhy))])
    table.write(&page) { rows in
      for step in r.nextSteps {
        rows.row { row in
          row.cell { cell in
            cell.element("strong", text: step.name)
            cell.element("span", [("class", "detail")], text: step.step)
            if let number = step.sourceNumber { HTMLPage.sourceReference(&cell, number, about: step.name, t) }
          }
          row.text(step.description)
          row.cell { cell in
            for reason in step.because { cell.element("span", [("class", "line")], text: reason) }
            for note in step.notes { cell.element("span", [("class", "detail")], text: note) }
          }
        }
      }
    }
    page.close("section")
    page.newline()
  }

  static func metricsAndAnswers(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    page.open("section", [("id", "metrics")])
    if !r.metrics.isEmpty {
      page.element("h2", text: t(.reportMetrics))
      let table = HTMLTable(
        caption: t(.reportMetrics), captionShown: false, classes: "small",
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

  /// The annex of definitions: every figure the city gave by its short label, what it counts,
  /// then the indicator it follows, who usually holds it and the source the city named. Printed
  /// in two columns of small type, as an annex is read to look one figure up: a table of the same
  /// took half as many pages again, its narrow first column mostly empty.
  static func figures(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.figures.isEmpty else { return }
    page.open("section", [("id", "figures")])
    page.element("h2", text: t(.reportFiguresTitle))
    page.element("p", [("class", "muted small")], text: t(.reportFiguresIntro))
    page.open("dl", [("class", "figures small")])
    for figure in r.figures {
      page.open("div")
      page.element("dt", text: figure.figure)
      page.open("dd")
      if let definition = figure.definition { page.text(definition) }
      let sources = [figure.indicator].compactMap { $0 } + figure.sources
      if !sources.isEmpty { page.element("span", [("class", "detail")], text: sources.joined(separator: " · ")) }
      page.close("dd")
      page.close("div")
    }
    page.close("dl")
    page.close("section")
    page.newline()
  }

  /// Every web source of the report, once, numbered as the items above cite them.
  static func sources(_ page: inout Markup, _ r: CityReport, _ t: Localizer) {
    guard !r.sources.isEmpty else { return }
    page.open("section", [("id", "sources")])
    page.element("h2", text: t(.reportSources))
    page.element("p", [("class", "muted small")], text: t(.reportSourcesIntro))
    page.open("ol", [("class", "sources small")])
    for (index, source) in r.sources.enumerated() {
      page.open("li", [("id", "source-\(index + 1)")])
      page.open("a", [("href", source), ("class", "source"), ("rel", "noopener noreferrer")])
      page.text(Markup.site(source))
      page.close("a")
      page.close("li")
    }
    page.close("ol")
    page.close("section")
    page.newline()
  }

  static func provenance(_ page: inout Markup, _ p: CityReport.Provenance, _ t: Localizer) {
    page.open("footer", [("class", "provenance")])
    page.open("p")
    page.text(t.label(.reportAnswers))
    page.element("code", text: p.file)
    page.text(" · " + t(.reportSurvey) + " ")
    page.element("code", text: "\(p.survey) \(p.surveyVersion)")
    if p.answeredVersion != p.surveyVersion { page.text(" (" + t(.reportAnsweredAs) + " \(p.answeredVersion))") }
    page.text(" sha256 ")
    page.element("code", text: String(p.surveyHash.prefix(16)))
    page.close("p")
    page.open("p")
    page.text(t.label(.reportRules))
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
