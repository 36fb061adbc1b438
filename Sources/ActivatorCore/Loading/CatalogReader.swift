public import ActivatorYAML

/// Reads catalog entries: solutions and WeGO programmes with what they need, whom they fit and
/// where every fact comes from. What can be checked without the survey is checked here; `helps`,
/// `needs` conditions and pillars are resolved when the rules are compiled.
extension PluginLoader {
  static func readCatalog(_ fields: Fields, reader: NodeReader, into plugin: inout Plugin) {
    if let node = fields.optional("solutions"), let items = reader.list(node, "solutions") {
      for item in items { if let solution = solution(item, reader, plugin: plugin.id) { plugin.solutions.append(solution) } }
    }
    if let node = fields.optional("programmes"), let items = reader.list(node, "programmes") {
      for item in items { if let programme = programme(item, reader, plugin: plugin.id) { plugin.programmes.append(programme) } }
    }
  }

  /// The stage fit `{min, max}` and where `max` is written. After an error it is a
  /// placeholder, so the entry still exists and references to it are not reported as unknown.
  static func stageFit(_ node: YAMLNode?, _ reader: NodeReader, _ label: String) -> (Int, Int, SourceLocation) {
    guard let node else { return (1, 1, reader.location(YAMLNode(content: .scalar("", .plain), start: .init(line: 0, column: 0), end: .init(line: 0, column: 0)))) }
    guard let fields = reader.fields(node, "the stage fit of \(label)", allowed: ["min", "max"]) else { return (1, 1, reader.location(node)) }
    let maxLocation = reader.location(fields["max"] ?? node)
    guard let low = fields.required("min", reader).flatMap({ reader.int($0, "stage min", in: 1...20) }),
      let high = fields.required("max", reader).flatMap({ reader.int($0, "stage max", in: 1...20) })
    else { return (1, 1, maxLocation) }
    if low > high {
      reader.error("range", "stage min (\(low)) is greater than max (\(high)) in \(label)", node)
      return (1, 1, maxLocation)
    }
    return (low, high, maxLocation)
  }

  /// A web address: `http://` or `https://`, no spaces.
  static func url(_ node: YAMLNode?, _ reader: NodeReader, _ what: String) -> String? {
    guard let node, let text = reader.string(node, what) else { return nil }
    if !(text.hasPrefix("https://") || text.hasPrefix("http://")) || text.contains(" ") || text.count <= "https://".count {
      reader.error("url", "\(what) must be a web address starting with https:// or http://, not '\(text)'", node)
      return nil
    }
    return text
  }

