/// Paper the printed report is laid out for. `auto` leaves the size to the browser's print
/// dialog; the layout fits A4 and Letter either way.
public enum Paper: String, Sendable, CaseIterable {
  case auto, a4, letter

  var pageRule: String {
    switch self {
    case .auto: "@page { margin: 14mm 12mm; }"
    case .a4: "@page { size: A4; margin: 14mm 12mm; }"
    case .letter: "@page { size: letter; margin: 14mm 12mm; }"
    }
  }
}

/// The frame every HTML report shares: one self-contained file, styles inline, no scripts,
/// no fonts or images fetched from anywhere.
enum HTMLPage {
  static func render(title: String, language: String, paper: Paper, topStage: Int, body: (inout Markup) -> Void) -> String {
    var page = Markup()
    page.raw("<!DOCTYPE html>\n")
    page.open("html", [("lang", language)])
    page.raw("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    page.raw("<meta name=\"generator\" content=\"Activator\">\n")
    page.element("title", text: title)
    page.raw("\n<style>\n\(stylesheet(topStage: topStage))\(paper.pageRule)\n</style>\n</head>\n<body>\n<main>\n")
    body(&page)
    page.raw("\n</main>\n</body>\n</html>\n")
    return page.output
  }

  /// `<thead>` with one row of headings; numeric columns are right-aligned.
  static func tableHead(_ page: inout Markup, _ cells: [(text: String, numeric: Bool)]) {
    page.open("thead")
    page.open("tr")
    for cell in cells { page.element("th", cell.numeric ? [("class", "num")] : [], text: cell.text) }
    page.close("tr")
    page.close("thead")
  }

  /// A stage badge, coloured like the charts.
  static func stage(_ page: inout Markup, _ level: Int, _ name: String, top: Int) {
    page.element("span", [("class", "stage s\(max(1, min(level, top)))")], text: "\(level) \(name)")
  }

  static func stylesheet(topStage: Int) -> String {
    var css = """
      :root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #1f6feb; --target: #8250df; }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body { margin: 0; background: var(--soft); color: var(--ink);
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
      main { max-width: 980px; margin: 0 auto; padding: 28px 32px 40px; background: #fff; }
      h1 { font-size: 1.9em; margin: 0.1em 0 0.2em; line-height: 1.2; overflow-wrap: anywhere; }
      h2, h3, td, th, li, p { overflow-wrap: break-word; }
      h2 { font-size: 1.35em; margin: 1.6em 0 0.4em; padding-top: 0.6em; border-top: 2px solid var(--line); }
      h3 { font-size: 1.05em; margin: 1em 0 0.3em; }
      p { margin: 0.4em 0; }
      a { color: var(--accent); }
      .card a { overflow-wrap: anywhere; }
      ul { margin: 0.3em 0; padding-left: 1.3em; }
      li { margin: 0.2em 0; }
      table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
      th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
      th { font-weight: 600; color: var(--muted); font-size: 0.9em; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8em; color: var(--muted); margin: 0; }
      .muted { color: var(--muted); }
      .small { font-size: 0.88em; }
      .stage { display: inline-block; padding: 0 0.55em; border-radius: 0.8em; font-weight: 600; font-size: 0.9em; white-space: nowrap; }
      .summary { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; margin-top: 12px; }
      .summary > figure { flex: 0 1 400px; min-width: 0; }
      .summary table { font-size: 0.93em; }
      .summary > div { flex: 1 1 380px; min-width: 0; }
      .summary svg { display: block; width: 100%; height: auto; }
      figure { margin: 0; }
      svg text { font-family: inherit; fill: var(--ink); }
      svg text.axis { font-size: 16px; font-weight: 600; }
      svg text.ring, svg text.legend { font-size: 10px; fill: var(--muted); }
      svg text.step { font-size: 13px; }
      svg text.step.current { font-weight: 700; }
      svg text.here { font-size: 10px; }
      svg text.label, svg text.count { font-size: 12px; }
      svg.ladder { display: block; max-width: 640px; margin: 6px 0 4px; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
      .card h3 { margin-top: 0.2em; }
      ul.compact { columns: 2 260px; column-gap: 28px; }
      ul.compact li { break-inside: avoid; }
      .criteria li { list-style: none; margin-left: -1.2em; padding-left: 1.3em; text-indent: -1.3em; }
      .criteria li::before { display: inline-block; width: 1.3em; text-indent: 0; font-weight: 700; }
      .criteria li.met::before { content: "✓"; color: #2e7d32; }
      .criteria li.unmet::before { content: "✗"; color: #c0392b; }
      .criteria li.unknown::before, .criteria li.error::before { content: "?"; color: #b7791f; }
      .criteria li.not_applicable::before { content: "–"; color: var(--muted); }
      .criteria .detail { display: block; text-indent: 0; font-size: 0.88em; color: var(--muted); }
      .pass { color: #2e7d32; font-weight: 700; }
      .fail { color: #c0392b; font-weight: 700; }
      .badge { display: inline-block; text-indent: 0; margin-left: 0.4em; font-size: 0.75em; padding: 0 0.5em; border-radius: 0.7em; border: 1px solid var(--line); color: var(--muted); vertical-align: middle; }
      .rank { display: inline-block; min-width: 1.7em; height: 1.7em; line-height: 1.7em; text-align: center; border-radius: 50%; background: var(--accent); color: #fff; font-weight: 700; margin-right: 0.4em; }
      nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.9em; margin: 14px 0; }
      nav.toc a { white-space: nowrap; }
      ol.roadmap > li { margin: 0.5em 0; }
      .heatmap td.cell { text-align: center; font-weight: 600; min-width: 3.2em; }
      .heatmap td.city { min-width: 9em; max-width: 16em; overflow-wrap: anywhere; }
      .up { color: #2e7d32; font-weight: 600; }
      .down { color: #c0392b; font-weight: 600; }
      footer.provenance { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 0.8em; color: var(--muted); }
      footer.provenance code { overflow-wrap: anywhere; }
      @media (max-width: 700px) { main { padding: 16px; } }
      @media print {
        body { background: #fff; font-size: 10pt; }
        main { max-width: none; padding: 0; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        nav.toc { display: none; }
        h2, h3 { break-after: avoid; }
        .card, tr, figure, li { break-inside: avoid; }
        .card.next { break-inside: auto; }
        .card.next h3, .card.next > p { break-after: avoid; }
        table.evidence, table.small { break-inside: avoid; }
        .summary { display: block; }
        .summary > figure { max-width: 400px; margin: 0 auto; }
        a { color: inherit; text-decoration: none; }
        .card a[href]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
      }

      """
    for level in 1...max(1, topStage) {
      css += ".stage.s\(level), td.s\(level) { background: \(Charts.color(stage: level, top: topStage)); color: \(Charts.ink(stage: level, top: topStage)); }\n"
    }
    return css
  }
}
