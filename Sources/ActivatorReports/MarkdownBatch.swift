import ActivatorCore

/// A Markdown table: one row per city with its stage per pillar, and the cohort summary as a
/// table per group. Text from files is escaped (`MarkdownText`).
struct MarkdownBatch: BatchRenderer {
  let survey: Survey
  let language: String
  /// A column per chosen metric, headed by its title.
  var metrics: [MetricColumn] = []

  func header() -> String {
    let t = Localizer(language)
    var line =
      "| \(t(.batchCity)) | \(t(.batchCountry)) | \(t(.batchRegion)) | "
      + (survey.pillars.map { MarkdownText.escape($0.name.text(language)) }
      + metrics.map { MarkdownText.escape(t.text($0.title)) }).joined(separator: " | ")
      + " | \(t(.batchOverall)) |\n"
    line +=
      "|---|---|---|" + survey.pillars.map { _ in "---:|" }.joined() + metrics.map { _ in "---:|" }.joined() + "---:|\n"
    return line
  }

  func row(_ a: Assessment) -> [UInt8] {
    let city = a.sheet.city
    var line =
      "| " + MarkdownText.escape(city.name) + " | " + MarkdownText.escape(city.country ?? "") + " | "
      + MarkdownText.escape(city.region.map { Regions.name($0, language: language) } ?? "") + " |"
    for pillar in a.pillars { line += pillar.assessed ? " \(pillar.stage) |" : " \(StatusMark.notAssessed.glyph) |" }
    if !metrics.isEmpty {
      let t = Localizer(language)
      for column in metrics { line += " " + MarkdownText.escape(MetricCells.people(column, a, t)) + " |" }
    }
    line += " \(a.overall.map(String.init) ?? "–") |\n"
    return Array(line.utf8)
  }

  func summary(_ cohort: CohortSummary) -> String {
    let t = Localizer(language)
    let stages = Array(1...max(1, survey.topStage))
    var out = ""
    for (scope, group) in cohort.groups() {
      out +=
        "\n### \(MarkdownText.escape(scope.title(t))) (\(group.cities))\n\n| " + t(.batchPillar) + " | "
        + t(.batchMedianStage) + " | "
        + t(.batchMedianScore) + " | " + stages.map { t(.batchStage) + " \($0)" }.joined(separator: " | ") + " | "
        + t(.wordNotAssessedTitle) + " |\n"
      out += "|---|---:|---:|" + stages.map { _ in "---:|" }.joined() + "---:|\n"
      for (index, pillar) in survey.pillars.enumerated() {
        out +=
          "| \(pillar.name.text(language)) | \(group.medianStage(index).map(String.init) ?? "–") | "
          + "\(group.medianScore(index).map(ScoreText.fixed) ?? "–") | "
          + stages.map { String(group.stageCounts[index][$0]) }.joined(separator: " | ")
          + " | \(group.notAssessed(index)) |\n"
      }
      out += metricSummary(group, t)
    }
    return out
  }

  /// The chosen metrics across a group: over how many cities, mean, median, pooled.
  func metricSummary(_ group: CohortSummary.Group, _ t: Localizer) -> String {
    guard !group.metrics.isEmpty else { return "" }
    var out =
      "\n| \(t(.batchMetric)) | \(t(.batchWithValue)) | \(t(.batchMean)) | \(t(.batchMedianValue)) | \(t(.batchPooled)) |\n|---|---:|---:|---:|---:|\n"
    for aggregate in group.metrics {
      let pooled =
        aggregate.column.pool == nil
        ? "" : MetricCells.people(aggregate.pooled, language) + " (\(aggregate.pooledOver))"
      out +=
        "| \(MarkdownText.escape(t.text(aggregate.column.title))) | \(aggregate.count)/\(group.cities) | "
        + "\(MetricCells.people(aggregate.mean, language)) | \(MetricCells.people(aggregate.median, language)) | \(pooled) |\n"
    }
    return out
  }
}
