package import ActivatorYAML

/// Reads catalog entries: solutions and WeGO programmes with what they need, whom they fit and
/// where every fact comes from. What can be checked without the survey is checked here; `helps`,
/// `needs` conditions and pillars are resolved when the rules are compiled.
extension PluginLoader {
  static func readCatalog(_ fields: Fields, reader: NodeReader, into plugin: inout Plugin) {
    if let node = fields.optional("solutions"), let items = reader.list(node, Message(.whatSolutions)) {
      for item in items {
        if let solution = solution(item, reader, plugin: plugin.id) { plugin.solutions.append(solution) }
      }
    }
    if let node = fields.optional("programmes"), let items = reader.list(node, Message(.whatProgrammes)) {
      for item in items {
        if let programme = programme(item, reader, plugin: plugin.id) { plugin.programmes.append(programme) }
      }
    }
  }

  /// The stage fit `{min, max}`, by stage number or id; resolved and checked when the rules are
  /// compiled. Nil after an error: the entry still exists (fitting stage 1 only), so references to
  /// it are not reported as unknown.
  static func stageFit(_ node: YAMLNode?, _ reader: NodeReader, _ label: Message) -> StageFit? {
    guard let node,
      let fields = reader.fields(node, Message(.whatStageFit, ["label": .message(label)]), allowed: ["min", "max"])
    else {
      return nil
    }
    guard let low = fields.required("min", reader).flatMap({ reader.stageReference($0, Message(.whatStageMin)) }),
      let high = fields.required("max", reader).flatMap({ reader.stageReference($0, Message(.whatStageMax)) })
    else { return nil }
    return StageFit(min: low, max: high, location: reader.location(node))
  }

  /// A web address: `http://` or `https://`, no spaces.
  static func url(_ node: YAMLNode?, _ reader: NodeReader, _ what: Message) -> String? {
    guard let node, let text = reader.string(node, what) else { return nil }
    // By bytes first: a catalog holds thousands of addresses, and walking each by characters
    // (what `contains` and `count` on a String do) was a measurable share of start-up.
    if !(text.hasPrefix("https://") || text.hasPrefix("http://"))
      || (text.utf8.contains(UInt8(ascii: " ")) && text.contains(" "))
      || text.dropFirst("https://".count).isEmpty
    {
      reader.error("url", Message(.catalogMustBeWebAddress, ["what": .message(what), "text": "\(text)"]), node)
      return nil
    }
    return text
  }

  /// One value of a closed set of words, with a did-you-mean.
  static func word<T: RawRepresentable & CaseIterable>(
    _ node: YAMLNode, _ reader: NodeReader, _ what: Message, as _: T.Type
  ) -> T?
  where T.RawValue == String {
    guard let text = reader.string(node, what) else { return nil }
    if let value = T(rawValue: text) { return value }
    let words = T.allCases.map(\.rawValue)
    reader.error(
      "unknown-value",
      Message(
        .catalogMustBeOneOf,
        [
          "what": .message(what), "choices": .list(words.map { .text($0) }), "text": .text(text),
          "hint": DidYouMean.hint(text, from: words),
        ]),
      node)
    return nil
  }

  /// A non-empty list of distinct words of a closed set.
  static func words<T: RawRepresentable & CaseIterable & Equatable>(
    _ node: YAMLNode?, _ reader: NodeReader, _ what: Message, as type: T.Type
  ) -> [T]?
  where T.RawValue == String {
    guard let node, let items = reader.list(node, what) else { return nil }
    var values: [T] = []
    for item in items {
      guard let value = word(item, reader, Message(.whatEachOf, ["what": .message(what)]), as: type) else { continue }
      if values.contains(value) {
        reader.error(
          "duplicate-id", Message(.catalogAppearsTwice, ["value": .text(value.rawValue), "what": .message(what)]), item)
      } else {
        values.append(value)
      }
    }
    if items.isEmpty {
      reader.error(
        "empty",
        Message(
          .catalogMustNameAtLeast, ["what": .message(what), "choices": .list(T.allCases.map { .text($0.rawValue) })]),
        node)
    }
    return values.isEmpty
      ? nil
      : values.sorted { a, b in
        (T.allCases.firstIndex(of: a) ?? T.allCases.startIndex)
          < (T.allCases.firstIndex(of: b) ?? T.allCases.startIndex)
      }
  }

