import ActivatorCore
import Testing

/// `activator report`: golden files of the report fixture (Tests/Fixtures/reports) for a city and a cohort in every
/// language and a comparison; the shipped examples rendered with invariants only; well-formed
/// markup; hostile text kept inert. ACTIVATOR_RECORD_GOLDEN=1 rewrites the golden files after an
/// intended change (see `Golden`).
@Suite struct ReportTests {
  static let golden = Binary.root + "/Tests/Golden/reports/"

  /// Runs `report` from the project folder (so paths in the output are relative) into a temporary folder.
  func report(_ arguments: [String], html: Bool = true, md: Bool = true) throws -> (html: String, md: String, run: Run)
  {
    let folder = Binary.temporaryFolder()
    var all = ["report"] + arguments
    if html { all += ["--html", folder + "/out.html"] }
    if md { all += ["--md", folder + "/out.md"] }
    let run = Run.activator(all, cwd: Binary.root)
    return (Binary.read(folder + "/out.html") ?? "", Binary.read(folder + "/out.md") ?? "", run)
  }

  func compareWithGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    Golden.compare(text, Self.golden + name, sourceLocation: sourceLocation)
  }

  /// `charts`: whether the page has SVG charts (a city's radar and ladders; the cohort's
  /// charts are tables).
  func checkMarkup(_ html: String, _ name: String, charts: Bool = true) {
    let page = MarkupChecker(html)
    #expect(page.isWellFormed, "\(name): \(page.problems)")
    let svgs = MarkupChecker.svgs(in: html)
    #expect(svgs.isEmpty != charts, "\(name): \(svgs.count) charts")
    for svg in svgs {
      let checked = MarkupChecker(svg, xml: true)
      #expect(checked.isWellFormed, "\(name): SVG not well-formed: \(checked.problems)")
      #expect(
        checked.elements.first?.attributes.contains { $0.name == "xmlns" && $0.value == "http://www.w3.org/2000/svg" }
          == true)
    }
    // Self-contained: nothing is fetched when the page is opened.
    for element in page.elements {
      #expect(
        !["script", "img", "link", "iframe", "object", "embed"].contains(element.name), "\(name): <\(element.name)>")
      for attribute in element.attributes {
        #expect(!attribute.name.hasPrefix("on"), "\(name): event attribute \(attribute.name)")
        if attribute.name == "href" {
          #expect(
            attribute.value.hasPrefix("#") || attribute.value.hasPrefix("https://")
              || attribute.value.hasPrefix("http://"), "\(name): link \(attribute.value)")
        }
        #expect(attribute.name != "src", "\(name): src attribute")
      }
    }
  }

  /// The report fixture (Tests/Fixtures/reports, frozen): its survey and rules, so that editing
  /// the shipped Surveys/, Rules/ or Examples/ changes none of these goldens.
  static let fixture = ["--survey", "Tests/Fixtures/reports/survey.yaml", "--rules", "Tests/Fixtures/reports/rules"]
  static let fixtureCities = ["kestrel-bay", "santa-lucerna", "beaulac", "serra-azul", "hanbit"]
    .map { "Tests/Fixtures/reports/cities/\($0).yaml" }
  static let languages = ["en", "es", "fr", "pt-br", "ko"]

  /// One city in every language: near misses on a minimum and on a maximum (a computed rate), an
  /// unknown answer, evidence, notes and a pillar below the coverage floor (not assessed).
  @Test(arguments: languages)
  func cityReportMatchesItsGoldenFileInEveryLanguage(_ language: String) throws {
    let (html, md, run) = try report(
      ["Tests/Fixtures/reports/cities/kestrel-bay.yaml", "--lang", language] + Self.fixture)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(html.contains("<html lang=\"\(language)\" dir=\"ltr\">"))
    checkMarkup(html, "city-\(language)")
    compareWithGolden(html, "fixture-city-\(language).html")
    compareWithGolden(md, "fixture-city-\(language).md")
  }

  @Test(arguments: languages)
  func cohortReportMatchesItsGoldenFileInEveryLanguage(_ language: String) throws {
    let (html, md, run) = try report(Self.fixtureCities + ["--lang", language] + Self.fixture)
    #expect(run.status == 0, "\(run.stderr)")
    checkMarkup(html, "cohort-\(language)", charts: false)
    // Every city row links to a section that exists.
    let checker = MarkupChecker(html)
    let targets = Set(checker.elements.compactMap { element in element.attributes.first { $0.name == "id" }?.value })
    for element in checker.elements where element.name == "a" {
      guard let href = element.attributes.first(where: { $0.name == "href" })?.value, href.hasPrefix("#") else {
        continue
      }
      #expect(targets.contains(String(href.dropFirst())), "dangling anchor \(href)")
    }
    #expect(html.contains("Kestrel Bay") && html.contains("한빛시"))
    compareWithGolden(html, "fixture-cohort-\(language).html")
    compareWithGolden(md, "fixture-cohort-\(language).md")
  }

  @Test func comparisonMatchesItsGoldenFile() throws {
    // Two years of the same city on the same survey.
    let (html, md, run) = try report(
      [
        "--compare", "Tests/Fixtures/reports/earlier/kestrel-bay-2025.yaml",
        "Tests/Fixtures/reports/cities/kestrel-bay.yaml",
      ] + Self.fixture)
    #expect(run.status == 0, "\(run.stderr)")
    checkMarkup(html, "compare")
    #expect(!md.contains("Caution"), "same survey and rules: nothing to flag")
    compareWithGolden(html, "fixture-compare.html")
    compareWithGolden(md, "fixture-compare.md")
  }

  /// The shipped content is still rendered, but only what holds whatever its numbers are is
  /// asserted (VisibleIDTests checks the same reports for ids in every language): every example
  /// city's report, the cohort of all of them and a progress report across survey versions are
  /// written, well-formed and self-contained, with one summary page first.
  @Test func shippedExamplesRenderWellFormedReports() throws {
    let cities = try FileReading.list(Binary.root + "/Examples").filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(cities.count >= 5)
    for city in cities {
      let (html, md, run) = try report(["Examples/" + city])
      #expect(run.status == 0, "\(city): \(run.stderr)")
      checkMarkup(html, city)
      #expect(Self.count("<section class=\"summary\">", in: html) == 1, "\(city): one summary page")
      #expect(md.hasPrefix("# "), "\(city)")
    }
    let (cohort, _, run) = try report(cities.map { "Examples/" + $0 })
    #expect(run.status == 0, "\(run.stderr)")
    checkMarkup(cohort, "cohort", charts: false)
    // Across survey versions (1.0.0 to 2.0.0): criteria are matched by id, with a caution.
    let (html, md, compare) = try report(["--compare", "Examples/legacy/kestrel-bay.yaml", "Examples/kestrel-bay.yaml"])
    #expect(compare.status == 0, "\(compare.stderr)")
    checkMarkup(html, "compare")
    #expect(md.contains("Caution"), "different survey versions must be flagged")
  }

  static func count(_ needle: String, in text: String) -> Int { text.ranges(of: needle).count }

  @Test func spanishAnswersGiveASpanishReport() throws {
    let city = "Tests/Fixtures/reports/cities/santa-lucerna.yaml"
    let (html, md, _) = try report([city] + Self.fixture)
    #expect(html.contains("<html lang=\"es\" dir=\"ltr\">"))
    #expect(html.contains("Soluciones recomendadas") && md.contains("## Hoja de ruta"))
    #expect(!html.contains("Recommended solutions"))
    let (english, _, _) = try report([city, "--lang", "en"] + Self.fixture, md: false)
    #expect(english.contains("Recommended solutions"))
  }

  @Test func hostileTextIsInertEverywhere() throws {
    let hostile = "<script>alert(\"x\")</script> \"><img src=x onerror=alert(1)> 'q' & [md](javascript:alert(1)) | pipe"
    let arguments = [
      "Tests/Fixtures/report-escaping/answers.yaml", "--rules", "Rules", "--rules",
      "Tests/Fixtures/report-escaping/plugin.yaml",
    ]
    for language in ["en", "es"] {
      let (html, md, run) = try report(arguments + ["--lang", language])
      #expect(run.status == 0, "\(run.stderr)")
      checkMarkup(html, "hostile-\(language)")
      #expect(!html.lowercased().contains("<script"), "a script element reached the HTML")
      #expect(!html.contains("<img"))
      // The text is all still there, shown as text: city, country, region, respondent, note,
      // criterion, finding, solution, its city and country, problem, what it needs, programme,
      // its reason, description and whom WeGO offers it to, metric title.
      let text = MarkupChecker(html).text
      let prefixes =
        language == "en"
        ? [
          "Kestrel ", "Country ", "Region ", "Respondent ", "Role ", "Note ", "Criterion ", "Unmet ", "Solution ",
          "City ", "Problem ", "Does ", "Needs ", "Programme ", "Because ", "Description ", "Basis ", "Metric ",
        ]
        : [
          "Kestrel ", "Country ", "Region ", "Respondent ", "Note ", "Criterio ", "No cumplido ", "Solución ",
          "Ciudad ", "Problema ", "Hace ", "Necesita ", "Programa ", "Porque ", "Descripción ", "Base ", "Métrica ",
        ]
      for prefix in prefixes {
        #expect(text.contains(prefix + hostile), "\(language): '\(prefix)…' is missing or altered in the page text")
      }
      // A source with a quote in it is dropped rather than linked; a clean one is linked with its '&' escaped.
      #expect(!html.contains("onmouseover"))
      #expect(html.contains("href=\"https://example.org/search?q=1&amp;lang=en\""))
      // Markdown: no raw HTML, no live link to javascript:, no table broken by the pipe.
      #expect(Self.unescaped("<", in: md, allowedAfter: ["](<"]) == 0, "raw '<' in the Markdown")
      let links = Self.unescaped("](", in: md, allowedAfter: [])
      let webLinks =
        Self.unescaped("](<https://", in: md, allowedAfter: []) + Self.unescaped("](<http://", in: md, allowedAfter: [])
      #expect(links > 0 && links == webLinks, "every Markdown link goes to a web address")
      var columns: Int?
      for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
        guard line.hasPrefix("|") else {
          columns = nil
          continue
        }
        let pipes = Self.unescapedPipes(line)
        if let columns {
          #expect(
            pipes == columns, "table row with \(pipes) cells separators, header has \(columns): \(line.prefix(120))")
        } else {
          columns = pipes
        }
      }
      #expect(md.contains("Kestrel \\<script\\>"))
    }
  }

  /// Occurrences of `needle` not preceded by a backslash and not inside one of `allowedAfter`.
  static func unescaped(_ needle: String, in text: String, allowedAfter: [String]) -> Int {
    let bytes = Array(text.utf8)
    let pattern = Array(needle.utf8)
    var count = 0
    var index = 0
    while index + pattern.count <= bytes.count {
      if Array(bytes[index..<index + pattern.count]) == pattern
        && (index == 0 || bytes[index - 1] != UInt8(ascii: "\\"))
      {
        let inAllowed = allowedAfter.contains { allowed in
          let prefix = Array(allowed.utf8)
          guard let offset = prefix.lastIndex(of: pattern[0]), index >= offset,
            index - offset + prefix.count <= bytes.count
          else { return false }
          return Array(bytes[(index - offset)..<(index - offset + prefix.count)]) == prefix
        }
        if !inAllowed { count += 1 }
      }
      index += 1
    }
    return count
  }

  static func unescapedPipes(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        count += 1
      }
    }
    return count
  }

  /// A report replaces its file by renaming a complete temporary file over it (a new inode, no
  /// temporary left), and a run that fails leaves the previous file as it was.
  @Test func writesAtomicallyAndRefusesBadOptions() throws {
    let run = Run.activator(["report", "Examples/valmora.yaml", "--paper", "a5"], cwd: Binary.root)
    #expect(run.status == 2)
    #expect(run.stderr.contains("'a5' is invalid for '--paper <paper>'"))
    let compare = Run.activator(["report", "--compare", "Examples/valmora.yaml"], cwd: Binary.root)
    #expect(compare.status == 2)
    let folder = Binary.temporaryFolder()
    let target = folder + "/v.html"
    Binary.write(target, "previous\n")
    func inode() -> ino_t? {
      var info = stat()
      return stat(target, &info) == 0 ? info.st_ino : nil
    }
    let before = try #require(inode())
    let a4 = Run.activator(["report", "Examples/valmora.yaml", "--paper", "a4", "--html", target], cwd: Binary.root)
    #expect(a4.status == 0)
    let written = Binary.read(target) ?? ""
    #expect(written.contains("@page { size: A4;") && written.hasSuffix("</html>\n"))
    #expect(inode() != before, "the file was rewritten in place rather than replaced")
    #expect(((try? FileReading.list(folder)) ?? []) == ["v.html"])
    let failing = Run.activator(
      ["report", "Examples/valmora.yaml", "--rules", folder + "/no-rules", "--html", target], cwd: Binary.root)
    #expect(failing.status == 2)
    #expect(Binary.read(target) == written)
    // Without --html or --md the Markdown goes to stdout.
    let plain = Run.activator(["report", "Examples/valmora.yaml"], cwd: Binary.root)
    #expect(plain.stdout.hasPrefix("# Valmora\n"))
  }

  @Test func outputsNeverDestroyInputsOrSpecialFiles() throws {
    let folder = Binary.temporaryFolder()
    for name in ["valmora", "kestrel-bay"] {
      Binary.write(folder + "/\(name).yaml", Binary.read(Binary.root + "/Examples/\(name).yaml") ?? "")
    }
    let original = Binary.read(folder + "/valmora.yaml")
    // `--html *.yaml`: the shell made the first answers file the option's value.
    let wildcard = Run.activator(
      ["report", "--html", folder + "/kestrel-bay.yaml", folder + "/valmora.yaml"], cwd: Binary.root)
    #expect(
      wildcard.status == 2
        && wildcard.stderr.contains(
          "kestrel-bay.yaml is an answers file; choose another file (did a wildcard such as *.yaml expand into --html?), or add --force"
        ))
    let over = Run.activator(["score", folder + "/valmora.yaml", "--out", folder + "/valmora.yaml"], cwd: Binary.root)
    #expect(
      over.status == 2
        && over.stderr.contains("refusing to replace it: it is \(folder)/valmora.yaml, a file this run reads"))
    #expect(Binary.read(folder + "/valmora.yaml") == original)
    // A symbolic link is followed, not replaced; a device is written in place.
    symlink("target.md", folder + "/link.md")
    let linked = Run.activator(
      ["report", "Examples/valmora.yaml", "--md", folder + "/link.md", "-q"], cwd: Binary.root)
    #expect(linked.status == 0, "\(linked.stderr)")
    var info = stat()
    #expect(lstat(folder + "/link.md", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(Binary.read(folder + "/target.md")?.hasPrefix("# Valmora") == true)
    let device = Run.activator(["report", "Examples/valmora.yaml", "--md", "/dev/null", "-q"], cwd: Binary.root)
    #expect(device.status == 0)
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    // Errors name the path.
    let missing = Run.activator(["report", "Examples/valmora.yaml", "--html", "/nonexistent/x.html"], cwd: Binary.root)
    #expect(
      missing.status == 2
        && missing.stderr.contains("/nonexistent/x.html: cannot write here: the folder '/nonexistent' does not exist"))
  }

  @Test func aCohortWithBadFilesListsThemAndStillReportsTheRest() throws {
    let folder = Binary.temporaryFolder()
    Binary.write(folder + "/broken.yaml", "survey: wego-activator\nanswers: [\n")
    Binary.write(folder + "/empty.yaml", "")
    let (html, md, run) = try report([
      "Examples/valmora.yaml", "Examples/kestrel-bay.yaml", folder + "/broken.yaml", folder + "/empty.yaml",
    ])
    #expect(run.status == 1)
    #expect(html.contains("Valmora") && html.contains("Kestrel Bay"))
    #expect(md.contains("broken.yaml") && md.contains("empty.yaml"))
    checkMarkup(html, "cohort-with-failures", charts: false)
  }
}

/// docs/catalog-provenance.md is generated from the shipped catalog; it must be regenerated
/// whenever an entry changes.
@Suite struct CatalogProvenanceTests {
  @Test func provenanceTableIsUpToDate() throws {
    let run = Run.activator(["catalog", "--provenance"], cwd: Binary.root)
    #expect(run.status == 0, "\(run.stderr)")
    let file = Binary.read(Binary.root + "/docs/catalog-provenance.md") ?? ""
    #expect(
      run.stdout == file,
      "docs/catalog-provenance.md is out of date: run `activator catalog --provenance > docs/catalog-provenance.md`")
    #expect(
      run.stdout.contains(
        "| `nairobi-digital-matatus` | Nairobi | <http://www.digitalmatatus.com/> | 2026-12-01 | deployed | yes |"))
  }
}
