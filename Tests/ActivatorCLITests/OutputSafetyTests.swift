import ActivatorCore
import Testing

/// Output integrity and terminal safety (issue 11, defects 2 and 3): no command exits 0 after
/// losing output, and nothing from a file or a file name acts on the terminal that shows it.
@Suite struct OutputSafetyTests {
  static let example = "Examples/valmora.yaml"

  struct Command: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let writers: [Command] = [
    ["score", example, "Examples/kestrel-bay.yaml", "--format", "csv"],
    ["score", example, "Examples/kestrel-bay.yaml", "--format", "jsonl"],
    ["score", example], ["score", example, "--format", "json"], ["report", example, "--md", "-"], ["explain", example],
    ["template", "--city", "Valmora"], ["validate", example], ["catalog"], ["catalog", "--format", "json"],
    ["check", "--format", "json"], ["test"],
  ].map { Command(arguments: $0) }

  @Test(arguments: OutputSafetyTests.writers)
  func aFullDiskIsAnErrorNotSilence(_ command: Command) {
    let run = Run.activator(command.arguments, cwd: Binary.root, stdoutPath: "/dev/full")
    #expect(run.status == 2, "exit \(run.status)\n\(run.stderr)")
    #expect(run.stderr.contains("could not write to standard output: no space left on the disk"), "\(run.stderr)")
  }

  /// Characters that must never reach a terminal as they are.
  static func active(_ text: String) -> [String] {
    text.unicodeScalars.filter { InertText.isActive($0, keepingLines: true) }.map { InertText.visible($0) }
  }

  static let hostileName = "\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{1B}[31mEVIL\u{9B}31m\u{202E}desrever"

  /// Valmora's answers with a hostile city name (written with YAML escapes, as an attacker would).
  func hostileAnswers(in folder: String) throws -> String {
    let good = try #require(Binary.read(Binary.root + "/" + Self.example))
    let escaped = "\"\\e]0;PWNED\\a\\e[2J\\e[31mEVIL\\u009B31m\\u202Edesrever\""
    let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
    let city = try #require(lines.firstIndex { $0.hasPrefix("city:") })
    var changed = lines.map(String.init)
    changed[city + 1] = "  name: " + escaped
    let path = folder + "/evil.yaml"
    Binary.write(path, changed.joined(separator: "\n"))
    return path
  }

  @Test func hostileTextIsInertInEveryTextOutput() throws {
    let folder = Binary.temporaryFolder()
    let evil = try hostileAnswers(in: folder)
    let commands: [[String]] = [
      ["score", evil], ["score", evil, "--no-color"], ["score", evil, "--format", "table"],
      ["score", evil, Self.example, "--format", "table"],
      ["score", evil, Self.example, "--format", "md"], ["explain", evil], ["validate", evil],
      ["report", evil, "--md", "-"],
    ]
    for arguments in commands {
      let run = Run.activator(arguments, cwd: Binary.root)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(Self.active(run.stdout + run.stderr).isEmpty, "\(arguments): \(Self.active(run.stdout + run.stderr))")
    }
    // Data keeps the name exactly: JSON escapes it, CSV to a file is the file's bytes.
    let json = Run.activator(["score", evil, Self.example, "--format", "jsonl"], cwd: Binary.root)
    #expect(json.stdout.contains("\\u001b]0;PWNED\\u0007") && json.stdout.contains("\\u009b31m\\u202edesrever"))
    #expect(Self.active(json.stdout).isEmpty)
    let csv = Run.activator(
      ["score", evil, Self.example, "--format", "csv", "--out", folder + "/r.csv"], cwd: Binary.root)
    #expect(csv.status == 0)
    #expect(Binary.read(folder + "/r.csv")?.contains(Self.hostileName) == true)
  }

  @Test func aFileNameCannotForgeDiagnosticLines() {
    let folder = Binary.temporaryFolder()
    let name = folder + "/fake\nother.yaml:1:1: error: FORGED LINE\n.yaml"
    Binary.write(name, "survey: [\n")
    for arguments in [
      ["validate", name], ["score", name, Self.example, "--format", "csv"], ["score", folder, "--format", "csv"],
    ] {
      let run = Run.activator(arguments, cwd: Binary.root)
      #expect(run.status == 1)
      for line in run.stderr.split(separator: "\n") {
        #expect(!line.hasPrefix("other.yaml") && !line.hasPrefix(".yaml"), "forged line: \(line)")
      }
      #expect(run.stderr.contains("fake\\u{A}other.yaml:1:1: error: FORGED LINE\\u{A}.yaml"), "\(run.stderr)")
    }
  }

  @Test func pluginAndCatalogTextIsInert() throws {
    let folder = Binary.temporaryFolder()
    let plugin = folder + "/lens"
    #expect(system("cp -R '\(Binary.root)/Examples/plugins/digital-inclusion' '\(plugin)'") == 0)
    let catalog = plugin + "/catalog/solutions.yaml"
    let text = try #require(Binary.read(catalog))
    Binary.write(
      catalog,
      text.replacing(
        "\"Digital Guides for the digitally vulnerable\"", with: "\"\\u202EDigital \\e]0;T\\a Guides\\u009B2J\""))
    let rules = ["--rules", Binary.root + "/Rules", "--rules", plugin]
    for arguments in [["catalog", "Guides"] + rules, ["explain", Self.example] + rules] {
      let run = Run.activator(arguments, cwd: Binary.root)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(Self.active(run.stdout + run.stderr).isEmpty, "\(arguments): \(Self.active(run.stdout + run.stderr))")
    }
    let found = Run.activator(["catalog", "Guides"] + rules, cwd: Binary.root)
    #expect(found.stdout.contains("\\u{202E}Digital \\u{1B}]0;T\\u{7} Guides\\u{9B}2J"), "\(found.stdout)")
  }

  /// Cells a spreadsheet would run as formulas, full-width and space-led forms included, start
  /// with an apostrophe; numbers stay numbers.
  @Test func csvNeverStartsAFormula() throws {
    let folder = Binary.temporaryFolder()
    let names = [
      "=1+1", " =1+1", "\u{3000}=1+1", "＝1+1", "＋cmd", "－2+3", "＠SUM(A1)", "@SUM(A1)", "+33", "\tx", "Normal",
    ]
    let good = try #require(Binary.read(Binary.root + "/" + Self.example))
    for (index, name) in names.enumerated() {
      // Written with YAML escapes, as a hostile file would.
      let escaped = name.unicodeScalars.map { scalar -> String in
        guard !(scalar.isASCII && scalar.value >= 0x20) else { return String(scalar) }
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }.joined()
      Binary.write(
        folder + "/c\(index < 10 ? "0" : "")\(index).yaml",
        good.replacing("  name: Valmora\n", with: "  name: \"\(escaped)\"\n"))
    }
    let run = Run.activator(["score", folder, "--format", "csv"], cwd: Binary.root)
    #expect(run.status == 0, "\(run.stderr)")
    let rows = run.stdout.split(separator: "\r\n").dropFirst()
    #expect(rows.count == names.count)
    for (index, row) in rows.enumerated() {
      let name = names[index]
      let city = row.split(separator: ",", maxSplits: 2)[1]
      let quoted = city.hasPrefix("\"") ? String(city.dropFirst()) : String(city)
      if name == "Normal" || name == "+33" {
        #expect(quoted == name)
      } else {
        #expect(quoted.hasPrefix("'"), "\(InertText.line(name)) was written as \(InertText.line(String(city)))")
      }
    }
  }
}
