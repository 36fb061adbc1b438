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

  package struct StageChange: Sendable {
    package var pillar: Int
    package var before: Int
    package var after: Int
  }

  package var stageChanges: [StageChange] {
    zip(before.pillars, after.pillars).compactMap { old, new in
      old.stage == new.stage ? nil : StageChange(pillar: old.pillar, before: old.stage, after: new.stage)
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
      + changed.map { slot in "\(survey.questions[slot].id) = \(answer(after, slot))" }.joined(separator: ", ")
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
      let arrow = change.after > change.before ? style.green("↑") : style.red("↓")
      out +=
        "  \(arrow) \(t.text(survey.pillars[change.pillar].name)): \(change.before) \(survey.stageName(change.before, after.language)) → "
      out += "\(change.after) \(survey.stageName(change.after, after.language))\n"
    }
    if before.overall != after.overall, let old = before.overall, let new = after.overall {
      out += "  " + t(.cohortOverallStage) + ": \(old) → \(new)\n"
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
      var line = "− \(t.text(program.solutions[item.solution].name)) (" + t(.whatifWas) + " #\(item.rank))"
      if let rank = after.recommendations.firstIndex(where: { $0.solution == item.solution }) {
        line += colon + t(.whatifMovesDownRank, ["rank": "\(rank + 1)"])
      } else if let aside = after.setAside.first(where: { $0.solution == item.solution }),
        let reason = RecommendationWords(after).setAside(aside).first
      {
        line += colon + t(.whatifSetAside) + " — " + reason
      } else {
        line += colon + t(.whatifGapsItAddressedWouldBe)
      }
      out += wrapped(line, width: width)
    }
    return out
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
      writer.key("next_steps_appearing", strings: nextStepsAppearing.map { program.programmes[$0].id })
      writer.key("next_steps_dropping", strings: nextStepsDropping.map { program.programmes[$0].id })
    }
    return writer.finish() + "\n"
  }
}
