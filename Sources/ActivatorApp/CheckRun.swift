import ActivatorCore
import ActivatorTerminal

/// `activator check`: surveys, rule plugins, catalogs and answers files checked together, every
/// problem reported at once, then a count of what was read and found.
package struct CheckRun {
  package var paths: [String]
  package var format: TextOrJSON
  package var allowWarnings: Bool
  package var color: Bool
  package var timings: Bool

  package init(paths: [String], format: TextOrJSON, allowWarnings: Bool, color: Bool, timings: Bool) {
    self.paths = paths
    self.format = format
    self.allowWarnings = allowWarnings
    self.color = color
    self.timings = timings
  }

  package func run() throws {
    var service = CheckService()
    RuleSources.warnAboutActivatorHome()
    service.run(paths: paths, locations: RuleSources.locations)
    let diagnostics = service.log.sorted
    switch format {
    case .json:
      Console.out(DiagnosticRenderer.json(diagnostics, language: Console.language) + "\n")
    case .text:
      // Files that did not parse are quoted too (their YAML errors point into them).
      var sources = service.log.sources
      for survey in service.workspace.registry.surveys { if let file = survey.source { sources[file.path] = file } }
      for plugin in service.workspace.plugins { for file in plugin.files { sources[file.path] = file } }
      Diagnostics.print(diagnostics, sources: sources, color: color)
      Console.err(Console.say(summary(service.summary, diagnostics)) + "\n")
    }
    if timings {
      for (phase, seconds) in service.timings {
        Console.err(Console.say(phase) + ": \(ValueText.format((seconds * 100_000).rounded() / 100)) ms\n")
      }
    }
    let errors = diagnostics.contains { $0.severity == .error }
    let warnings = diagnostics.contains { $0.severity == .warning }
    if service.summary.surveys == 0 && service.summary.plugins == 0 && paths.isEmpty { throw RunFailure.exit(2) }
    if errors || (warnings && !allowWarnings) { throw RunFailure.exit(1) }
  }

  /// "Checked 1 survey, 2 plugins, …, 30 fixtures: 0 errors, 1 warning".
  func summary(_ s: CheckService.Summary, _ diagnostics: [Diagnostic]) -> Message {
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    var parts = [
      Message(.checkSurveys, ["count": .count(s.surveys)]), Message(.checkPlugins, ["count": .count(s.plugins)]),
    ]
    if s.criteria > 0 { parts.append(Message(.checkCriteria, ["count": .count(s.criteria)])) }
    if s.solutions > 0 { parts.append(Message(.checkSolutions, ["count": .count(s.solutions)])) }
    if s.programmes > 0 { parts.append(Message(.checkProgrammes, ["count": .count(s.programmes)])) }
    if s.fixtures > 0 { parts.append(Message(.checkFixtures, ["count": .count(s.fixtures)])) }
    if s.migrations > 0 { parts.append(Message(.checkMigrations, ["count": .count(s.migrations)])) }
    if s.answers > 0 { parts.append(Message(.checkAnswersFiles, ["count": .count(s.answers)])) }
    let found = [
      Message(.checkErrors, ["count": .count(errors)]), Message(.checkWarnings, ["count": .count(warnings)]),
    ]
    return Message(
      .checkChecked,
      [
        "what": .text(parts.map(Console.say).joined(separator: ", ")),
        "found": .text(found.map(Console.say).joined(separator: ", ")),
      ])
  }
}
