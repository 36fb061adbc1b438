package import ActivatorCore

/// Plain-text results for the terminal: a per-pillar summary with bars, and the full
/// explanation of a stage. Both fit 80 columns.
package struct TextReport: Sendable {
  package var style: Style
  package var width: Int
  /// Whether `explain` shows each criterion's basis (the citation or reason for its threshold).
  package var verboseBasis = false

  package init(color: Bool, width: Int = 80) {
    self.style = Style(color: color)
    self.width = max(60, min(width, 120))
  }

  // MARK: - Summary (activator score FILE)

  package func summary(_ a: Assessment, recommendations limit: Int = 5) -> String {
    let t = Localizer(a.language)
    return summaryHeader(a, t) + pillarTable(a, t) + overallAndGaps(a, t) + topRecommendations(a, limit: limit, t)
      + nextStepsSection(a, t) + "\n"
      + style.dim(t(.textWhyWhatMissing) + "activator explain \(shellQuoted(a.sheet.path))")
      + "\n"
  }

  /// The city, the survey and rules it was scored with, and the facts that frame the result.
  func summaryHeader(_ a: Assessment, _ t: Localizer) -> String {
    let survey = a.survey
    let program = a.program
    var out = ""
    let place = InertText.line(
      [a.sheet.city.name, a.sheet.city.country.map { Regions.countryName($0, language: a.language) }].compactMap { $0 }
        .filter { !$0.isEmpty }.joined(separator: ", "))
    out += style.bold(place.isEmpty ? a.sheet.path : place) + "\n"
    let rules = program.plugins.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
    out += style.dim("\(survey.title.text(a.language)) · \(survey.reference) · \(t(.cohortRules)) \(rules)") + "\n"
    let facts = [t.dataYear(a), a.overallBasis.pillars > 0 ? t.pillarsAssessed(a) : nil].compactMap { $0 }
    if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n" }
    out += "\n"
    return out
  }

  /// One line per pillar: stage, score, a bar to the top stage and coverage.
  func pillarTable(_ a: Assessment, _ t: Localizer) -> String {
    let survey = a.survey
    var out = ""
    let nameWidth = max(12, survey.pillars.map { DisplayWidth.of(t.text($0.name)) }.max() ?? 12)
    let stageWidth = max(12, survey.stages.map { DisplayWidth.of("\($0.level) \(t.text($0.name))") }.max() ?? 12)
    let barWidth = max(10, width - nameWidth - stageWidth - 24)
    out +=
      style.dim(
        DisplayWidth.pad(t(.batchPillar), to: nameWidth) + "  " + DisplayWidth.pad(t(.batchStage), to: stageWidth)
          + "  "
          + DisplayWidth.pad(t(.cohortScore), to: 5) + "  " + DisplayWidth.pad(t(.cohortProgress), to: barWidth) + "  "
          + t(.textCover)) + "\n"
    for pillar in a.pillars {
      let name = DisplayWidth.pad(t.text(survey.pillars[pillar.pillar].name), to: nameWidth)
      let coverage = DisplayWidth.padLeft(t.percent(pillar.coverage), to: 4)
      guard pillar.assessed else {
        // No stage, no score, no bar: what is known is too little to place the pillar.
        out +=
          "\(name)  " + style.yellow(DisplayWidth.pad("– " + t.notAssessed, to: stageWidth)) + "  "
          + DisplayWidth.padLeft("–", to: 5) + "  " + DisplayWidth.pad("", to: barWidth) + "  \(coverage)\n"
        continue
      }
      let stage = DisplayWidth.pad(t.stage(pillar, survey), to: stageWidth)
      let bar = Bars.bar(score: pillar.score, top: survey.topStage, width: barWidth, target: pillar.target)
      out +=
        "\(name)  \(style.stage(stage, pillar.stage, top: survey.topStage))  \(DisplayWidth.padLeft(ValueText.number(pillar.score, a.language), to: 5))  \(style.stage(bar, pillar.stage, top: survey.topStage))  \(coverage)"
      if pillar.confidence == .low { out += style.yellow(" !") }
      out += "\n"
    }
    out += "\n"
    return out
  }

  /// The overall stage, the pillars that could not be placed and why, targets not reached, and
  /// the low-confidence warning.
  func overallAndGaps(_ a: Assessment, _ t: Localizer) -> String {
    let survey = a.survey
    var out = ""
    if a.overall != nil || a.overallBasis.pillars > 0 {
      out += t.label(.cohortOverallStage) + style.bold(t.overall(a))
      if a.overall != nil { out += style.dim(" (" + t(.textMedianPillarsReadItWith) + ")") }
      out += "\n"
    }
    for pillar in a.pillars where !pillar.assessed {
      let line =
        style.yellow("– ") + t.text(survey.pillars[pillar.pillar].name) + " " + t.locale.labelled(t.notAssessed)
        + t.assessmentNeed(pillar, a, limit: 3)
      for (index, part) in DisplayWidth.wrap(line, width: width - 2).enumerated() {
        out += (index == 0 ? "" : "  ") + part + "\n"
      }
    }
    let targets = a.pillars.compactMap { pillar in
      pillar.assessed
        ? pillar.target.flatMap {
          $0 > pillar.stage ? "\(t.text(survey.pillars[pillar.pillar].name)) \(pillar.stage)→\($0)" : nil
        } : nil
    }
    if !targets.isEmpty {
      out += t.label(.textTargetsNotYetReached) + targets.joined(separator: ", ") + "\n"
    }
    if a.pillars.contains(where: { $0.assessed && $0.confidence == .low }) {
      out += style.yellow("! ") + t(.textLowConfidenceManyAnswersUnknown) + "\n"
    }
    return out
  }

  /// The first `limit` recommendations, each with the criterion it is made for.
  func topRecommendations(_ a: Assessment, limit: Int, _ t: Localizer) -> String {
    let survey = a.survey
    let program = a.program
    var out = ""
    if !a.recommendations.isEmpty {
      out += "\n" + style.bold(t(.cohortTopRecommendations)) + "\n"
      for (rank, recommendation) in a.recommendations.prefix(limit).enumerated() {
        let solution = program.solutions[recommendation.solution]
        let origin = [t.text(solution.city), solution.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        let head = "\(rank + 1). \(t.text(solution.name)) (\(origin))"
        out += DisplayWidth.truncate(head, to: width) + "\n"
        if let reason = recommendation.reasons.first {
          let criterion = program.criteria[reason.criterion]
          let pillarName = t.text(survey.pillars[criterion.pillar].name)
          let line = "   " + t(.textFor) + " \(pillarName): \(t.text(criterion.title))"
          out += style.dim(DisplayWidth.truncate(line, to: width)) + "\n"
        }
      }
    }
    return out
  }

  /// The WeGO programmes the rules point to.
  func nextStepsSection(_ a: Assessment, _ t: Localizer) -> String {
    let program = a.program
    var out = ""
    if !a.nextSteps.isEmpty {
      out += "\n" + style.bold(t(.reportNextStepsWithWego)) + "\n"
      for step in a.nextSteps {
        let programme = program.programmes[step.programme]
        out += DisplayWidth.truncate("• \(t.text(programme.name)) [\(t.step(programme.step))]", to: width) + "\n"
      }
    }
    return out
  }

  // MARK: - Explanation (activator explain FILE)

  package func explain(_ a: Assessment, pillar only: Int? = nil) -> String {
    let t = Localizer(a.language)
    let survey = a.survey
    let program = a.program
    var out = ""
    let place = InertText.line(
      [a.sheet.city.name, a.sheet.city.country.map { Regions.countryName($0, language: a.language) }].compactMap { $0 }
        .filter { !$0.isEmpty }.joined(separator: ", "))
    let rules = program.plugins.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
    out +=
      style.bold(place)
      + style.dim(" · \(survey.reference) · " + t(.cohortRules) + " \(rules) · θ = \(t.percent(program.threshold))")
      + "\n"
    out += style.dim(StageWords(a).rule) + "\n"
    out += style.dim(t(.textRecommendationsFittedWhatAnswersSay)) + "\n"
    for line in RecommendationWords(a).context() { out += style.dim("  " + line) + "\n" }

    if let age = t.dataAge(a) {
      for line in DisplayWidth.wrap(age, width: width) { out += style.dim(line) + "\n" }
    }

    for pillar in a.pillars where only == nil || only == pillar.pillar {
      out += pillarHeader(a, pillar, t) + pillarCriteria(a, pillar, t)
    }
    if only == nil { out += closing(a, t) }
    return out
  }

  /// A pillar's stage (or why it is not assessed), its outcomes, potential and target.
  func pillarHeader(_ a: Assessment, _ pillar: PillarResult, _ t: Localizer) -> String {
    let survey = a.survey
    var out = ""
    let definition = survey.pillars[pillar.pillar]
    if pillar.assessed {
      out += "\n" + style.bold("\(t.text(definition.name)) — " + t(.diffStage) + " \(t.stage(pillar, survey))")
      out +=
        style.dim(
          " (" + t(.diffScore) + " \(ValueText.number(pillar.score, a.language)), " + t(.reportCoverage2)
            + " \(t.percent(pillar.coverage)), " + t(.reportConfidence) + " \(t.confidence(pillar.confidence)))") + "\n"
    } else {
      out += "\n" + style.bold("\(t.text(definition.name)) — ") + style.yellow(t.notAssessed) + "\n"
      let need = t.assessmentNeed(pillar, a, limit: 8)
      for line in DisplayWidth.wrap(t(.reportNotAssessedBecause, ["need": .text(need)]), width: width - 2) {
        out += "  \(line)\n"
      }
      out += style.dim("  " + t(.textKnownAlonePlaces, ["stage": .text(String(pillar.stage))])) + "\n"
    }
    for result in a.outcomes(of: pillar.pillar) {
      out += style.dim("  " + t(.textOutcomeNotGating)) + t.outcome(result, a) + "\n"
    }
    if pillar.assessed && pillar.potential > pillar.stage {
      out +=
        "  " + t(.textIfUnknownAnswersWereFavourable)
        + "\(pillar.potential) \(survey.stageName(pillar.potential, a.language)).\n"
    }
    if let target = pillar.target, pillar.assessed {
      if target > pillar.stage {
        out +=
          "  " + t(.reportTarget) + ": \(target) \(survey.stageName(target, a.language)) — "
          + (target - pillar.stage == 1
            ? t(.text1StageGo) : t(.textPillarStageStagesGo, ["pillar_stage": "\(target - pillar.stage)"])) + "\n"
      } else {
        out +=
          "  " + t(.reportTarget) + ": \(target) \(survey.stageName(target, a.language)) — "
          + style.green(t(.reportReached)) + "\n"
      }
    }
    return out
  }

  /// A pillar's stage gates with their criteria, what the next stage needs, the gaps below the
  /// stage reached, and its recommendations and what was set aside.
  func pillarCriteria(_ a: Assessment, _ pillar: PillarResult, _ t: Localizer) -> String {
    let program = a.program
    let survey = a.survey
    var out = ""
    for evidence in pillar.evidence {
      let indices = program.criteriaByPillar[pillar.pillar][evidence.stage]
      let metCount = indices.filter { a.outcomes[$0] == .met }.count
      let mark = evidence.passed ? style.green("✓") : style.red("✗")
      var header =
        "  \(mark) "
        + t.locale.labelled(t(.batchStage) + " \(evidence.stage) \(survey.stageName(evidence.stage, a.language))")
      header += StageWords(a).gate(met: metCount, of: indices.count, share: evidence.share)
      if evidence.stage > pillar.stage + 1 && !evidence.passed {
        out += style.dim(header) + "\n"
        continue
      }
      out += header + "\n"
      for index in indices {
        out += criterionLines(a, index, t, indent: "      ")
      }
    }
    if let next = pillar.next {
      out += "  " + style.bold(t.locale.labelled(t(.textReach) + " \(survey.stageName(next.stage, a.language))"))
      out +=
        t(
          .textMeetAtLeastNextNeeded,
          ["next_needed_count": "\(next.neededCount)", "candidates_count": "\(next.candidates.count)"]) + "\n"
      for index in next.candidates {
        out += "    - \(t.text(program.criteria[index].title))"
        if a.outcomes[index] == .unknown { out += style.yellow(" (" + t(.textUnknownAnswerQuestionFindOut) + ")") }
        out += "\n"
      }
      let misses = StageWords(a).nearMisses(next.candidates)
      if !misses.isEmpty {
        out += "    " + t(.reportNearMisses) + ":\n"
        for miss in misses { out += "      · \(miss)\n" }
      }
    }
    let gaps = pillar.openGaps.filter { program.criteria[$0].stage <= pillar.stage }
    if !gaps.isEmpty {
      out +=
        "  " + t.label(.textGapsStagesAlreadyReached)
        + gaps.map { t.text(program.criteria[$0].title) }.joined(separator: t.semicolon) + "\n"
    }
    let recommendations = a.recommendations.filter { $0.pillar == pillar.pillar }.prefix(5)
    if !recommendations.isEmpty {
      out += "  " + style.bold(t(.reportRecommendedSolutions)) + "\n"
      for recommendation in recommendations {
        out += recommendationLines(a, recommendation, t, indent: "    ")
      }
    }
    let setAside = a.setAside.filter { $0.pillar == pillar.pillar }.prefix(5)
    if !setAside.isEmpty {
      out += "  " + style.bold(t(.textNotRecommendedNow)) + "\n"
      for item in setAside { out += setAsideLines(a, item, t, indent: "    ") }
    }
    return out
  }

  /// After the pillars: metrics, WeGO's next steps and what they were not offered, notes.
  func closing(_ a: Assessment, _ t: Localizer) -> String {
    let program = a.program
    var out = ""
    if !a.metrics.isEmpty {
      out += "\n" + style.bold(t(.reportMetrics)) + "\n"
      for result in a.metrics {
        out += "  \(t.text(program.metrics[result.metric].title)): \(t.metricValue(result, a))\n"
      }
    }
    if !a.nextSteps.isEmpty {
      out += "\n" + style.bold(t(.reportNextStepsWithWego)) + "\n"
      for step in a.nextSteps {
        let programme = program.programmes[step.programme]
        out += "  • \(t.text(programme.name)) [\(t.step(programme.step))]\n"
        for reason in step.because {
          for line in DisplayWidth.wrap(t.text(reason), width: width - 6) { out += "      \(line)\n" }
        }
        for note in RecommendationWords(a).programmeNotes(programme) {
          for line in DisplayWidth.wrap(note, width: width - 6) { out += style.yellow("      \(line)") + "\n" }
        }
      }
    }
    if !a.programmesSetAside.isEmpty {
      out += "\n" + style.bold(t(.textWegoProgrammesNotOfferedThis)) + "\n"
      for item in a.programmesSetAside {
        out += "  · \(t.text(program.programmes[item.programme].name))\n"
        for line in DisplayWidth.wrap(RecommendationWords(a).programmeSetAside(item), width: width - 6) {
          out += style.dim("      \(line)") + "\n"
        }
      }
    }
    let issues = a.issues.filter { $0.kind != .requiredUnanswered }
    if !issues.isEmpty {
      out += "\n" + style.yellow(t(.textNotesOnAnswers)) + "\n"
      for issue in issues { out += "  - \(t(issue.message))\n" }
    }
    let unanswered = a.issues.filter { $0.kind == .requiredUnanswered }.count
    if unanswered > 0 {
      out += style.yellow("  - " + t(.textUnansweredRequiredQuestionSNot, ["unanswered": "\(unanswered)"])) + "\n"
    }
    return out
  }

  func criterionLines(_ a: Assessment, _ index: Int, _ t: Localizer, indent: String) -> String {
    let program = a.program
    let criterion = program.criteria[index]
    let outcome = a.outcomes[index]
    let symbol: String
    switch outcome {
    case .met: symbol = style.green("✓")
    case .unmet: symbol = style.red("✗")
    case .unknown, .error: symbol = style.yellow("?")
    case .notApplicable: symbol = style.dim("–")
    }
    var out = "\(indent)\(symbol) \(t.text(criterion.title))"
    if criterion.weight != 1 { out += style.dim(" ×\(ValueText.format(criterion.weight))") }
    out += "\n"
    var reads = criterion.condition.reads.map { slot in
      var read =
        "\(a.survey.questions[slot].id) = \(ValueText.answer(a.values[slot], slot: slot, survey: a.survey, language: a.language))"
      if a.values[slot].isUnknown == false,
        let year = a.sheet.evidence[slot]?.year ?? (a.dataYearIsOld ? a.dataYear : nil)
      {
        read += a.isOld(year) ? " (\(year), " + t.old(a) + ")" : " (\(year))"
      }
      return read
    }
    if let number = a.measured(index) {
      reads.insert(
        "= \(ValueText.number(number, a.language))" + (criterion.measure?.unit.map { " " + t.text($0) } ?? ""), at: 0)
    }
    if !reads.isEmpty {
      out += style.dim("\(indent)    \(reads.joined(separator: t.semicolon))") + "\n"
    }
    // Beside the answers it read, what the official noted on them (a source, a year, a caveat).
    for slot in criterion.condition.reads {
      guard let note = a.sheet.notes[slot] else { continue }
      let said = t(.textNoteOnAnswer, ["id": .text(a.survey.questions[slot].id), "note": .text(InertText.line(note))])
      for line in DisplayWidth.wrap(said, width: width - indent.count - 4) {
        out += style.dim("\(indent)    \(line)") + "\n"
      }
    }
    if let basis = criterion.basis, verboseBasis {
      for line in DisplayWidth.wrap(t(.textBasis, ["basis": .text(basis)]), width: width - indent.count - 4) {
        out += style.dim("\(indent)    \(line)") + "\n"
      }
    }
    let finding = outcome == .met ? criterion.met : outcome == .unmet ? criterion.unmet : nil
    if let finding {
      for line in DisplayWidth.wrap(t.text(finding), width: width - indent.count - 4) {
        out += "\(indent)    \(line)\n"
      }
    }
    if let error = a.errors[index] {
      out += style.red("\(indent)    " + t(.wordError) + ": \(t(error.message))") + "\n"
    }
    return out
  }

  func recommendationLines(_ a: Assessment, _ recommendation: Recommendation, _ t: Localizer, indent: String) -> String
  {
    let program = a.program
    let words = RecommendationWords(a)
    let solution = program.solutions[recommendation.solution]
    let origin = [t.text(solution.city), solution.country.map { t.text($0) }, solution.year.map(String.init)].compactMap
    { $0 }.joined(separator: ", ")
    var out =
      "\(indent)• \(t.text(solution.name)) (\(origin))" + style.dim(" — " + t(.diffScore) + " \(recommendation.score)")
      + "\n"
    for line in DisplayWidth.wrap(t.text(solution.solution), width: width - indent.count - 4) {
      out += style.dim("\(indent)  \(line)") + "\n"
    }
    out += "\(indent)  " + t(.textWhy) + ":\n"
    for factor in recommendation.factors {
      for (number, line) in DisplayWidth.wrap(words.factor(factor, of: recommendation), width: width - indent.count - 8)
        .enumerated()
      {
        out += "\(indent)    " + (number == 0 ? "" : "  ") + line + "\n"
      }
    }
    for reason in recommendation.reasons.prefix(3) {
      let criterion = program.criteria[reason.criterion]
      out +=
        style.dim(
          "\(indent)    " + t(.textGap)
            + ": \(t.text(criterion.title)) — \(t.outcome(reason.outcome)) (\(t.gap(reason.gap)))") + "\n"
    }
    for need in recommendation.uncheckedNeeds {
      out += style.yellow("\(indent)  " + t(.textCheckFirst) + ": \(t.text(solution.needs[need].text))") + "\n"
    }
    if let source = solution.source { out += style.dim("\(indent)  \(source)") + "\n" }
    return out
  }

  func setAsideLines(_ a: Assessment, _ item: SetAside, _ t: Localizer, indent: String) -> String {
    let words = RecommendationWords(a)
    let solution = a.program.solutions[item.solution]
    var out = "\(indent)· \(t.text(solution.name)) (\(t.text(solution.city)))\n"
    for reason in words.setAside(item) {
      for (number, line) in DisplayWidth.wrap(reason, width: width - indent.count - 6).enumerated() {
        out += style.dim("\(indent)  " + (number == 0 ? "" : "  ") + line) + "\n"
      }
    }
    for step in words.firstSteps(item) {
      out += "\(indent)  " + t(.textFirst) + ": \(step)\n"
    }
    return out
  }

  func shellQuoted(_ path: String) -> String {
    path.allSatisfy({ $0.isLetter || $0.isNumber || "/._-".contains($0) })
      ? path : "'" + path.replacing("'", with: "'\\''") + "'"
  }
}

/// Horizontal bars drawn with Unicode eighth blocks.
package enum Bars {
  static let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A bar for `score` on a 0…top scale, `width` columns, with a '|' at the target stage.
  package static func bar(score: Double, top: Int, width: Int, target: Int? = nil) -> String {
    let cells = max(0, min(Double(width), score / Double(top) * Double(width)))
    let full = Int(saturating: cells)
    let eighths = Int(saturating: ((cells - Double(full)) * 8).rounded(.down))
    var bar = String(repeating: "█", count: full)
    if full < width && eighths > 0 { bar += partial[eighths] }
    var characters = Array(DisplayWidth.pad(bar, to: width))
    if let target, target > 0 {
      let position = min(
        width - 1, max(0, Int(saturating: (Double(target) / Double(top) * Double(width)).rounded()) - 1))
      if position >= DisplayWidth.of(bar) || characters[position] == " " { characters[position] = "┊" }
    }
    return String(characters)
  }
}
