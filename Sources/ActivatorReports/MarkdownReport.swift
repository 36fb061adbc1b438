import ActivatorCore

/// Text for Markdown (CommonMark and GitHub's tables): anything that could become markup, a
/// link or raw HTML is backslash-escaped, and line breaks are folded so text cannot start a
/// heading or break out of a table row.
public enum MarkdownText {
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var previousWasSpace = false
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&":
        out += "\\"
        out.unicodeScalars.append(scalar)
        previousWasSpace = false
      case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
        if !previousWasSpace { out += " " }
        previousWasSpace = true
      default:
        // Controls a terminal or a viewer would act on (C0, DEL, C1) and bidirectional overrides.
        if InertText.isActive(scalar, keepingLines: false) { continue }
        out.unicodeScalars.append(scalar)
        previousWasSpace = scalar == " "
      }
    }
    return out
  }

  /// A link whose target passed `Markup.safeURL`; the visible text is escaped.
  static func link(_ text: String, _ url: String) -> String {
    guard let safe = Markup.safeURL(url) else { return escape(text) }
    let target = safe.replacing("(", with: "%28").replacing(")", with: "%29").replacing(" ", with: "%20")
    return "[\(escape(text))](<\(target)>)"
  }
}

/// The Markdown reports: the same content as the HTML ones, with tables instead of charts.
public enum MarkdownReport {
  static func e(_ text: String) -> String { MarkdownText.escape(text) }

  static func stageCell(_ level: Int, _ name: String) -> String { "\(level) \(e(name))" }

  /// ■■■□□ for a stage on the ladder.
  static func ladder(_ stage: Int, top: Int) -> String {
    String(repeating: "■", count: max(0, min(stage, top))) + String(repeating: "□", count: max(0, top - stage))
  }

