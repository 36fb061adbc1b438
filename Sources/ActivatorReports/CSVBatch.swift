import ActivatorCore

/// CSV for spreadsheets and pipelines (RFC 4180, UTF-8, CRLF): one row per city with
/// stage, score, coverage and target per pillar; the cohort summary as one row per group and
/// pillar. Text a spreadsheet would run as a formula is neutralised (`CSV.field`).
struct CSVBatch: BatchRenderer {
  let survey: Survey
  /// Excel reads UTF-8 (accents in city names) only after a byte-order mark, which most other
  /// readers (Python's csv, pandas, DuckDB, R) take into the first column's name: so only on request.
  var byteOrderMark = false
  /// A column per chosen metric (its qualified id), empty where the city's value is unknown.
  var metrics: [MetricColumn] = []

  var start: String { byteOrderMark ? "\u{FEFF}" : "" }

  func header() -> String {
    var columns = [
      "file", "city", "country", "region", "language", "survey_version", "overall_stage", "pillars_assessed",
    ]
    for pillar in survey.pillars {
      // A pillar that is not assessed has an empty stage and score and `assessed` false.
      columns += [
        "\(pillar.id)_stage", "\(pillar.id)_score", "\(pillar.id)_coverage", "\(pillar.id)_assessed",
        "\(pillar.id)_target",
      ]
    }
    columns += metrics.map(\.id)
    columns += ["top_recommendations", "next_steps", "rules_hash"]
    return start + columns.map(CSV.field).joined(separator: ",") + "\r\n"
  }

  func row(_ a: Assessment) -> [UInt8] {
    // Written straight into bytes: this runs once per city in a batch.
    var row: [UInt8] = []
    row.reserveCapacity(512)
    func field(_ text: String) {
      if !row.isEmpty { row.append(0x2C) }
      CSV.append(text, to: &row)
    }
    func number(_ value: Int) {
      if !row.isEmpty { row.append(0x2C) }
      JSONWriter.appendDigits(value, to: &row)
    }
    func hundredths(_ value: Double) {
      // Two decimals, always ("3.50"), written as bytes. Exact for scores, which the scorer
      // rounds to hundredths: "3.50" reads back as the very double it came from.
      row.append(0x2C)
      let scaled = Int(saturating: (value * 100).rounded())
      if scaled < 0 { row.append(0x2D) }
      let magnitude = scaled.magnitude
      JSONWriter.appendDigits(Int(magnitude / 100), to: &row)
      row.append(0x2E)
      row.append(UInt8(0x30 + magnitude % 100 / 10))
      row.append(UInt8(0x30 + magnitude % 10))
    }
    func exact(_ value: Double) {
      // A share such as 2/3 keeps every digit: rounding it here would lose what the
      // confidence level was decided on.
      row.append(0x2C)
      JSONWriter.append(value, to: &row)
    }
    func blank() { row.append(0x2C) }
    field(a.sheet.path)
    field(a.sheet.city.name)
    field(a.sheet.city.country ?? "")
    field(a.sheet.city.region ?? "")
    field(a.sheet.language)
    field(a.sheet.surveyVersion.description)
    if let overall = a.overall { number(overall) } else { blank() }
    number(a.overallBasis.assessed)
    for pillar in a.pillars {
      if pillar.assessed {
        number(pillar.stage)
        hundredths(pillar.score)
      } else {
        blank()
        blank()
      }
      exact(pillar.coverage)
      field(pillar.assessed ? "true" : "false")
      if let target = pillar.target { number(target) } else { blank() }
    }
    for column in metrics {
      if let text = MetricCells.machine(column, a) { field(text) } else { blank() }
    }
    row.append(0x2C)
    CSV.appendJoined(a.recommendations.prefix(5).lazy.map { a.program.solutions[$0.solution].id }, to: &row)
    row.append(0x2C)
    CSV.appendJoined(a.nextSteps.lazy.map { a.program.programmes[$0.programme].id }, to: &row)
    field(a.program.hash)
    row.append(0x0D)
    row.append(0x0A)
    return row
  }

