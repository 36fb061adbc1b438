import ActivatorCore
import Testing

@testable import ActivatorReports

/// No id of the survey or its rules (question, criterion, ladder, metric, solution, programme,
/// plugin) in what a reader of a report sees: HTML text nodes outside code and the provenance
/// footer, Markdown outside code spans and the provenance line. Every example city, every
/// language of the survey.
@Suite struct VisibleIDTests {
  static let root = RoadmapTests.root

  struct City: Sendable, CustomTestStringConvertible {
    var file: String
    var language: String
    var testDescription: String { "\(file) in \(language)" }
  }

  /// Every answers file of Examples/ (and Examples/legacy/ where there is one), in each language.
  static let cities: [City] = {
    var files: [String] = []
    for folder in ["/Examples/", "/Examples/legacy/"] {
      let names = (try? FileReading.list(root + folder)) ?? []
      files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { root + folder + $0 }
    }
    return files.flatMap { file in ["en", "es"].map { City(file: file, language: $0) } }
  }()

  static func assessment(_ city: City) throws -> Assessment {
    let workspace = Workspace()
    workspace.loadSurveys([root + "/Surveys"])
    workspace.loadRules([root + "/Rules"])
    let log = DiagnosticLog()
    let (sheet, survey) = try #require(AnswersLoader.load(city.file, registry: workspace.registry, log: log))
    let program = try #require(workspace.program(for: survey))
    var languageSheet = sheet
    languageSheet.language = city.language
    return Scorer.assess(languageSheet, with: program)
  }

  /// The question ids of every version of the shipped surveys: a text written when a question
  /// was renamed tends to name the old one ("1.0.0 eco_public_wifi").
  static let everySurveysQuestionIDs: Set<String> = {
    let workspace = Workspace()
    workspace.loadSurveys([root + "/Surveys"])
    return Set(workspace.registry.surveys.flatMap { $0.questions.map(\.id) })
  }()

  /// The ids a reader must never meet: those with a separator (`gov_online_services`,
  /// `gov-online`, `wego-core`), since one-word ids ("portal") are words too.
  static func ids(_ program: Program) -> Set<String> {
    var ids = Set(program.survey.questions.map(\.id)).union(everySurveysQuestionIDs)
    for criterion in program.criteria {
      ids.insert(criterion.id)
      if let ladder = criterion.ladder { ids.insert(ladder.ladderID) }
    }
    ids.formUnion(program.metrics.map(\.id))
    ids.formUnion(program.solutions.map(\.id))
    ids.formUnion(program.programmes.map(\.id))
    ids.formUnion(program.plugins.map(\.id))
    return ids.filter { $0.contains("_") || $0.contains("-") }
  }