  public static func city(_ r: CityReport) -> String {
    let t = Localizer(r.language)
    var out = "# \(e(r.city))\n\n"
    out += "*\(e(r.surveyTitle))*\n\n"
    let place = [r.country, r.region].compactMap { $0 }.joined(separator: " · ")
    var facts: [String] = []
    if !place.isEmpty { facts.append(e(place)) }
    if let respondent = r.respondent { facts.append(t("Answered by", "Respondido por") + " " + e(respondent)) }
    if let completed = r.completed { facts.append(t("completed", "completado") + " " + e(completed)) }
    if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n\n" }
    if let overall = r.overall, let name = r.overallName {
      out += "**" + t("Overall stage", "Etapa general") + ": \(stageCell(overall, name))** "
      out += t("(the median of the six pillars; read it with the profile below)", "(la mediana de los seis pilares; léala junto al perfil de abajo)") + "\n\n"
    }
    out += "| " + t("Pillar", "Pilar") + " | " + t("Stage", "Etapa") + " | " + t("Ladder", "Escalera") + " | " + t("Score", "Puntaje") + " | "
      + t("Coverage", "Cobertura") + " | " + t("Target", "Meta") + " |\n"
    out += "|---|---|---|--:|--:|---|\n"
    for pillar in r.pillars {
      let target = pillar.target.map { "\($0) \(e(HTMLReport.stageName(r, $0)))" } ?? "—"
      out += "| \(e(pillar.name)) | \(stageCell(pillar.stage, pillar.stageName)) | \(ladder(pillar.stage, top: r.topStage)) | "
        + "\(ValueText.number(pillar.score, r.language)) | \(t.percent(pillar.coverage))\(pillar.confidence == .low ? " " + e(StatusMark.lowConfidence.glyph) : "") | \(target) |\n"
    }
    out += "\n"
    out += t(
      "A pillar reaches a stage when at least \(t.percent(r.threshold)) of the weighted criteria of that stage, and of every stage below it, are met. The score adds the progress made towards the next stage. Coverage is the share of criteria whose answer is known; \(e(StatusMark.lowConfidence.glyph)) marks low confidence.",
      "Un pilar alcanza una etapa cuando cumple al menos el \(t.percent(r.threshold)) de los criterios ponderados de esa etapa y de todas las anteriores. El puntaje suma el avance hacia la etapa siguiente. La cobertura es la proporción de criterios cuya respuesta se conoce; \(e(StatusMark.lowConfidence.glyph)) indica confianza baja.")
    out += "\n"

    for pillar in r.pillars {
      out += "\n## \(e(pillar.name)): \(stageCell(pillar.stage, pillar.stageName))\n\n"
      if let description = pillar.description, !description.isEmpty { out += "*\(e(description))*\n\n" }
      var facts = [
        "`\(ladder(pillar.stage, top: r.topStage))`",
        t("Score", "Puntaje") + " " + ValueText.number(pillar.score, r.language),
        t("coverage", "cobertura") + " " + t.percent(pillar.coverage) + " (" + t("confidence", "confianza") + " " + t.confidence(pillar.confidence) + ")",
      ]
      if let target = pillar.target {
        facts.append(t("target", "meta") + " \(target) \(e(HTMLReport.stageName(r, target)))" + (target <= pillar.stage ? " — " + t("reached", "alcanzada") : ""))
      }
      if pillar.potential > pillar.stage {
        facts.append(
          t("could reach \(pillar.potential) \(e(HTMLReport.stageName(r, pillar.potential))) if the unknown answers are favourable",
            "podría llegar a \(pillar.potential) \(e(HTMLReport.stageName(r, pillar.potential))) si las respuestas desconocidas son favorables"))
      }
      out += facts.joined(separator: " · ") + "\n\n"
      if !pillar.evidence.isEmpty {
        out += "| " + t("Stage gate", "Umbral de etapa") + " | " + t("Criteria met", "Criterios cumplidos") + " | " + t("Weighted share", "Proporción ponderada") + " | "
          + t("Passed", "Superado") + " |\n|---|--:|--:|:-:|\n"
        for row in pillar.evidence {
          out += "| \(row.stage) \(e(row.name)) | \(row.met) / \(row.criteria) | \(t.percent(row.share)) | \((row.passed ? StatusMark.met : .unmet).glyph) |\n"
        }
        out += "\n"
      }
      if let next = pillar.next {
        out += "### " + t("Needed for stage \(next.stage) \(e(next.name))", "Necesario para la etapa \(next.stage) \(e(next.name))") + "\n\n"
        out += t("Meet at least \(next.neededCount) more of these \(next.candidates.count) criteria:", "Cumplir al menos \(next.neededCount) más de estos \(next.candidates.count) criterios:") + "\n\n"
        out += criteria(next.candidates, t, details: true)
        if !next.nearMisses.isEmpty {
          out += "\n" + t("Near misses", "Casi cumplidos") + ":\n\n"
          for miss in next.nearMisses { out += "- \(e(miss))\n" }
        }
        out += "\n"
      } else {
        out += "**" + t("Top stage reached.", "Etapa máxima alcanzada.") + "**\n\n"
      }
      for column in CityReport.columns(pillar, t) where !column.lines.isEmpty {
        out += "### \(column.title)\n\n" + criteria(column.lines, t, details: column.details) + "\n"
      }
      if !pillar.notApplicable.isEmpty {
        out += t("Not applicable here", "No aplica aquí") + ": " + pillar.notApplicable.map { e($0.title) }.joined(separator: "; ") + "\n\n"
      }
      if !pillar.findings.isEmpty {
        out += "### " + t("Findings", "Observaciones") + "\n\n"
        for finding in pillar.findings { out += "- \(e(finding))\n" }
        out += "\n"
      }
    }

    if !r.recommendations.isEmpty {
      out += "\n## " + t("Recommended solutions", "Soluciones recomendadas") + "\n\n"
      for item in r.recommendations {
        let origin = [item.city, item.country, item.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        out += "\(item.rank). **\(e(item.name))** (\(e(origin))) · \(e(item.pillar)) · " + t("fits stages", "adecuada para etapas") + " \(item.stageRange)\n"
        out += "   - " + t("What it solved", "Qué resolvió") + ": \(e(item.problem))\n"
        out += "   - " + t("What it does", "Qué hace") + ": \(e(item.solution))\n"
        for reason in item.reasons { out += "   - " + t("Because", "Porque") + ": \(e(reason))\n" }
        for need in item.checkFirst { out += "   - " + t("Check first", "Verifique antes") + ": \(e(need))\n" }
        if let source = item.source {
          out += "   - " + t("Source", "Fuente") + ": " + MarkdownText.link(Markup.site(source), source)
          out += item.verified ? "\n" : " " + t("(not yet verified against its source)", "(aún no verificado con su fuente)") + "\n"
        }
      }
    }
    if !r.roadmap.isEmpty {
      out += "\n## " + t("Roadmap", "Hoja de ruta") + "\n\n"
      for (index, step) in r.roadmap.enumerated() {
        let action = step.consolidates ? t("consolidate stage", "consolidar la etapa") : t("reach stage", "alcanzar la etapa")
        out += "\(index + 1). **\(e(step.pillar))**: \(action) \(stageCell(step.stage, step.stageName))"
        if step.neededCount > 0 && !step.consolidates { out += " — " + t("meet \(step.neededCount) of:", "cumplir \(step.neededCount) de:") }
        out += "\n"
        for criterion in step.criteria { out += "   - \(e(criterion))\n" }
        if !step.solutions.isEmpty { out += "   - *" + t("Solutions", "Soluciones") + "*: " + step.solutions.map(e).joined(separator: "; ") + "\n" }
        if !step.unlocks.isEmpty { out += "   - *" + t("Then possible", "Luego será posible") + "*: " + step.unlocks.map(e).joined(separator: "; ") + "\n" }
        if !step.programmes.isEmpty { out += "   - *" + t("WeGO can help", "WeGO puede ayudar") + "*: " + step.programmes.map(e).joined(separator: "; ") + "\n" }
      }
    }
    if !r.nextSteps.isEmpty {
      out += "\n## " + t("Next steps with WeGO", "Próximos pasos con WeGO") + "\n\n"
      for step in r.nextSteps {
        out += "- **\(e(step.name))** (\(e(step.step))): \(e(step.description))\n"
        for reason in step.because { out += "  - \(e(reason))\n" }
        for note in step.notes { out += "  - *\(e(note))*\n" }
        if let source = step.source { out += "  - " + t("Source", "Fuente") + ": " + MarkdownText.link(Markup.site(source), source) + "\n" }
      }
    }
    if !r.metrics.isEmpty {
      out += "\n## " + t("Metrics", "Métricas") + "\n\n| " + t("Metric", "Métrica") + " | " + t("Value", "Valor") + " |\n|---|--:|\n"
      for metric in r.metrics { out += "| \(e(metric.title)) | \(e(metric.value)) |\n" }
    }
    out += "\n## " + t("About the answers", "Sobre las respuestas") + "\n\n" + e(r.answerSummary) + "\n"
    if !r.notes.isEmpty {
      out += "\n"
      for note in r.notes { out += "- \(e(note))\n" }
    }
    out += "\n---\n\n" + provenance(r.provenance, t)
    return out
  }

  static func criteria(_ lines: [CityReport.CriterionLine], _ t: Localizer, details: Bool) -> String {
    var out = ""
    for line in lines {
      out += "- \(StatusMark(line.outcome).glyph) \(e(line.title)) *(" + t("stage", "etapa") + " \(line.stage))*\n"
      if details, let finding = line.finding { out += "  - \(e(finding))\n" }
      if details, !line.answers.isEmpty { out += "  - *\(e(line.answers.joined(separator: " · ")))*\n" }
    }
    return out
  }

  static func provenance(_ p: CityReport.Provenance, _ t: Localizer) -> String {
    var out = "*" + t("Answers", "Respuestas") + ": `\(code(p.file))` · " + t("survey", "encuesta") + " `\(code(p.survey)) \(p.surveyVersion)`"
    if p.answeredVersion != p.surveyVersion { out += " (" + t("answered as", "respondida como") + " \(p.answeredVersion))" }
    out += " sha256 `\(p.surveyHash.prefix(16))` · " + t("rules", "reglas") + " "
    out += p.rules.map { "`\(code($0.id)) \($0.version)` sha256 `\($0.hash.prefix(16))`" }.joined(separator: ", ")
    out += " · " + t("rule set", "conjunto de reglas") + " `\(p.rulesHash.prefix(16))` · Activator \(p.engine) · " + t("generated", "generado") + " \(p.date)*\n"
    return out
  }

  /// Text inside a code span: backticks cannot be escaped there, so they are replaced.
  static func code(_ text: String) -> String {
    String(text.map { $0 == "`" ? "'" : $0 == "\n" ? " " : $0 })
  }
}
