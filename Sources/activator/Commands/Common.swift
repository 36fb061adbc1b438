import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

/// Options shared by the commands that read surveys and rules.
struct SourceOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Survey id or survey file (default: every survey in Surveys/).", valueName: "id|file"))
  var survey: String?

  @Option(name: .long, help: ArgumentHelp("Rule plugin folder or file; repeat for several (default: Rules/).", valueName: "dir"))
  var rules: [String] = []

  var chosen: RuleSources { RuleSources(survey: survey, rules: rules) }

  /// Loads surveys and rules, printing load errors; exits 2 when nothing usable was loaded.
  func workspace() throws -> Workspace { try chosen.workspace() }

  /// The survey chosen with --survey, or the only/newest one.
  func chosenSurvey(_ workspace: Workspace) throws -> Survey { try chosen.chosenSurvey(workspace) }
}

/// A survey choice and a rule set, resolved against the shipped Surveys/ and Rules/.
struct RuleSources {
  var survey: String?
  var rules: [String]

  /// The folder holding the shipped Surveys/ and Rules/.
  var home: String? {
    Workspace.home(executable: CommandLine.arguments.first ?? "", environment: Environment.all)
  }

  /// Loads surveys and rules (the shipped Rules/ when none are given), printing load errors;
  /// exits 2 when nothing usable was loaded.
  func workspace() throws -> Workspace {
    let workspace = Workspace()
    var surveyPaths: [String] = []
    if let survey, FileReading.kind(survey) == .file {
      surveyPaths = [survey]
    } else if let home {
      surveyPaths = [PluginLoader.join(home, "Surveys")]
    }
    workspace.loadSurveys(surveyPaths)
    let rulePaths = rules.isEmpty ? (home.map { [PluginLoader.join($0, "Rules")] } ?? []) : rules
    workspace.loadRules(rulePaths)
    if workspace.log.hasErrors {
      Diagnostics.print(workspace.log.sorted)
      Console.err("error: the survey or rule files have errors; run 'activator check' for details\n")
      throw ExitCode(2)
    }
    if workspace.registry.surveys.isEmpty {
      Console.err("error: no survey found (looked in \(surveyPaths.joined(separator: ", ")))\n")
      throw ExitCode(2)
    }
    return workspace
  }

  /// The survey chosen with --survey, or the only/newest one.
  func chosenSurvey(_ workspace: Workspace) throws -> Survey {
    if let survey, FileReading.kind(survey) != .file {
      guard let found = workspace.registry.latest(survey) else {
        let known = workspace.registry.surveys.map(\.id)
        Console.err("error: unknown survey '\(survey)'\(DidYouMean.hint(survey, from: known)) (loaded: \(known.joined(separator: ", ")))\n")
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
    let renderer = DiagnosticRenderer(color: Console.colorEnabled(forStderr: true), showSource: !sources.isEmpty, sources: sources)
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
    Console.err("error: '-' reads file names from standard input, one per line, but it holds YAML text; give the file's name instead\n")
    throw ExitCode(2)
  }
  if !problems.isEmpty { Diagnostics.print(problems) }
  guard !files.isEmpty else {
    Console.err("error: no answers files found in \(paths.joined(separator: ", "))\n")
    throw ExitCode(problems.isEmpty ? 2 : 1)
  }
  return (files, problems)
}

/// Refuses an output path that would destroy input: one of the input files, or (for reports,
/// which are never YAML) a .yaml/.yml file, typically a shell wildcard that expanded into the
/// option's value (`--html *.yaml`).
func checkOutput(_ output: String, option: String, inputs: some Collection<String>, yamlAllowed: Bool = false) throws {
  // Only an output that already exists can be an input under another name: stat inputs then.
  let existing = FileReading.identity(output)
  if inputs.contains(output) || existing != nil && inputs.contains(where: { FileReading.identity($0) == existing }) {
    Console.err("error: \(option) \(output): refusing to write over an input file\n")
    throw ExitCode(2)
  }
  if !yamlAllowed && (output.hasSuffix(".yaml") || output.hasSuffix(".yml")) {
    Console.err(
      "error: \(option) \(output): refusing to write a report over a YAML file (did a wildcard such as *.yaml expand into \(option)?)\n")
    throw ExitCode(2)
  }
}

/// Loads one answers file and scores it; prints problems and throws the right exit code.
func assessOne(_ path: String, workspace: Workspace, language: String?) throws -> Assessment {
  let log = DiagnosticLog()
  guard let (sheet, survey) = AnswersLoader.load(path, registry: workspace.registry, log: log) else {
    Diagnostics.print(log.sorted)
    throw ExitCode(1)
  }
  Diagnostics.print(log.sorted.filter { $0.severity != .error })
  guard let program = workspace.program(for: survey) else {
    Diagnostics.print(workspace.log.sorted)
    throw ExitCode(2)
  }
  let rejecting = workspace.pluginsRejecting(survey.id, version: sheet.surveyVersion)
  for plugin in rejecting where program.plugins.contains(where: { $0.id == plugin.id }) {
    Console.err("\(path): warning: plugin '\(plugin.id)' does not accept \(survey.id) \(sheet.surveyVersion)\n")
  }
  var assessment = Scorer.assess(sheet, with: program)
  if let language {
    if !survey.languages.contains(language) {
      Console.err(
        "warning: --lang \(language): survey \(survey.reference) is written in \(survey.languages.joined(separator: ", ")); using \(survey.defaultLanguage)\n")
    }
    assessment = assessment.in(language: survey.languages.contains(language) ? language : survey.defaultLanguage)
  }
  return assessment
}

extension Assessment {
  /// The same result presented in another language.
  func `in`(language: String) -> Assessment {
    var sheet = self.sheet
    sheet.language = language
    return Scorer.assess(sheet, with: program)
  }
}
