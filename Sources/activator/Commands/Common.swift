import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

/// Options shared by the commands that read surveys and rules.
struct SourceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Survey id or survey file (default: the surveys found as 'activator paths' shows).", valueName: "id|file"))
  var survey: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rule plugin folder or file; repeat for several. Replaces the default rules and every added plugin.", valueName: "dir"))
  var rules: [String] = []

  var chosen: RuleSources { RuleSources(survey: survey, rules: rules) }

  /// Loads surveys and rules, printing load errors; exits 2 when nothing usable was loaded.
  func workspace() throws -> Workspace { try chosen.workspace() }

  /// The survey chosen with --survey, or the only/newest one.
  func chosenSurvey(_ workspace: Workspace) throws -> Survey { try chosen.chosenSurvey(workspace) }
}

/// A survey choice and a rule set: --survey FILE and --rules win; otherwise the places that
/// `DataLocations` finds (see `activator paths`).
struct RuleSources {
  var survey: String?
  var rules: [String]

  /// Where this process looks for surveys, plugins and other data.
  static var locations: DataLocations { DataLocations.forProcess(environment: Environment.all) }

  /// Whether --survey names a file or folder rather than a survey id.
  var surveyIsPath: Bool {
    guard let survey else { return false }
    let kind = FileReading.kind(survey)
    return kind == .file || kind == .directory
  }

  /// Loads the surveys: the --survey file or folder, or every survey found.
  func loadSurveys(into workspace: Workspace) {
    if let survey, surveyIsPath {
      workspace.loadSurveys([survey], origin: .option)
    } else {
      Self.warnAboutActivatorHome()
      workspace.loadSurveys(Self.locations.folders(.surveys))
    }
  }

  /// Loads the rules: the --rules folders, or the shipped rules with the user's and system-wide plugins.
  func loadRules(into workspace: Workspace) {
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
  static func warnAboutActivatorHome() {
    let locations = Self.locations
    guard let home = locations.environmentHome else { return }
    if FileReading.kind(PluginLoader.join(home, "Surveys")) != .directory && FileReading.kind(PluginLoader.join(home, "Rules")) != .directory {
      Console.warning(Message(.cliHomeEmpty, ["home": .text(home)]))
    }
  }

  /// Loads surveys and rules, printing load errors; exits 2 when nothing usable was loaded.
  func workspace() throws -> Workspace {
    let workspace = Workspace()
    loadSurveys(into: workspace)
    loadRules(into: workspace)
    if workspace.log.hasErrors {
      Diagnostics.print(workspace.log.sorted)
      Console.error(Message(.cliDataErrors))
      throw ExitCode(2)
    }
    if workspace.registry.surveys.isEmpty {
      let searched = survey.map { [$0] } ?? Self.locations.searched(.surveys).map(\.path)
      Console.error(Message(.cliNoSurvey, ["places": .list(searched.map { .text(InertText.line($0)) })]))
      throw ExitCode(2)
    }
    return workspace
  }

  /// The survey chosen with --survey, or the only/newest one.
  func chosenSurvey(_ workspace: Workspace) throws -> Survey {
    if let survey, !surveyIsPath {
      guard let found = workspace.registry.latest(survey) else {
        let known = workspace.registry.surveys.map(\.id)
        Console.error(
          Message(.cliUnknownSurvey, ["survey": .text(survey), "hint": DidYouMean.hint(survey, from: known), "loaded": .text(known.joined(separator: ", "))]))
        throw ExitCode(2)
      }
      return found
    }
    if let survey, let found = workspace.registry.surveys.first(where: { $0.source?.path == survey }) { return found }
    guard let latest = workspace.registry.latest("wego-activator") ?? workspace.registry.latest() else { throw ExitCode(2) }
    return latest
  }
}

struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Language of the output, one of the survey's (en or es for the shipped one; default: the answers file's, else LANG).", valueName: "code"))
  var lang: String?

  @Flag(name: .long, help: "Never use colour (NO_COLOR is honoured too).")
  var noColor = false

  var color: Bool { !noColor && Console.colorEnabled() }
}

enum Environment {
  static var all: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}

enum Diagnostics {
  static func print(_ diagnostics: [Diagnostic], sources: [String: SourceFile] = [:]) {
    let renderer = DiagnosticRenderer(
      color: Console.colorEnabled(forStderr: true), showSource: !sources.isEmpty, sources: sources, language: Console.language)
    Console.err(renderer.render(diagnostics))
  }
}

