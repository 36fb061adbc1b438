package import ActivatorYAML

/// `activator check`: loads surveys, rule plugins, catalogs (and answers files if given) and
/// reports every problem at once.
package struct CheckService {
  package struct Summary: Sendable {
    package var surveys = 0
    package var plugins = 0
    package var criteria = 0
    package var solutions = 0
    package var programmes = 0
    package var answers = 0
    package var fixtures = 0
    package var migrations = 0
  }

  package let workspace: Workspace
  package private(set) var summary = Summary()
  /// Wall-clock seconds per phase, for `check --timings` and the compile benchmark.
  package private(set) var timings: [(phase: Message, seconds: Double)] = []
  package var log: DiagnosticLog { workspace.log }

  package init() {
    workspace = Workspace()
  }

  /// What a YAML file is, from its first keys.
  package enum Kind: Sendable { case survey, answers, plugin, catalog, fixture, unknown }

  package static func kind(of root: YAMLNode) -> Kind {
    let keys = Set(root.mapping?.compactMap { $0.key.scalar } ?? [])
    if keys.contains("plugin") { return .plugin }
    if keys.contains("migration") { return .survey }
    if keys.contains("fixture") || keys.contains("fixtures") { return .fixture }
    if keys.contains("catalog") { return .catalog }
    if keys.contains("survey") && (keys.contains("answers") || keys.contains("survey_version")) { return .answers }
    if keys.contains("survey") { return .survey }
    return .unknown
  }

  /// Checks `paths`; with no paths, every survey and plugin that `locations` finds (the shipped
  /// ones and the user's and system-wide additions), as the other commands would load them.
  package mutating func run(paths: [String], locations: DataLocations?, surveyPaths extraSurveys: [String] = []) {
    var surveyFiles: [String] = []
    var ruleRoots: [String] = []
    var answerFiles: [String] = []
    var looseFiles: [(String, Kind)] = []
    let defaultSurveys = locations?.folders(.surveys) ?? []
    let defaultRules = paths.isEmpty ? locations?.folders(.rules) ?? [] : []
    if paths.isEmpty && defaultSurveys.isEmpty && defaultRules.isEmpty {
      log.error("usage", Message(.checkNoSurveysRulesFolders), at: .file("."))
    }
    for path in paths {
      classify(path, &surveyFiles, &ruleRoots, &answerFiles, &looseFiles, depth: 0)
    }
    let started = ContinuousClock.now
    let fixtureFiles = looseFiles.filter { $0.1 == .fixture }.map(\.0)
    // Rules, answers and fixtures need a survey to be checked against: fall back to the default
    // ones; fixtures given alone run against the default rules, as `test --fixture` runs them.
    if paths.isEmpty || surveyFiles.isEmpty && (!ruleRoots.isEmpty || !answerFiles.isEmpty || !fixtureFiles.isEmpty) {
      workspace.loadSurveys(defaultSurveys)
    }
    workspace.loadSurveys(surveyFiles + extraSurveys)
    summary.surveys = workspace.registry.surveys.count
    summary.migrations = workspace.migrations.count
    for migration in workspace.migrations {
      MigrationLoader.check(migration, registry: workspace.registry, log: log)
    }
    let surveysRead = ContinuousClock.now
    workspace.loadRules(ruleRoots.isEmpty && !fixtureFiles.isEmpty ? locations?.folders(.rules) ?? [] : defaultRules)
    workspace.loadRules(ruleRoots)
    summary.plugins = workspace.plugins.count
    let rulesRead = ContinuousClock.now
    reportLooseFiles(looseFiles)

    let compiling = ContinuousClock.now
    let checkedPlugins = compileEverySurvey()
    let compiled = ContinuousClock.now
    timings = [
      (Message(.checkReadSurveys), (surveysRead - started).seconds),
      (Message(.checkReadRules), (rulesRead - surveysRead).seconds),
      (Message(.checkCompile), (compiled - compiling).seconds),
      (Message(.checkTotal), (compiled - started).seconds),
    ]
    warnUnchecked(plugins: checkedPlugins)
    checkMessages()
    // Loaded as `test` loads them, not run: a fixture naming what does not exist fails here.
    let fixtures = FixtureSuite(workspace: workspace, files: fixtureFiles)
    summary.fixtures = fixtures.fixtureCount
    log.append(contentsOf: fixtures.programLog.diagnostics)
    for path in answerFiles {
      summary.answers += 1
      _ = AnswersLoader.load(path, registry: workspace.registry, log: log)
    }
  }

  /// Files given by path that are neither surveys, rules, answers nor fixtures.
  func reportLooseFiles(_ looseFiles: [(String, Kind)]) {
    for (path, kind) in looseFiles {
      switch kind {
      case .catalog:
        log.warning(
          "catalog-outside-plugin",
          Message(.checkCatalogFilesReadAs),
          at: .file(path))
      case .fixture:
        break
      default:
        log.error(
          "unknown-file", Message(.checkNotActivatorFileExpected),
          at: .file(path))
      }
    }
  }

  /// Compiles each loaded survey with the rules that apply to it, counting what was compiled;
  /// returns the plugins that applied to some survey.
  mutating func compileEverySurvey() -> Set<String> {
    var checkedPlugins = Set<String>()
    for survey in workspace.registry.surveys {
      if let program = workspace.program(for: survey, requiringRules: false) {
        summary.criteria += program.criteria.count
        summary.solutions = max(summary.solutions, program.solutions.count)
        summary.programmes = max(summary.programmes, program.programmes.count)
      }
      for plugin in workspace.plugins where plugin.applies(to: survey.id, version: survey.version) {
        checkedPlugins.insert(plugin.id)
      }
    }
    return checkedPlugins
  }

  /// A plugin no loaded survey uses was read but not compiled: say so.
  func warnUnchecked(plugins checkedPlugins: Set<String>) {
    for plugin in workspace.plugins where !checkedPlugins.contains(plugin.id) {
      let wanted = plugin.appliesTo.map { "\($0.survey) \($0.versions)" }.joined(separator: ", ")
      let loaded = workspace.registry.surveys.map(\.reference).joined(separator: ", ")
      log.warning(
        "plugin-unchecked",
        Message(
          .checkPluginAppliesButNo,
          ["plugin_id": "\(plugin.id)", "wanted": "\(wanted)", "none_loaded": "\(loaded.isEmpty ? "none" : loaded)"]),
        at: plugin.location)
    }
  }

  /// Whether Activator speaks every language of the loaded surveys: its own words (the
  /// questionnaire's, `validate`'s, the reports') come from the message catalogue, English
  /// standing in, message by message, for a language it lacks.
  func checkMessages() {
    let catalogue = MessageCatalogue.shared
    for problem in catalogue.problems + catalogue.consistencyProblems() {
      log.warning("messages", Message(.checkMessagesProblem, ["problem": .text(problem)]), at: .file("Messages"))
    }
    for survey in workspace.registry.surveys {
      for language in survey.languages where !catalogue.speaks(language) {
        log.warning(
          "messages",
          Message(.checkMessagesMissingLanguage, ["survey": .text(survey.reference), "language": .text(language)]),
          at: survey.location)
      }
    }
  }

  private func classify(
    _ path: String, _ surveys: inout [String], _ rules: inout [String], _ answers: inout [String],
    _ loose: inout [(String, Kind)], depth: Int
  ) {
    switch FileReading.kind(path) {
    case .directory:
      if FileReading.kind(PluginLoader.join(path, "plugin.yaml")) == .file {
        rules.append(path)
        return
      }
      guard depth < 8 else { return }
      for name in (try? FileReading.list(path)) ?? [] where !name.hasPrefix(".") {
        let child = PluginLoader.join(path, name)
        let kind = FileReading.kind(child)
        if kind == .directory || (kind == .file && PluginLoader.isYAML(name)) {
          classify(child, &surveys, &rules, &answers, &loose, depth: depth + 1)
        }
      }
    case .file:
      let probe = DiagnosticLog()
      guard let (_, root) = Document.load(path, limits: .authored, log: probe) else {
        log.append(contentsOf: probe.diagnostics)
        for file in probe.sources.values { log.keep(file) }
        return
      }
      switch Self.kind(of: root) {
      case .survey: surveys.append(path)
      case .plugin: rules.append(path)
      case .answers: answers.append(path)
      case let other: loose.append((path, other))
      }
    case .missing:
      log.error("unreadable", Message(.pluginNoSuchFileFolder), at: .file(path))
    case .other:
      log.error("unreadable", Message(.pluginNotFileFolderActivator), at: .file(path))
    }
  }
}
