package import ActivatorYAML

/// Finds and reads rule plugins: a folder `Rules/<id>/` with `plugin.yaml`, content files,
/// `catalog/` and `tests/`, or a single file holding everything.
package enum PluginLoader {
  static let manifestKeys = LoaderKeys.pluginManifest
  static let contentKeys = LoaderKeys.pluginContent
  static let catalogKeys = LoaderKeys.catalog

  /// Every plugin under `path`: a folder of plugins, one plugin folder, or one plugin file.
  package static func loadAll(_ path: String, log: DiagnosticLog) -> [Plugin] {
    switch FileReading.kind(path) {
    case .file:
      return loadSingleFile(path, log: log).map { [$0] } ?? []
    case .directory:
      if FileReading.kind(join(path, "plugin.yaml")) == .file {
        return loadFolder(path, log: log).map { [$0] } ?? []
      }
      var plugins: [Plugin] = []
      let names = (try? FileReading.list(path)) ?? []
      for name in names where !name.hasPrefix(".") {
        let child = join(path, name)
        switch FileReading.kind(child) {
        case .directory:
          if FileReading.kind(join(child, "plugin.yaml")) == .file {
            if let plugin = loadFolder(child, log: log) { plugins.append(plugin) }
          }
        case .file where isYAML(name):
          if let plugin = loadSingleFile(child, log: log) { plugins.append(plugin) }
        default: break
        }
      }
      return plugins
    case .missing:
      log.error("unreadable", Message(.pluginNoSuchFileFolder), at: .file(path))
      return []
    case .other:
      log.error("unreadable", Message(.pluginNotFileFolderActivator), at: .file(path))
      return []
    }
  }

  static func isYAML(_ name: String) -> Bool {
    name.hasSuffix(".yaml") || name.hasSuffix(".yml")
  }

  package static func join(_ a: String, _ b: String) -> String {
    if a == "." { return b }
    return a.hasSuffix("/") ? a + b : a + "/" + b
  }

  /// Whether `path`, read as written (`.` and `..` resolved on the text, no link followed), lies
  /// inside `folder`. A plugin's fixtures must read only files that travel with the
  /// plugin when its folder is copied alone, which a path's text decides, not where a link points.
  static func lexically(_ path: String, isInside folder: String) -> Bool {
    guard !path.hasPrefix("/") || folder.hasPrefix("/") else { return false }
    func components(_ text: String) -> [Substring] {
      var kept: [Substring] = []
      for part in text.split(separator: "/") where part != "." {
        if part == "..", let last = kept.last, last != ".." {
          kept.removeLast()
        } else {
          kept.append(part)
        }
      }
      return kept
    }
    let inside = components(path)
    let root = components(folder)
    return inside.count > root.count && inside.starts(with: root) && !inside.dropFirst(root.count).contains("..")
  }

  /// All YAML files below `folder`, sorted, skipping hidden entries and `tests/`.
  static func yamlFiles(_ folder: String, skipping skipped: Set<String> = ["tests"]) -> [String] {
    var found: [String] = []
    var pending = [folder]
    var visited = 0
    while let current = pending.popLast(), visited < 10_000 {
      visited += 1
      for name in (try? FileReading.list(current)) ?? [] where !name.hasPrefix(".") {
        let path = join(current, name)
        switch FileReading.kind(path) {
        case .directory where !(current == folder && skipped.contains(name)):
          pending.append(path)
        case .file where isYAML(name):
          found.append(path)
        default: break
        }
      }
    }
    return found.sorted()
  }

  package static func loadFolder(_ folder: String, log: DiagnosticLog) -> Plugin? {
    let manifestPath = join(folder, "plugin.yaml")
    guard let (file, root) = Document.load(manifestPath, limits: .authored, log: log) else { return nil }
    var reader = NodeReader(file: file, log: log)
    reader.checkTags(root)
    guard
      let fields = reader.fields(
        root, Message(.whatPluginManifest), allowed: manifestKeys + contentKeys + ["solutions", "programmes"])
    else { return nil }
    guard var plugin = manifest(fields, reader: &reader, root: folder.hasSuffix("/") ? folder : folder + "/") else {
      return nil
    }
    plugin.files.append(file)
    readContent(fields, reader: reader, into: &plugin)
    readCatalog(fields, reader: reader, into: &plugin)
    for path in yamlFiles(folder) where path != manifestPath {
      guard let (contentFile, contentRoot) = Document.load(path, limits: .authored, log: log) else { continue }
      plugin.files.append(contentFile)
      let contentReader = NodeReader(file: contentFile, log: log, languages: plugin.languages)
      contentReader.checkTags(contentRoot)
      let isCatalog = contentRoot.mapping?.contains { $0.key.scalar == "catalog" } == true
      if isCatalog {
        guard let catalogFields = contentReader.fields(contentRoot, Message(.whatCatalogFile), allowed: catalogKeys)
        else { continue }
        if let node = catalogFields.required("catalog", contentReader) {
          _ = contentReader.identifier(node, Message(.whatCatalogId), dashes: true)
        }
        readCatalog(catalogFields, reader: contentReader, into: &plugin)
      } else {
        let allowed = contentKeys + ["solutions", "programmes"]
        guard
          let contentFields = contentReader.fields(
            contentRoot, Message(.whatRuleFilePlugin, ["plugin_id": "\(plugin.id)"]), allowed: allowed)
        else { continue }
        if contentFields.values.isEmpty {
          contentReader.warning("empty", Message(.pluginThisRuleFileHas), contentRoot)
        }
        readContent(contentFields, reader: contentReader, into: &plugin)
        readCatalog(contentFields, reader: contentReader, into: &plugin)
      }
    }
    let testsFolder = join(folder, "tests")
    if FileReading.kind(testsFolder) == .directory {
      // tests/answers/ holds the answers files the fixtures read, not fixtures.
      plugin.fixtures = yamlFiles(testsFolder, skipping: ["answers"])
      for path in plugin.fixtures {
        if let bytes = try? FileReading.read(path, maxBytes: YAMLLimits.authored.maxBytes) {
          plugin.files.append(SourceFile(path: path, bytes: bytes))
        }
      }
    }
    return plugin
  }

  package static func loadSingleFile(_ path: String, log: DiagnosticLog) -> Plugin? {
    guard let (file, root) = Document.load(path, limits: .authored, log: log) else { return nil }
    return loadSingleFile(file, root, log: log)
  }

  /// A plugin held in one parsed document.
  package static func loadSingleFile(_ file: SourceFile, _ root: YAMLNode, log: DiagnosticLog) -> Plugin? {
    let path = file.path
    var reader = NodeReader(file: file, log: log)
    reader.checkTags(root)
    guard root.mapping?.contains(where: { $0.key.scalar == "plugin" }) == true else {
      reader.error(
        "not-a-plugin",
        Message(.pluginThisFileNotRule),
        root)
      return nil
    }
    guard
      let fields = reader.fields(
        root, Message(.whatPluginFile), allowed: manifestKeys + contentKeys + ["solutions", "programmes"])
    else { return nil }
    guard var plugin = manifest(fields, reader: &reader, root: path) else { return nil }
    plugin.files.append(file)
    readContent(fields, reader: reader, into: &plugin)
    readCatalog(fields, reader: reader, into: &plugin)
    return plugin
  }

  static func manifest(_ fields: Fields, reader: inout NodeReader, root: String) -> Plugin? {
    let id = fields.required("plugin", reader).flatMap { reader.identifier($0, Message(.whatPluginId), dashes: true) }
    let version = fields.required("version", reader).flatMap { reader.version($0, Message(.whatPluginVersion)) }
    let languages = reader.languageList(fields)
    reader.languages = languages
    let name = fields.required("name", reader).flatMap { reader.localized($0, Message(.whatPluginName)) }
    let description = fields.optional("description").flatMap { reader.localized($0, Message(.whatPluginDescription)) }
    var requirements: [SurveyRequirement] = []
    if let node = fields.required("applies_to", reader), let items = reader.list(node, Message(.whatApplies)) {
      for item in items {
        guard let entry = reader.fields(item, Message(.whatAppliesEntry), allowed: ["survey", "versions"]) else {
          continue
        }
        let survey = entry.required("survey", reader).flatMap {
          reader.identifier($0, Message(.whatSurveyId2), dashes: true)
        }
        // An invalid range is reported and read as "any version", so the rules are still checked.
        let range =
          entry.required("versions", reader).flatMap { reader.versionRange($0, Message(.whatVersions)) }
          ?? VersionRange("*")
        if let survey, let range {
          requirements.append(SurveyRequirement(survey: survey, versions: range, location: reader.location(item)))
        }
      }
      if items.isEmpty { reader.error("empty", Message(.pluginAppliesMustNameAt), node) }
    }
    var threshold: Located<Double>?
    if let node = fields.optional("threshold"), let value = reader.double(node, Message(.whatThreshold)) {
      if value > 0 && value <= 1 {
        threshold = Located(value, at: reader.location(node))
      } else {
        reader.error("out-of-range", Message(.pluginThresholdMustBeMore, ["value": "\(value)"]), node)
      }
    }
    if let node = fields.optional("authors"), let items = reader.list(node, Message(.whatAuthors)) {
      for item in items { _ = reader.string(item, Message(.whatAuthor)) }
    }
    if let node = fields.optional("license") { _ = reader.string(node, Message(.whatLicense)) }
    if let node = fields.optional("homepage") { _ = url(node, reader, Message(.whatPluginHomepage)) }
    var requires: [Located<String>] = []
    if let node = fields.optional("requires"), let items = reader.list(node, Message(.whatRequires)) {
      requires = items.compactMap { item in
        located(item, reader) { reader.identifier($0, Message(.whatPluginId), dashes: true) }
      }
    }
    // After an error in the manifest the content is still read and checked, under placeholders.
    let pluginID = id ?? "invalid-plugin-id"
    var plugin = Plugin(
      id: pluginID, version: version ?? SemanticVersion(0, 0, 0), name: name ?? LocalizedText(pluginID),
      description: description,
      languages: languages, appliesTo: requirements,
      threshold: threshold, location: reader.location(fields.node), root: root)
    plugin.requires = requires
    return plugin
  }

  // MARK: - Content

  static func readContent(_ fields: Fields, reader: NodeReader, into plugin: inout Plugin) {
    if let node = fields.optional("criteria"), let items = reader.list(node, Message(.whatCriteria)) {
      for item in items { if let criterion = criterion(item, reader) { plugin.criteria.append(criterion) } }
    }
    if let node = fields.optional("ladders"), let items = reader.list(node, Message(.whatLadders)) {
      for item in items { if let ladder = ladder(item, reader) { plugin.ladders.append(ladder) } }
    }
    if let node = fields.optional("metrics"), let items = reader.list(node, Message(.whatMetrics)) {
      for item in items { if let metric = metric(item, reader) { plugin.metrics.append(metric) } }
    }
    if let node = fields.optional("next_steps"), let items = reader.list(node, Message(.whatNextSteps)) {
      for item in items { if let step = nextStep(item, reader) { plugin.nextSteps.append(step) } }
    }
    if let node = fields.optional("context"), let context = context(node, reader) { plugin.context.append(context) }
    if let node = fields.optional("let") { plugin.definitions += definitions(node, reader) }
  }

  /// `let:` maps names to expressions; a name is an identifier, as a question id is.
  static func definitions(_ node: YAMLNode, _ reader: NodeReader) -> [NamedDefinition] {
    guard let pairs = node.mapping else {
      reader.error("wrong-type", Message(.pluginLetMapping, ["found": NodeReader.found(node)]), node)
      return []
    }
    return pairs.compactMap { pair in
      guard let name = located(pair.key, reader, { reader.identifier($0, Message(.whatDefinitionName)) }),
        let expression = reader.expression(pair.value, Message(.whatDefinition, ["name": .text(name.value)]))
      else { return nil }
      return NamedDefinition(name: name, expression: expression)
    }
  }

  static func located<T>(_ node: YAMLNode, _ reader: NodeReader, _ read: (YAMLNode) -> T?) -> Located<T>? {
    read(node).map { Located($0, at: reader.location(node)) }
  }

  static func references(_ node: YAMLNode, _ reader: NodeReader, _ key: String) -> [Located<String>] {
    guard let items = reader.list(node, Message(.whatKeyNamed, ["key": .text(key)])) else { return [] }
    return items.compactMap { item in
      located(item, reader) { reader.identifier($0, Message(.whatSolutionId), dashes: true) }
    }
  }

  static func weight(_ fields: Fields, _ reader: NodeReader) -> Double {
    guard let node = fields.optional("weight"), let value = reader.double(node, Message(.whatWeight)) else { return 1 }
    guard value > 0, value <= 100 else {
      reader.error("out-of-range", Message(.pluginWeightMustBeMore, ["format": "\(JSONWriter.format(value))"]), node)
      return 1
    }
    return value
  }

  static func criterion(_ node: YAMLNode, _ reader: NodeReader) -> CriterionDefinition? {
    let keys = ["id", "pillar", "stage", "weight", "kind", "basis", "title", "when", "met", "unmet", "recommend"]
    guard let fields = reader.fields(node, Message(.whatCriterion), allowed: keys) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatCriterionId), dashes: true) }
    let label = Message(.whatCriterionNamed, ["id": .text(id ?? "?")])
    let pillar = fields.required("pillar", reader).flatMap { n in
      located(n, reader) { reader.identifier($0, Message(.whatPillarId)) }
    }
    let stage = fields.required("stage", reader).flatMap { reader.stageReference($0, Message(.whatStage2)) }
    let title = fields.required("title", reader).flatMap {
      reader.localized($0, Message(.whatTitle, ["label": .message(label)]))
    }
    let when = fields.required("when", reader).flatMap {
      reader.expression($0, Message(.whatCondition, ["label": .message(label)]))
    }
    let met = fields.optional("met").flatMap {
      reader.localized($0, Message(.whatMetFinding, ["label": .message(label)]))
    }
    let unmet = fields.optional("unmet").flatMap {
      reader.localized($0, Message(.whatUnmetFinding, ["label": .message(label)]))
    }
    let recommend = fields.optional("recommend").map { references($0, reader, "recommend") } ?? []
    // A missing title is already reported; keep the criterion so its condition is still checked.
    guard let id, let pillar, let stage, let when else { return nil }
    let finalTitle = title ?? LocalizedText(id)
    let (kind, basis) = evidence(fields, reader)
    return CriterionDefinition(
      id: id, idLocation: reader.location(fields["id"] ?? node), pillar: pillar, stage: stage,
      weight: weight(fields, reader), title: finalTitle, when: when, met: met,
      unmet: unmet, recommend: recommend, location: reader.location(node), kind: kind, basis: basis)
  }

  static func ladder(_ node: YAMLNode, _ reader: NodeReader) -> LadderDefinition? {
    let keys = [
      "id", "question", "value", "unit", "pillar", "direction", "at", "weight", "kind", "basis", "title", "met",
      "unmet",
      "recommend",
    ]
    guard let fields = reader.fields(node, Message(.whatLadder), allowed: keys) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatLadderId), dashes: true) }
    let label = Message(.whatLadderNamed, ["id": .text(id ?? "?")])
    let (question, value, unit) = ladderMeasure(fields, label, node, reader)
    let pillar = fields.optional("pillar").flatMap { n in
      located(n, reader) { reader.identifier($0, Message(.whatPillarId)) }
    }
    let direction = ladderDirection(fields, reader)
    let steps = fields.required("at", reader).map { ladderSteps($0, label, reader) } ?? []
    let title = fields.required("title", reader).flatMap {
      reader.localized($0, Message(.whatTitle, ["label": .message(label)]))
    }
    let met = fields.optional("met").flatMap {
      reader.localized($0, Message(.whatMetFinding, ["label": .message(label)]))
    }
    let unmet = fields.optional("unmet").flatMap {
      reader.localized($0, Message(.whatUnmetFinding, ["label": .message(label)]))
    }
    let recommend = fields.optional("recommend").map { ladderRecommend($0, reader) } ?? []
    guard let id, question != nil || value != nil else { return nil }
    let finalTitle = title ?? LocalizedText(id)
    let (kind, basis) = evidence(fields, reader)
    return LadderDefinition(
      idLocation: reader.location(fields["id"] ?? node),
      directionLocation: fields["direction"].map { reader.location($0) },
      id: id, question: question, value: value, unit: unit, pillar: pillar, direction: direction, steps: steps,
      weight: weight(fields, reader), title: finalTitle, met: met, unmet: unmet, recommend: recommend,
      location: reader.location(node), kind: kind, basis: basis)
  }

  /// `direction:` higher (the default) or lower.
  static func ladderDirection(_ fields: Fields, _ reader: NodeReader) -> LadderDirection {
    var direction = LadderDirection.higher
    if let node = fields.optional("direction"), let text = reader.string(node, Message(.whatDirection)) {
      if let value = LadderDirection(rawValue: text) {
        direction = value
      } else {
        reader.error(
          "unknown-value",
          Message(
            .pluginDirectionMustBeHigher,
            ["text": .text(text), "hint": DidYouMean.hint(text, from: ["higher", "lower"])]), node)
      }
    }
    return direction
  }

  /// `at:`: the threshold for each stage, a number or (quoted or not a number) an option id; each
  /// stage once.
  static func ladderSteps(_ node: YAMLNode, _ label: Message, _ reader: NodeReader) -> [(
    stage: Located<StageReference>, threshold: Located<LadderDefinition.Threshold>
  )] {
    var steps: [(stage: Located<StageReference>, threshold: Located<LadderDefinition.Threshold>)] = []
    if let pairs = node.mapping {
      for pair in pairs {
        guard let stage = reader.stageReference(pair.key, Message(.whatLadderStage)) else { continue }
        let written = MessageArgument.text(pair.key.scalar ?? "?")
        if steps.contains(where: { $0.stage.value == stage.value }) {
          reader.error(
            "duplicate-key", Message(.pluginStageAppearsTwice, ["stage_value": written, "label": .message(label)]),
            pair.key)
          continue
        }
        guard let text = pair.value.scalar, !pair.value.isNull else {
          reader.error(
            "wrong-type",
            Message(.pluginThresholdForStageMust, ["stage_value": written, "found": NodeReader.found(pair.value)]),
            pair.value)
          continue
        }
        let threshold: LadderDefinition.Threshold
        if case .value(let number) = NumberText.parse(text), pair.value.scalarStyle?.isQuoted != true {
          threshold = .number(number)
        } else {
          threshold = .option(text)
        }
        steps.append((stage, Located(threshold, at: reader.location(pair.value))))
      }
      if pairs.isEmpty { reader.error("empty", Message(.pluginNeedsAtLeastOne, ["label": .message(label)]), node) }
    } else {
      reader.error("wrong-type", Message(.pluginAtMustMapStages, ["label": .message(label)]), node)
    }
    return steps
  }

  /// `recommend:`: solutions for every step (a list) or per stage (a mapping).
  static func ladderRecommend(_ node: YAMLNode, _ reader: NodeReader) -> [(
    stage: Located<StageReference>?, solutions: [Located<String>]
  )] {
    var recommend: [(stage: Located<StageReference>?, solutions: [Located<String>])] = []
    if node.sequence != nil {
      recommend.append((nil, references(node, reader, "recommend")))
    } else if let pairs = node.mapping {
      for pair in pairs {
        guard let stage = reader.stageReference(pair.key, Message(.whatStageRecommend)) else { continue }
        recommend.append((stage, references(pair.value, reader, "recommend")))
      }
    } else {
      reader.error("wrong-type", Message(.pluginRecommendMustBeList), node)
    }
    return recommend
  }

  static func metric(_ node: YAMLNode, _ reader: NodeReader) -> MetricDefinition? {
    let keys = ["id", "title", "expr", "unit", "pillar", "kind", "basis", "headline", "pool"]
    guard let fields = reader.fields(node, Message(.whatMetric), allowed: keys) else { return nil }
    let id = fields.required("id", reader).flatMap { reader.identifier($0, Message(.whatMetricId), dashes: true) }
    let title = fields.required("title", reader).flatMap {
      reader.localized($0, Message(.whatTitleMetric, ["id": "\(id ?? "?")"]))
    }
    let expression = fields.required("expr", reader).flatMap {
      reader.expression($0, Message(.whatExpressionMetric, ["id": "\(id ?? "?")"]))
    }
    let unit = fields.optional("unit").flatMap {
      reader.localized($0, Message(.whatUnitMetric, ["id": "\(id ?? "?")"]), nameLike: true)
    }
    let pillar = fields.optional("pillar").flatMap { n in
      located(n, reader) { reader.identifier($0, Message(.whatPillarId)) }
    }
    guard let id, let expression else { return nil }
    let finalTitle = title ?? LocalizedText(id)
    let (kind, basis) = evidence(fields, reader)
    var definition = MetricDefinition(
      id: id, title: finalTitle, expression: expression, unit: unit, pillar: pillar, location: reader.location(node),
      kind: kind, basis: basis)
    definition.headline =
      fields.optional("headline").flatMap { reader.bool($0, Message(.whatHeadlineMetric, ["id": .text(id)])) } ?? false
    definition.pool = fields.optional("pool").flatMap { metricPool($0, id: id, reader) }
    return definition
  }

  /// `pool: sum`, or `pool: {numerator: expr, denominator: expr}`.
  static func metricPool(_ node: YAMLNode, id: String, _ reader: NodeReader) -> MetricPoolDefinition? {
    let what = Message(.whatPoolMetric, ["id": .text(id)])
    if node.scalar == "sum" { return .sum(reader.location(node)) }
    guard node.mapping != nil else {
      reader.error("wrong-type", Message(.pluginPoolSumOrRatio, ["id": .text(id)]), node)
      return nil
    }
    guard let fields = reader.fields(node, what, allowed: ["numerator", "denominator"]) else { return nil }
    let numerator = fields.required("numerator", reader).flatMap {
      reader.expression($0, Message(.whatPoolPartMetric, ["part": "numerator", "id": .text(id)]))
    }
    let denominator = fields.required("denominator", reader).flatMap {
      reader.expression($0, Message(.whatPoolPartMetric, ["part": "denominator", "id": .text(id)]))
    }
    guard let numerator, let denominator else { return nil }
    return .ratio(numerator: numerator, denominator: denominator)
  }

  static func nextStep(_ node: YAMLNode, _ reader: NodeReader) -> NextStepDefinition? {
    guard let fields = reader.fields(node, Message(.whatNextStep), allowed: ["programme", "when", "because"]) else {
      return nil
    }
    let programme = fields.required("programme", reader).flatMap { n in
      located(n, reader) { reader.identifier($0, Message(.whatProgrammeId), dashes: true) }
    }
    let when = fields.required("when", reader).flatMap { reader.expression($0, Message(.whatConditionNextStep)) }
    let because = fields.required("because", reader).flatMap { reader.localized($0, Message(.whatReasonNextStep)) }
    guard let programme, let when else { return nil }
    return NextStepDefinition(
      programme: programme, when: when, because: because ?? LocalizedText(""), location: reader.location(node))
  }
}

