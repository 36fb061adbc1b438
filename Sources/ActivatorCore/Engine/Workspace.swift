/// Everything a command needs: surveys, rule plugins and the programs compiled from them.
public final class Workspace {
  public private(set) var registry = SurveyRegistry()
  public private(set) var plugins: [Plugin] = []
  public let log: DiagnosticLog
  private var programs: [String: Program?] = [:]

  public init(log: DiagnosticLog = DiagnosticLog()) {
    self.log = log
  }

  /// Loads surveys from files or folders (every `*.yaml` file of a folder that starts with `survey:`).
  public func loadSurveys(_ paths: [String]) {
    for path in paths {
      for file in Self.yamlFiles(path, log: log) {
        if let survey = SurveyLoader.load(file, log: log) { add(survey) }
      }
    }
  }

  public func add(_ survey: Survey) {
    if let duplicate = registry.surveys.first(where: { $0.id == survey.id && $0.version == survey.version }) {
      log.error(
        "duplicate-survey", "survey \(survey.reference) is loaded twice", at: survey.location,
        notes: [.init("also loaded from here", at: duplicate.location)])
      return
    }
    registry.add(survey)
  }

  public func loadRules(_ paths: [String]) {
    for path in paths {
      for plugin in PluginLoader.loadAll(path, log: log) { add(plugin) }
    }
  }

  /// Adds a plugin; the same plugin file given twice counts once, and two different plugins
  /// with one id are an error.
  public func add(_ plugin: Plugin) {
    if let loaded = plugins.first(where: { $0.id == plugin.id }) {
      if loaded.location != plugin.location && !FileReading.sameFile(loaded.location.file, plugin.location.file) {
        log.error(
          "duplicate-plugin", "plugin '\(plugin.id)' is loaded twice", at: plugin.location,
          notes: [.init("also loaded from here", at: loaded.location)])
      }
      return
    }
    plugins.append(plugin)
  }

  /// The compiled program for a survey version, compiled on first use and cached.
  ///
  /// - Parameter answeredVersion: the version an answers file was written for; plugins are
  ///   chosen by it (default: the survey's own version).
  public func program(for survey: Survey, answeredVersion: SemanticVersion? = nil, log programLog: DiagnosticLog? = nil)
    -> Program?
  {
    let version = answeredVersion ?? survey.version
    let ids = plugins.filter { $0.applies(to: survey.id, version: version) }.map(\.id).sorted()
    let key = survey.reference + "|" + ids.joined(separator: ",")
    if let cached = programs[key] { return cached }
    let program = ProgramCompiler.compile(survey: survey, plugins: plugins, log: programLog ?? log, answeredVersion: version)
    programs[key] = program
    return program
  }

  /// Plugins that name `survey` but not this version of it (answers for an older or newer survey).
  public func pluginsRejecting(_ survey: String, version: SemanticVersion) -> [Plugin] {
    plugins.filter { $0.appliesToSurvey(survey) && !$0.applies(to: survey, version: version) }
  }

  /// The files a path stands for: the file itself, or the YAML files of a folder (sorted, not recursive).
  static func yamlFiles(_ path: String, log: DiagnosticLog) -> [String] {
    switch FileReading.kind(path) {
    case .file: return [path]
    case .directory:
      let names = (try? FileReading.list(path)) ?? []
      return names.filter { !$0.hasPrefix(".") && PluginLoader.isYAML($0) }.map { PluginLoader.join(path, $0) }
    case .missing:
      log.error("unreadable", "no such file or folder", at: .file(path))
      return []
    case .other:
      log.error("unreadable", "not a file or folder Activator can read", at: .file(path))
      return []
    }
  }

  /// Finds the shipped `Surveys/` and `Rules/` folders: `$ACTIVATOR_HOME`, the current folder, or
  /// a parent of the executable's folder (so `.build/debug/activator` finds the checkout).
  public static func home(executable: String, environment: [String: String]) -> String? {
    var candidates: [String] = []
    if let home = environment["ACTIVATOR_HOME"], !home.isEmpty { candidates.append(home) }
    candidates.append(".")
    var folder = executable
    for _ in 0..<5 {
      guard let slash = folder.lastIndex(of: "/") else { break }
      folder = String(folder[..<slash])
      if folder.isEmpty { break }
      candidates.append(folder)
      candidates.append(folder + "/share/activator")
    }
    return candidates.first { FileReading.kind(PluginLoader.join($0, "Surveys")) == .directory && FileReading.kind(PluginLoader.join($0, "Rules")) == .directory }
  }
}
