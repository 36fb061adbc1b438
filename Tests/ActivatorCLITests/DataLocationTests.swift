import ActivatorCore
import Testing

/// Where the commands find surveys and plugins, and what they say when the rules for a survey
/// are missing (README "Where things are found").
@Suite struct DataLocationTests {
  let mini = Binary.fixture("questionnaire/mini.yaml")

  /// A filled answers file for the mini survey, which the shipped rules do not cover.
  func miniAnswers(in folder: String, name: String = "testville.yaml") -> String {
    let path = folder + "/" + name
    let made = Run.activator(["template", "--survey", mini, "--city", "Testville", "--out", path], cwd: folder)
    #expect(made.status == 0, "\(made.stderr)")
    return path
  }

  /// Issue 15: a survey that no plugin accepts gave stage-1 results with exit 0 in single-file
  /// commands while a batch failed. Every command now fails alike: exit 2, the same error, and
  /// where rules were looked for.
  @Test(arguments: [
    ["score", "testville.yaml"], ["score", "testville.yaml", "--format", "json"], ["explain", "testville.yaml"],
    ["report", "testville.yaml", "--md", "-"],
    ["report", "testville.yaml", "--compare", "testville.yaml", "--md", "-"],
    ["score", "testville.yaml", "other.yaml", "--format", "csv"],
    ["report", "testville.yaml", "other.yaml", "--md", "-"],
  ])
  func noApplicableRulesFailEveryCommandAlike(_ arguments: [String]) {
    let folder = Binary.temporaryFolder()
    _ = miniAnswers(in: folder)
    _ = miniAnswers(in: folder, name: "other.yaml")
    let run = Run.activator(arguments + ["--survey", mini], cwd: folder)
    #expect(run.status == 2, "\(arguments): \(run.stderr)")
    // A cohort report needs a program for its survey before it reads any file: the error is at the survey.
    let at = arguments[0] == "report" && arguments.contains("other.yaml") ? "mini.yaml:2:1" : "testville.yaml:1:1"
    #expect(
      run.stderr.contains("\(at): error: no rule plugin accepts mini 1.0.0 (no plugin applies to mini at all)"),
      "\(run.stderr)")
    #expect(
      run.stderr.contains("note: rules were looked for in \(Binary.root)/Rules (ACTIVATOR_HOME)"), "\(run.stderr)")
    #expect(run.stderr.contains("/nonexistent/activator-tests/activator/rules (user, not found)"))
    #expect(run.stderr.contains("give the survey's rule plugin with --rules FOLDER"))
    #expect(!run.stdout.contains("Starting"), "no stage may be printed: \(run.stdout)")
    #expect(!run.stdout.contains("\"stage\""))
  }

  @Test func theRightRulesScoreTheSameFilesInEveryCommand() {
    let folder = Binary.temporaryFolder()
    _ = miniAnswers(in: folder)
    let rules = Binary.fixture("questionnaire/mini-rules")
    for arguments in [
      ["score", "testville.yaml"], ["explain", "testville.yaml"],
      ["score", "testville.yaml", "testville.yaml", "--format", "csv"],
    ] {
      let run = Run.activator(arguments + ["--survey", mini, "--rules", rules], cwd: folder)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
  }

  /// An author's project folder (Surveys/ and Rules/ of another index) is used from inside it
  /// without options.
  @Test func theCurrentProjectFolderIsUsed() throws {
    let project = Binary.temporaryFolder()
    try makeFolders(project + "/Surveys")
    try link(mini, project + "/Surveys/mini.yaml")
    try link(Binary.fixture("questionnaire/mini-rules"), project + "/Rules")
    _ = miniAnswers(in: project)
    let run = Run.activator(["score", "testville.yaml"], cwd: project, environment: ["ACTIVATOR_HOME": ""])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Testville"))
    let paths = Run.activator(["paths"], cwd: project, environment: ["ACTIVATOR_HOME": ""])
    #expect(paths.stdout.contains("  current folder    \(project): Surveys/ (used), Rules/ (used)"), "\(paths.stdout)")
    #expect(paths.stdout.contains("  mini 1.0.0  Surveys/mini.yaml (current folder)"), "\(paths.stdout)")
  }

  /// User plugins in $XDG_DATA_HOME/activator/rules add to the shipped rules; one with a shipped
  /// plugin's id shadows it; --rules replaces them all.
  @Test func userPluginsAddToTheShippedRulesAndRulesOptionsWin() throws {
    let data = Binary.temporaryFolder()
    try makeFolders(data + "/activator/rules")
    try link(Binary.root + "/Examples/plugins/digital-inclusion", data + "/activator/rules/digital-inclusion")
    let environment = ["XDG_DATA_HOME": data]
    let scored = Run.activator(
      ["score", "Examples/valmora.yaml", "--format", "json"], cwd: Binary.root, environment: environment)
    #expect(scored.status == 0, "\(scored.stderr)")
    #expect(scored.stdout.contains("\"id\": \"digital-inclusion\""))
    let replaced = Run.activator(
      ["score", "Examples/valmora.yaml", "--format", "json", "--rules", "Rules"], cwd: Binary.root,
      environment: environment)
    #expect(replaced.status == 0)
    #expect(!replaced.stdout.contains("digital-inclusion"))

    // A user's own wego-core 1.x wins over the one found beside the executable (and loses to
    // ACTIVATOR_HOME's, which is a better place than the user's); the shipped 2.x, another major
    // version, scores another survey and stays.
    Binary.write(
      data + "/activator/rules/my-core.yaml",
      """
      plugin: wego-core
      version: 1.9.0
      name: {en: My core, es: Mi núcleo}
      languages: [en, es]
      applies_to: [{survey: wego-activator, versions: "1.x"}]

      """)
    let installed = ["XDG_DATA_HOME": data, "ACTIVATOR_HOME": ""]
    let paths = Run.activator(["paths"], cwd: "/tmp", environment: installed)
    #expect(paths.status == 0, "\(paths.stderr)")
    #expect(paths.stdout.contains("  user              \(data)/activator: rules/ (added)"), "\(paths.stdout)")
    #expect(paths.stdout.contains("digital-inclusion 2.0.0  \(data)/activator/rules/digital-inclusion/ (user)"))
    #expect(
      paths.stdout.contains("wego-core 1.9.0          \(data)/activator/rules/my-core.yaml (user)"), "\(paths.stdout)")
    #expect(
      paths.stdout.contains("wego-core 2.0.0          \(Binary.root)/Rules/wego-core/ (source checkout)"),
      "\(paths.stdout)")
    #expect(
      paths.stdout.contains(
        "wego-core 1.1.0          \(Binary.root)/Rules/wego-core-1/ (source checkout; shadowed by \(data)/activator/rules/my-core.yaml)"
      ),
      "\(paths.stdout)")
    let check = Run.activator(["check"], cwd: "/tmp", environment: environment)
    #expect(check.status == 0, "a shadowed plugin is no duplicate: \(check.stderr)")
    #expect(check.stderr.contains("checked 2 surveys, 3 plugins"), "\(check.stderr)")
    let home = Run.activator(["paths"], cwd: "/tmp", environment: environment)
    #expect(
      home.stdout.contains(
        "\(data)/activator/rules/my-core.yaml (user; shadowed by \(Binary.root)/Rules/wego-core-1/)"), "\(home.stdout)")
  }

  /// The installed layout: the executable in PREFIX/bin finds PREFIX/share/activator wherever
  /// PREFIX is, also when run through a symbolic link (as from /usr/local/bin).
  @Test func anInstalledExecutableFindsItsShareFolder() throws {
    let prefix = Binary.temporaryFolder()
    try makeFolders(prefix + "/bin")
    try makeFolders(prefix + "/share/activator")
    try link(Binary.root + "/Surveys", prefix + "/share/activator/Surveys")
    try link(Binary.root + "/Rules", prefix + "/share/activator/Rules")
    let bytes = try FileReading.read(Binary.path, maxBytes: 1 << 30)
    try FileReading.writeAtomically(prefix + "/bin/activator", bytes)
    try #require(chmod(prefix + "/bin/activator", 0o755) == 0)
    let elsewhere = Binary.temporaryFolder()
    try link(prefix + "/bin/activator", elsewhere + "/activator")
    let run = Run.activator(
      ["score", Binary.root + "/Examples/valmora.yaml", "--lang", "en"], cwd: "/tmp",
      environment: ["ACTIVATOR_HOME": ""],
      binary: elsewhere + "/activator")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Valmora, Spain"))
    let paths = Run.activator(
      ["paths"], cwd: "/tmp", environment: ["ACTIVATOR_HOME": ""], binary: elsewhere + "/activator")
    #expect(
      paths.stdout.contains("  installed         \(prefix)/share/activator: Surveys/ (used), Rules/ (used)"),
      "\(paths.stdout)")
  }

  @Test func anActivatorHomeWithoutDataIsReported() {
    let empty = Binary.temporaryFolder()
    let run = Run.activator(["check"], cwd: "/tmp", environment: ["ACTIVATOR_HOME": empty])
    #expect(run.stderr.contains("warning: ACTIVATOR_HOME=\(empty) holds no Surveys/ or Rules/ folder"), "\(run.stderr)")
  }

  @Test func helpSaysWhereThingsAreFound() {
    let run = Run.activator(["--help"])
    #expect(run.stdout.contains("$XDG_DATA_HOME/activator/surveys"))
    #expect(run.stdout.contains("'activator paths' shows every place"))
  }

  // MARK: - Helpers

  func makeFolders(_ path: String) throws {
    var built = ""
    for part in path.split(separator: "/") {
      built += "/" + part
      if mkdir(built, 0o755) != 0 { try #require(errno == EEXIST, "mkdir \(built)") }
    }
  }

  func link(_ target: String, _ path: String) throws {
    try #require(symlink(target, path) == 0, "symlink \(path)")
  }
}
