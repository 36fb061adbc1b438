import ActivatorCore
import ActivatorYAML
import Testing

/// Issue 17, item 5: every shipped survey, rule plugin, catalog and message file is translated
/// (no text left identical to English in another language unless listed as intentional in
/// Translations/same-as-english.yaml) and names the same placeholders in every language.
@Suite struct TranslationAuditTests {
  /// Every YAML file under Surveys/ and Rules/.
  static func shippedFiles() -> [String] {
    var found: [String] = []
    func visit(_ path: String) {
      switch FileReading.kind(path) {
      case .directory:
        for name in ((try? FileReading.list(path)) ?? []).sorted() where !name.hasPrefix(".") {
          visit(path + "/" + name)
        }
      case .file where path.hasSuffix(".yaml"): found.append(path)
      default: break
      }
    }
    visit(Paths.at("Surveys"))
    visit(Paths.at("Rules"))
    return found
  }

  /// The texts allowed to stay as in English, by language ("*" for all).
  static func allowed() throws -> [String: Set<String>] {
    let (_, root) = try node(LocaleRulesTests.text(Paths.at("Translations/same-as-english.yaml")))
    var allowed: [String: Set<String>] = [:]
    for pair in root.mapping ?? [] {
      guard let language = pair.key.scalar else { continue }
      allowed[language] = Set((pair.value.sequence ?? []).compactMap(\.scalar))
    }
    return allowed
  }

  static func isAllowed(_ finding: TranslationAudit.Finding, _ allowed: [String: Set<String>]) -> Bool {
    allowed["*", default: []].contains(finding.text) || allowed[finding.language, default: []].contains(finding.text)
  }

  @Test func noShippedTextIsLeftInEnglish() throws {
    let allowed = try Self.allowed()
    let files = Self.shippedFiles()
    #expect(files.count > 10)
    var left: [String] = []
    for path in files {
      let (_, root) = try node(LocaleRulesTests.text(path), path: path)
      for finding in TranslationAudit.identicalToEnglish(root) where !Self.isAllowed(finding, allowed) {
        left.append(path.dropFirst(Paths.root.count + 1) + ":\(finding)")
      }
    }
    for language in MessageCatalogue.shared.available where language != "en" {
      for finding in TranslationAudit.identicalToEnglish(messages: language, in: .shared)
      where !Self.isAllowed(finding, allowed) {
        left.append("Messages/\(language).yaml: \(finding.path) \(finding.text)")
      }
    }
    #expect(
      left.isEmpty,
      "identical to English (translate, or list in Translations/same-as-english.yaml):\n\(left.joined(separator: "\n"))"
    )
  }

  @Test func theAuditFindsWhatIsLeftAndWhere() throws {
    let (_, root) = try node(
      """
      title: {en: "Smart city", es: "Ciudad inteligente", fr: "Smart city"}
      criteria:
        - id: portal
          title:
            en: "Open data portal"
            ko: "Open data portal"
            pt-BR: "Portal de dados abertos"
          unit: {en: "{n}%", fr: "{n}%"}
      """)
    let found = TranslationAudit.identicalToEnglish(root).map(\.description)
    #expect(found == ["1:57 title [fr] Smart city", "6:11 criteria[portal].title [ko] Open data portal"])
    let allowed: [String: Set<String>] = ["fr": ["Smart city"]]
    #expect(TranslationAudit.identicalToEnglish(root).filter { !Self.isAllowed($0, allowed) }.count == 1)
  }

  @Test func shippedContentFillsTheSamePlaceholdersInEveryLanguage() throws {
    for path in Self.shippedFiles() {
      let log = DiagnosticLog()
      if path.contains("/Surveys/") {
        _ = SurveyLoader.load(path, log: log)
      } else if path.hasSuffix("/plugin.yaml") {
        _ = PluginLoader.loadFolder(String(path.dropLast("/plugin.yaml".count)), log: log)
      }
      let problems = log.diagnostics.filter { $0.code == "placeholder-mismatch" || $0.code == "missing-translation" }
      #expect(problems.isEmpty, "\(path): \(problems.map(\.message))")
    }
  }

  @Test func aTranslationThatDropsAPlaceholderIsNamedAtItsKey() throws {
    let text = """
      plugin: p
      version: 1.0.0
      name: {en: P, es: P}
      languages: [en, es]
      applies_to: [{survey: tiny, versions: "1.x"}]
      criteria:
        - id: c
          pillar: alpha
          stage: 2
          title: {en: "At least {threshold}% online", es: "Al menos la mitad en línea"}
          when: "portal"
        - id: d
          pillar: alpha
          stage: 2
          title:
            en: "Portal"
          when: "portal"
      """
    let (file, root) = try node(text, path: "plugin.yaml")
    let log = DiagnosticLog()
    _ = PluginLoader.loadSingleFile(file, root, log: log)
    let found = log.sorted.filter { $0.code == "placeholder-mismatch" || $0.code == "missing-translation" }
    #expect(
      found.map { "\($0.location.line):\($0.location.column) \($0.code)" } == [
        "10:49 placeholder-mismatch", "16:7 missing-translation",
      ])
    #expect(found.first?.message.contains("{threshold}") == true)
    #expect(found.last?.message.contains("'es'") == true)
  }
}
