public import ActivatorCore

/// How `activator score` writes many results: a header, one row per city (rendered on worker
/// threads, so each row depends on its own result only), a footer, and the cohort summary.
public struct BatchFormat: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case table, csv, json, jsonl, md
  }

  public let kind: Kind
  public let survey: Survey
  public let language: String?
  public let color: Bool
  /// Include every criterion in JSON output.
  public let detail: Bool

  public init(kind: Kind, survey: Survey, language: String?, color: Bool, detail: Bool = false) {
    self.kind = kind
    self.survey = survey
    self.language = language
    self.color = color
    self.detail = detail
  }

  var abbreviations: [String] {
    survey.pillars.map { String($0.id.prefix(3)).uppercased() }
  }

  // MARK: - Rows

  public func header() -> String {
    switch kind {
    case .table:
      let t = Localizer(language ?? "en")
      var line = DisplayWidth.pad(t(.batchCity), to: 26) + DisplayWidth.pad(t(.batchCountry), to: 14) + DisplayWidth.pad(t(.batchRegion), to: 16)
      line += abbreviations.map { DisplayWidth.padLeft($0, to: 4) }.joined() + "  " + t(.batchOverall)
      return Style(color: color).bold(line) + "\n"
    case .csv:
      var columns = ["file", "city", "country", "region", "language", "survey_version", "overall_stage"]
      for pillar in survey.pillars {
        columns += ["\(pillar.id)_stage", "\(pillar.id)_score", "\(pillar.id)_coverage", "\(pillar.id)_target"]
      }
      columns += ["top_recommendations", "next_steps", "rules_hash"]
      // A byte-order mark lets spreadsheet programs recognise UTF-8 (accents in city names).
      return "\u{FEFF}" + columns.map(CSV.field).joined(separator: ",") + "\r\n"
    case .json: return "[\n"
    case .jsonl: return ""
    case .md:
      let t = Localizer(language ?? "en")
      var line = "| \(t(.batchCity)) | \(t(.batchCountry)) | \(t(.batchRegion)) | "
        + survey.pillars.map { MarkdownText.escape($0.name.text(language ?? "en")) }.joined(separator: " | ") + " | \(t(.batchOverall)) |\n"
      line += "|---|---|---|" + survey.pillars.map { _ in "---:|" }.joined() + "---:|\n"
      return line
    }
  }

  /// Separator written before every row but the first.
  public var separator: String { kind == .json ? ",\n" : "" }

  public func footer() -> String { kind == .json ? "\n]\n" : "" }

  public func row(_ a: Assessment) -> [UInt8] {
    let language = self.language ?? a.language
    switch kind {
    case .table:
      let style = Style(color: color)
      let city = a.sheet.city
      // One line per city: what the file says is shown inert, whatever reads the table.
      var line = DisplayWidth.pad(DisplayWidth.truncate(InertText.line(city.name), to: 25), to: 26)
      line += DisplayWidth.pad(DisplayWidth.truncate(InertText.line(city.country ?? ""), to: 13), to: 14)
      line += DisplayWidth.pad(DisplayWidth.truncate(InertText.line(city.region ?? ""), to: 15), to: 16)
      for pillar in a.pillars {
        let mark = pillar.confidence == .low ? StatusMark.lowConfidence.glyph : " "
        line += style.stage(DisplayWidth.padLeft("\(pillar.stage)", to: 3), pillar.stage, top: survey.topStage) + mark
      }
      line += "  " + (a.overall.map { "\($0) \(a.survey.stageName($0, language))" } ?? "–")
      return Array((line + "\n").utf8)
    case .csv:
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
      for pillar in a.pillars {
        number(pillar.stage)
        hundredths(pillar.score)
        exact(pillar.coverage)
        if let target = pillar.target { number(target) } else { blank() }
      }
      row.append(0x2C)
      CSV.appendJoined(a.recommendations.prefix(5).lazy.map { a.program.solutions[$0.solution].id }, to: &row)
      row.append(0x2C)
      CSV.appendJoined(a.nextSteps.lazy.map { a.program.programmes[$0.programme].id }, to: &row)
      field(a.program.hash)
      row.append(0x0D)
      row.append(0x0A)
      return row
    case .json:
      let writer = JSONWriter(pretty: true)
      AssessmentJSON.write(a, options: .init(criteria: detail, recommendationLimit: detail ? nil : 5, pretty: true), into: writer)
      return indent(writer.bytes)
    case .jsonl:
      let writer = JSONWriter(pretty: false)
      AssessmentJSON.write(a, options: .init(criteria: detail, recommendationLimit: detail ? nil : 5, pretty: false), into: writer)
      var bytes = writer.bytes
      bytes.append(0x0A)
      return bytes
    case .md:
      var line = "| " + MarkdownText.escape(a.sheet.city.name) + " | " + MarkdownText.escape(a.sheet.city.country ?? "") + " | "
        + MarkdownText.escape(a.sheet.city.region ?? "") + " |"
      for pillar in a.pillars { line += " \(pillar.stage) |" }
      line += " \(a.overall.map(String.init) ?? "–") |\n"
      return Array(line.utf8)
    }
  }

  /// Indents pretty JSON by two spaces so it nests inside the top-level array.
  func indent(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x20, 0x20]
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      out.append(byte)
      if byte == 0x0A { out += [0x20, 0x20] }
    }
    return out
  }

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
  static func exactScore(_ value: Double) -> String {
    let twoDecimals = fixed(value)
    return Double(twoDecimals) == value ? twoDecimals : JSONWriter.format(value)
  }

  // MARK: - Cohort summary

  public func summary(_ cohort: CohortSummary) -> String {
    let groups = [("all", cohort.all)] + cohort.regions.sorted { $0.key < $1.key }.map { ("region: " + $0.key, $0.value) }
    let stages = Array(1...max(1, survey.topStage))
    switch kind {
    case .csv:
      var out = "\u{FEFF}" + (["scope", "pillar", "cities", "median_stage", "median_score"] + stages.map { "stage_\($0)" }).joined(separator: ",") + "\r\n"
      for (scope, group) in groups {
        for (index, pillar) in survey.pillars.enumerated() {
          var fields = [scope, pillar.id, String(group.cities), group.medianStage(index).map(String.init) ?? "", group.medianScore(index).map(Self.exactScore) ?? ""]
          fields += stages.map { String(group.stageCounts[index][$0]) }
          out += fields.map(CSV.field).joined(separator: ",") + "\r\n"
        }
      }
      return out
    case .json, .jsonl:
      let writer = JSONWriter(pretty: kind == .json)
      writer.object {
        writer.key("groups") {
          writer.array {
            for (scope, group) in groups {
              writer.object {
                writer.key("scope", scope)
                writer.key("cities", group.cities)
                writer.key("median_overall", group.medianOverall)
                writer.key("pillars") {
                  writer.array {
                    for (index, pillar) in survey.pillars.enumerated() {
                      writer.object {
                        writer.key("id", pillar.id)
                        writer.key("median_stage", group.medianStage(index))
                        writer.key("median_score", group.medianScore(index))
                        writer.key("stages") { writer.array { for stage in stages { writer.int(group.stageCounts[index][stage]) } } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      return writer.finish() + "\n"
    case .table, .md:
      let t = Localizer(language ?? "en")
      var out = ""
      for (scope, group) in groups {
        let region = String(scope.dropFirst("region: ".count))
        let title = scope == "all" ? t(.batchAllCities) : region == CohortSummary.otherRegions ? t(.batchOtherRegions) : region
        if kind == .md {
          out += "\n### \(MarkdownText.escape(title)) (\(group.cities))\n\n| " + t(.batchPillar) + " | " + t(.batchMedianStage) + " | "
            + t(.batchMedianScore) + " | " + stages.map { t(.batchStage) + " \($0)" }.joined(separator: " | ") + " |\n"
          out += "|---|---:|---:|" + stages.map { _ in "---:|" }.joined() + "\n"
          for (index, pillar) in survey.pillars.enumerated() {
            out += "| \(pillar.name.text(language ?? "en")) | \(group.medianStage(index).map(String.init) ?? "–") | \(group.medianScore(index).map(Self.fixed) ?? "–") | "
              + stages.map { String(group.stageCounts[index][$0]) }.joined(separator: " | ") + " |\n"
          }
        } else {
          let style = Style(color: color)
          out += "\n" + style.bold("\(title) — \(group.cities) " + t(.batchCities)) + "\n"
          out += style.dim(DisplayWidth.pad(t(.batchPillar), to: 30) + t(.batchMedian) + "  " + t(.diffScore) + "   "
            + stages.map { DisplayWidth.padLeft("\($0)", to: 6) }.joined()) + "\n"
          for (index, pillar) in survey.pillars.enumerated() {
            let median = group.medianStage(index).map(String.init) ?? "–"
            out += DisplayWidth.pad(pillar.name.text(language ?? "en"), to: 30) + DisplayWidth.padLeft(median, to: 6) + "  "
              + DisplayWidth.padLeft(group.medianScore(index).map(Self.fixed) ?? "–", to: 6) + "   "
              + stages.map { DisplayWidth.padLeft(String(group.stageCounts[index][$0]), to: 6) }.joined() + "\n"
          }
        }
      }
      return out
    }
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
      if !atFieldStart { row.append(0x3B); row.append(0x20) }
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
        first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D || first == 0x20
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