  func summary(_ cohort: CohortSummary) -> String {
    let stages = Array(1...max(1, survey.topStage))
    // Metrics add rows of their own (pillar cells empty) and columns that pillar rows leave empty.
    let metricColumns =
      metrics.isEmpty ? [] : ["metric", "cities_with_value", "mean", "median", "pool", "pooled", "pooled_over"]
    var out =
      start
      + (["scope", "pillar", "cities", "median_stage", "median_score"] + stages.map { "stage_\($0)" } + ["not_assessed"]
      + metricColumns).joined(separator: ",") + "\r\n"
    let number = { (value: Double?) in value.map(JSONWriter.format) ?? "" }
    for (scope, group) in cohort.groups() {
      for (index, pillar) in survey.pillars.enumerated() {
        var fields = [
          scope.code, pillar.id, String(group.cities), group.medianStage(index).map(String.init) ?? "",
          group.medianScore(index).map(ScoreText.exact) ?? "",
        ]
        fields += stages.map { String(group.stageCounts[index][$0]) } + [String(group.notAssessed(index))]
        fields += metricColumns.map { _ in "" }
        out += fields.map(CSV.field).joined(separator: ",") + "\r\n"
      }
      for aggregate in group.metrics {
        var fields = [scope.code, "", String(group.cities), "", ""] + stages.map { _ in "" } + [""]
        fields += [
          aggregate.column.id, String(aggregate.count), number(aggregate.mean), number(aggregate.median),
          aggregate.column.pool?.rawValue ?? "",
          number(aggregate.pooled), aggregate.column.pool == nil ? "" : String(aggregate.pooledOver),
        ]
        out += fields.map(CSV.field).joined(separator: ",") + "\r\n"
      }
    }
    return out
  }
}

enum CSV {
  /// `field(text)` appended as bytes: plain text (the common case) is copied as it is.
  static func append(_ text: String, to row: inout [UInt8]) {
    if !appendIfPlain(text, atFieldStart: true, to: &row) { row.append(contentsOf: field(text).utf8) }
  }

  /// `field(parts.joined(separator: "; "))` appended as bytes, without building the joined text
  /// when no part needs quoting (ids never do).
  static func appendJoined<Parts: Sequence<String>>(_ parts: Parts, to row: inout [UInt8]) {
    let start = row.count
    var atFieldStart = true
    for part in parts {
      if !atFieldStart {
        row.append(0x3B)
        row.append(0x20)
      }
      guard appendIfPlain(part, atFieldStart: atFieldStart, to: &row) else {
        row.removeSubrange(start...)
        append(parts.joined(separator: "; "), to: &row)
        return
      }
      atFieldStart = false
    }
  }

  /// Appends `text` when it needs no quoting (and, at the start of a field, does not look like a
  /// formula); returns whether it did.
  private static func appendIfPlain(_ text: String, atFieldStart: Bool, to row: inout [UInt8]) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes -> Bool in
      // Anything that could start a formula takes the careful path in `field`.
      if atFieldStart, let first = bytes.first,
        first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
          || first == 0x20
          || first == 0xC2 || first == 0xE3 || first == 0xEF
      {
        return false
      }
      for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
      row.append(contentsOf: bytes)
      return true
    }
  }

  /// RFC 4180 quoting, plus a leading apostrophe on text a spreadsheet would run as a formula.
  static func field(_ value: String) -> String {
    var text = value
    if looksLikeFormula(text) { text = "'" + text }
    if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
      return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
    return text
  }

  /// Whether a spreadsheet could run `text` as a formula: it starts, after any spaces, with
  /// `=`, `+`, `-` or `@`, or their full-width forms (`＝＋－＠`, which some spreadsheets read as
  /// the same), or with a tab or carriage return. Plain numbers such as `-5` are numbers.
  static func looksLikeFormula(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return false }
    if first == "\t" || first == "\r" { return true }
    let spaces: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{3000}"]
    guard let lead = text.unicodeScalars.first(where: { !spaces.contains($0) }) else { return false }
    switch lead {
    case "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FE63}", "\u{FF20}": return Double(text) == nil
    default: return false
    }
  }
}
