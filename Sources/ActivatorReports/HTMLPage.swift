import ActivatorCore

/// Paper the printed report is laid out for. `auto` leaves the size to the browser's print
/// dialog; the layout fits A4 and Letter either way.
package enum Paper: String, Sendable, CaseIterable {
  case auto, a4, letter

  var pageRule: String {
    switch self {
    case .auto: "@page { margin: 10mm 10mm; }"
    case .a4: "@page { size: A4; margin: 10mm 10mm; }"
    case .letter: "@page { size: letter; margin: 10mm 10mm; }"
    }
  }
}

/// The frame every HTML report shares: one self-contained file, styles inline, no scripts,
/// no fonts or images fetched from anywhere.
enum HTMLPage {
  static func render(title: String, language: String, paper: Paper, topStage: Int, body: (inout Markup) -> Void)
    -> String
  {
    var page = Markup()
    // The direction is the language's (`direction:` in its locale block): a right-to-left page
    // mirrors its layout (the stylesheet uses logical properties) and isolates numbers and ids.
    let rightToLeft = Localizer(language).locale.rightToLeft
    page.raw("<!DOCTYPE html>\n")
    page.open("html", [("lang", language), ("dir", rightToLeft ? "rtl" : "ltr")])
    page.raw(
      "\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    page.raw("<meta name=\"generator\" content=\"Activator\">\n")
    page.element("title", text: title)
    page.raw("\n<style>\n\(stylesheet(topStage: topStage))\(paper.pageRule)\n</style>\n</head>\n<body>\n<main>\n")
    Markup.$rightToLeftPage.withValue(rightToLeft) { body(&page) }
    page.raw("\n</main>\n</body>\n</html>\n")
    return page.output
  }

  /// A stage badge, coloured like the charts.
  static func stage(_ page: inout Markup, _ level: Int, _ name: String, top: Int) {
    page.element("span", [("class", "stage s\(max(1, min(level, top)))")], text: "\(level) \(name)")
  }

  /// "Source: example.org", linking to the page. The visible text is the site, not the raw
  /// address (printing adds the full address once); the link's name for assistive technology
  /// also says what it is the source of, so a list of the page's links stays meaningful.
  static func source(_ page: inout Markup, _ url: String, about: String, _ t: Localizer) {
    page.text(t.label(.reportSource))
    page.open("a", [("href", url), ("class", "source"), ("rel", "noopener noreferrer")])
    page.element("span", [("class", "sr-only")], text: about + ", " + t.label(.reportSource2))
    page.text(Markup.site(url))
    page.close("a")
  }

  /// " [3]": a reference to the report's list of sources; its name for assistive technology
  /// says what it is the source of.
  static func sourceReference(_ page: inout Markup, _ number: Int, about: String, _ t: Localizer) {
    page.text(" ")
    page.open("a", [("href", "#source-\(number)"), ("class", "ref")])
    page.element("span", [("class", "sr-only")], text: about + ", " + t(.reportSource2) + " ")
    page.text("[\(number)]")
    page.close("a")
  }

  /// The summary page's next steps: a numbered list, each with why in one line.
  static func steps(_ page: inout Markup, _ steps: [CityReport.SummaryStep], _ t: Localizer, heading: String? = nil) {
    guard !steps.isEmpty else { return }
    page.element("h2", [("class", "steps-title")], text: heading ?? t(.reportSummaryNextSteps))
    page.open("ol", [("class", "steps")])
    for step in steps {
      page.open("li")
      page.element("strong", text: step.title)
      page.element("span", [("class", "detail")], text: step.why)
      page.close("li")
    }
    page.close("ol")
  }

