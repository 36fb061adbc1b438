package import ActivatorCore

/// The provenance of every catalog entry as a Markdown table (entry, city, source, last checked,
/// status, verified), generated from the loaded catalog so that it can never drift from it:
/// `activator catalog --provenance` writes docs/catalog-provenance.md, and a test holds the file
/// to the output.
package enum CatalogProvenanceTable {
  package static func markdown(_ program: Program, language: String = "en") -> String {
    let t = Localizer(language)
    let solutions = program.solutions.sorted { $0.id < $1.id }
    let programmes = program.programmes.sorted { $0.id < $1.id }
    var out = "# " + t(.provenanceCatalogProvenance) + "\n\n"
    out += t(.provenanceGeneratedByActivatorCatalogProvenance, ["rules": "\(rules(program))"])
    out += " " + t(.provenanceVerifiedMeansEveryFigureKey)
    out += "\n\n" + summary(solutions, programmes, t) + "\n"
    out += "\n## " + t(.reportSolutions) + "\n\n"
    out +=
      "| "
      + [
        t(.provenanceEntry), t(.provenanceCity), t(.reportSource2), t(.provenanceLastChecked), t(.provenanceStatus),
        t(.provenanceVerified),
      ]
      .joined(separator: " | ") + " |\n|---|---|---|---|---|---|\n"
    for solution in solutions {
      out += row([
        "`\(solution.id)`", MarkdownText.escape(t.text(solution.city)), source(solution.source),
        solution.provenance.lastChecked ?? "",
        t.status(solution.status), solution.verified ? t(.valueYes) : "**" + t(.valueNo) + "**",
      ])
    }
    out += "\n## " + t(.provenanceWegoProgrammes) + "\n\n"
    out +=
      "| "
      + [
        t(.provenanceProgramme), t(.reportSource2), t(.provenanceLastChecked), t(.provenanceStatus),
        t(.provenanceVerified),
      ]
      .joined(separator: " | ") + " |\n|---|---|---|---|---|\n"
    for programme in programmes {
      let status = programme.status.rawValue + (programme.lastSeen.map { " (\($0))" } ?? "")
      out += row([
        "`\(programme.id)`", source(programme.source), programme.provenance.lastChecked ?? "", status,
        programme.verified ? t(.valueYes) : "**" + t(.valueNo) + "**",
      ])
    }
    return out
  }

  static func rules(_ program: Program) -> String {
    program.plugins.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
  }

  static func summary(_ solutions: [Solution], _ programmes: [Programme], _ t: Localizer) -> String {
    let verified = solutions.count(where: \.verified)
    let statuses = SolutionStatus.allCases.map { status in
      "\(solutions.count { $0.status == status }) \(t.status(status))"
    }
    return t(
      .provenanceSolutionsCountSolutionsVerifiedVerified,
      [
        "solutions_count": "\(solutions.count)", "verified": "\(verified)",
        "statuses_joined": "\(statuses.joined(separator: ", "))", "programmes_count": "\(programmes.count)",
        "programmes_count2": "\(programmes.count(where: \.verified))",
      ])
  }

  static func source(_ url: String?) -> String {
    guard let url, let safe = Markup.safeURL(url) else { return "" }
    return "<\(safe.replacing(">", with: "%3E").replacing(" ", with: "%20"))>"
  }

  static func row(_ cells: [String]) -> String {
    "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
  }
}
