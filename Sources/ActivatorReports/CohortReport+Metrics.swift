import ActivatorCore

/// The cohort report's metrics, worded once for every format: the aggregates of each group and
/// each city's values, in the report's order (the ranking's, when there is one).
extension CohortReport {
  /// Header and rows of the aggregates table: metric, group, cities with a value, mean, median,
  /// pooled (with the cities it covers).
  func metricAggregateRows(_ t: Localizer) -> (header: [String], rows: [[String]]) {
    let header = [
      t(.batchMetric), t(.cohortGroup), t(.batchWithValue), t(.batchMean), t(.batchMedianValue), t(.batchPooled),
    ]
    var rows: [[String]] = []
    for (index, column) in metrics.enumerated() {
      for group in [all] + regions where index < group.metrics.count {
        let aggregate = group.metrics[index]
        let pooled = column.pool == nil ? "—" : number(aggregate.pooled) + " (\(aggregate.pooledOver))"
        rows.append([
          metricTitle(column, t), group.name, "\(aggregate.count)/\(group.cities)", number(aggregate.mean),
          number(aggregate.median), pooled,
        ])
      }
    }
    return (header, rows)
  }

  /// Header and rows of the per-city table: place (when ranked), city, then a value per metric.
  func metricCityRows(_ t: Localizer) -> (header: [String], rows: [[String]]) {
    let ranked = ranking != nil
    let header = (ranked ? [t(.cohortRank)] : []) + [t(.cohortCity)] + metrics.map { metricTitle($0, t) }
    let rows = cities.map { city in
      (ranked ? [city.rank.map(String.init) ?? "—"] : []) + [city.name] + city.metrics.map(number)
    }
    return (header, rows)
  }

  /// "Cities ranked by …, highest first; …", or nil without a ranking.
  func rankingNote(_ t: Localizer) -> String? {
    guard let ranking else { return nil }
    let direction = ranking.ascending ? t(.cohortLowestFirst) : t(.cohortHighestFirst)
    return t(
      .cohortRankedBy, ["metric": .text(metricTitle(metrics[ranking.metric], t)), "direction": .text(direction)])
  }

  func metricTitle(_ column: MetricColumn, _ t: Localizer) -> String {
    let title = t.text(column.title)
    guard let unit = column.unit.map({ t.text($0) }), !unit.isEmpty else { return title }
    return title + " (" + unit + ")"
  }

  func number(_ value: Double?) -> String { value.map { ValueText.number($0, language) } ?? "—" }
}
