import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check surveys, rule plugins and catalogs (and answers files), reporting every problem at once.",
    discussion: """
      With no paths, checks every survey and rule plugin the other commands would load (see 'activator paths'). Problems are printed as file:line:col: error|warning: message. Exit 0 when clean, 1 with findings, 2 on usage errors.
      """)

  @Argument(help: ArgumentHelp("Files or folders: surveys, rule plugins, answers files.", valueName: "path"))
  var paths: [String] = []

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  @Flag(name: .long, help: "Exit 0 when there are warnings but no errors.")
  var allowWarnings = false

  @Flag(name: .long, help: "Never use colour.")
  var noColor = false

  @Flag(name: .long, help: "Print how long reading and compiling took.")
  var timings = false

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  func run() throws {
    var service = CheckService()
    RuleSources.warnAboutActivatorHome()
    service.run(paths: paths, locations: RuleSources.locations)
    let diagnostics = service.log.sorted
    switch format {
    case .json:
      Console.out(DiagnosticRenderer.json(diagnostics, language: Console.language) + "\n")
    case .text:
      var sources: [String: SourceFile] = [:]
      for survey in service.workspace.registry.surveys { if let file = survey.source { sources[file.path] = file } }
      for plugin in service.workspace.plugins { for file in plugin.files { sources[file.path] = file } }
      let renderer = DiagnosticRenderer(
        color: !noColor && Console.colorEnabled(forStderr: true), showSource: true, sources: sources, language: Console.language)
      Console.err(renderer.render(diagnostics))
      let s = service.summary
      let errors = diagnostics.count { $0.severity == .error }
      let warnings = diagnostics.count { $0.severity == .warning }
      var parts = [Message(.checkSurveys, ["count": .count(s.surveys)]), Message(.checkPlugins, ["count": .count(s.plugins)])]
      if s.criteria > 0 { parts.append(Message(.checkCriteria, ["count": .count(s.criteria)])) }
      if s.solutions > 0 { parts.append(Message(.checkSolutions, ["count": .count(s.solutions)])) }
      if s.programmes > 0 { parts.append(Message(.checkProgrammes, ["count": .count(s.programmes)])) }
      if s.answers > 0 { parts.append(Message(.checkAnswersFiles, ["count": .count(s.answers)])) }
      let found = [Message(.checkErrors, ["count": .count(errors)]), Message(.checkWarnings, ["count": .count(warnings)])]
      Console.err(
        Console.say(
          Message(
            .checkChecked, ["what": .text(parts.map(Console.say).joined(separator: ", ")), "found": .text(found.map(Console.say).joined(separator: ", "))]))
          + "\n")
    }
    if timings {
      for (phase, seconds) in service.timings {
        Console.err(Console.say(phase) + ": \(ValueText.format((seconds * 100_000).rounded() / 100)) ms\n")
      }
    }
    let errors = diagnostics.contains { $0.severity == .error }
    let warnings = diagnostics.contains { $0.severity == .warning }
    if service.summary.surveys == 0 && service.summary.plugins == 0 && paths.isEmpty { throw ExitCode(2) }
    if errors || (warnings && !allowWarnings) { throw ExitCode(1) }
  }
}