  /// One value of a closed set of words, with a did-you-mean.
  static func word<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ reader: NodeReader, _ what: String, as _: T.Type) -> T?
  where T.RawValue == String {
    guard let text = reader.string(node, what) else { return nil }
    if let value = T(rawValue: text) { return value }
    let words = T.allCases.map(\.rawValue)
    reader.error(
      "unknown-value", "\(what) must be one of \(words.joined(separator: ", ")), not '\(text)'" + DidYouMean.hint(text, from: words), node)
    return nil
  }

  /// A non-empty list of distinct words of a closed set.
  static func words<T: RawRepresentable & CaseIterable & Equatable>(_ node: YAMLNode?, _ reader: NodeReader, _ what: String, as type: T.Type) -> [T]?
  where T.RawValue == String {
    guard let node, let items = reader.list(node, what) else { return nil }
    var values: [T] = []
    for item in items {
      guard let value = word(item, reader, "each of \(what)", as: type) else { continue }
      if values.contains(value) { reader.error("duplicate-id", "'\(value.rawValue)' appears twice in \(what)", item) } else { values.append(value) }
    }
    if items.isEmpty { reader.error("empty", "\(what) must name at least one of \(T.allCases.map(\.rawValue).joined(separator: ", "))", node) }
    return values.isEmpty ? nil : values.sorted { a, b in
      (T.allCases.firstIndex(of: a) ?? T.allCases.startIndex) < (T.allCases.firstIndex(of: b) ?? T.allCases.startIndex)
    }
  }

  /// `fits: {income: [...], size: [...]}`; a programme may leave out `size` (WeGO does not select by size).
  static func fits(_ node: YAMLNode?, _ reader: NodeReader, _ label: String, sizeRequired: Bool) -> CatalogFit {
    guard let node, let fields = reader.fields(node, "the fit of \(label)", allowed: ["income", "size"]) else { return .everyone }
    let income = words(fields.required("income", reader), reader, "the income groups of \(label)", as: IncomeGroup.self)
    let sizeNode = sizeRequired ? fields.required("size", reader) : fields.optional("size")
    let size = sizeNode == nil && !sizeRequired ? CitySize.allCases : words(sizeNode, reader, "the city sizes of \(label)", as: CitySize.self)
    return CatalogFit(income: income ?? IncomeGroup.allCases, size: size ?? CitySize.allCases)
  }

  /// Sources, figures, verification and the date and note of the last check, with the rules
  /// every entry follows: every address is http(s); a verified entry gives a page for each figure;
  /// an unverified one says what could not be confirmed.
  static func provenance(_ fields: Fields, _ reader: NodeReader, _ label: String) -> CatalogProvenance {
    let source = url(fields.required("source", reader), reader, "the source of \(label)")
    var sources: [String] = []
    if let node = fields.optional("sources"), let items = reader.list(node, "sources") {
      sources = items.compactMap { url($0, reader, "a source of \(label)") }
    }
    let verifiedNode = fields.required("verified", reader)
    let verified = verifiedNode.flatMap { reader.bool($0, "verified") } ?? false
    var figures: [CatalogFigure] = []
    if let node = fields.optional("figures"), let items = reader.list(node, "figures") {
      for item in items {
        guard let entry = reader.fields(item, "a figure of \(label)", allowed: ["fact", "source"]) else { continue }
        guard let fact = entry.required("fact", reader).flatMap({ reader.string($0, "the fact of a figure of \(label)") }) else { continue }
        let figureSource = url(entry.optional("source"), reader, "the source of a figure of \(label)")
        if verified && entry.optional("source") == nil {
          reader.error(
            "unsourced-figure", "\(label) is marked verified, but this figure names no page that states it; add its source or set verified: false",
            item)
        }
        figures.append(CatalogFigure(fact: fact, source: figureSource))
      }
    }
    var lastChecked: String?
    if let node = fields.required("last_checked", reader), let text = reader.string(node, "last_checked") {
      if DateText.isValid(text.trimmingSpaces) {
        lastChecked = text.trimmingSpaces
      } else {
        reader.error("wrong-type", "last_checked of \(label) must be a date written YYYY-MM-DD, not '\(text)'", node)
      }
    }
    let checkNote = fields.optional("check_note").flatMap { reader.string($0, "the check note of \(label)") }
    if !verified, checkNote == nil, let verifiedNode {
      reader.error("missing-key", "\(label) is not verified, so it needs a check_note saying what could not be confirmed", verifiedNode)
    }
    return CatalogProvenance(
      source: source, sources: sources, figures: figures, verified: verified, lastChecked: lastChecked, checkNote: checkNote)
  }

  static func solution(_ node: YAMLNode, _ reader: NodeReader, plugin: String) -> Solution? {
    guard let fields = reader.fields(node, "a catalog solution", allowed: LoaderKeys.solution) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, "solution id", dashes: true) }
    let label = "solution '\(id ?? "?")'"
    let name = fields.required("name", reader).flatMap { reader.localized($0, "the name of \(label)", nameLike: true) }
    let city = fields.required("city", reader).flatMap { reader.localized($0, "the city of \(label)", nameLike: true) }
    let country = fields.optional("country").flatMap { reader.localized($0, "the country of \(label)", nameLike: true) }
    let year = fields.optional("year").flatMap { reader.int($0, "year", in: 1900...2100) }
    var pillars: [Located<String>] = []
    if let node = fields.required("pillars", reader), let items = reader.list(node, "pillars") {
      pillars = items.compactMap { item in located(item, reader) { reader.identifier($0, "pillar id") } }
      if items.isEmpty { reader.error("empty", "\(label) must name at least one pillar", node) }
    }
    let problem = fields.required("problem", reader).flatMap { reader.localized($0, "the problem of \(label)") }
    let what = fields.required("solution", reader).flatMap { reader.localized($0, "the solution text of \(label)") }
    let fit = stageFit(fields.required("stage", reader), reader, label)
    let status = fields.required("status", reader).flatMap { word($0, reader, "the status of \(label)", as: SolutionStatus.self) }
    let suits = fits(fields.required("fits", reader), reader, label, sizeRequired: true)
    let cost = fields.required("cost", reader).flatMap { word($0, reader, "the cost band of \(label)", as: CostBand.self) }
    let costBasis = fields.required("cost_basis", reader).flatMap { reader.localized($0, "the cost basis of \(label)") }
    let needs = fields.optional("needs").map { needList($0, reader, label) } ?? []
    var helps: [Located<String>] = []
    if let node = fields.required("helps", reader), let items = reader.list(node, "helps") {
      helps = items.compactMap { item in located(item, reader) { reader.identifier($0, "question or criterion id", dashes: true) } }
    }
    let provenance = provenance(fields, reader, label)
    guard let id, let name, let city, let problem, let what else { return nil }
    return Solution(
      id: id, name: name, city: city, country: country, year: year, pillars: pillars, problem: problem, solution: what,
      stageMin: fit.0, stageMax: fit.1, stageMaxLocation: fit.2, status: status ?? .deployed, fits: suits,
      cost: cost ?? .unknown, costBasis: costBasis, needs: needs, helps: helps, provenance: provenance, plugin: plugin,
      location: reader.location(node))
  }

  /// `needs:` items: `{text: {...}, requires: "condition"}`; the condition is optional because many
  /// prerequisites (a law, a partner) are not asked by any survey.
  static func needList(_ node: YAMLNode, _ reader: NodeReader, _ label: String) -> [SolutionNeed] {
    guard let items = reader.list(node, "needs") else { return [] }
    var needs: [SolutionNeed] = []
    for item in items {
      guard let entry = reader.fields(item, "a need of \(label) (text and an optional requires condition)", allowed: ["text", "requires"])
      else { continue }
      guard let text = entry.required("text", reader).flatMap({ reader.localized($0, "a need of \(label)") }) else { continue }
      let requires = entry.optional("requires").flatMap { reader.expression($0, "the condition of a need of \(label)") }
      needs.append(SolutionNeed(text: text, requires: requires))
    }
    return needs
  }

  static func programme(_ node: YAMLNode, _ reader: NodeReader, plugin: String) -> Programme? {
    guard let fields = reader.fields(node, "a programme", allowed: LoaderKeys.programme) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, "programme id", dashes: true) }
    let label = "programme '\(id ?? "?")'"
    let name = fields.required("name", reader).flatMap { reader.localized($0, "the name of \(label)", nameLike: true) }
    let step = fields.required("step", reader).flatMap { word($0, reader, "the step of \(label)", as: ChainStep.self) }
    let description = fields.required("description", reader).flatMap { reader.localized($0, "the description of \(label)") }
    let fit = stageFit(fields.required("stage", reader), reader, label)
    let eligibility = fields.required("eligibility", reader).flatMap { reader.localized($0, "the eligibility of \(label)") }
    let suits = fits(fields.required("fits", reader), reader, label, sizeRequired: false)
    let basis = fields.optional("fits_basis").flatMap { reader.localized($0, "the fit basis of \(label)") }
    if basis == nil && !suits.suitsEveryIncome, let node = fields["fits"] {
      reader.error("missing-key", "\(label) is offered to some income groups only, so it needs fits_basis saying why", node)
    }
    let status = fields.required("status", reader).flatMap { word($0, reader, "the status of \(label)", as: ProgrammeStatus.self) }
    let lastSeen = fields.optional("last_seen").flatMap { reader.int($0, "last_seen", in: 1900...2100) }
    let provenance = provenance(fields, reader, label)
    guard let id, let name, let description else { return nil }
    return Programme(
      id: id, name: name, step: step ?? .activator, description: description, stageMin: fit.0, stageMax: fit.1,
      eligibility: eligibility ?? LocalizedText(""), fits: suits, fitsBasis: basis, status: status ?? .unknown, lastSeen: lastSeen,
      provenance: provenance, plugin: plugin, location: reader.location(node))
  }
}
