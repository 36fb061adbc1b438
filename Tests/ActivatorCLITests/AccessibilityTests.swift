import ActivatorCore
import Testing

/// What axe-core cannot see in the HTML reports, checked on every report kind in English and
/// Spanish: table semantics, status glyphs with words, no information only in tooltips, link
/// text that is not a raw address, and charts that colour their own text. Tests/a11y/audit runs
/// axe-core itself in a browser (docs/reports.md).
@Suite struct AccessibilityTests {
  static let cities = [
    "amani-lakes", "chisomo", "kestrel-bay", "puerto-alegria", "rio-claro-del-sur", "santa-lucerna", "umbra-falls",
    "valmora",
  ].map { "Examples/\($0).yaml" }

  static let reports: [(name: String, arguments: [String])] = [
    ("city-en", ["Examples/kestrel-bay.yaml"]),
    ("city-es", ["Examples/santa-lucerna.yaml"]),
    ("cohort-en", cities + ["--lang", "en"]),
    ("cohort-es", cities + ["--lang", "es"]),
    ("progress-en", ["--compare", "Examples/umbra-falls.yaml", "Examples/kestrel-bay.yaml"]),
    ("progress-es", ["--compare", "Examples/umbra-falls.yaml", "Examples/kestrel-bay.yaml", "--lang", "es"]),
  ]

  func render(_ name: String) throws -> MarkupChecker {
    let arguments = try #require(Self.reports.first { $0.name == name }?.arguments)
    let (html, _, run) = try ReportTests().report(arguments, md: false)
    #expect(run.status == 0, "\(run.stderr)")
    let page = MarkupChecker(html)
    #expect(page.isWellFormed, "\(name): \(page.problems)")
    return page
  }

  @Test(arguments: reports.map(\.name))
  func tablesHaveCaptionsScopesAndRowHeaders(_ name: String) throws {
    let page = try render(name)
    let tables = page.elements.indices.filter { page.elements[$0].name == "table" }
    #expect(!tables.isEmpty, "\(name) has no table")
    for table in tables {
      let container = try #require(page.elements[table].parent.map { page.elements[$0] })
      #expect(container.classes.contains("scroll"), "\(name): a table outside a scroll container")
      #expect(
        container.attribute("role") == "region" && container.attribute("tabindex") == "0",
        "\(name): scroll container not a focusable region")
      #expect(container.attribute("aria-label")?.isEmpty == false, "\(name): scroll container without a name")
      let parts = page.children(of: table)
      let caption = parts.first.map { page.elements[$0] }
      #expect(caption?.name == "caption" && caption?.text.isEmpty == false, "\(name): table without a caption first")
      let head = parts.filter { page.elements[$0].name == "thead" }.flatMap(page.children).flatMap(page.children)
      #expect(!head.isEmpty, "\(name): table without column headers (\(caption?.text ?? ""))")
      for cell in head {
        #expect(
          page.elements[cell].name == "th" && page.elements[cell].attribute("scope") == "col",
          "\(name): column header without scope")
      }
      for row in parts.filter({ page.elements[$0].name == "tbody" }).flatMap(page.children) {
        let cells = page.children(of: row).map { page.elements[$0] }
        let headers = cells.filter { $0.name == "th" }
        #expect(
          headers.count == 1 && headers.first?.attribute("scope") == "row",
          "\(name): row without one row header in \(caption?.text ?? "")")
        #expect(headers.first?.text.isEmpty == false, "\(name): empty row header in \(caption?.text ?? "")")
        #expect(
          cells.count == head.count,
          "\(name): \(cells.count) cells under \(head.count) headers in \(caption?.text ?? "")")
      }
    }
  }

  @Test(arguments: reports.map(\.name))
  func statusGlyphsComeWithWords(_ name: String) throws {
    let page = try render(name)
    let spanish = name.hasSuffix("-es")
    let words = Set(StatusWords.all(spanish: spanish))
    for (index, element) in page.elements.enumerated() where element.classes.contains("mark") {
      #expect(element.attribute("aria-hidden") == "true", "\(name): glyph \(element.text) read aloud")
      let next = index + 1 < page.elements.count ? page.elements[index + 1] : nil
      // Words read aloud only (sr-only), or shown beside the glyph where a column says the
      // status in words, which may go on to say how far a near miss is.
      let shown = next?.classes.contains("status-words") == true
      #expect(
        next?.classes.contains("sr-only") == true || shown, "\(name): glyph \(element.text) without words")
      let said = (next?.text ?? "").trimmingPunctuation
      #expect(
        words.contains(said)
          || shown && words.contains { said.hasPrefix($0) && said.dropFirst($0.count).first?.isLetter != true },
        "\(name): glyph \(element.text) says '\(said)', not one of \(words.sorted())")
    }
    // Every criterion in a list starts with its glyph.
    for (index, element) in page.elements.enumerated() where element.name == "li" {
      guard let list = element.parent, page.elements[list].classes.contains("criteria") else { continue }
      #expect(
        page.children(of: index).first.map { page.elements[$0].classes.contains("mark") } == true,
        "\(name): criterion without a glyph")
    }
    #expect(page.elements.contains { $0.classes.contains("mark") }, "\(name) shows no status")
  }

  @Test(arguments: reports.map(\.name))
  func nothingOnlyInTooltipsAndLinksSayWhereTheyGo(_ name: String) throws {
    let page = try render(name)
    for element in page.elements {
      #expect(
        element.attribute("title") == nil,
        "\(name): <\(element.name) title=\(element.attribute("title") ?? "")> is reachable only by hovering")
      if element.name == "a" {
        let shown = element.text
        #expect(!shown.hasPrefix("http"), "\(name): a link whose text is its address: \(shown)")
      }
      if element.name == "h3", element.text.first?.isNumber == true {
        let rank = element.text.prefix { $0.isNumber }
        #expect(
          element.text.dropFirst(rank.count).first == " ", "\(name): no space after the rank in '\(element.text)'")
      }
    }
  }

  @Test(arguments: reports.map(\.name))
  func chartsColourTheirOwnText(_ name: String) throws {
    let (html, _, _) = try ReportTests().report(
      try #require(Self.reports.first { $0.name == name }?.arguments), md: false)
    // The stylesheet sets fonts in SVG, never colours: a `fill` there would override the charts'
    // own choice (white on a dark stage, ink on a light one).
    let style = html.split(separator: "</style>").first?.split(separator: "<style>").last ?? ""
    #expect(!style.contains("fill:"), "\(name): the stylesheet colours SVG text")
    #expect(!style.contains("content:") || !style.contains("::before"), "\(name): text generated by CSS")
    for svg in MarkupChecker.svgs(in: html) {
      for element in MarkupChecker(svg, xml: true).elements where element.name == "text" {
        #expect(element.attribute("fill") != nil, "\(name): SVG text '\(element.text)' without its own fill")
      }
    }
  }
}

/// The words the reports give each status glyph, in both languages.
enum StatusWords {
  static func all(spanish: Bool) -> [String] {
    spanish
      ? [
        "cumplido", "no cumplido", "desconocido", "no aplica", "confianza baja", "superado", "no superado",
        "no evaluado",
      ]
      : ["met", "not met", "unknown", "not applicable", "low confidence", "passed", "not passed", "not assessed"]
  }
}

extension String {
  /// Without the spaces, colons and commas that join the words to what follows.
  var trimmingPunctuation: String {
    let trimmed = drop { $0 == " " }.reversed().drop { $0 == " " || $0 == ":" || $0 == "," }
    return String(trimmed.reversed())
  }
}
