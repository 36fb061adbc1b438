import ActivatorCore

/// Text for Markdown (CommonMark and GitHub's tables): anything that could become markup, a
/// link or raw HTML is backslash-escaped, and line breaks are folded so text cannot start a
/// heading or break out of a table row.
package enum MarkdownText {
  /// In a right-to-left report, left-to-right runs (numbers, ids, Latin names) are isolated with
  /// FSI … PDI (`Bidi`), which Markdown viewers pass on to the text.
  package static func escape(_ text: String) -> String {
    guard Markup.rightToLeftPage else { return plain(text) }
    return Bidi.isolatingLeftToRightRuns(text, escape: plain) {
      String(Bidi.isolateStart) + $0 + String(Bidi.isolateEnd)
    }
  }

  static func plain(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var previousWasSpace = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
        out += "\\"
        out.unicodeScalars.append(scalar)
        previousWasSpace = false
      case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
        if !previousWasSpace { out += " " }
        previousWasSpace = true
      default:
        // Controls a terminal or a viewer would act on (C0, DEL, C1) and bidirectional overrides.
        if InertText.isActive(scalar, keepingLines: false) { continue }
        out.unicodeScalars.append(scalar)
        previousWasSpace = scalar == " "
      }
    }
    return out
  }

  /// A link whose target passed `Markup.safeURL`; the visible text is escaped.
  static func link(_ text: String, _ url: String) -> String {
    guard let safe = Markup.safeURL(url) else { return escape(text) }
    let target = safe.replacing("(", with: "%28").replacing(")", with: "%29").replacing(" ", with: "%20")
    return "[\(escape(text))](<\(target)>)"
  }
}

