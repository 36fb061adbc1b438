package import ActivatorCore

/// One way of writing many results (`activator score` on several files): a header, one row per
/// city, separators between rows, a footer, or the cohort summary instead of the rows. Each
/// format is one type in its own file; `BatchFormat` names them for `--format`.
package protocol BatchRenderer: Sendable {
  /// Written before the first row.
  func header() -> String
  /// Written before every row but the first.
  var separator: String { get }
  /// One city's row. Rows are rendered on worker threads, so a row depends on its own result only.
  func row(_ a: Assessment) -> [UInt8]
  /// Written after the last row.
  func footer() -> String
  /// The cohort summary (stages per pillar, medians, per region), written instead of the rows.
  func summary(_ cohort: CohortSummary) -> String
}

extension BatchRenderer {
  package var separator: String { "" }
  package func footer() -> String { "" }
}

/// The batch formats, by the name `--format` takes. Adding one is a file with its
/// `BatchRenderer` and a case here.
package enum BatchFormat: String, Sendable, CaseIterable {
  case table, csv, json, jsonl, md

  /// Whether people read it, in one language: its words follow the reader's language, while the
  /// machine formats keep each file's own.
  package var isForPeople: Bool { self == .table || self == .md }

  /// - Parameters:
  ///   - language: the reader's language, for the formats people read.
  ///   - color: terminal colours, for the table.
  ///   - detail: every criterion and recommendation, for JSON.
  ///   - byteOrderMark: CSV starts with one (`--excel`).
  ///   - scores: the table shows scores instead of stages.
  ///   - metrics: the metrics shown as columns, and aggregated in the summary.
  package func renderer(
    survey: Survey, language: String, color: Bool, detail: Bool, byteOrderMark: Bool = false, scores: Bool = false,
    metrics: [MetricColumn] = []
  ) -> any BatchRenderer {
    switch self {
    case .table: TableBatch(survey: survey, language: language, color: color, scores: scores, metrics: metrics)
    case .csv: CSVBatch(survey: survey, byteOrderMark: byteOrderMark, metrics: metrics)
    case .json: JSONBatch(survey: survey, lines: false, detail: detail, metrics: metrics)
    case .jsonl: JSONBatch(survey: survey, lines: true, detail: detail, metrics: metrics)
    case .md: MarkdownBatch(survey: survey, language: language, metrics: metrics)
    }
  }
}

extension CohortSummary {
  /// The groups a summary lists: all cities, then each region in name order.
  func groups() -> [(scope: Scope, group: Group)] {
    [(.all, all)] + regions.sorted { $0.key < $1.key }.map { (.region($0.key), $0.value) }
  }

  enum Scope {
    case all
    case region(String)

    /// As machine formats write it: `all`, `region: Asia`.
    var code: String {
      switch self {
      case .all: "all"
      case .region(let name): "region: " + name
      }
    }

    /// As people read it, in `t`'s language.
    func title(_ t: Localizer) -> String {
      switch self {
      case .all: t(.batchAllCities)
      case .region(let name):
        name == CohortSummary.otherRegions ? t(.batchOtherRegions) : Regions.name(name, language: t.language)
      }
    }
  }
}

/// Scores as tables show them.
enum ScoreText {
  /// Two decimals, always ("3.50").
  static func fixed(_ value: Double) -> String {
    let hundredths = Int(saturating: (value * 100).rounded())
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    var text = hundredths < 0 ? "-" : ""
    text += String(magnitude / 100)
    text += fraction < 10 ? ".0" : "."
    text += String(fraction)
    return text
  }

  /// Two decimals when they say exactly what the value is ("3.50"), every digit otherwise: a
  /// median of two scores can fall between hundredths (2.665).
  static func exact(_ value: Double) -> String {
    let twoDecimals = fixed(value)
    return Double(twoDecimals) == value ? twoDecimals : JSONWriter.format(value)
  }
}
