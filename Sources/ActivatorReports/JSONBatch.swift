import ActivatorCore

/// JSON: one array of results (`json`, pretty) or one result per line (`jsonl`), each written
/// as `AssessmentJSON` writes a single result; the cohort summary as one object.
struct JSONBatch: BatchRenderer {
  let survey: Survey
  /// One compact object per line rather than a pretty array.
  let lines: Bool
  /// Every criterion and recommendation rather than the first five recommendations.
  let detail: Bool
  /// Chosen metrics, written flat under `metric_values` (a column each in pandas or DuckDB).
  var metrics: [MetricColumn] = []

  func header() -> String { lines ? "" : "[\n" }

  var separator: String { lines ? "" : ",\n" }

  func footer() -> String { lines ? "" : "\n]\n" }

  func row(_ a: Assessment) -> [UInt8] {
    // Pretty rows nest one level inside the top-level array: the writer indents every line after
    // the first, and the first gets its two spaces here.
    let writer = JSONWriter(pretty: !lines, reserve: detail ? 64 << 10 : 32 << 10, indent: lines ? 0 : 1)
    if !lines { writer.rawByte(0x20, count: 2) }
    var options = AssessmentJSON.Options(criteria: detail, recommendationLimit: detail ? nil : 5, pretty: !lines)
    options.metricColumns = metrics
    AssessmentJSON.write(a, options: options, into: writer)
    if lines { writer.rawByte(0x0A) }
    return writer.takeBytes()
  }

  func summary(_ cohort: CohortSummary) -> String {
    let stages = Array(1...max(1, survey.topStage))
    let writer = JSONWriter(pretty: !lines)
    writer.object {
      writer.key("groups") {
        writer.array {
          for (scope, group) in cohort.groups() {
            writer.object {
              writer.key("scope", scope.code)
              writer.key("cities", group.cities)
              writer.key("median_overall", group.medianOverall)
              writer.key("pillars") {
                writer.array {
                  for (index, pillar) in survey.pillars.enumerated() {
                    writer.object {
                      writer.key("id", pillar.id)
                      writer.key("median_stage", group.medianStage(index))
                      writer.key("median_score", group.medianScore(index))
                      writer.key("stages") {
                        writer.array { for stage in stages { writer.int(group.stageCounts[index][stage]) } }
                      }
                      writer.key("not_assessed", group.notAssessed(index))
                    }
                  }
                }
              }
              if !group.metrics.isEmpty { MetricCells.json(group.metrics, into: writer) }
            }
          }
        }
      }
    }
    return writer.finish() + "\n"
  }
}
