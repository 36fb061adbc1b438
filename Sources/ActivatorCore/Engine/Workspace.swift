/// Everything a command needs: surveys, rule plugins and the programs compiled from them.
package final class Workspace {
  package private(set) var registry = SurveyRegistry()
  package private(set) var plugins: [Plugin] = []
  /// Migrations between survey versions, found beside the surveys.
  package private(set) var migrations: [Migration] = []
  package let log: DiagnosticLog
  /// Where each survey and plugin came from, and what was shadowed, in load order.
  package private(set) var provenance: [Provenance] = []
  /// The folders rules were looked for in (for "no rule plugin accepts…" messages); loading
  /// rules adds to it.
  package var ruleSearch: [DataLocations.Place] = []
  /// Where a user would install the rules that are missing (for the same messages).
  package var userRulesFolder: String?
  private var programs: [String: Program?] = [:]
  private var compiledForBatches: ProgramCache?

  /// A survey or plugin as loaded: from which file and place, and whether a better place won.
  package struct Provenance: Sendable {
    package enum Kind: Sendable { case survey, plugin }
    package var kind: Kind
    /// `id version`.
    package var reference: String
    /// The survey file, or the plugin folder or single file.
    package var path: String
    package var origin: DataLocations.Origin
    /// The path of the survey or plugin that won over this one, if any.
    package var shadowedBy: String?
  }

  package init(log: DiagnosticLog = DiagnosticLog()) {
    self.log = log
  }

  /// Loads surveys from files or folders (every `*.yaml` file of a folder), and the migrations
  /// between survey versions kept beside them (files that start with `migration:`).
  package func loadSurveys(_ paths: [String], origin: DataLocations.Origin = .option) {
    for path in paths {
      for file in Self.yamlFiles(path, log: log) {
        guard let (source, root) = Document.load(file, limits: .authored, log: log) else { continue }
        if MigrationLoader.isMigration(root) {
          if let migration = MigrationLoader.load(source, root, log: log) { migrations.append(migration) }
        } else if let survey = SurveyLoader.load(source, root, log: log) {
          add(survey, origin: origin)
        }
      }
    }
  }

  /// The migration that turns answers to `survey` at `version` into answers to a later version.
  package func migration(for survey: String, from version: SemanticVersion) -> Migration? {
    migrations.filter { $0.survey == survey && $0.from.contains(version) }.max { $0.to < $1.to }
  }

  /// Loads surveys from places in order of precedence: a survey version already loaded from a
  /// better place shadows the same version found later.
  package func loadSurveys(_ places: [DataLocations.Place]) {
    for place in places { loadSurveys([place.path], origin: place.origin) }
  }

  package func add(_ survey: Survey, origin: DataLocations.Origin = .option) {
    let path = survey.location.file
    if let duplicate = registry.surveys.first(where: { $0.id == survey.id && $0.version == survey.version }) {
      if let winner = provenance.first(where: { $0.kind == .survey && $0.path == duplicate.location.file }),
        winner.origin != origin
      {
        provenance.append(
          Provenance(kind: .survey, reference: survey.reference, path: path, origin: origin, shadowedBy: winner.path))
        return
      }
      log.error(
        "duplicate-survey", Message(.workspaceSurveyLoadedTwice, ["reference": "\(survey.reference)"]),
        at: survey.location,
        notes: [.init(Message(.compileAlsoLoadedFromHere), at: duplicate.location)])
      return
    }
    registry.add(survey)
    provenance.append(Provenance(kind: .survey, reference: survey.reference, path: path, origin: origin))
  }

  package func loadRules(_ paths: [String], origin: DataLocations.Origin = .option) {
    for path in paths {
      ruleSearch.append(DataLocations.Place(origin, path))
      for plugin in PluginLoader.loadAll(path, log: log) { add(plugin, origin: origin) }
    }
  }

  /// Loads plugins from places in order of precedence: a plugin id already loaded from a better
  /// place shadows the same id found later.
  package func loadRules(_ places: [DataLocations.Place]) {
    for place in places { loadRules([place.path], origin: place.origin) }
  }

  /// Adds a plugin; the same plugin file given twice counts once, a plugin from a better place
  /// shadows one with the same id and major version from a worse place, and two different
  /// plugins with one id and major version from the same place are an error. Major versions of
  /// one plugin live side by side: each scores its own generation of a survey (wego-core 1.x the
  /// frozen survey 1.0.0, wego-core 2.x survey 2.0.0), chosen by `applies_to`.
  package func add(_ plugin: Plugin, origin: DataLocations.Origin = .option) {
    if let loaded = plugins.first(where: { $0.id == plugin.id && $0.version.major == plugin.version.major }) {
      if loaded.location != plugin.location && !FileReading.sameFile(loaded.location.file, plugin.location.file) {
        if let winner = provenance.first(where: { $0.kind == .plugin && $0.path == loaded.root }),
          winner.origin != origin
        {
          provenance.append(
            Provenance(
              kind: .plugin, reference: "\(plugin.id) \(plugin.version)", path: plugin.root, origin: origin,
              shadowedBy: winner.path))
          return
        }
        log.error(
          "duplicate-plugin", Message(.compilePluginLoadedTwice, ["plugin_id": "\(plugin.id)"]), at: plugin.location,
          notes: [.init(Message(.compileAlsoLoadedFromHere), at: loaded.location)])
      }
      return
    }
    plugins.append(plugin)
    compiledForBatches = nil
    provenance.append(
      Provenance(kind: .plugin, reference: "\(plugin.id) \(plugin.version)", path: plugin.root, origin: origin))
  }

  /// The compiled program for a survey version, compiled on first use and cached.
  ///
  /// A survey that no loaded plugin accepts has no program: its stages would all be the first,
  /// from no criteria at all, which reads as a real result. The error says so (code
  /// `no-rules`), at the survey, unless `requiringRules` is false (`check` compiles a survey
  /// that has no rules yet to check the survey itself).
  ///
  /// - Parameter answeredVersion: the version an answers file was written for; plugins are
  ///   chosen by it (default: the survey's own version).
  package func program(
    for survey: Survey, answeredVersion: SemanticVersion? = nil, log programLog: DiagnosticLog? = nil,
    requiringRules: Bool = true
  ) -> Program? {
    let version = answeredVersion ?? survey.version
    if requiringRules, let missing = Self.missingRules(for: survey.id, version: version, plugins: plugins) {
      (programLog ?? log).error("no-rules", missing, at: survey.location)
      return nil
    }
    let ids = plugins.filter { $0.applies(to: survey.id, version: version) }.map(\.id).sorted()
    let key = survey.reference + "|" + ids.joined(separator: ",")
    if let cached = programs[key] { return cached }
    let program = ProgramCompiler.compile(
      survey: survey, plugins: plugins, log: programLog ?? log, answeredVersion: version)
    programs[key] = program
    return program
  }

  /// The programs a batch scores its files with, compiled once per survey version and set of
  /// plugins for this workspace: what is worked out before a batch from the same program (its
  /// metric columns) takes it from here, so the rules are compiled once per run. A failure is
  /// kept as the message each file that needs the program reports; unlike `program(for:)`,
  /// nothing goes to the workspace's log.
  package var batchPrograms: ProgramCache {
    if let compiledForBatches { return compiledForBatches }
    let cache = ProgramCache(plugins: plugins)
    compiledForBatches = cache
    return cache
  }

  /// Why no plugin of `plugins` can score answers to `survey` at `version`, or nil when one can.
  /// The single-file commands and the batch give this same message.
  package static func missingRules(for survey: String, version: SemanticVersion, plugins: [Plugin]) -> Message? {
    guard !plugins.contains(where: { $0.applies(to: survey, version: version) }) else { return nil }
    let others: [MessageArgument] = plugins.filter { $0.appliesToSurvey(survey) }.map { plugin in
      let ranges = plugin.appliesTo.filter { $0.survey == survey }.map(\.versions.text).joined(separator: " | ")
      return .message(Message(.workspacePluginAccepts, ["plugin": .text(plugin.id), "versions": .text(ranges)]))
    }
    let detail =
      others.isEmpty
      ? MessageArgument.message(Message(.workspaceNoPluginForSurvey, ["survey": .text(survey)])) : .list(others)
    return Message(
      .workspaceNoRulePlugin, ["survey": .text(survey), "version": .text(version.description), "detail": detail])
  }

  /// Where rules were looked for and how to point at the right ones: the notes that follow a
  /// `no-rules` error, in a single-file command and once after a batch.
  package var missingRulesNotes: [Message] {
    let places: [MessageArgument] = ruleSearch.map { place in
      let missing = FileReading.kind(place.path) == .missing
      return .message(
        Message(
          missing ? .workspacePlaceNotFound : .workspacePlace,
          ["path": .text(place.path), "origin": .message(place.origin.label)]))
    }
    var notes = [
      Message(
        .workspaceRulesLookedFor, ["places": places.isEmpty ? .message(Message(.workspaceNoFolder)) : .list(places)])
    ]
    if let userRulesFolder {
      notes.append(Message(.workspaceHowToGiveRulesOrInstall, ["folder": .text(userRulesFolder)]))
    } else {
      notes.append(Message(.workspaceHowToGiveRules))
    }
    return notes
  }

  /// Plugins that name `survey` but not this version of it (answers for an older or newer
  /// survey), unless another major version of the same plugin accepts it.
  package func pluginsRejecting(_ survey: String, version: SemanticVersion) -> [Plugin] {
    let accepting = Set(plugins.filter { $0.applies(to: survey, version: version) }.map(\.id))
    return plugins.filter {
      $0.appliesToSurvey(survey) && !$0.applies(to: survey, version: version) && !accepting.contains($0.id)
    }
  }

  /// The files a path stands for: the file itself, or the YAML files of a folder (sorted, not recursive).
  static func yamlFiles(_ path: String, log: DiagnosticLog) -> [String] {
    switch FileReading.kind(path) {
    case .file: return [path]
    case .directory:
      let names = (try? FileReading.list(path)) ?? []
      return names.filter { !$0.hasPrefix(".") && PluginLoader.isYAML($0) }.map { PluginLoader.join(path, $0) }
    case .missing:
      log.error("unreadable", Message(.pluginNoSuchFileFolder), at: .file(path))
      return []
    case .other:
      log.error("unreadable", Message(.pluginNotFileFolderActivator), at: .file(path))
      return []
    }
  }
}
