import ActivatorCore

/// A table for the terminal: one line per city with its stage (or score) per pillar, coloured by
/// stage, and the cohort summary as a table per group.
struct TableBatch: BatchRenderer {
  let survey: Survey
  let language: String
  let color: Bool
  /// Scores ("3.57") instead of stages in the pillar columns.
  var scores = false
  /// A column per chosen metric, headed by its short id.
  var metrics: [MetricColumn] = []

  static let metricWidth = 14

  var pillarWidth: Int { scores ? 6 : 3 }

  func header() -> String {
    let t = Localizer(language)
    var line =
      DisplayWidth.pad(t(.batchCity), to: 26) + DisplayWidth.pad(t(.batchCountry), to: 14)
      + DisplayWidth.pad(t(.batchRegion), to: 16)
    line += survey.pillars.map { DisplayWidth.padLeft(String($0.id.prefix(3)).uppercased(), to: pillarWidth + 1) }
      .joined()
    line += metrics.map {
      " " + DisplayWidth.padLeft(DisplayWidth.truncate($0.shortID, to: Self.metricWidth - 1), to: Self.metricWidth - 1)
    }.joined()
    line += "  " + t(.batchOverall)
    return Style(color: color).bold(line) + "\n"
  }

  func row(_ a: Assessment) -> [UInt8] {
    let style = Style(color: color)
    let city = a.sheet.city
    // One line per city: what the file says is shown inert, whatever reads the table.
    var line = DisplayWidth.pad(DisplayWidth.truncate(InertText.line(city.name), to: 25), to: 26)
    line += DisplayWidth.pad(
      DisplayWidth.truncate(
        InertText.line(city.country.map { Regions.countryName($0, language: language) } ?? ""), to: 13), to: 14)
    line += DisplayWidth.pad(
      DisplayWidth.truncate(InertText.line(city.region.map { Regions.name($0, language: language) } ?? ""), to: 15),
      to: 16)
    for pillar in a.pillars {
      guard pillar.assessed else {
        line += style.yellow(DisplayWidth.padLeft(StatusMark.notAssessed.glyph, to: 3)) + " "
        continue
      }
      let mark = pillar.confidence == .low ? StatusMark.lowConfidence.glyph : " "
      let shown = scores ? ScoreText.fixed(pillar.score) : "\(pillar.stage)"
      line += style.stage(DisplayWidth.padLeft(shown, to: pillarWidth), pillar.stage, top: survey.topStage) + mark
    }
    if !metrics.isEmpty {
      let t = Localizer(language)
      for column in metrics {
        line +=
          " "
          + DisplayWidth.padLeft(
            DisplayWidth.truncate(InertText.line(MetricCells.people(column, a, t)), to: Self.metricWidth - 1),
            to: Self.metricWidth - 1)
      }
    }
    line += "  " + (a.overall.map { "\($0) \(a.survey.stageName($0, language))" } ?? "–")
    // "(5/6)": the overall stage rests on fewer pillars than the survey has.
    if a.overall != nil, a.overallBasis.assessed < a.overallBasis.pillars {
      line += " (\(a.overallBasis.assessed)/\(a.overallBasis.pillars))"
    }
    return Array((line + "\n").utf8)
  }

  func summary(_ cohort: CohortSummary) -> String {
    let t = Localizer(language)
    let style = Style(color: color)
    let stages = Array(1...max(1, survey.topStage))
    var out = ""
    for (scope, group) in cohort.groups() {
      out += "\n" + style.bold("\(scope.title(t)) — \(group.cities) " + t(.batchCities)) + "\n"
      out +=
        style.dim(
          DisplayWidth.pad(t(.batchPillar), to: 30) + t(.batchMedian) + "  " + t(.diffScore) + "   "
            + stages.map { DisplayWidth.padLeft("\($0)", to: 6) }.joined()
            + DisplayWidth.padLeft(StatusMark.notAssessed.glyph, to: 6)) + "\n"
      for (index, pillar) in survey.pillars.enumerated() {
        let median = group.medianStage(index).map(String.init) ?? "–"
        out +=
          DisplayWidth.pad(pillar.name.text(language), to: 30) + DisplayWidth.padLeft(median, to: 6) + "  "
          + DisplayWidth.padLeft(group.medianScore(index).map(ScoreText.fixed) ?? "–", to: 6) + "   "
          + stages.map { DisplayWidth.padLeft(String(group.stageCounts[index][$0]), to: 6) }.joined()
          + DisplayWidth.padLeft(String(group.notAssessed(index)), to: 6) + "\n"
      }
      out += metricSummary(group, t, style)
    }
    out += "\n" + style.dim("\(StatusMark.notAssessed.glyph) " + t.notAssessed) + "\n"
    return out
  }

  /// The chosen metrics across a group: over how many cities, mean, median, pooled.
  func metricSummary(_ group: CohortSummary.Group, _ t: Localizer, _ style: Style) -> String {
    guard !group.metrics.isEmpty else { return "" }
    let width = 14
    var out =
      "\n"
      + style.dim(
        DisplayWidth.pad(t(.batchMetric), to: 30)
          + [t(.batchWithValue), t(.batchMean), t(.batchMedianValue), t(.batchPooled)].map {
            DisplayWidth.padLeft(DisplayWidth.truncate($0, to: width - 1), to: width)
          }.joined()) + "\n"
    for aggregate in group.metrics {
      let cells = [
        "\(aggregate.count)/\(group.cities)", MetricCells.people(aggregate.mean, language),
        MetricCells.people(aggregate.median, language),
        aggregate.column.pool == nil
          ? "" : MetricCells.people(aggregate.pooled, language) + " (\(aggregate.pooledOver))",
      ]
      out +=
        DisplayWidth.pad(DisplayWidth.truncate(t.text(aggregate.column.title), to: 29), to: 30)
        + cells.map { DisplayWidth.padLeft($0, to: width) }.joined() + "\n"
    }
    return out
  }
}