  /// The page's CSS. One long function on purpose: it is a stylesheet, read as one. The font stack
  /// names Korean faces after the Latin ones: Latin text keeps its faces, and Hangul, which none of
  /// those has, is drawn in a Korean face where one is installed rather than in whatever fallback
  /// (or as empty boxes) the system picks. Korean breaks lines between words, as Korean print does,
  /// not inside them ("2026년" stays whole); a word too long for its cell still breaks.
  static func stylesheet(topStage: Int) -> String {
    var css = """
      :root { --page: \(Palette.page); --ink: \(Palette.ink); --muted: \(Palette.muted); --line: \(Palette.line); --soft: \(Palette.surround); --accent: \(Palette.accent); --target: \(Palette.target);
        --met: \(Palette.met); --unmet: \(Palette.unmet); --unknown: \(Palette.unknown); }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body { margin: 0; background: var(--soft); color: var(--ink);
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial,
          "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; }
      :lang(ko) { word-break: keep-all; }
      main { max-width: 980px; margin: 0 auto; padding: 28px 32px 40px; background: var(--page); }
      h1 { font-size: 1.9em; margin: 0.1em 0 0.2em; line-height: 1.2; overflow-wrap: anywhere; }
      h2, h3, td, th, li, p { overflow-wrap: break-word; }
      h2 { font-size: 1.35em; margin: 1.6em 0 0.4em; padding-top: 0.6em; border-top: 2px solid var(--line); }
      h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
      p { margin: 0.4em 0; }
      a { color: var(--accent); }
      a:focus-visible, .scroll:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
      .card a { overflow-wrap: anywhere; }
      ul { margin: 0.3em 0; padding-inline-start: 1.3em; }
      li { margin: 0.2em 0; }
      .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
      .scroll { overflow-x: auto; max-width: 100%; margin: 0.4em 0; position: relative; }
      table { border-collapse: collapse; width: 100%; }
      caption { caption-side: top; text-align: start; font-size: 0.88em; color: var(--muted); padding: 0 0 2px; position: sticky; inset-inline-start: 0; max-width: calc(100vw - 32px); }
      th, td { text-align: start; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
      thead th { font-weight: 600; color: var(--muted); font-size: 0.9em; }
      tbody th { font-weight: 600; }
      td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
      .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8em; color: var(--muted); margin: 0; }
      .muted { color: var(--muted); }
      .small { font-size: 0.88em; }
      .stage { display: inline-block; padding: 0 0.55em; border-radius: 0.8em; font-weight: 600; font-size: 0.9em; white-space: nowrap; box-shadow: inset 0 0 0 1px rgba(31, 35, 40, 0.3); }
      .one-page h2.steps-title { margin-top: 0.8em; }
      ol.steps > li { margin: 0.35em 0; }
      ol.steps .detail { display: block; font-size: 0.88em; color: var(--muted); }
      .summary { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; margin-top: 12px; }
      .summary > figure { flex: 0 1 400px; min-width: 0; }
      .summary table { font-size: 0.93em; }
      .summary > div { flex: 1 1 380px; min-width: 0; }
      .summary > .scroll { flex: 1 1 auto; }
      .summary svg { display: block; width: 100%; height: auto; }
      figure { margin: 0; }
      svg text { font-family: inherit; }
      /* Charts are drawn in coordinates: their anchors keep their sides on a right-to-left page. */
      svg { direction: ltr; }
      svg text.axis { font-size: 16px; font-weight: 600; }
      svg text.ring { font-size: 10px; }
      svg text.step { font-size: 13px; }
      svg text.step.current { font-weight: 700; }
      svg text.here { font-size: 10px; }
      svg.ladder { display: block; max-width: 640px; margin: 6px 0 4px; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
      .card h3 { margin-top: 0.2em; }
      ul.compact { columns: 2 260px; column-gap: 28px; }
      ul.compact li { break-inside: avoid; }
      td .line { display: block; }
      td .detail, th .detail { display: block; font-size: 0.92em; color: var(--muted); font-weight: normal; }
      table.next-table td:nth-child(3) { min-width: 7em; }
      table.next-table tbody th, table.gaps-table tbody th { font-weight: normal; }
      a.ref { text-decoration: none; white-space: nowrap; }
      dl.figures dt { font-weight: 600; }
      dl.figures dd { margin: 0 0 0.5em; }
      dl.figures dd .detail { display: block; color: var(--muted); }
      dl.figures > div { break-inside: avoid; }
      table.two-columns tbody th { width: 24%; }
      p.reached-title { margin-bottom: 0; }
      ul.reached-gaps { margin-top: 0.1em; }
      ul.reached-gaps li { margin: 0.1em 0; }
      ol.sources a { overflow-wrap: anywhere; display: inline-block; min-height: 24px; line-height: 24px; }
      .criteria li { list-style: none; margin-inline-start: -1.2em; padding-inline-start: 1.3em; text-indent: -1.3em; }
      .mark { display: inline-block; width: 1.3em; text-indent: 0; font-weight: 700; }
      td .mark, .cell .mark { width: auto; }
      .mark.met, .pass { color: var(--met); }
      .mark.unmet, .fail { color: var(--unmet); }
      .mark.unknown { color: var(--unknown); }
      .mark.na { color: var(--muted); }
      .cell .mark { color: inherit; }
      .criteria .detail { display: block; text-indent: 0; font-size: 0.88em; color: var(--muted); }
      .pass, .fail { font-weight: 700; }
      .badge { display: inline-block; text-indent: 0; margin-inline-start: 0.4em; font-size: 0.75em; padding: 0 0.5em; border-radius: 0.7em; border: 1px solid var(--line); color: var(--muted); vertical-align: middle; }
      .rule-id { display: inline-block; text-indent: 0; margin-inline-start: 0.4em; font-size: 0.75em; color: var(--muted); overflow-wrap: anywhere; }
      .rank { display: inline-block; min-width: 1.7em; height: 1.7em; line-height: 1.7em; text-align: center; border-radius: 50%; background: var(--accent); color: \(Palette.onAccent); font-weight: 700; margin-inline-end: 0.4em; }
      nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.9em; margin: 14px 0; }
      nav.toc a { white-space: nowrap; }
      ol.roadmap > li { margin: 0.5em 0; }
      .heatmap .cell { text-align: center; font-weight: 600; min-width: 3.2em; }
      .heatmap th.city { min-width: 9em; max-width: 16em; overflow-wrap: anywhere; }
      .counts td { min-width: 7em; white-space: nowrap; }
      .bar { display: inline-block; height: 0.9em; margin-inline-end: 0.35em; vertical-align: baseline; border-radius: 2px; box-shadow: inset 0 0 0 1px rgba(31, 35, 40, 0.45); }
      .up { color: var(--met); font-weight: 600; }
      .down { color: var(--unmet); font-weight: 600; }
      footer.provenance { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 0.8em; color: var(--muted); }
      footer.provenance code { overflow-wrap: anywhere; }
      @media (max-width: 700px) { main { padding: 16px; } }
      @media print {
        /* The appendix in a size print reports use for their annexes; the summary page keeps its own. */
        body { background: var(--page); font-size: 9pt; }
        main { max-width: none; padding: 0; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        nav.toc { display: none; }
        .scroll { overflow: visible; }
        h2, h3 { break-after: avoid; }
        .card, tr, figure, li { break-inside: avoid; }
        .card.next { break-inside: auto; }
        .card.next h3, .card.next > p { break-after: avoid; }
        /* Only the small stage-gate table is kept whole: a longer table that cannot start on the
           page it follows would leave that page half empty. */
        table.evidence { break-inside: avoid; }
        th, td { padding: 1px 4px; }
        body { line-height: 1.2; }
        table.next-table tbody th { width: 60%; }
        .one-page { break-after: page; }
        .one-page:last-child { break-after: auto; }
        .one-page { font-size: 9.5pt; line-height: 1.35; }
        h2 { margin: 0.8em 0 0.3em; padding-top: 0.3em; }
        h3 { margin: 0.6em 0 0.2em; }
        .card { padding: 6px 10px; margin: 6px 0; }
        .one-page h1 { font-size: 1.6em; }
        .one-page h2 { margin: 0.9em 0 0.3em; padding-top: 0.4em; }
        .one-page .card { padding: 4px 10px; margin: 4px 0; }
        .one-page li { margin: 0.1em 0; }
        .one-page .summary { display: flex; flex-wrap: nowrap; gap: 10px 14px; margin-top: 6px; }
        .one-page .summary > figure { flex: 0 0 36%; max-width: 36%; }
        .one-page .summary > div, .one-page .summary > .scroll { flex: 1 1 auto; min-width: 0; }
        .one-page .summary table { font-size: 0.9em; }
        .one-page .summary th, .one-page .summary td { padding: 2px 5px; }
        /* The progress summary holds two stages per row: each on one line, beside a smaller radar,
           and what moved in small type, so the page fits Letter too. */
        .one-page .summary.progress > figure { flex: 0 0 27%; max-width: 27%; }
        table.progress td:nth-child(2), table.progress td:nth-child(3) { white-space: nowrap; }
        .one-page .summary table.progress th, .one-page .summary table.progress td { padding: 2px 4px; }
        .one-page ul.moved { font-size: 0.92em; margin: 0.2em 0; }
        .one-page ul.moved li { margin: 0; }
        a { color: inherit; text-decoration: none; }
        .rule-id { display: none; }
        dl.figures { columns: 2; column-gap: 14px; font-size: 0.8em; }
        dl.figures dd { margin-bottom: 0.25em; }
        dl.figures dt { display: inline; }
        dl.figures dt::after { content: " "; }
        dl.figures dd { display: inline; margin: 0; }
        dl.figures > div { margin-bottom: 0.3em; }
        ol.sources { columns: 2; column-gap: 14px; font-size: 0.8em; line-height: 1.15; }
        ol.sources li { margin: 0 0 0.2em; }
        ol.sources a { min-height: 0; line-height: inherit; }
        /* The pillar's heading above says whose gates they are. */
        table.evidence caption { display: none; }
        footer.provenance { margin-top: 12px; }
        /* On paper the stage-gate table under it says the same, stage by stage. */
        svg.ladder { display: none; }
        dl.figures { line-height: 1.15; }
        a.source[href]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
      }

      """
    for level in 1...max(1, topStage) {
      css +=
        ".s\(level) { background: \(Palette.stage(level, top: topStage)); color: \(Palette.stageInk(level, top: topStage)); }\n"
    }
    return css
  }
}
