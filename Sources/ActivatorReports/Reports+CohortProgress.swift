import ActivatorCore

extension MarkdownReport {
  public static func cohort(_ r: CohortReport) -> String {
    let t = Localizer(r.language)
    var out = "# " + t("Smart city diagnosis: cohort of \(r.cities.count) cities", "Diagnóstico de ciudades inteligentes: grupo de \(r.cities.count) ciudades") + "\n\n"
    out += "*\(e(r.surveyTitle))* · " + t("\(r.regions.count) regions", "\(r.regions.count) regiones")
    if !r.failures.isEmpty { out += " · " + t("\(r.failures.count) files could not be scored", "\(r.failures.count) archivos no se pudieron evaluar") }
    out += "\n\n## " + t("Stages by city", "Etapas por ciudad") + "\n\n"
    out += "| # | " + t("City", "Ciudad") + " | " + t("Region", "Región") + " | " + r.pillarNames.map(e).joined(separator: " | ") + " | " + t("Overall", "General") + " |\n"
    out += "|--:|---|---|" + String(repeating: ":-:|", count: r.pillarNames.count + 1) + "\n"
    for (index, city) in r.cities.enumerated() {
      out += "| \(index + 1) | [\(e(city.name))](#\(city.anchor)) | \(e(city.region ?? "")) | "
      out += city.stages.enumerated().map { pillar, stage in
        String(stage) + (Confidence.from(coverage: city.coverage[pillar]) == .low ? e(StatusMark.lowConfidence.glyph) : "")
      }.joined(separator: " | ") + " | \(city.overall.map(String.init) ?? "—") |\n"
    }
    out += "\n" + e(StatusMark.lowConfidence.glyph)
      + t(" low confidence: many answers unknown, the stage may be higher", " confianza baja: muchas respuestas desconocidas, la etapa podría ser mayor") + "\n"
    out += "\n## " + t("Distribution of stages per pillar", "Distribución de etapas por pilar") + "\n\n"
    out += "| " + t("Pillar", "Pilar") + " | " + r.stageNames.enumerated().map { "\($0 + 1) \(e($1))" }.joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "--:|", count: r.stageNames.count) + "\n"
    for (pillar, name) in r.pillarNames.enumerated() {
      out += "| \(e(name)) | " + r.all.stageCounts[pillar].map(String.init).joined(separator: " | ") + " |\n"
    }
    out += "\n## " + t("Medians", "Medianas") + "\n\n"
    out += "| " + t("Group", "Grupo") + " | " + t("Cities", "Ciudades") + " | " + r.pillarNames.map(e).joined(separator: " | ") + " | " + t("Overall", "General") + " |\n"
    out += "|---|--:|" + String(repeating: "--:|", count: r.pillarNames.count + 1) + "\n"
    for group in [r.all] + r.regions {
      out += "| \(e(group.name)) | \(group.cities) | "
      out += r.pillarNames.indices.map { pillar in
        (group.medianScore[pillar].map { ValueText.number($0, r.language) } ?? "—") + (group.medianStage[pillar].map { " (\($0))" } ?? "")
      }.joined(separator: " | ")
      out += " | \(group.medianOverall.map(String.init) ?? "—") |\n"
    }
    out += "\n## " + t("Cities", "Ciudades") + "\n"
    for city in r.cities {
      out += "\n<a id=\"\(city.anchor)\"></a>\n\n### \(e(city.name))"
      if let overall = city.overall { out += " — \(overall) \(e(r.stageNames[max(1, min(overall, r.topStage)) - 1]))" }
      out += "\n\n"
      let place = [city.country, city.region].compactMap { $0 }.joined(separator: " · ")
      out += (place.isEmpty ? "" : e(place) + " · ") + "`\(code(city.path))`\n\n"
      out += "| " + t("Pillar", "Pilar") + " | " + t("Stage", "Etapa") + " | " + t("Score", "Puntaje") + " | " + t("Ahead of", "Por delante de") + " | "
        + t("vs. median", "vs. mediana") + " | " + t("vs. region", "vs. región") + " |\n|---|---|--:|--:|--:|--:|\n"
      for pillar in r.pillarNames.indices {
        let stage = city.stages[pillar]
        out += "| \(e(r.pillarNames[pillar])) | \(stage) \(e(r.stageNames[max(1, min(stage, r.topStage)) - 1])) | "
        out += "\(ValueText.number(city.scores[pillar], r.language)) | \(t.percent(city.percentile[pillar])) | "
        out += "\(signed(city.versusCohort[pillar], r.language)) | \(city.versusRegion[pillar].map { signed($0, r.language) } ?? "—") |\n"
      }
      if !city.topSolutions.isEmpty {
        out += "\n" + t("Top recommendations", "Principales recomendaciones") + ": " + city.topSolutions.map(e).joined(separator: "; ") + "\n"
      }
    }
    if !r.failures.isEmpty {
      out += "\n## " + t("Files that could not be scored", "Archivos que no se pudieron evaluar") + "\n\n"
      for failure in r.failures { out += "- `\(code(failure.path))`: \(e(failure.message))\n" }
    }
    out += "\n---\n\n*" + t("Survey", "Encuesta") + " `\(code(r.survey))` sha256 `\(r.surveyHash.prefix(16))` · " + t("rules", "reglas") + " "
    out += r.rules.map { "`\(code($0.id)) \($0.version)` sha256 `\($0.hash.prefix(16))`" }.joined(separator: ", ")
    out += " · Activator \(r.engine) · " + t("generated", "generado") + " \(r.date)*\n"
    return out
  }

  static func signed(_ value: Double, _ language: String) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded > 0 ? "+" + ValueText.number(rounded, language) : rounded < 0 ? "−" + ValueText.number(-rounded, language) : "±0"
  }

  public static func progress(_ r: ProgressReport) -> String {
    let t = Localizer(r.language)
    var out = "# " + t("Progress", "Progreso") + ": \(e(r.city))\n\n"
    out += "`\(code(r.beforeFile))` (\(e(r.beforeDate ?? "?"))) → `\(code(r.afterFile))` (\(e(r.afterDate ?? "?")))\n\n"
    for caution in r.cautions { out += "> " + t("Caution", "Atención") + ": \(e(caution))\n\n" }
    out += "| " + t("Pillar", "Pilar") + " | " + t("Before", "Antes") + " | " + t("Now", "Ahora") + " | " + t("Stage change", "Cambio de etapa") + " | "
      + t("Score change", "Cambio de puntaje") + " |\n|---|---|---|:-:|--:|\n"
    for pillar in r.pillars {
      let before = pillar.before.map { "\($0.stage) \(e($0.name)) (\(ValueText.number($0.score, r.language)))" } ?? "—"
      let after = "\(pillar.after.stage) \(e(pillar.after.name)) (\(ValueText.number(pillar.after.score, r.language)))"
      out += "| \(e(pillar.name)) | \(before) | \(after) | \(arrow(pillar.stageChange)) | \(signed(pillar.scoreChange, r.language)) |\n"
    }
    if let before = r.overall.before, let after = r.overall.after {
      out += "\n" + t("Overall stage", "Etapa general") + ": \(before) → \(after)\n"
    }
    out += section(t("Criteria newly met", "Criterios cumplidos ahora"), r.newlyMet, t)
    out += section(t("Criteria no longer met", "Criterios que dejaron de cumplirse"), r.lost, t)
    out += section(t("Unknowns now answered (not met)", "Desconocidos ya respondidos (no cumplidos)"), r.clarified, t)
    out += "\n## " + t("Recommendations done", "Recomendaciones realizadas") + "\n\n"
    if r.done.isEmpty { out += t("None of the earlier recommendations has all its criteria met yet.", "Ninguna recomendación anterior tiene todavía todos sus criterios cumplidos.") + "\n" }
    for item in r.done {
      out += "- **\(e(item.name))** (\(e(item.city))): " + item.criteria.map(e).joined(separator: "; ") + "\n"
    }
    if !r.newRecommendations.isEmpty {
      out += "\n## " + t("New recommendations", "Nuevas recomendaciones") + "\n\n"
      for name in r.newRecommendations { out += "- \(e(name))\n" }
    }
    out += "\n---\n\n*Activator \(r.engine) · " + t("generated", "generado") + " \(r.date)*\n"
    return out
  }

  static func arrow(_ change: Int) -> String {
    change > 0 ? "▲ +\(change)" : change < 0 ? "▼ −\(-change)" : "="
  }

  static func section(_ title: String, _ changes: [ProgressReport.CriterionChange], _ t: Localizer) -> String {
    guard !changes.isEmpty else { return "" }
    var out = "\n## \(title) (\(changes.count))\n\n"
    for change in changes {
      out += "- \(e(change.pillar)), " + t("stage", "etapa") + " \(change.stage): \(e(change.title)) *(\(t.outcome(change.before)) → \(t.outcome(change.after)))*\n"
    }
    return out
  }
}

