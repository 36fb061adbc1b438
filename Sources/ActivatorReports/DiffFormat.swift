package import ActivatorCore

/// `activator diff` output: text for authors, JSON for tools, CSV for a spreadsheet.
package struct DiffFormat: Sendable {
  package enum Kind: String, Sendable, CaseIterable { case text, json, csv }

  package var kind: Kind
  package var survey: Survey
  package var style: Style
  /// Criteria listed per changed pillar in text output.
  package var criteriaLimit: Int
  package var language: String
  /// Chosen metrics whose changes are listed too.
  package var metrics: [MetricColumn]
  var t: Localizer { Localizer(language) }

  package init(
    kind: Kind, survey: Survey, color: Bool, language: String = "en", criteriaLimit: Int = 8,
    metrics: [MetricColumn] = []
  ) {
    self.metrics = metrics
    self.kind = kind
    self.survey = survey
    self.style = Style(color: color)
    self.language = language
    self.criteriaLimit = criteriaLimit
  }

  func stageName(_ level: Int) -> String { survey.stageName(level, language) }

  /// "2 Developing", or "not assessed" for stage 0.
  func shownStage(_ level: Int) -> String { level > 0 ? "\(level) \(stageName(level))" : t.notAssessed }

  func outcomeName(_ outcome: Outcome?) -> String { outcome.map { t.outcome($0) } ?? "—" }

  package func header(before: String, after: String) -> String {
    switch kind {
    case .text: return style.dim("A: \(before)\nB: \(after)") + "\n\n"
    case .json: return "{\"rules_a\":\(JSONText.string(before)),\"rules_b\":\(JSONText.string(after)),\"cities\":[\n"
    case .csv:
      return "file,city,pillar,stage_a,stage_b,score_a,score_b,criteria_changed"
        + (metrics.isEmpty ? "" : ",metric,metric_a,metric_b,metric_change") + "\n"
    }
  }

  /// One city's entry; empty when nothing is shown for it.
  package func city(_ diff: CityDiff, first: Bool, showScoreOnly: Bool) -> String {
    let shown = showScoreOnly ? diff.changes : diff.stageChanges
    switch kind {
    case .text: return text(diff, shown)
    case .json: return (first ? "" : ",\n") + json(diff, shown)
    case .csv:
      let metricBlanks = metrics.isEmpty ? "" : ",,,,"
      var out = shown.map { change in
        [
          CSV.field(diff.path), CSV.field(diff.city), change.pillar,
          change.before.stage > 0 ? String(change.before.stage) : "",
          change.after.stage > 0 ? String(change.after.stage) : "",
          ValueText.format(change.before.score), ValueText.format(change.after.score), String(change.criteria.count),
        ].joined(separator: ",") + metricBlanks + "\n"
      }.joined()
      for change in diff.metricChanges {
        out +=
          [
            CSV.field(diff.path), CSV.field(diff.city), "", "", "", "", "", "", CSV.field(change.column.id),
            machine(change.before),
            machine(change.after), change.change.map(JSONWriter.format) ?? "",
          ].joined(separator: ",") + "\n"
      }
      return out
    }
  }

  func text(_ diff: CityDiff, _ shown: [CityDiff.PillarChange]) -> String {
    guard !shown.isEmpty || !diff.metricChanges.isEmpty else { return "" }
    let name = diff.city.isEmpty ? "" : "  " + style.bold(diff.city)
    var out = "\(diff.path)\(name)\n"
    for change in shown {
      let arrow =
        change.after.stage > change.before.stage
        ? style.green("↑") : change.after.stage < change.before.stage ? style.red("↓") : " "
      out +=
        "  \(arrow) \(DisplayWidth.pad(change.pillar, to: 12)) \(shownStage(change.before.stage)) → \(shownStage(change.after.stage))"
      out +=
        style.dim(
          "  (" + t(.diffScore)
            + " \(ValueText.number(change.before.score, language)) → \(ValueText.number(change.after.score, language)))"
        )
        + "\n"
      for criterion in change.criteria.prefix(criteriaLimit) {
        out +=
          style.dim(
            "      " + t(.diffStage)
              + " \(criterion.stage) · \(criterion.id): \(outcomeName(criterion.before)) → \(outcomeName(criterion.after))"
          )
          + "\n"
      }
      if change.criteria.count > criteriaLimit {
        out +=
          style.dim(
            "      … "
              + t(.diffCountCriteriaLimitMore, ["count_criteria_limit": "\(change.criteria.count - criteriaLimit)"]))
          + "\n"
      }
    }
    for change in diff.metricChanges {
      let delta = change.change.map { " (" + ChangeText.signed($0, language) + ")" } ?? ""
      out +=
        "    \(DisplayWidth.pad(change.column.shortID, to: 12)) \(people(change.before)) → \(people(change.after))"
        + style.dim(delta) + "\n"
    }
    return out
  }

  func json(_ diff: CityDiff, _ shown: [CityDiff.PillarChange]) -> String {
    let writer = JSONWriter(pretty: false)
    writer.object {
      writer.key("file", diff.path)
      writer.key("city", diff.city)
      writer.key("overall_a", diff.overall.before)
      writer.key("overall_b", diff.overall.after)
      writer.key("changes") {
        writer.array {
          for change in shown {
            writer.object {
              writer.key("pillar", change.pillar)
              // null where the pillar is not assessed under that rule set
              writer.key("stage_a", change.before.stage > 0 ? change.before.stage : nil)
              writer.key("stage_b", change.after.stage > 0 ? change.after.stage : nil)
              writer.key("score_a", change.before.score)
              writer.key("score_b", change.after.score)
              writer.key("criteria") {
                writer.array {
                  for criterion in change.criteria {
                    writer.object {
                      writer.key("id", criterion.id)
                      writer.key("stage", criterion.stage)
                      writer.key("a", criterion.before?.name)
                      writer.key("b", criterion.after?.name)
                    }
                  }
                }
              }
            }
          }
        }
      }
      if !metrics.isEmpty {
        writer.key("metrics") {
          writer.array {
            for change in diff.metricChanges {
              writer.object {
                writer.key("id", change.column.id)
                writer.key("a")
                ValueText.json(change.before ?? .null, survey: survey, into: writer)
                writer.key("b")
                ValueText.json(change.after ?? .null, survey: survey, into: writer)
                writer.key("change", change.change)
              }
            }
          }
        }
      }
    }
    return writer.finish()
  }

  /// A metric's value as CSV writes it: empty when unknown.
  func machine(_ value: Value?) -> String {
    // Every digit, as score's CSV writes metrics: a diff must not round away the change it reports.
    value.flatMap { MetricCells.machine($0, survey: survey) }.map(CSV.field) ?? ""
  }

  /// A metric's value for people: "–" when unknown.
  func people(_ value: Value?) -> String {
    guard let value, !value.isUnknown else { return "–" }
    if let number = value.number { return ValueText.number(number, language) }
    return ValueText.code(value, survey: survey)
  }

  package func footer(_ summary: RuleSetDiffSummary) -> String {
    let pillars = survey.pillars.map(\.id)
    switch kind {
    case .text:
      var moves: [String] = []
      for pillar in pillars {
        if let up = summary.up[pillar] { moves.append("\(pillar) ↑\(up)") }
        if let down = summary.down[pillar] { moves.append("\(pillar) ↓\(down)") }
      }
      var line =
        summary.cities == 1
        ? t(.diff1CitySummaryCitiesWith, ["summary_cities_with_stage_changes": "\(summary.citiesWithStageChanges)"])
        : t(
          .diffSummaryCitiesCitiesSummaryCities,
          [
            "summary_cities": "\(summary.cities)",
            "summary_cities_with_stage_changes": "\(summary.citiesWithStageChanges)",
          ])
      if !moves.isEmpty { line += " (" + moves.joined(separator: ", ") + ")" }
      if summary.failed > 0 { line += "; " + t(.diffSummaryFailedFileSFailed, ["summary_failed": "\(summary.failed)"]) }
      var out = (summary.cities > 0 ? "\n" : "") + line + "\n"
      if summary.citiesWithStageChanges > 0 {
        out += style.dim(t(.diffCriterionNotThatRuleSet)) + "\n"
      }
      return out
    case .json:
      let writer = JSONWriter(pretty: false)
      writer.object {
        writer.key("cities", summary.cities)
        writer.key("cities_changing_stage", summary.citiesWithStageChanges)
        writer.key("failed", summary.failed)
        writer.key("up") {
          writer.object {
            for pillar in pillars { if let n = summary.up[pillar] { writer.key(named: pillar) { writer.int(n) } } }
          }
        }
        writer.key("down") {
          writer.object {
            for pillar in pillars { if let n = summary.down[pillar] { writer.key(named: pillar) { writer.int(n) } } }
          }
        }
      }
      return "\n],\"summary\":" + writer.finish() + "}\n"
    case .csv:
      return ""
    }
  }
}

enum JSONText {
  static func string(_ text: String) -> String {
    let writer = JSONWriter(pretty: false)
    writer.string(text)
    return writer.finish()
  }
}
