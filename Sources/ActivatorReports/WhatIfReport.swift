package import ActivatorCore

/// "What if we did X?": one city scored twice, as answered and with some answers changed, and
/// what would change — stages, the criteria behind them, the first recommendations and the WeGO
/// next steps. Nothing is written: the answers file stays as it is.
package struct WhatIfReport: Sendable {
  package let before: Assessment
  package let after: Assessment
  /// Slots of the questions whose answers were changed.
  package let changed: [Int]
  /// How many of the first recommendations are compared.
  package let compared: Int

  package init(before: Assessment, after: Assessment, changed: [Int], compared: Int = 10) {
    self.before = before
    self.after = after
    self.changed = changed
    self.compared = compared
  }

  /// A pillar whose stage changes, or which becomes assessed or stops being assessed (a stage
  /// is nil when the pillar is not assessed: its lower bound is not a result).
  package struct StageChange: Sendable {
    package var pillar: Int
    package var before: Int?
    package var after: Int?
  }

  package var stageChanges: [StageChange] {
    zip(before.pillars, after.pillars).compactMap { old, new in
      let (was, will) = (old.assessed ? old.stage : nil, new.assessed ? new.stage : nil)
      return was == will ? nil : StageChange(pillar: old.pillar, before: was, after: will)
    }
  }

  /// Criteria whose outcome changes, in survey order.
  package var criteriaChanged: [Int] {
    before.outcomes.indices.filter { before.outcomes[$0] != after.outcomes[$0] }
  }

  /// Solutions among the first `compared` after the change that were not before (with their new rank).
  package var appearing: [(solution: Int, rank: Int)] {
    let old = Set(before.recommendations.prefix(compared).map(\.solution))
    return after.recommendations.prefix(compared).enumerated().filter { !old.contains($0.element.solution) }.map {
      ($0.element.solution, $0.offset + 1)
    }
  }

  /// Solutions among the first `compared` before the change that are not after (with their old rank).
  package var dropping: [(solution: Int, rank: Int)] {
    let new = Set(after.recommendations.prefix(compared).map(\.solution))
    return before.recommendations.prefix(compared).enumerated().filter { !new.contains($0.element.solution) }.map {
      ($0.element.solution, $0.offset + 1)
    }
  }

  /// Why a solution among the first `compared` before the change is not among them after,
  /// decided from the assessment after the change.
  package enum Drop: Sendable, Equatable {
    /// Still recommended, at this rank.
    case movesDown(rank: Int)
    /// Still a candidate, but set aside (`after.setAside` says why).
    case setAside
    /// Every criterion it addresses would be met.
    case gapsClosed
    /// Every criterion it addresses would be met or would no longer apply (not applicable).
    case metOrNotApplicable
    /// No longer a candidate although these criteria it addresses would still be open: each is
    /// more than two stages above its pillar's stage, or at a stage the solution does not suit.
    case beyondReach(open: [Int])
  }

  package func drop(_ solution: Int) -> Drop {
    if let rank = after.recommendations.firstIndex(where: { $0.solution == solution }) {
      return .movesDown(rank: rank + 1)
    }
    if after.setAside.contains(where: { $0.solution == solution }) { return .setAside }
    let addressed = after.program.addressed(by: solution)
    let open = addressed.filter { after.outcomes[$0] != .met && after.outcomes[$0] != .notApplicable }
    if !open.isEmpty { return .beyondReach(open: open) }
    return addressed.allSatisfy { after.outcomes[$0] == .met } ? .gapsClosed : .metOrNotApplicable
  }

  package var nextStepsAppearing: [Int] {
    after.nextSteps.map(\.programme).filter { programme in !before.nextSteps.contains { $0.programme == programme } }
  }

  package var nextStepsDropping: [Int] {
    before.nextSteps.map(\.programme).filter { programme in !after.nextSteps.contains { $0.programme == programme } }
  }

  // MARK: - Text

  package func text(style: Style, width: Int) -> String {
    let t = Localizer(after.language)
    let survey = after.survey
    let program = after.program
    let heading =
      t(.whatifWhatIf) + " "
      + changed.map { slot in "\(t.question(slot, after)) (\(survey.questions[slot].id)) = \(answer(after, slot))" }
      .joined(separator: t.semicolon)
    var out = DisplayWidth.wrap(heading, width: width).map { style.bold($0) + "\n" }.joined()
    out += style.dim(t(.whatifAnswersFileNotChanged)) + "\n"
    for slot in changed {
      out += wrapped(
        "\(t.text(survey.questions[slot].text)): \(answer(before, slot)) → \(answer(after, slot))", width: width)
    }
    out += "\n" + style.bold(t(.whatifStages)) + "\n"
    let changes = stageChanges
    if changes.isEmpty { out += "  " + t(.whatifNoStageWouldChange) + "\n" }
    for change in changes {
      out += "  \(arrow(change.before, change.after, style)) \(t.text(survey.pillars[change.pillar].name)): "
      out += stage(change.before, t) + " → " + stage(change.after, t) + "\n"
    }
    if before.overall != after.overall {
      out += "  " + t(.cohortOverallStage) + ": " + stage(before.overall, t) + " → " + stage(after.overall, t) + "\n"
    }
    let criteria = criteriaChanged
    if !criteria.isEmpty {
      out += "\n" + style.bold(t(.whatifCriteriaThatWouldChange)) + "\n"
      for index in criteria.prefix(12) {
        out += wrapped(
          "\(t.text(program.criteria[index].title)): \(t.outcome(before.outcomes[index])) → \(t.outcome(after.outcomes[index]))",
          width: width)
      }
      if criteria.count > 12 {
        out += style.dim("  " + t(.whatifCriteriaCountMore, ["criteria_count": "\(criteria.count - 12)"])) + "\n"
      }
    }
    out += recommendationLines(t, style: style, width: width)
    out += nextStepLines(t, style: style)
    return out
  }

  func recommendationLines(_ t: Localizer, style: Style, width: Int) -> String {
    let program = after.program
    var out = "\n" + style.bold(t(.whatifFirstComparedRecommendations, ["compared": "\(compared)"])) + "\n"
    let colon = t.locale.punctuated(":") + " "
    let (new, gone) = (appearing, dropping)
    if new.isEmpty && gone.isEmpty { out += "  " + t(.whatifTheyWouldStaySame) + "\n" }
    for item in new {
      let recommendation = after.recommendations[item.rank - 1]
      var line = "+ \(t.text(program.solutions[item.solution].name)) (" + t(.whatifWouldBe) + " #\(item.rank))"
      if let factor = recommendation.factors.first {
        line += colon + RecommendationWords(after).sentence(factor, recommendation)
      }
      out += wrapped(line, width: width)
    }
    for item in gone {
      let line = "− \(t.text(program.solutions[item.solution].name)) (" + t(.whatifWas) + " #\(item.rank))"
      out += wrapped(line + colon + dropReason(item.solution, t), width: width)
    }
    return out
  }

  /// The true reason a solution leaves the first recommendations, from the assessment after.
  func dropReason(_ solution: Int, _ t: Localizer) -> String {
    switch drop(solution) {
    case .movesDown(let rank):
      return t(.whatifMovesDownRank, ["rank": "\(rank)"])
    case .setAside:
      let aside = after.setAside.first { $0.solution == solution }
      let reason = aside.flatMap { RecommendationWords(after).setAside($0).first }
      return t(.whatifSetAside) + (reason.map { " — " + $0 } ?? "")
    case .gapsClosed:
      return t(.whatifGapsItAddressedWouldBe)
    case .metOrNotApplicable:
      return t(.whatifMetOrNoLongerApply)
    case .beyondReach(let open):
      let program = after.program
      let stages = program.solutions[solution]
      let unsuited = open.filter { !(stages.stageMin...stages.stageMax).contains(program.criteria[$0].stage) }
      let distant = open.filter { !unsuited.contains($0) }
      var parts: [String] = []
      if !unsuited.isEmpty {
        parts.append(
          t(
            .whatifStillUnmetOutsideFit,
            [
              "criteria": .text(t.shortList(unsuited.map { t.text(program.criteria[$0].title) }, limit: 3)),
              "solution_stage_min": .count(stages.stageMin), "solution_stage_max": .count(stages.stageMax),
            ]))
      }
      if !distant.isEmpty {
        parts.append(
          t(
            .whatifStillUnmetBeyondNextStages,
            ["criteria": .text(t.shortList(distant.map { t.text(program.criteria[$0].title) }, limit: 3))]))
      }
      return t(.whatifNoLongerCandidate) + " " + parts.joined(separator: t.semicolon)
    }
  }

  func arrow(_ old: Int?, _ new: Int?, _ style: Style) -> String {
    guard let old, let new else { return "•" }
    return new > old ? style.green("↑") : style.red("↓")
  }

  /// "2 Developing", or "not assessed" for a pillar (or overall stage) without one.
  func stage(_ stage: Int?, _ t: Localizer) -> String {
    guard let stage else { return t.notAssessed }
    return "\(stage) \(after.survey.stageName(stage, after.language))"
  }

  func nextStepLines(_ t: Localizer, style: Style) -> String {
    let (new, gone) = (nextStepsAppearing, nextStepsDropping)
    guard !new.isEmpty || !gone.isEmpty else { return "" }
    let program = after.program
    var out = "\n" + style.bold(t(.reportNextStepsWithWego)) + "\n"
    for programme in new { out += "  + \(t.text(program.programmes[programme].name))\n" }
    for programme in gone { out += "  − \(t.text(program.programmes[programme].name))\n" }
    return out
  }

  /// A line indented by two columns, its continuation by four.
  func wrapped(_ text: String, width: Int) -> String {
    DisplayWidth.wrap(text, width: width - 4).enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element + "\n" }
      .joined()
  }

  func answer(_ a: Assessment, _ slot: Int) -> String {
    let value = a.values[slot]
    if case .unknown(let why) = value { return ValueText.reason(why, a.language) }
    return ValueText.answer(value, slot: slot, survey: a.survey, language: a.language)
  }

  // MARK: - JSON

  package func json() -> String {
    let writer = JSONWriter(pretty: true)
    let survey = after.survey
    let program = after.program
    writer.object {
      writer.key("file", after.sheet.path)
      writer.key("changed") {
        writer.array {
          for slot in changed {
            writer.object {
              writer.key("question", survey.questions[slot].id)
              writer.key("before")
              ValueText.json(before.values[slot], survey: survey, into: writer)
              writer.key("after")
              ValueText.json(after.values[slot], survey: survey, into: writer)
            }
          }
        }
      }
      writer.key("stages") {
        writer.array {
          for change in stageChanges {
            writer.object {
              writer.key("pillar", survey.pillars[change.pillar].id)
              writer.key("before", change.before)
              writer.key("after", change.after)
            }
          }
        }
      }
      writer.key("overall_before", before.overall)
      writer.key("overall_after", after.overall)
      writer.key("criteria", strings: criteriaChanged.map { program.criteria[$0].qualifiedID })
      writer.key("recommendations_appearing", strings: appearing.map { program.solutions[$0.solution].id })
      writer.key("recommendations_dropping", strings: dropping.map { program.solutions[$0.solution].id })
      droppingReasons(into: writer)
      writer.key("next_steps_appearing", strings: nextStepsAppearing.map { program.programmes[$0].id })
      writer.key("next_steps_dropping", strings: nextStepsDropping.map { program.programmes[$0].id })
    }
    return writer.finish() + "\n"
  }

  /// Why each dropping solution leaves, as codes a tool can read: `moves_down` (with its new
  /// rank), `set_aside`, `gaps_closed`, `met_or_not_applicable`, or `beyond_reach` with the
  /// criteria still open.
  func droppingReasons(into writer: JSONWriter) {
    let program = after.program
    writer.key("recommendations_dropping_why") {
      writer.array {
        for item in dropping {
          writer.object {
            writer.key("solution", program.solutions[item.solution].id)
            writer.key("rank_before", item.rank)
            switch drop(item.solution) {
            case .movesDown(let rank):
              writer.key("reason", "moves_down")
              writer.key("rank_after", rank)
            case .setAside: writer.key("reason", "set_aside")
            case .gapsClosed: writer.key("reason", "gaps_closed")
            case .metOrNotApplicable: writer.key("reason", "met_or_not_applicable")
            case .beyondReach(let open):
              writer.key("reason", "beyond_reach")
              writer.key("still_open", strings: open.map { program.criteria[$0].qualifiedID })
            }
          }
        }
      }
    }
  }
}
