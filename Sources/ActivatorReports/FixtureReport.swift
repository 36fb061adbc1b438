public import ActivatorCore

/// Output of `activator test`: each fixture passed or failed (with the explanation of the
/// difference), then coverage of the rule set.
public enum FixtureReport {
  public static func text(
    _ results: [FixtureResult], coverage: [FixtureCoverage], style: Style, verbose: Bool, unreadable: Int = 0
  ) -> String {
    var out = ""
    for result in results {
      let place = "\(result.fixture.location.file):\(result.fixture.location.line)"
      if result.passed {
        if verbose { out += style.green("✓") + " \(result.fixture.name) " + style.dim(place) + "\n" }
        continue
      }
      out += style.red("✗") + " \(result.fixture.name) " + style.dim(place) + "\n"
      for failure in result.failures {
        out += "    \(failure.location): " + style.red("error:") + " \(failure.message)\n"
        for line in failure.explanation { out += style.dim("        \(line)") + "\n" }
      }
    }
    let failed = results.filter { !$0.passed }.count
    out += "\n\(results.count) fixture\(results.count == 1 ? "" : "s"): \(results.count - failed) passed, \(failed) failed"
    if unreadable > 0 { out += ", \(unreadable) fixture file\(unreadable == 1 ? "" : "s") with errors (see above)" }
    out += "\n"
    for item in coverage {
      let metCount = item.criteria - item.neverMet.count
      let unmetCount = item.criteria - item.neverUnmet.count
      let title = item.plugin.map { "Coverage of \($0)" } ?? "Coverage"
      out += "\n" + style.bold(title) + ": \(item.criteria) criteria; \(metCount) met and \(unmetCount) not met by some fixture\n"
      out += list("never met", item.neverMet, style)
      out += list("never unmet", item.neverUnmet, style)
      out += list("options never chosen", item.optionsNeverChosen, style)
      out += list("solutions never recommended", item.solutionsNeverRecommended, style)
    }
    return out
  }

  static func list(_ title: String, _ items: [String], _ style: Style) -> String {
    guard !items.isEmpty else { return "  \(title): none\n" }
    var out = "  \(title) (\(items.count)):\n"
    var line = "    "
    for item in items {
      if line.count + item.count + 2 > 100 {
        out += style.dim(line) + "\n"
        line = "    "
      }
      line += item + "  "
    }
    return out + style.dim(line) + "\n"
  }

  public static func json(_ results: [FixtureResult], coverage: [FixtureCoverage]) -> String {
    let writer = JSONWriter(pretty: true)
    writer.object {
      writer.key("fixtures") {
        writer.array {
          for result in results {
            writer.object {
              writer.key("name", result.fixture.name)
              writer.key("file", result.fixture.location.file)
              writer.key("line", result.fixture.location.line)
              writer.key("passed", result.passed)
              writer.key("failures") {
                writer.array {
                  for failure in result.failures {
                    writer.object {
                      writer.key("line", failure.location.line)
                      writer.key("column", failure.location.column)
                      writer.key("message", failure.message)
                      writer.key("explanation", strings: failure.explanation)
                    }
                  }
                }
              }
            }
          }
        }
      }
      writer.key("passed", results.filter(\.passed).count)
      writer.key("failed", results.filter { !$0.passed }.count)
      writer.key("coverage") {
        writer.array {
          for item in coverage {
            writer.object {
              writer.key("plugin", item.plugin)
              writer.key("criteria", item.criteria)
              writer.key("never_met", strings: item.neverMet)
              writer.key("never_unmet", strings: item.neverUnmet)
              writer.key("options_never_chosen", strings: item.optionsNeverChosen)
              writer.key("solutions_never_recommended", strings: item.solutionsNeverRecommended)
            }
          }
        }
      }
    }
    return writer.finish() + "\n"
  }
}