extension HTMLReport {
  public static func progress(_ r: ProgressReport, paper: Paper = .auto) -> String {
    let t = Localizer(r.language)
    let title = t("Progress", "Progreso") + ": " + r.city
    return HTMLPage.render(title: title, language: r.language, paper: paper, topStage: r.topStage) { page in
      page.open("header")
      page.element("p", [("class", "kicker")], text: t("Progress between two assessments", "Progreso entre dos evaluaciones"))
      page.element("h1", text: r.city)
      page.open("p", [("class", "muted")])
      page.element("code", text: r.beforeFile)
      page.text(" (\(r.beforeDate ?? "?")) → ")
      page.element("code", text: r.afterFile)
      page.text(" (\(r.afterDate ?? "?"))")
      page.close("p")
      page.close("header")
      for caution in r.cautions { page.element("p", [("class", "card fail")], text: t("Caution", "Atención") + ": " + caution) }
      page.open("section", [("class", "summary")])
      page.open("figure")
      page.raw(
        Charts.radar(
          labels: r.pillars.map(\.name), scores: r.pillars.map(\.after.score), targets: r.pillars.map { $0.before?.stage },
          top: r.topStage, title: t("Now (filled) and before (dashed)", "Ahora (relleno) y antes (discontinuo)")))
      page.element("figcaption", [("class", "muted small")], text: t("Filled: now. Dashed: the earlier stage.", "Relleno: ahora. Discontinuo: la etapa anterior."))
      page.close("figure")
      let table = HTMLTable(
        caption: t("Stage and score per pillar, before and now", "Etapa y puntaje por pilar, antes y ahora"),
        columns: [
          .init(t("Pillar", "Pilar")), .init(t("Before", "Antes")), .init(t("Now", "Ahora")), .init(t("Stage change", "Cambio de etapa"), numeric: true),
          .init(t("Score change", "Cambio de puntaje"), numeric: true),
        ])
      table.write(&page) { rows in
        for pillar in r.pillars {
          rows.row { row in
            row.text(pillar.name)
            row.cell { cell in
              if let before = pillar.before {
                HTMLPage.stage(&cell, before.stage, before.name, top: r.topStage)
                cell.text(" (\(ValueText.number(before.score, r.language)))")
              } else {
                cell.text("—")
              }
            }
            row.cell { cell in
              HTMLPage.stage(&cell, pillar.after.stage, pillar.after.name, top: r.topStage)
              cell.text(" (\(ValueText.number(pillar.after.score, r.language)))")
            }
            let change = pillar.stageChange
            row.text(MarkdownReport.arrow(change), classes: change > 0 ? "up" : change < 0 ? "down" : "muted")
            delta(&row, pillar.scoreChange, r.language)
          }
        }
      }
      page.close("section")
      for (title, changes) in [
        (t("Criteria newly met", "Criterios cumplidos ahora"), r.newlyMet),
        (t("Criteria no longer met", "Criterios que dejaron de cumplirse"), r.lost),
        (t("Unknowns now answered (not met)", "Desconocidos ya respondidos (no cumplidos)"), r.clarified),
      ] where !changes.isEmpty {
        page.element("h2", text: "\(title) (\(changes.count))")
        page.open("ul", [("class", "criteria")])
        for change in changes {
          page.open("li", [("class", change.after.name)])
          StatusMark(change.after).write(&page, t, suffix: ": ")
          page.text("\(change.pillar): \(change.title)")
          HTMLReport.ruleID(&page, change.id)
          page.element("span", [("class", "detail")], text: "\(t.outcome(change.before)) → \(t.outcome(change.after)) · " + t("stage", "etapa") + " \(change.stage)")
          page.close("li")
        }
        page.close("ul")
      }
      page.element("h2", text: t("Recommendations done", "Recomendaciones realizadas"))
      if r.done.isEmpty {
        page.element("p", [("class", "muted")], text: t("None of the earlier recommendations has all its criteria met yet.", "Ninguna recomendación anterior tiene todavía todos sus criterios cumplidos."))
      } else {
        page.open("ul")
        for item in r.done {
          page.open("li")
          page.element("strong", text: item.name)
          page.text(" (\(item.city)): " + item.criteria.joined(separator: "; "))
          page.close("li")
        }
        page.close("ul")
      }
      if !r.newRecommendations.isEmpty {
        page.element("h2", text: t("New recommendations", "Nuevas recomendaciones"))
        page.open("ul")
        for name in r.newRecommendations { page.element("li", text: name) }
        page.close("ul")
      }
      page.open("footer", [("class", "provenance")])
      page.element("p", text: "Activator \(r.engine) · " + t("generated", "generado") + " \(r.date)")
      page.close("footer")
    }
  }
}