extension PluginLoader {
  /// `kind: capability | outcome` and `basis:` (the citation or stated reason), on criteria,
  /// ladders and metrics alike. Whether they are required is the survey's call (`check`).
  static func evidence(_ fields: Fields, _ reader: NodeReader) -> (Located<EvidenceKind>?, String?) {
    var kind: Located<EvidenceKind>?
    if let node = fields.optional("kind"), let text = reader.string(node, Message(.whatKeyNamed, ["key": "kind"])) {
      if let value = EvidenceKind(rawValue: text) {
        kind = Located(value, at: reader.location(node))
      } else {
        let all = EvidenceKind.allCases.map(\.rawValue)
        reader.error(
          "unknown-value", Message(.pluginKindMustBe, ["text": .text(text), "hint": DidYouMean.hint(text, from: all)]),
          node)
      }
    }
    let basis = fields.optional("basis").flatMap { reader.string($0, Message(.whatKeyNamed, ["key": "basis"])) }
    return (kind, basis)
  }

  /// What a ladder compares: the answer to `question`, or a computed `value` (then `pillar` and
  /// `unit` say where it belongs and how it reads). Exactly one of the two.
  static func ladderMeasure(_ fields: Fields, _ label: Message, _ node: YAMLNode, _ reader: NodeReader)
    -> (Located<String>?, ExpressionSource?, LocalizedText?)
  {
    let question = fields.optional("question").flatMap { n in
      located(n, reader) { reader.identifier($0, Message(.whatQuestionId2)) }
    }
    let value = fields.optional("value").flatMap {
      reader.expression($0, Message(.whatValueOf, ["label": .message(label)]))
    }
    let unit = fields.optional("unit").flatMap {
      reader.localized($0, Message(.whatUnit, ["label": .message(label)]), nameLike: true)
    }
    switch (fields.keys["question"], fields.keys["value"]) {
    case (nil, nil):
      reader.error("missing-key", Message(.pluginLadderNeedsMeasure, ["label": .message(label)]), node)
    case (.some, .some(let key)):
      reader.error("value-and-question", Message(.pluginLadderValueAndQuestion, ["label": .message(label)]), key)
    case (nil, .some(let key)):
      if fields.keys["pillar"] == nil {
        reader.error("missing-key", Message(.pluginLadderValueNeedsPillar, ["label": .message(label)]), key)
      }
      if fields.keys["unit"] == nil {
        reader.error(
          "missing-key",
          Message(
            .pluginLadderValueNeedsUnit,
            ["label": .message(label), "example": .text("{en: \"per 100,000 residents\"}")]), key)
      }
    case (.some, nil):
      if let key = fields.keys["unit"] {
        reader.error("key-for-type", Message(.pluginLadderUnitWithoutValue), key)
      }
    }
    return (question, value, unit)
  }
}
