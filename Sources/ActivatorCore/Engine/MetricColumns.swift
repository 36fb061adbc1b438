/// Which metrics get a column of their own in batch outputs, summaries, cohort reports and
/// diffs: `--metric ID` (repeatable), `--metrics` for all, or by default the metrics the plugins
/// mark `headline: true`, or every metric when the rules have six or fewer (a column each stays
/// readable; WeGO's 38 would not).
package enum MetricSelection: Sendable, Equatable {
  case byDefault
  case all
  case ids([String])

  /// The first id asked for, if any.
  package var firstID: String? {
    if case .ids(let ids) = self { return ids.first }
    return nil
  }

  /// More metrics than this and none marked headline: no columns unless asked for.
  package static let defaultLimit = 6

  /// The chosen metrics of `program`, in the order given (`ids`) or declared; an id that names
  /// no metric is a `MetricSelectionError` with the nearest ids.
  package func columns(_ program: Program) throws(MetricSelectionError) -> [MetricColumn] {
    let metrics = program.metrics
    switch self {
    case .all:
      return metrics.map(MetricColumn.init)
    case .byDefault:
      let headline = metrics.filter(\.headline)
      if !headline.isEmpty { return headline.map(MetricColumn.init) }
      return metrics.count <= Self.defaultLimit ? metrics.map(MetricColumn.init) : []
    case .ids(let ids):
      var columns: [MetricColumn] = []
      for id in ids {
        let matching = metrics.filter { $0.qualifiedID == id || $0.id == id }
        guard matching.count == 1, let metric = matching.first else {
          throw MetricSelectionError(id: id, ambiguous: matching.count > 1, known: metrics.map(\.qualifiedID))
        }
        if !columns.contains(where: { $0.id == metric.qualifiedID }) { columns.append(MetricColumn(metric)) }
      }
      return columns
    }
  }
}

package struct MetricSelectionError: Error, Sendable {
  package var id: String
  /// The short id names metrics of two plugins: the qualified id (`plugin/id`) tells them apart.
  package var ambiguous: Bool
  package var known: [String]

  package init(id: String, ambiguous: Bool, known: [String]) {
    self.id = id
    self.ambiguous = ambiguous
    self.known = known
  }

  package var message: Message {
    if ambiguous { return Message(.metricAmbiguous, ["id": .text(id)]) }
    let shortIDs = known.map { String($0.split(separator: "/").last ?? Substring($0)) }
    return Message(
      .metricUnknown,
      [
        "id": .text(id), "hint": DidYouMean.hint(id, from: shortIDs + known),
        "known": .text(known.joined(separator: ", ")),
      ])
  }
}

/// A metric chosen for a column: found in each city's program by its qualified id, so files
/// scored by other versions of the rules fill the cells their programs can (the rest are empty).
package struct MetricColumn: Sendable {
  /// `plugin/id`.
  package var id: String
  package var shortID: String
  package var title: LocalizedText
  package var unit: LocalizedText?
  package var pool: PoolKind?

  package enum PoolKind: String, Sendable {
    case sum, ratio
  }

  package init(_ metric: Metric) {
    id = metric.qualifiedID
    shortID = metric.id
    title = metric.title
    unit = metric.unit
    switch metric.pool {
    case .sum?: pool = .sum
    case .ratio?: pool = .ratio
    case nil: pool = nil
    }
  }

  /// This metric's result in `a`, if its program has it.
  package func result(in a: Assessment) -> MetricResult? {
    guard let index = a.program.metrics.firstIndex(where: { $0.qualifiedID == id }) else { return nil }
    return a.metrics[index]
  }
}

/// One metric's numbers for one city, as a cohort keeps them.
package struct MetricSample: Sendable {
  /// The value when it is a number; nil when it is unknown (or not a number).
  package var value: Double?
  package var parts: (numerator: Double, denominator: Double)?

  package init(_ result: MetricResult?) {
    value = result?.value.number
    parts = result?.parts
  }
}

/// One metric across a cohort: how many cities have a value, their mean and median, and the
/// pooled figure where the metric says how to pool. Cities without a value (a pillar not
/// assessed, an answer not known) count in none of them: an aggregate always says over how
/// many cities it is computed.
package struct MetricAggregate: Sendable {
  package let column: MetricColumn
  /// Every value, kept for an exact median (one number per city and chosen metric).
  package private(set) var values: [Double] = []
  private var numerator = 0.0
  private var denominator = 0.0
  /// Cities whose parts entered the pooled ratio.
  package private(set) var pooledCities = 0

  package init(_ column: MetricColumn) {
    self.column = column
  }

  package mutating func add(_ sample: MetricSample) {
    if let value = sample.value { values.append(value) }
    if let (top, bottom) = sample.parts {
      numerator += top
      denominator += bottom
      pooledCities += 1
    }
  }

  /// Cities with a value.
  package var count: Int { values.count }

  package var mean: Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

  /// The middle value (the mean of the two middle ones for an even count).
  package var median: Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Σvalue for a sum; Σnumerator / Σdenominator for a ratio (nil while the denominators add
  /// up to zero); nil for a metric that declares no pool.
  package var pooled: Double? {
    switch column.pool {
    case .sum?: values.isEmpty ? nil : values.reduce(0, +)
    case .ratio?: denominator == 0 ? nil : numerator / denominator
    case nil: nil
    }
  }

  /// The cities the pooled figure covers.
  package var pooledOver: Int { column.pool == .ratio ? pooledCities : count }
}
