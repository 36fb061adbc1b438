import ActivatorCore

extension HTMLReport {
  public static func cohort(_ r: CohortReport, paper: Paper = .auto) -> String {
    let t = Localizer(r.language)
    let title = t("Smart city diagnosis: cohort of \(r.cities.count) cities", "Diagnóstico de ciudades inteligentes: grupo de \(r.cities.count) ciudades")
    return HTMLPage.render(title: title, language: r.language, paper: paper, topStage: r.topStage) { page in
      page.open("header")
      page.element("p", [("class", "kicker")], text: r.surveyTitle)
      page.element("h1", text: title)
      var facts = [t("\(r.regions.count) regions", "\(r.regions.count) regiones")]
      if !r.failures.isEmpty { facts.append(t("\(r.failures.count) files could not be scored", "\(r.failures.count) archivos no se pudieron evaluar")) }
      page.element("p", [("class", "muted")], text: facts.joined(separator: " · "))
      page.close("header")
      page.open("nav", [("class", "toc"), ("aria-label", t("Contents", "Contenido"))])
      page.element("a", [("href", "#heatmap")], text: t("Stages by city", "Etapas por ciudad"))
      page.element("a", [("href", "#distribution")], text: t("Distribution", "Distribución"))
      page.element("a", [("href", "#medians")], text: t("Medians", "Medianas"))
      page.element("a", [("href", "#cities")], text: t("Cities", "Ciudades"))
      page.close("nav")
      page.newline()
      heatmap(&page, r, t)
      distribution(&page, r, t)
      medians(&page, r, t)
      citySections(&page, r, t)
      if !r.failures.isEmpty {
        page.open("section", [("id", "failures")])
        page.element("h2", text: t("Files that could not be scored", "Archivos que no se pudieron evaluar"))
        page.open("ul", [("class", "small")])
        for failure in r.failures {
          page.open("li")
          page.element("code", text: failure.path)
          page.text(": " + failure.message)
          page.close("li")
        }
        page.close("ul")
        page.close("section")
      }
      page.open("footer", [("class", "provenance")])
      page.open("p")
      page.text(t("Survey", "Encuesta") + " ")
      page.element("code", text: r.survey)
      page.text(" sha256 ")
      page.element("code", text: String(r.surveyHash.prefix(16)))
      page.text(" · " + t("rules", "reglas") + " ")
      page.text(r.rules.map { "\($0.id) \($0.version) (sha256 \($0.hash.prefix(16)))" }.joined(separator: ", "))
      page.close("p")
      page.element("p", text: "Activator \(r.engine) · " + t("generated", "generado") + " \(r.date)")
      page.close("footer")
    }
  }