  /// `fits: {income: [...], size: [...]}`; a programme may leave out `size` (WeGO does not select by size).
  static func fits(_ node: YAMLNode?, _ reader: NodeReader, _ label: Message, sizeRequired: Bool) -> CatalogFit {
    guard let node,
      let fields = reader.fields(node, Message(.whatFit, ["label": .message(label)]), allowed: ["income", "size"])
    else { return .everyone }
    let income = words(
      fields.required("income", reader), reader, Message(.whatIncomeGroups, ["label": .message(label)]),
      as: IncomeGroup.self)
    let sizeNode = sizeRequired ? fields.required("size", reader) : fields.optional("size")
    let size =
      sizeNode == nil && !sizeRequired
      ? CitySize.allCases
      : words(sizeNode, reader, Message(.whatCitySizes, ["label": .message(label)]), as: CitySize.self)
    return CatalogFit(income: income ?? IncomeGroup.allCases, size: size ?? CitySize.allCases)
  }

  /// Sources, figures, verification and the date and note of the last check, with the rules
  /// every entry follows: every address is http(s); a verified entry gives a page for each figure;
  /// an unverified one says what could not be confirmed.
  static func provenance(_ fields: Fields, _ reader: NodeReader, _ label: Message) -> CatalogProvenance {
    let source = url(fields.required("source", reader), reader, Message(.whatSource, ["label": .message(label)]))
    var sources: [String] = []
    if let node = fields.optional("sources"), let items = reader.list(node, Message(.whatSources)) {
      sources = items.compactMap { url($0, reader, Message(.whatASource, ["label": .message(label)])) }
    }
    let verifiedNode = fields.required("verified", reader)
    let verified = verifiedNode.flatMap { reader.bool($0, Message(.whatVerified)) } ?? false
    var figures: [CatalogFigure] = []
    if let node = fields.optional("figures"), let items = reader.list(node, Message(.whatFigures)) {
      for item in items {
        guard
          let entry = reader.fields(
            item, Message(.whatFigure, ["label": .message(label)]), allowed: ["fact", "source"])
        else { continue }
        guard
          let fact = entry.required("fact", reader).flatMap({
            reader.string($0, Message(.whatFactFigure, ["label": .message(label)]))
          })
        else { continue }
        let figureSource = url(entry.optional("source"), reader, Message(.whatFigureSource, ["label": .message(label)]))
        if verified && entry.optional("source") == nil {
          reader.error(
            "unsourced-figure", Message(.catalogMarkedVerifiedButThis, ["label": .message(label)]),
            item)
        }
        figures.append(CatalogFigure(fact: fact, source: figureSource))
      }
    }
    var lastChecked: String?
    if let node = fields.required("last_checked", reader), let text = reader.string(node, Message(.whatLastChecked)) {
      if DateText.isValid(text.trimmingSpaces) {
        lastChecked = text.trimmingSpaces
      } else {
        reader.error(
          "wrong-type", Message(.catalogLastCheckedMustBe, ["label": .message(label), "text": "\(text)"]), node)
      }
    }
    let checkNote = fields.optional("check_note").flatMap {
      reader.string($0, Message(.whatCheckNote, ["label": .message(label)]))
    }
    if !verified, checkNote == nil, let verifiedNode {
      reader.error("missing-key", Message(.catalogNotVerifiedSoIt, ["label": .message(label)]), verifiedNode)
    }
    return CatalogProvenance(
      source: source, sources: sources, figures: figures, verified: verified, lastChecked: lastChecked,
      checkNote: checkNote)
  }

