import ActivatorCore
import ActivatorReports
import ActivatorTerminal

/// `activator paths`: every place surveys and rule plugins are looked for, best first, what
/// each holds and whether it is used, then where each loaded survey and plugin came from.
package struct PathsRun {
  package var sources: RuleSources

  package init(sources: RuleSources) { self.sources = sources }

  package func run() throws {
    let locations = RuleSources.locations
    let chosen = sources
    RuleSources.warnAboutActivatorHome()
    let t = Localizer(Console.language)
    var lines = [t(.pathsPlaces)]
    lines += places(locations, chosen: chosen)
    let workspace = Workspace()
    chosen.loadSurveys(into: workspace)
    chosen.loadRules(into: workspace)
    lines.append("")
    lines.append(t(.pathsSurveys))
    lines += loaded(.survey, workspace)
    lines.append("")
    lines.append(t(.pathsPlugins))
    lines += loaded(.plugin, workspace)
    Console.out(lines.joined(separator: "\n") + "\n")
    if workspace.log.hasErrors {
      Diagnostics.print(workspace.log.sorted)
      throw RunFailure.exit(1)
    }
  }

  /// One line per place, in order of precedence: what it holds and whether it is used.
  func places(_ locations: DataLocations, chosen: RuleSources) -> [String] {
    let surveysHome = chosen.surveyIsPath ? nil : locations.home(holding: "Surveys")
    let rulesHome = chosen.rules.isEmpty ? locations.home(holding: "Rules") : nil
    let t = Localizer(Console.language)
    var rows: [(origin: DataLocations.Origin, text: String)] = []
    func add(_ origin: DataLocations.Origin, _ path: String, _ status: String) {
      let label = DisplayWidth.pad(t(origin.label), to: 18)
      rows.append((origin, "  \(label)\(path)" + (status.isEmpty ? "" : ": \(status)")))
    }
    if let survey = chosen.survey, chosen.surveyIsPath { add(.option, survey, t(.pathsTheSurvey)) }
    for folder in chosen.rules { add(.option, folder, t(.pathsRules)) }
    if locations.environmentHome == nil { add(.environment, t(.pathsNotSet), "") }
    var checkoutShown = false
    for home in locations.homes {
      var held: [String] = []
      for (folder, winner) in [("Surveys", surveysHome), ("Rules", rulesHome)]
      where FileReading.kind(PluginLoader.join(home.path, folder)) == .directory {
        held.append(t(winner == home ? .pathsUsed : .pathsNotUsed, ["folder": .text(folder + "/")]))
      }
      // The executable's parent folders are many: list only those that hold data.
      if home.origin == .checkout && held.isEmpty { continue }
      checkoutShown = checkoutShown || home.origin == .checkout
      add(
        home.origin, home.origin == .project ? Self.currentFolder : home.path,
        held.isEmpty ? t(.pathsNoData) : held.joined(separator: ", "))
    }
    for place in locations.additions {
      var held: [String] = []
      for (folder, used) in [("surveys", !chosen.surveyIsPath), ("rules", chosen.rules.isEmpty)]
      where FileReading.kind(PluginLoader.join(place.path, folder)) == .directory {
        held.append(t(used ? .pathsAdded : .pathsNotUsed, ["folder": .text(folder + "/")]))
      }
      add(place.origin, place.path, held.isEmpty ? t(.pathsNoUserData) : held.joined(separator: ", "))
    }
    if !checkoutShown { add(.checkout, t(.pathsParentFolders), t(.pathsNoData)) }
    return rows.enumerated().sorted { ($0.element.origin, $0.offset) < ($1.element.origin, $1.offset) }.map(
      \.element.text)
  }

  static var currentFolder: String {
    guard let folder = getcwd(nil, 0) else { return "." }
    defer { free(folder) }
    return String(cString: folder)
  }

  func loaded(_ kind: Workspace.Provenance.Kind, _ workspace: Workspace) -> [String] {
    let t = Localizer(Console.language)
    let items = workspace.provenance.filter { $0.kind == kind }
    if items.isEmpty { return ["  " + t(.pathsNone)] }
    let width = min(32, (items.map { DisplayWidth.of($0.reference) }.max() ?? 0) + 2)
    return items.map { item in
      let name = DisplayWidth.pad(item.reference + " ", to: width)
      let origin =
        item.shadowedBy.map { t(.pathsShadowed, ["origin": .message(item.origin.label), "by": .text($0)]) }
        ?? t(item.origin.label)
      return "  \(name)\(item.path) (\(origin))"
    }
  }
}