  /// Words of `text` that are ids, split where an id cannot continue.
  static func leaks(_ text: String, _ ids: Set<String>) -> [String] {
    let separators: (Character) -> Bool = { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    return text.split(whereSeparator: separators).map(String.init).filter { ids.contains($0) }
  }

  @Test(arguments: cities)
  func noSurveyIdInVisibleText(_ city: City) throws {
    let a = try Self.assessment(city)
    let ids = Self.ids(a.program)
    #expect(ids.count > 20, "too few ids to check: \(ids.count)")
    #expect(ids.contains("eco_public_wifi"), "the 1.0.0 question ids are checked too")
    let report = CityReport(a, date: "2026-12-01")
    let html = VisibleText.html(HTMLReport.city(report))
    let markdown = VisibleText.markdown(MarkdownReport.city(report))
    #expect(html.contains(report.city) && markdown.contains(report.city))
    #expect(Self.leaks(html, ids).isEmpty, "HTML shows \(Array(Set(Self.leaks(html, ids))).sorted())")
    #expect(Self.leaks(markdown, ids).isEmpty, "Markdown shows \(Array(Set(Self.leaks(markdown, ids))).sorted())")
  }

  /// English forms of place names that Spanish writes otherwise (Fundéu, the RAE's Diccionario
  /// panhispánico de dudas): a catalog city left as a plain string would show one of them.
  static let englishPlaceNames = [
    "Seoul", "Mexico City", "Singapore", "Hanoi", "Ulaanbaatar", "Addis Ababa", "Jakarta", "Kathmandu", "Dar es Salaam",
    "Rio de Janeiro", "Los Angeles", "Dublin", "Amsterdam", "Tallinn", "La Union",
  ]

  /// A Spanish report names the cities of its recommendations in Spanish: every example city, its
  /// recommendations and its summary's next steps ("…, como en Seúl, Corea del Sur").
  @Test(arguments: cities.filter { $0.language == "es" })
  func spanishReportsNameCatalogCitiesInSpanish(_ city: City) throws {
    let a = try Self.assessment(city)
    var english = Set(Self.englishPlaceNames)
    for solution in a.program.solutions where solution.city.text("en") != solution.city.text("es") {
      english.insert(solution.city.text("en"))
    }
    let report = CityReport(a, recommendationLimit: 40, date: "2026-12-01")
    #expect(!report.recommendations.isEmpty)
    for item in report.recommendations {
      #expect(!english.contains(where: { item.city.contains($0) }), "\(item.city) in \(city)")
    }
    let visible = VisibleText.html(HTMLReport.city(report)) + VisibleText.markdown(MarkdownReport.city(report))
    // A place is named before its country ("Seoul, South Korea"); product names keep theirs.
    for name in english {
      // As a word of its own: "TransJakarta, MRT" names a bus system.
      let named = visible.ranges(of: name + ", ").contains { range in
        range.lowerBound == visible.startIndex || !visible[visible.index(before: range.lowerBound)].isLetter
      }
      #expect(!named, "\(name) in the Spanish report of \(city.file)")
    }
    #expect(english.count > Self.englishPlaceNames.count, "the catalog's own English-only names are checked too")
  }

  @Test func theCheckFindsAnIdWhereOneIsShown() {
    let ids: Set<String> = ["gov_online_services", "env-non-revenue-water"]
    #expect(
      Self.leaks(VisibleText.html("<p>Near misses: gov_online_services = 72%</p>"), ids) == ["gov_online_services"])
    #expect(Self.leaks(VisibleText.html("<p>x <code>gov_online_services</code></p>"), ids).isEmpty)
    #expect(
      Self.leaks(VisibleText.markdown("- wego-core/env-non-revenue-water@3 is short"), ids) == ["env-non-revenue-water"]
    )
    #expect(Self.leaks(VisibleText.markdown("- gov\\_online\\_services"), ids) == ["gov_online_services"])
    #expect(Self.leaks(VisibleText.markdown("`gov_online_services`\n\n---\n\n*gov_online_services*"), ids).isEmpty)
    #expect(Self.leaks(VisibleText.markdown("Source: [site](<https://site/env-non-revenue-water>)"), ids).isEmpty)
  }
}

/// The text a reader sees in a report.
enum VisibleText {
  /// HTML text nodes, entities decoded, without `<style>`, `<code>` (ids shown on purpose, for
  /// staff, left out of print) and the provenance `<footer>`.
  static func html(_ page: String) -> String {
    let hidden: Set<String> = ["style", "code", "footer"]
    var text = ""
    var depth = 0
    var rest = Substring(page)
    while let open = rest.firstIndex(of: "<") {
      if depth == 0 { text += decode(rest[..<open]) + " " }
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let tag = rest[rest.index(after: open)..<close]
      let closing = tag.hasPrefix("/")
      let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
      if hidden.contains(name) && !tag.hasSuffix("/") { depth += closing ? -1 : 1 }
      rest = rest[rest.index(after: close)...]
    }
    if depth == 0 { text += decode(rest) }
    return text
  }

  static func decode(_ text: Substring) -> String {
    String(text).replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
      .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
  }

  /// Markdown without code spans, link targets and the provenance line after the last rule,
  /// backslash escapes undone.
  static func markdown(_ document: String) -> String {
    var body = Substring(document)
    if let rule = document.ranges(of: "\n---\n").last { body = document[..<rule.lowerBound] }
    body = Substring(body.replacing(/\]\(<[^>]*>\)/, with: "]"))
    var text = ""
    var inCode = false
    var escaped = false
    for character in body {
      if escaped {
        if !inCode { text.append(character) }
        escaped = false
      } else if character == "\\" && !inCode {
        escaped = true
      } else if character == "`" {
        inCode.toggle()
      } else if !inCode {
        text.append(character)
      }
    }
    return text
  }
}