  static func heatmap(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "heatmap")])
    page.element("h2", text: t("Stages by city", "Etapas por ciudad"))
    page.element(
      "p", [("class", "muted small")],
      text: t(
        "One row per city, ordered by overall stage and then by total score; colours follow the stage. Select a city for its section.",
        "Una fila por ciudad, ordenadas por etapa general y luego por puntaje total; los colores siguen la etapa. Seleccione una ciudad para ver su sección."))
    page.open("table", [("class", "heatmap")])
    HTMLPage.tableHead(
      &page, [("#", true), (t("City", "Ciudad"), false), (t("Region", "Región"), false)] + r.pillarNames.map { ($0, false) } + [(t("Overall", "General"), false)])
    page.open("tbody")
    for (index, city) in r.cities.enumerated() {
      page.open("tr")
      page.element("td", [("class", "num muted")], text: String(index + 1))
      page.open("td", [("class", "city")])
      page.element("a", [("href", "#\(city.anchor)")], text: city.name)
      page.close("td")
      page.element("td", [("class", "small")], text: city.region ?? "")
      for (pillar, stage) in city.stages.enumerated() {
        let level = max(1, min(stage, r.topStage))
        let unsure = Confidence.from(coverage: city.coverage[pillar]) == .low
        page.element(
          "td", [("class", "cell s\(level)"), ("title", "\(r.pillarNames[pillar]): \(ValueText.number(city.scores[pillar], r.language))")],
          text: String(stage) + (unsure ? "?" : ""))
      }
      if let overall = city.overall {
        page.element("td", [("class", "cell s\(max(1, min(overall, r.topStage)))")], text: String(overall))
      } else {
        page.element("td", text: "—")
      }
      page.close("tr")
    }
    page.close("tbody")
    page.close("table")
    page.open("p", [("class", "small muted")])
    for level in 1...max(1, r.topStage) {
      HTMLPage.stage(&page, level, r.stageNames[level - 1], top: r.topStage)
      page.text(" ")
    }
    page.text(t(" ? low confidence: many answers unknown, the stage may be higher", " ? confianza baja: muchas respuestas desconocidas, la etapa podría ser mayor"))
    page.close("p")
    page.close("section")
    page.newline()
  }

  static func distribution(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "distribution")])
    page.element("h2", text: t("Distribution of stages per pillar", "Distribución de etapas por pilar"))
    page.open("figure")
    page.raw(
      Charts.distribution(
        rows: r.pillarNames.enumerated().map { ($1, r.all.stageCounts[$0]) }, top: r.topStage,
        title: t("Cities at each stage, per pillar", "Ciudades en cada etapa, por pilar")))
    page.close("figure")
    page.close("section")
    page.newline()
  }

  static func medians(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "medians")])
    page.element("h2", text: t("Medians", "Medianas"))
    page.element(
      "p", [("class", "muted small")],
      text: t("Median score per pillar (stage in brackets), for all cities and for each region.", "Puntaje mediano por pilar (etapa entre paréntesis), para todas las ciudades y para cada región."))
    page.open("table")
    HTMLPage.tableHead(
      &page, [(t("Group", "Grupo"), false), (t("Cities", "Ciudades"), true)] + r.pillarNames.map { ($0, true) } + [(t("Overall", "General"), true)])
    page.open("tbody")
    for group in [r.all] + r.regions {
      page.open("tr")
      page.element(group.name == r.all.name ? "th" : "td", text: group.name)
      page.element("td", [("class", "num")], text: String(group.cities))
      for pillar in r.pillarNames.indices {
        let score = group.medianScore[pillar].map { ValueText.number($0, r.language) } ?? "—"
        let stage = group.medianStage[pillar].map { " (\($0))" } ?? ""
        page.element("td", [("class", "num")], text: score + stage)
      }
      page.element("td", [("class", "num")], text: group.medianOverall.map(String.init) ?? "—")
      page.close("tr")
    }
    page.close("tbody")
    page.close("table")
    page.close("section")
    page.newline()
  }

  static func citySections(_ page: inout Markup, _ r: CohortReport, _ t: Localizer) {
    page.open("section", [("id", "cities")])
    page.element("h2", text: t("Cities", "Ciudades"))
    for city in r.cities {
      page.open("div", [("class", "card"), ("id", city.anchor)])
      page.open("h3")
      page.text(city.name + " ")
      if let overall = city.overall { HTMLPage.stage(&page, overall, r.stageNames[max(1, min(overall, r.topStage)) - 1], top: r.topStage) }
      page.close("h3")
      let place = [city.country, city.region].compactMap { $0 }.joined(separator: " · ")
      page.open("p", [("class", "muted small")])
      if !place.isEmpty { page.text(place + " · ") }
      page.element("code", text: city.path)
      page.close("p")
      page.open("table", [("class", "small")])
      HTMLPage.tableHead(&page, [
        (t("Pillar", "Pilar"), false),
        (t("Stage", "Etapa"), false),
        (t("Score", "Puntaje"), true),
        (t("Ahead of", "Por delante de"), true),
        (t("vs. median", "vs. mediana"), true),
        (t("vs. region", "vs. región"), true),
      ])
      page.open("tbody")
      for pillar in r.pillarNames.indices {
        page.open("tr")
        page.element("td", text: r.pillarNames[pillar])
        page.open("td")
        let stage = city.stages[pillar]
        HTMLPage.stage(&page, stage, r.stageNames[max(1, min(stage, r.topStage)) - 1], top: r.topStage)
        page.close("td")
        page.element("td", [("class", "num")], text: ValueText.number(city.scores[pillar], r.language))
        page.element("td", [("class", "num")], text: t.percent(city.percentile[pillar]))
        delta(&page, city.versusCohort[pillar], r.language)
        if let versus = city.versusRegion[pillar] { delta(&page, versus, r.language) } else { page.element("td", [("class", "num muted")], text: "—") }
        page.close("tr")
      }
      page.close("tbody")
      page.close("table")
      if !city.topSolutions.isEmpty {
        page.element("p", [("class", "small")], text: t("Top recommendations", "Principales recomendaciones") + ": " + city.topSolutions.joined(separator: "; "))
      }
      page.close("div")
      page.newline()
    }
    page.close("section")
  }

  static func delta(_ page: inout Markup, _ value: Double, _ language: String) {
    let rounded = (value * 100).rounded() / 100
    let text = rounded > 0 ? "+" + ValueText.number(rounded, language) : rounded < 0 ? "−" + ValueText.number(-rounded, language) : "±0"
    page.element("td", [("class", "num " + (rounded > 0 ? "up" : rounded < 0 ? "down" : "muted"))], text: text)
  }
}
