import ActivatorCore

/// What `activator report` writes: one city, a cohort, or one city's progress. Each is a model
/// that has worked out every figure and sentence once, in the report's language.
package enum ReportDocument: Sendable {
  case city(CityReport)
  case cohort(CohortReport)
  case progress(ProgressReport)

  /// The language the report is written in.
  package var language: String {
    switch self {
    case .city(let report): report.language
    case .cohort(let report): report.language
    case .progress(let report): report.language
    }
  }
}

/// A format people read reports in. A renderer only lays out what the model says, so two
/// formats cannot disagree on content; each format is a type of its own (`HTMLReport`,
/// `MarkdownReport`), in the files named after it.
package protocol ReportRenderer: Sendable {
  func render(_ document: ReportDocument) -> String
}

/// Changes as reports write them, in every format.
enum ChangeText {
  /// "▲ +1", "▼ −2" or "=" for a change of stage.
  static func arrow(_ change: Int) -> String {
    change > 0 ? "▲ +\(change)" : change < 0 ? "▼ −\(-change)" : "="
  }

  /// "+0.25", "−1,5" or "±0" for a change of score, to hundredths, in `language`'s notation.
  static func signed(_ value: Double, _ language: String) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded > 0
      ? "+" + ValueText.number(rounded, language) : rounded < 0 ? "−" + ValueText.number(-rounded, language) : "±0"
  }
}