  static func solution(_ node: YAMLNode, _ reader: NodeReader, plugin: String) -> Solution? {
    guard let fields = reader.fields(node, Message(.whatCatalogSolution), allowed: LoaderKeys.solution) else {
      return nil
    }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatSolutionId), dashes: true) }
    let label = Message(.whatSolutionNamed, ["id": .text(id ?? "?")])
    let name = fields.required("name", reader).flatMap {
      reader.localized($0, Message(.whatName, ["label": .message(label)]), nameLike: true)
    }
    let city = fields.required("city", reader).flatMap {
      reader.localized($0, Message(.whatCity2, ["label": .message(label)]), nameLike: true)
    }
    let country = fields.optional("country").flatMap {
      reader.localized($0, Message(.whatCountry2, ["label": .message(label)]), nameLike: true)
    }
    let year = fields.optional("year").flatMap { reader.int($0, Message(.whatYear), in: 1900...2100) }
    var pillars: [Located<String>] = []
    if let node = fields.required("pillars", reader), let items = reader.list(node, Message(.whatPillars)) {
      pillars = items.compactMap { item in located(item, reader) { reader.identifier($0, Message(.whatPillarId)) } }
      if items.isEmpty { reader.error("empty", Message(.pluginMustNameAtLeast, ["label": .message(label)]), node) }
    }
    let problem = fields.required("problem", reader).flatMap {
      reader.localized($0, Message(.whatProblem, ["label": .message(label)]))
    }
    let what = fields.required("solution", reader).flatMap {
      reader.localized($0, Message(.whatSolutionText, ["label": .message(label)]))
    }
    let fit = stageFit(fields.required("stage", reader), reader, label)
    let status = fields.required("status", reader).flatMap {
      word($0, reader, Message(.whatStatusOf, ["label": .message(label)]), as: SolutionStatus.self)
    }
    let suits = fits(fields.required("fits", reader), reader, label, sizeRequired: true)
    let cost = fields.required("cost", reader).flatMap {
      word($0, reader, Message(.whatCostBand, ["label": .message(label)]), as: CostBand.self)
    }
    let costBasis = fields.required("cost_basis", reader).flatMap {
      reader.localized($0, Message(.whatCostBasis, ["label": .message(label)]))
    }
    let needs = fields.optional("needs").map { needList($0, reader, label) } ?? []
    var helps: [Located<String>] = []
    if let node = fields.required("helps", reader), let items = reader.list(node, Message(.whatHelps)) {
      helps = items.compactMap { item in
        located(item, reader) { reader.identifier($0, Message(.whatQuestionCriterionId), dashes: true) }
      }
    }
    let provenance = provenance(fields, reader, label)
    guard let id, let name, let city, let problem, let what else { return nil }
    return Solution(
      id: id, name: name, city: city, country: country, year: year, pillars: pillars, problem: problem, solution: what,
      stageMin: 1, stageMax: 1, stage: fit, status: status ?? .deployed, fits: suits,
      cost: cost ?? .unknown, costBasis: costBasis, needs: needs, helps: helps, provenance: provenance, plugin: plugin,
      location: reader.location(node))
  }

  /// `needs:` items: `{text: {...}, requires: "condition"}`; the condition is optional because many
  /// prerequisites (a law, a partner) are not asked by any survey.
  static func needList(_ node: YAMLNode, _ reader: NodeReader, _ label: Message) -> [SolutionNeed] {
    guard let items = reader.list(node, Message(.whatNeeds)) else { return [] }
    var needs: [SolutionNeed] = []
    for item in items {
      guard
        let entry = reader.fields(
          item, Message(.whatNeedTextOptionalRequires, ["label": .message(label)]), allowed: ["text", "requires"])
      else { continue }
      guard
        let text = entry.required("text", reader).flatMap({
          reader.localized($0, Message(.whatNeed, ["label": .message(label)]))
        })
      else { continue }
      let requires = entry.optional("requires").flatMap {
        reader.expression($0, Message(.whatConditionNeed, ["label": .message(label)]))
      }
      needs.append(SolutionNeed(text: text, requires: requires))
    }
    return needs
  }

  static func programme(_ node: YAMLNode, _ reader: NodeReader, plugin: String) -> Programme? {
    guard let fields = reader.fields(node, Message(.whatProgramme), allowed: LoaderKeys.programme) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatProgrammeId), dashes: true) }
    let label = Message(.whatProgrammeNamed, ["id": .text(id ?? "?")])
    let name = fields.required("name", reader).flatMap {
      reader.localized($0, Message(.whatName, ["label": .message(label)]), nameLike: true)
    }
    let step = fields.required("step", reader).flatMap {
      word($0, reader, Message(.whatStepOf, ["label": .message(label)]), as: ChainStep.self)
    }
    let description = fields.required("description", reader).flatMap {
      reader.localized($0, Message(.whatDescription, ["label": .message(label)]))
    }
    let fit = stageFit(fields.required("stage", reader), reader, label)
    let eligibility = fields.required("eligibility", reader).flatMap {
      reader.localized($0, Message(.whatEligibility, ["label": .message(label)]))
    }
    let suits = fits(fields.required("fits", reader), reader, label, sizeRequired: false)
    let basis = fields.optional("fits_basis").flatMap {
      reader.localized($0, Message(.whatFitBasis, ["label": .message(label)]))
    }
    if basis == nil && !suits.suitsEveryIncome, let node = fields["fits"] {
      reader.error("missing-key", Message(.catalogOfferedSomeIncomeGroups, ["label": .message(label)]), node)
    }
    let status = fields.required("status", reader).flatMap {
      word($0, reader, Message(.whatStatusOf, ["label": .message(label)]), as: ProgrammeStatus.self)
    }
    let lastSeen = fields.optional("last_seen").flatMap { reader.int($0, Message(.whatLastSeen), in: 1900...2100) }
    let provenance = provenance(fields, reader, label)
    guard let id, let name, let description else { return nil }
    return Programme(
      id: id, name: name, step: step ?? .activator, description: description, stageMin: 1, stageMax: 1, stage: fit,
      eligibility: eligibility ?? LocalizedText(""), fits: suits, fitsBasis: basis, status: status ?? .unknown,
      lastSeen: lastSeen,
      provenance: provenance, plugin: plugin, location: reader.location(node))
  }
}
