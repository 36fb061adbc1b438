package import ActivatorCore
import ActivatorTerminal

/// A survey choice and a rule set: `--survey FILE` and `--rules` win; otherwise the places that
/// `DataLocations` finds (see `activator paths`).
package struct RuleSources: Sendable {
  package var survey: String?
  package var rules: [String]

  package init(survey: String?, rules: [String]) {
    self.survey = survey
    self.rules = rules
  }

  /// Where this process looks for surveys, plugins and other data.
  package static var locations: DataLocations { DataLocations.forProcess(environment: ProcessEnvironment.all) }

  /// Whether --survey names a file or folder rather than a survey id.
  package var surveyIsPath: Bool {
    guard let survey else { return false }
    let kind = FileReading.kind(survey)
    return kind == .file || kind == .directory
  }

  /// Loads the surveys: the --survey file or folder, or every survey found.
  package func loadSurveys(into workspace: Workspace) {
    if let survey, surveyIsPath {
      workspace.loadSurveys([survey], origin: .option)
    } else {
      Self.warnAboutActivatorHome()
      workspace.loadSurveys(Self.locations.folders(.surveys))
    }
  }

  /// Loads the rules: the --rules folders, or the shipped rules with the user's and system-wide plugins.
  package func loadRules(into workspace: Workspace) {
    let locations = Self.locations
    workspace.userRulesFolder = locations.userFolder(.rules)
    if rules.isEmpty {
      workspace.loadRules(locations.folders(.rules))
      // A message about missing rules also names where added plugins would have been found.
      for place in locations.searched(.rules) where place.origin == .user || place.origin == .system {
        if !workspace.ruleSearch.contains(place) { workspace.ruleSearch.append(place) }
      }
    } else {
      workspace.loadRules(rules, origin: .option)
    }
  }

  /// A set ACTIVATOR_HOME that holds neither Surveys/ nor Rules/ is a mistake, not a reason to
  /// quietly use other data.
  package static func warnAboutActivatorHome() {
    let locations = Self.locations
    guard let home = locations.environmentHome else { return }
    if FileReading.kind(PluginLoader.join(home, "Surveys")) != .directory
      && FileReading.kind(PluginLoader.join(home, "Rules")) != .directory
    {
      Console.warning(Message(.cliHomeEmpty, ["home": .text(home)]))
    }
  }

  /// Loads surveys and rules, printing load errors; exits 2 when nothing usable was loaded.
  package func workspace() throws -> Workspace {
    let workspace = Workspace()
    loadSurveys(into: workspace)
    loadRules(into: workspace)
    if workspace.log.hasErrors {
      Diagnostics.print(workspace.log.sorted)
      Console.error(Message(.cliDataErrors))
      throw RunFailure.exit(2)
    }
    if workspace.registry.surveys.isEmpty {
      let searched = survey.map { [$0] } ?? Self.locations.searched(.surveys).map(\.path)
      Console.error(Message(.cliNoSurvey, ["places": .list(searched.map { .text(InertText.line($0)) })]))
      throw RunFailure.exit(2)
    }
    return workspace
  }

  /// The survey named by --survey (an id or a file), else wego-activator, else the newest one.
  /// An unknown id is refused: printed and exit 2, or as a usage error with `asUsage`.
  package func chosenSurvey(_ workspace: Workspace, asUsage: Bool = false) throws -> Survey {
    if let survey, !surveyIsPath {
      guard let found = workspace.registry.latest(survey) else {
        let known = workspace.registry.surveys.map(\.id)
        let message = Message(
          .cliUnknownSurvey,
          [
            "survey": .text(survey), "hint": DidYouMean.hint(survey, from: known),
            "loaded": .text(known.joined(separator: ", ")),
          ])
        if asUsage { throw RunFailure.usage(Console.say(message)) }
        Console.error(message)
        throw RunFailure.exit(2)
      }
      return found
    }
    if let survey, let found = workspace.registry.surveys.first(where: { $0.source?.path == survey }) { return found }
    guard let latest = workspace.registry.latest("wego-activator") ?? workspace.registry.latest() else {
      if asUsage { throw RunFailure.usage(Console.say(Message(.cliNoSurveyLoaded))) }
      throw RunFailure.exit(2)
    }
    return latest
  }
}

/// Diagnostics shown on stderr, compiler style, in the program's language.
package enum Diagnostics {
  package static func print(
    _ diagnostics: [Diagnostic], sources: [String: SourceFile] = [:], color: Bool = true, language: String? = nil
  ) {
    renderer(sources: sources, color: color, language: language).render(diagnostics, to: Console.err)
  }

  /// The renderer for stderr; `sources` quote the lines problems are on.
  package static func renderer(
    sources: [String: SourceFile] = [:], color: Bool = true, language: String? = nil
  ) -> DiagnosticRenderer {
    DiagnosticRenderer(
      color: color && Console.colorEnabled(forStderr: true), showSource: !sources.isEmpty, sources: sources,
      language: language ?? Console.language)
  }
}