/// The answers files that `paths` stand for (folders walked, '-' reads paths from stdin), in
/// path order; problems are printed; exits 2 (1 after problems) when there is none.
func answersFiles(_ paths: [String]) throws -> (files: PathList, problems: [Diagnostic]) {
  var notPaths = false
  let (files, problems) = BatchInput.expand(paths) { list in
    let before = list.count
    list.appendLines(from: 0)
    // `cat answers.yaml | activator validate -` sends the file itself, not its name.
    if before < list.count {
      let first = list[before]
      if FileReading.kind(first) == .missing,
        first.hasPrefix("#") || first.hasPrefix("---") || first.contains(": ") || first.hasSuffix(":")
      {
        notPaths = true
      }
    }
  }
  if notPaths {
    Console.error(Message(.cliStdinHoldsYaml))
    throw ExitCode(2)
  }
  if !problems.isEmpty { Diagnostics.print(problems) }
  guard !files.isEmpty else {
    Console.error(Message(.cliNoAnswersFiles, ["paths": .list(paths.map { .text(InertText.line($0)) })]))
    throw ExitCode(problems.isEmpty ? 2 : 1)
  }
  return (files, problems)
}

/// `--force`, for every command that writes a file.
struct ForceOption: ParsableArguments {
  @Flag(name: .long, help: "Replace the output even if it is an answers file or a file this run reads.")
  var force = false
}

/// The one overwrite rule (`OutputGuard`): refuses, unless `--force`, to replace an answers file
/// or a file the run reads, links followed. `allowed` is a file the command may replace anyway.
func guardOutput(
  _ output: String, option: String, inputs: some Sequence<String>, force: Bool, allowed: String? = nil, hint: Message? = nil
) throws {
  guard !force, let problem = OutputGuard.problem(writing: output, inputs: inputs, allowed: allowed) else { return }
  Console.error(
    Message(
      .cliRefusingToReplace,
      [
        "option": .text(option), "path": .text(InertText.line(output)), "problem": .message(problem),
        "hint": hint.map { .message($0) } ?? "",
      ]))
  throw ExitCode(2)
}

/// Loads one answers file and scores it; prints problems and throws the right exit code.
/// Plugins are chosen by the version the file was answered for, as a batch chooses them.
func assessOne(_ path: String, workspace: Workspace, language: String?) throws -> Assessment {
  let log = DiagnosticLog()
  guard let (sheet, survey) = AnswersLoader.load(path, registry: workspace.registry, log: log) else {
    Diagnostics.print(log.sorted)
    throw ExitCode(1)
  }
  Diagnostics.print(log.sorted.filter { $0.severity != .error })
  let program = try scoringProgram(for: survey, answeredVersion: sheet.surveyVersion, answersPath: path, workspace: workspace)
  for plugin in workspace.pluginsRejecting(survey.id, version: sheet.surveyVersion) {
    Console.err(
      "\(InertText.line(path)): warning: "
        + Console.say(
          Message(.cliPluginRejects, ["plugin": .text(plugin.id), "survey": .text(survey.id), "version": .text(sheet.surveyVersion.description)]))
        + "\n")
  }
  var assessment = Scorer.assess(sheet, with: program)
  if let language {
    if !survey.languages.contains(language) {
      Console.warning(
        Message(
          .cliLanguageNotInSurvey,
          ["language": .text(language), "survey": .text(survey.reference), "languages": .text(survey.languages.joined(separator: ", ")),
           "using": .text(survey.defaultLanguage)]))
    }
    assessment = assessment.in(language: survey.languages.contains(language) ? language : survey.defaultLanguage)
  }
  return assessment
}

/// The program that scores answers to `survey` (written for `answeredVersion`), or exit 2 when
/// no plugin accepts them: the error a batch gives for each such file, followed by where rules
/// were looked for and how to point at them.
func scoringProgram(
  for survey: Survey, answeredVersion: SemanticVersion? = nil, answersPath: String? = nil, workspace: Workspace
) throws -> Program {
  let version = answeredVersion ?? survey.version
  if let missing = Workspace.missingRules(for: survey.id, version: version, plugins: workspace.plugins) {
    let location = answersPath.map { SourceLocation(file: $0, line: 1, column: 1) } ?? survey.location
    Diagnostics.print([Diagnostic(.error, "no-rules", missing, at: location)])
    try failForMissingRules(workspace)
  }
  guard let program = workspace.program(for: survey, answeredVersion: version) else {
    Diagnostics.print(workspace.log.sorted)
    throw ExitCode(2)
  }
  return program
}

/// After the `no-rules` error(s): where rules were looked for, how to give them; exit 2 (the
/// set-up is wrong, not the answers files).
func failForMissingRules(_ workspace: Workspace) throws -> Never {
  for note in workspace.missingRulesNotes { Console.note(note) }
  throw ExitCode(2)
}

/// Remembers whether a batch met files that no plugin accepts (delivery is serialised).
final class MissingRulesSeen: @unchecked Sendable {
  private(set) var seen = false

  func note(_ item: BatchItem) {
    if item.failed && item.diagnostics.contains(where: { $0.code == "no-rules" }) { seen = true }
  }
}

extension Assessment {
  /// The same result presented in another language.
  func `in`(language: String) -> Assessment {
    var sheet = self.sheet
    sheet.language = language
    return Scorer.assess(sheet, with: program)
  }
}
