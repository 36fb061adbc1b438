package import ActivatorCore

/// Output of `activator test`: each fixture passed or failed (with the explanation of the
/// difference), then coverage of the rule set.
package enum FixtureReport {
  package static func text(
    _ results: [FixtureResult], coverage: [FixtureCoverage], style: Style, verbose: Bool, unreadable: Int = 0,
    language: String = "en"
  ) -> String {
    let t = Localizer(language)
    var out = ""
    for result in results {
      let place = "\(result.fixture.location.file):\(result.fixture.location.line)"
      if result.passed {
        if verbose { out += style.green("✓") + " \(result.fixture.name) " + style.dim(place) + "\n" }
        continue
      }
      out += style.red("✗") + " \(result.fixture.name) " + style.dim(place) + "\n"
      for failure in result.failures {
        out += "    \(failure.location): " + style.red("error:") + " \(t(failure.message))\n"
        for line in failure.explanation { out += style.dim("        \(t(line))") + "\n" }
      }
    }
    let failed = results.filter { !$0.passed }.count
    var summary = t(
      .fixtureSummary,
      ["count": .count(results.count), "passed": .count(results.count - failed), "failed": .count(failed)])
    if unreadable > 0 {
      summary = t(.fixtureSummaryUnreadable, ["summary": .text(summary), "count": .count(unreadable)])
    }
    out += "\n" + summary + "\n"
    for item in coverage {
      let metCount = item.criteria - item.neverMet.count
      let unmetCount = item.criteria - item.neverUnmet.count
      // Two majors of one plugin may both be loaded: the version tells their coverage apart.
      let name = item.plugin.map { plugin in item.version.map { plugin + " " + $0 } ?? plugin }
      let title = name.map { t(.fixtureCoverageOf, ["plugin": .text($0)]) } ?? t(.fixtureCoverage)
      out +=
        "\n" + style.bold(title) + t.locale.punctuated(":") + " "
        + t(
          .fixtureCoverageSummary,
          ["criteria": .count(item.criteria), "met": .count(metCount), "unmet": .count(unmetCount)]) + "\n"
      out += list(t(.fixtureNeverMet), item.neverMet, style, t)
      out += list(t(.fixtureNeverUnmet), item.neverUnmet, style, t)
      out += list(t(.fixtureOptionsNeverChosen), item.optionsNeverChosen, style, t)
      out += list(t(.fixtureSolutionsNeverRecommended), item.solutionsNeverRecommended, style, t)
    }
    return out
  }

  static func list(_ title: String, _ items: [String], _ style: Style, _ t: Localizer) -> String {
    guard !items.isEmpty else { return "  " + t(.fixtureListNone, ["title": .text(title)]) + "\n" }
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

  package static func json(_ results: [FixtureResult], coverage: [FixtureCoverage]) -> String {
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
                      writer.key("message", failure.message.text("en"))
                      writer.key("explanation", strings: failure.explanation.map { $0.text("en") })
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
              if let version = item.version { writer.key("version", version) }
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
