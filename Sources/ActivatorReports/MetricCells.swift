package import ActivatorCore

/// How the batch formats write a chosen metric (`MetricColumn`) for one city and across a
/// cohort: a value nobody knows is an empty cell, null or a dash, never 0.
enum MetricCells {
  /// Machine text (CSV): numbers with every digit, true/false, option values; nil when unknown.
  static func machine(_ column: MetricColumn, _ a: Assessment) -> String? {
    guard let result = column.result(in: a) else { return nil }
    return machine(result.value, survey: a.survey)
  }

  /// A metric's value as machine text, wherever CSV writes one (score, diff); nil when unknown.
  static func machine(_ value: Value, survey: Survey) -> String? {
    switch value {
    case .int(let n): return String(n)
    case .double(let d) where d.isFinite: return JSONWriter.format(d)
    case .bool(let b): return b ? "true" : "false"
    case .string, .choice: return ValueText.code(value, survey: survey)
    default: return nil
    }
  }

  /// For people: the language's notation with the metric's unit, or "–" when unknown.
  static func people(_ column: MetricColumn, _ a: Assessment, _ t: Localizer) -> String {
    guard let result = column.result(in: a) else { return "–" }
    switch result.value {
    case .unknown, .null, .error, .list: return "–"
    default: return t.metricValue(result, a)
    }
  }

  /// An aggregate's number for people ("–" when there is none).
  static func people(_ value: Double?, _ language: String) -> String {
    value.map { ValueText.number($0, language) } ?? "–"
  }

  /// The aggregates of a group as JSON: each chosen metric with the cities it is computed over.
  static func json(_ aggregates: [MetricAggregate], into writer: JSONWriter) {
    writer.key("metrics") {
      writer.array {
        for aggregate in aggregates {
          writer.object {
            writer.key("id", aggregate.column.id)
            writer.key("cities_with_value", aggregate.count)
            writer.key("mean", aggregate.mean)
            writer.key("median", aggregate.median)
            writer.key("pool", aggregate.column.pool?.rawValue)
            writer.key("pooled", aggregate.pooled)
            writer.key("pooled_over", aggregate.column.pool == nil ? nil : aggregate.pooledOver)
          }
        }
      }
    }
  }
}