/// The Markdown reports: the same content as the HTML ones, with tables instead of charts.
package struct MarkdownReport: ReportRenderer {
  /// Only the summary of a city or progress report (`report --summary`).
  package var summaryOnly: Bool

  package init(summaryOnly: Bool = false) { self.summaryOnly = summaryOnly }

  package func render(_ document: ReportDocument) -> String {
    Markup.$rightToLeftPage.withValue(Localizer(document.language).locale.rightToLeft) {
      switch document {
      case .city(let report): Self.city(report, summaryOnly: summaryOnly)
      case .cohort(let report): Self.cohort(report)
      case .progress(let report): Self.progress(report, summaryOnly: summaryOnly)
      }
    }
  }

  /// The summary's next steps as a numbered list.
  static func steps(_ steps: [CityReport.SummaryStep], heading: String) -> String {
    guard !steps.isEmpty else { return "" }
    var out = "\n## \(e(heading))\n\n"
    for (index, step) in steps.enumerated() { out += "\(index + 1). **\(e(step.title))**  \n   \(e(step.why))\n" }
    return out
  }

  static func e(_ text: String) -> String { MarkdownText.escape(text) }

  static func stageCell(_ level: Int, _ name: String) -> String { "\(level) \(e(name))" }

  /// ■■■□□ for a stage on the ladder.
  static func ladder(_ stage: Int, top: Int) -> String {
    String(repeating: "■", count: max(0, min(stage, top))) + String(repeating: "□", count: max(0, top - stage))
  }

  package static func city(_ r: CityReport, summaryOnly: Bool = false) -> String {
    let t = Localizer(r.language)
    var out = citySummary(r, t)
    guard !summaryOnly else { return out }
    out += "\n*" + e(t(.reportSummaryAppendix)) + "*\n"
    for pillar in r.pillars { out += self.pillar(pillar, r, t) }
    out += recommendations(r, t) + roadmap(r, t) + nextSteps(r, t)
    if !r.metrics.isEmpty {
      out += "\n## " + t(.reportMetrics) + "\n\n| " + t(.reportMetric) + " | " + t(.reportValue) + " |\n|---|--:|\n"
      for metric in r.metrics { out += "| \(e(metric.title)) | \(e(metric.value)) |\n" }
    }
    out += "\n## " + t(.reportAboutAnswers) + "\n\n" + e(r.answerSummary) + "\n"
    if !r.notes.isEmpty {
      out += "\n"
      for note in r.notes { out += "- \(e(note))\n" }
    }
    out += figures(r, t) + sources(r, t)
    out += "\n---\n\n" + provenance(r.provenance, t)
    return out
  }

  /// The summary page: who and when, the overall stage, the table of pillars, the next steps.
  static func citySummary(_ r: CityReport, _ t: Localizer) -> String {
    var out = "# \(e(r.city))\n\n"
    out += "*\(e(r.surveyTitle))*\n\n"
    let place = [r.country, r.region].compactMap { $0 }.joined(separator: " · ")
    var facts: [String] = []
    if !place.isEmpty { facts.append(e(place)) }
    if let respondent = r.respondent { facts.append(t(.reportAnsweredBy) + " " + e(respondent)) }
    if let completed = r.completed { facts.append(t(.reportCompleted) + " " + e(completed)) }
    facts.append(e(r.dated))
    if let year = r.dataYear { facts.append(e(year)) }
    if r.hasPillars { facts.append(e(r.pillarsAssessed)) }
    out += facts.joined(separator: " · ") + "\n\n"
    if let overall = r.overall, let name = r.overallName {
      out += "**" + t(.cohortOverallStage) + ": \(stageCell(overall, name))** "
      out += e(r.overallNote) + "\n\n"
    } else if r.hasPillars {
      out += "**" + t(.cohortOverallStage) + "**" + t.locale.punctuated(":") + " " + e(r.overallText) + "\n\n"
    }
    if let age = r.dataAge { out += "*" + e(age) + "*\n\n" }
    out +=
      "| " + t(.batchPillar) + " | " + t(.batchStage) + " | " + t(.reportLadder) + " | " + t(.cohortScore) + " | "
      + t(.reportCoverage) + " | " + t(.reportTarget) + " |\n"
    out += "|---|---|---|--:|--:|---|\n"
    for pillar in r.pillars {
      let target = pillar.target.map { "\($0) \(e(HTMLReport.stageName(r, $0)))" } ?? "—"
      guard pillar.assessed else {
        out += "| \(e(pillar.name)) | \(e(t.notAssessed)) | — | — | \(t.percent(pillar.coverage)) | \(target) |\n"
        continue
      }
      out +=
        "| \(e(pillar.name)) | \(stageCell(pillar.stage, pillar.stageName)) | \(ladder(pillar.stage, top: r.topStage)) | "
        + "\(ValueText.number(pillar.score, r.language)) | \(t.percent(pillar.coverage))\(pillar.confidence == .low ? " " + e(StatusMark.lowConfidence.glyph) : "") | \(target) |\n"
    }
    out += "\n" + e(r.method) + "\n"
    out += steps(r.summarySteps, heading: t(.reportSummaryNextSteps))
    if let strongest = r.strongest { out += "\n**\(e(strongest))**\n" }
    return out
  }

  /// One pillar, said once (as in HTML): stage, gates, what the next stage needs, the rest in a table.
  static func pillar(_ pillar: CityReport.PillarSection, _ r: CityReport, _ t: Localizer) -> String {
    var out =
      "\n## " + t.locale.labelled(e(pillar.name))
      + (pillar.assessed ? stageCell(pillar.stage, pillar.stageName) : e(t.notAssessed))
      + "\n\n"
    if let description = pillar.description, !description.isEmpty { out += "*\(e(description))*\n\n" }
    if let need = pillar.need {
      out += "**" + t(.wordNotAssessedTitle) + "**" + t.locale.punctuated(":") + " " + e(need) + ".\n\n"
    }
    var facts = HTMLReport.pillarFacts(pillar, r, t).map(e)
    if pillar.assessed { facts.insert("`\(ladder(pillar.stage, top: r.topStage))`", at: 0) }
    if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n\n" }
    if !pillar.evidence.isEmpty {
      out +=
        "| " + t(.reportStageGate) + " | " + t(.reportCriteriaMet) + " | " + t(.reportWeightedShare) + " | "
        + t(.reportPassed) + " |\n|---|--:|--:|:-:|\n"
      for row in pillar.evidence {
        out +=
          "| \(row.stage) \(e(row.name)) | \(row.met) / \(row.criteria) | \(t.percent(row.share)) | \((row.passed ? StatusMark.met : .unmet).glyph) |\n"
      }
      out += "\n"
    }
    if let next = pillar.next {
      out +=
        "### " + t(.reportNeededForStageNextStage, ["next_stage": "\(next.stage)", "next_name": "\(e(next.name))"])
        + "\n\n"
      out +=
        t(
          .reportMeetAtLeastNextNeeded,
          ["next_needed_count": "\(next.neededCount)", "candidates_count": "\(next.candidates.count)"]) + "\n\n"
      out += nextStageTable(next, t) + "\n"
    } else if pillar.assessed {
      out += "**" + t(.reportTopStageReached) + "**\n\n"
    }
    out += reachedGaps(pillar, t)
    out += criteriaParagraph(.met, t(.reportStrengths), CityReport.otherStrengths(pillar), t)
    out += otherCriteria(pillar, t)
    if !pillar.findings.isEmpty {
      out += "### " + t(.reportFindings) + "\n\n"
      for finding in pillar.findings { out += "- \(e(finding))\n" }
      out += "\n"
    }
    return out
  }

  /// The next stage's criteria as a table, as in HTML: what is needed (with the explanation of an
  /// unmet one, once), the city's answer, the status in words.
  static func nextStageTable(_ next: CityReport.NextStage, _ t: Localizer) -> String {
    var out =
      "| " + t(.reportCriterion) + " | " + t(.reportCityAnswer) + " | " + t(.reportStatus) + " |\n|---|---|---|\n"
    for (line, explanation) in CityReport.nextStageRows(next) {
      let mark = StatusMark(line.outcome)
      out +=
        "| \(e(line.title))\(explanation.map { " — *" + e($0) + "*" } ?? "") | "
        + "\(e(line.answers.joined(separator: " · "))) | \(mark.glyph) \(e(line.nearMiss ?? mark.words(t))) |\n"
    }
    return out
  }

  /// The unmet criteria of the stages already reached, one line each, as in HTML.
  static func reachedGaps(_ pillar: CityReport.PillarSection, _ t: Localizer) -> String {
    let rows = CityReport.reachedGaps(pillar)
    guard !rows.isEmpty else { return "" }
    var out = StatusMark.unmet.glyph + " **" + e(t(.reportReachedGaps)) + " (\(rows.count))**\n\n"
    for (line, explanation) in rows {
      out += "- " + e(line.title + " (" + t(.diffStage) + " \(line.stage))")
      if !line.answers.isEmpty { out += " — " + e(line.answers.joined(separator: " · ")) }
      if let explanation { out += " *" + e(explanation) + "*" }
      out += "\n"
    }
    return out + "\n"
  }

  /// The other gaps, the unknown and the inapplicable criteria, one paragraph each, as in HTML.
  static func otherCriteria(_ pillar: CityReport.PillarSection, _ t: Localizer) -> String {
    criteriaParagraph(.unmet, t(.reportGaps), CityReport.otherGaps(pillar), t)
      + criteriaParagraph(.unknown, t(.reportUnknowns), CityReport.otherUnknowns(pillar), t)
      + criteriaParagraph(.notApplicable, StatusMark.notApplicable.words(t), pillar.notApplicable, t)
  }

  static func criteriaParagraph(
    _ mark: StatusMark, _ title: String, _ lines: [CityReport.CriterionLine], _ t: Localizer
  ) -> String {
    guard !lines.isEmpty else { return "" }
    return mark.glyph + " **" + e(title) + " (\(lines.count))**" + t.locale.punctuated(":") + " "
      + CityReport.collapsed(lines).map { e(CityReport.stepped($0, t)) }.joined(separator: t.semicolon) + "\n\n"
  }

  static func recommendations(_ r: CityReport, _ t: Localizer) -> String {
    guard !r.recommendations.isEmpty else { return "" }
    var out =
      "\n## " + t(.reportRecommendedSolutions) + "\n\n*"
      + e(t(.reportProvenProjectsFromOtherCities) + " " + t(.reportRecommendationsExplain)) + "*\n\n"
    out += "| " + t(.reportSolution) + " | " + t(.reportWhatItDoes) + " |\n|---|---|\n"
    for item in r.recommendations {
      let origin = [item.city, item.country, item.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
      var solution =
        "**\(item.rank). \(e(item.name))** (\(e(origin))) · " + t(.reportFitsStages) + " \(item.stageRange)"
      if let number = item.sourceNumber { solution += " [\(number)]" }
      if !item.verified { solution += " · " + e(t(.reportNotYetVerifiedAgainstIts)) }
      if !item.fits { solution += " · " + e(t(.reportSuitsCitiesAtStagesStage, ["stage_range": "\(item.stageRange)"])) }
      let what = ([e(item.problem), e(item.solution)] + item.checkFirst.map { e(t.label(.reportCheckFirst) + $0) })
        .joined(separator: " · ")
      solution += " · " + e(t.label(.reportTowards) + item.pillar + (item.towards.map { " — " + $0 } ?? ""))
      out += "| \(solution) | \(what) |\n"
    }
    return out
  }

  static func roadmap(_ r: CityReport, _ t: Localizer) -> String {
    guard !r.roadmap.isEmpty else { return "" }
    var out = "\n## " + t(.reportRoadmap) + "\n\n*" + e(t(.reportPillarByPillarCityS)) + "*\n\n"
    out +=
      "| " + t(.batchStage) + " | " + t(.reportCriteriaToMeet) + " | " + t(.reportSolutions) + " |\n|---|---|---|\n"
    for (index, step) in r.roadmap.enumerated() {
      let action = step.consolidates ? t(.reportConsolidateStage) : t(.reportReachStage)
      var needs = e(t.shortList(step.criteria, limit: 3))
      if step.neededCount > 0 && !step.consolidates {
        // The message ends with its own colon, as the HTML cell prints it.
        needs = t(.reportMeetStepNeededCount, ["step_needed_count": "\(step.neededCount)"]) + " " + needs
      }
      var helps = step.solutions.map(e).joined(separator: t.semicolon)
      if !step.unlocks.isEmpty {
        helps +=
          " · *" + t(.reportThenPossible) + "*" + t.locale.punctuated(":") + " "
          + step.unlocks.map(e).joined(separator: t.semicolon)
      }
      if !step.programmes.isEmpty {
        helps +=
          " · *" + t(.reportWegoCanHelp) + "*" + t.locale.punctuated(":") + " "
          + step.programmes.map(e).joined(separator: t.semicolon)
      }
      out +=
        "| \(index + 1). **\(e(step.pillar))**\(t.locale.punctuated(":")) \(action) \(stageCell(step.stage, step.stageName)) | \(needs) | \(helps) |\n"
    }
    return out
  }

  static func nextSteps(_ r: CityReport, _ t: Localizer) -> String {
    guard !r.nextSteps.isEmpty else { return "" }
    var out = "\n## " + t(.reportNextStepsWithWego) + "\n\n"
    out += "| " + t(.reportProgramme) + " | " + t(.reportWhatItDoes) + " | " + t(.reportWhy) + " |\n|---|---|---|\n"
    for step in r.nextSteps {
      let why = step.because.map(e) + step.notes.map { "*" + e($0) + "*" }
      out +=
        "| **\(e(step.name))** (\(e(step.step)))" + (step.sourceNumber.map { " [\($0)]" } ?? "")
        + " | \(e(step.description)) | \(why.joined(separator: " · ")) |\n"
    }
    return out
  }

  /// The annex of definitions as one table, as in HTML.
  static func figures(_ r: CityReport, _ t: Localizer) -> String {
    guard !r.figures.isEmpty else { return "" }
    var out = "\n## " + t(.reportFiguresTitle) + "\n\n*" + e(t(.reportFiguresIntro)) + "*\n\n"
    out +=
      "| " + t(.reportFigure) + " | " + t(.reportDefinitionAndSources) + " |\n|---|---|\n"
    for figure in r.figures {
      let sources = [figure.indicator].compactMap { $0 } + figure.sources
      let definition = figure.definition.map { [e($0)] } ?? []
      let said = definition + (sources.isEmpty ? [] : ["*" + e(sources.joined(separator: " · ")) + "*"])
      out += "| " + e(figure.figure) + " | " + said.joined(separator: " ") + " |\n"
    }
    return out
  }

  /// Every web source, once, numbered as cited above.
  static func sources(_ r: CityReport, _ t: Localizer) -> String {
    guard !r.sources.isEmpty else { return "" }
    var out = "\n## " + t(.reportSources) + "\n\n*" + e(t(.reportSourcesIntro)) + "*\n\n"
    for (index, source) in r.sources.enumerated() {
      out += "\(index + 1). " + MarkdownText.link(Markup.site(source), source) + "\n"
    }
    return out
  }

  static func provenance(_ p: CityReport.Provenance, _ t: Localizer) -> String {
    var out =
      "*" + t(.reportAnswers) + ": `\(code(p.file))` · " + t(.reportSurvey) + " `\(code(p.survey)) \(p.surveyVersion)`"
    if p.answeredVersion != p.surveyVersion { out += " (" + t(.reportAnsweredAs) + " \(p.answeredVersion))" }
    out += " sha256 `\(p.surveyHash.prefix(16))` · " + t(.cohortRules) + " "
    out += p.rules.map { "`\(code($0.id)) \($0.version)` sha256 `\($0.hash.prefix(16))`" }.joined(separator: ", ")
    out +=
      " · " + t(.reportRuleSet) + " `\(p.rulesHash.prefix(16))` · Activator \(p.engine) · " + t(.cohortGenerated)
      + " \(p.date)*\n"
    return out
  }

  /// Text inside a code span: backticks cannot be escaped there, so they are replaced.
  static func code(_ text: String) -> String {
    String(text.map { $0 == "`" ? "'" : $0 == "\n" ? " " : $0 })
  }
}
