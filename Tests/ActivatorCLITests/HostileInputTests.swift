import ActivatorCore
import Testing

/// Files from outside, gone wrong in every way we know of (Tests/Fixtures/hostile/ and the
/// inputs generated below): each gets a clear error with its position, within limits of time and
/// memory, and a batch containing all of them still scores every good file.
@Suite struct HostileInputTests {
  static let folder = Binary.root + "/Tests/Fixtures/hostile/"
  /// Generous bounds that a hang or a blow-up would still cross by far.
  static let seconds = 20.0
  static let kilobytes = 300 * 1024

  struct Expectation: Sendable, CustomTestStringConvertible {
    var file: String
    var status: Int32
    var output: String
    var testDescription: String { file }
  }

  static let expectations: [Expectation] = {
    guard let text = Binary.read(folder + "expected.txt") else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let parts = line.split(separator: "|", maxSplits: 2).map { $0.trimmingCharacters() }
      guard parts.count == 3, let status = Int32(parts[1]) else { return nil }
      return Expectation(file: parts[0], status: status, output: parts[2])
    }
  }()

  func checkBounded(_ run: Run, _ what: String) {
    #expect(!run.timedOut, "\(what) ran past \(Self.seconds) s")
    #expect(run.status < 128, "\(what) died from signal \(run.status - 128)")
    #expect(run.peakKilobytes < Self.kilobytes, "\(what) used \(run.peakKilobytes / 1024) MB")
  }

  @Test func everyCorpusFileIsListedWithItsOutcome() throws {
    let listed = Set(Self.expectations.map(\.file))
    let present = Set(try directoryEntries(Self.folder).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") })
    #expect(listed == present, "expected.txt and the folder disagree: \(listed.symmetricDifference(present).sorted())")
    #expect(Self.expectations.count >= 30)
  }

  @Test(arguments: HostileInputTests.expectations)
  func corpusFileGivesItsExpectedAnswer(_ expectation: Expectation) {
    let run = Run.activator(
      ["validate", "Tests/Fixtures/hostile/" + expectation.file], cwd: Binary.root, timeout: Self.seconds)
    checkBounded(run, expectation.file)
    #expect(run.status == expectation.status, "\(expectation.file): exit \(run.status)\n\(run.stderr)")
    #expect((run.stderr + run.stdout).contains(expectation.output), "\(expectation.file):\n\(run.stderr)\(run.stdout)")
    // Whatever a file holds, nothing in what is printed about it acts on a terminal.
    #expect(
      Self.active(run.stdout + run.stderr).isEmpty, "\(expectation.file): \(Self.active(run.stdout + run.stderr))")
  }

  /// Characters a terminal would act on, shown visibly.
  static func active(_ text: String) -> [String] {
    text.unicodeScalars.filter { InertText.isActive($0, keepingLines: true) }.map { InertText.visible($0) }
  }

  /// Inputs that cannot be committed: made in a temporary folder.
  func generatedInputs() -> (folder: String, cases: [(name: String, output: String)]) {
    let folder = Binary.temporaryFolder()
    var cases: [(String, String)] = []
    // A 50 MB single line: refused by size before it is read.
    if let file = fopen(folder + "/huge-line.yaml", "wb") {
      fputs("city: {name: \"", file)
      let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
      for _ in 0..<50 { _ = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) } }
      fputs("\"}\n", file)
      fclose(file)
    }
    cases.append(("huge-line.yaml", "huge-line.yaml: error: file is 52428817 bytes; at most 2097152 are accepted"))
    mkfifo(folder + "/fifo.yaml", 0o644)
    cases.append(("fifo.yaml", "fifo.yaml: error: is a FIFO (named pipe), not a regular file"))
    mkdir(folder + "/folder.yaml", 0o755)
    cases.append(("folder.yaml", "error: no answers files found in \(folder)/folder.yaml"))
    symlink("loop-b.yaml", folder + "/loop-a.yaml")
    symlink("loop-a.yaml", folder + "/loop-b.yaml")
    cases.append(("loop-a.yaml", "loop-a.yaml: error: too many levels of symbolic links (a symlink loop?)"))
    symlink("nowhere.yaml", folder + "/dangling.yaml")
    cases.append(("dangling.yaml", "dangling.yaml: error: no such file"))
    // A file name that would forge diagnostic lines if printed as it is.
    let forged = "fake\nother.yaml:1:1: error: FORGED LINE\n.yaml"
    Binary.write(folder + "/" + forged, "survey: [\n")
    cases.append((forged, "fake\\u{A}other.yaml:1:1: error: FORGED LINE\\u{A}.yaml:2:1: error: YAML syntax"))
    if getuid() != 0 {  // root reads anything: the permission case needs an ordinary user
      Binary.write(folder + "/unreadable.yaml", "survey: wego-activator\n")
      chmod(folder + "/unreadable.yaml", 0)
      cases.append(("unreadable.yaml", "unreadable.yaml: error: permission denied"))
    }
    return (folder, cases)
  }

  @Test func filesThatAreNotFilesAreRefusedWithoutHanging() {
    let (folder, cases) = generatedInputs()
    for (name, output) in cases {
      let run = Run.activator(["validate", folder + "/" + name], cwd: Binary.root, timeout: Self.seconds)
      checkBounded(run, name)
      #expect(run.status == (name == "folder.yaml" ? 2 : 1), "\(name): exit \(run.status)")
      #expect(run.stderr.contains(output), "\(name): \(run.stderr)")
      #expect(Self.active(run.stderr).isEmpty, "\(name): \(Self.active(run.stderr))")
    }
  }

  /// Output integrity: what is printed about the corpus, sent to a full disk, is an error.
  @Test func reportsOnTheCorpusNeverVanishOnAFullDisk() {
    let run = Run.activator(
      ["validate", Self.folder], cwd: Binary.root, timeout: Self.seconds, stdoutPath: "/dev/full")
    #expect(run.status == 2, "exit \(run.status)")
    #expect(run.stderr.contains("error: could not write to standard output: no space left on the disk"))
  }

  @Test func aBatchOfEverythingStillScoresEveryGoodFile() throws {
    let (folder, _) = generatedInputs()
    for entry in Self.expectations {
      copyFile(Self.folder + entry.file, folder + "/" + entry.file)
    }
    for name in ["kestrel-bay", "valmora", "santa-lucerna"] {
      copyFile(Binary.root + "/Examples/\(name).yaml", folder + "/good-\(name).yaml")
    }
    // A folder symbolic-link loop inside the batch: walked once, not forever.
    symlink(".", folder + "/again")
    let run = Run.activator(["score", folder, "--format", "csv", "--jobs", "2"], cwd: Binary.root, timeout: 60)
    checkBounded(run, "batch")
    #expect(run.status == 1)
    // CSV rows end in CRLF; other line breaks (LS in a city name) are inside cells.
    let rows = run.stdout.split(separator: "\r\n").dropFirst()
    let scored = Set(
      rows.compactMap { $0.split(separator: ",").first.map { String($0.split(separator: "/").last ?? "") } })
    let skipped = Self.expectations.filter { $0.output.hasSuffix("skipped") }
    let good = Set(
      Self.expectations.filter { $0.status == 0 && !$0.output.hasSuffix("skipped") }.map(\.file)
        + ["good-kestrel-bay.yaml", "good-valmora.yaml", "good-santa-lucerna.yaml"])
    #expect(
      scored == good,
      "scored \(scored.sorted()), expected \(good.sorted())\n\(run.stdout.prefix(500))\n\(run.stderr.suffix(500))")
    for entry in Self.expectations where entry.status != 0 {
      #expect(run.stderr.contains("/" + entry.output), "batch did not report \(entry.file) as validate does")
    }
    for name in ["huge-line.yaml", "fifo.yaml", "loop-a.yaml", "dangling.yaml"] {
      #expect(run.stderr.contains("/" + name + ": error:"), "batch did not report \(name)")
    }
    #expect(run.stderr.contains("symbolic-link loop") || run.stderr.contains("already visited"))
    #expect(run.stderr.contains("scored \(good.count) of"))
    for entry in skipped { #expect(run.stderr.contains("/" + entry.output), "batch did not skip \(entry.file)") }
    #expect(Self.active(run.stderr).isEmpty, "\(Self.active(run.stderr))")
    // No cell a spreadsheet would run as a formula (after spaces, full-width forms too).
    for row in rows {
      for cell in row.split(separator: ",") {
        let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
        let lead = text.unicodeScalars.first { $0 != " " && $0 != "\u{3000}" && $0 != "\u{A0}" }
        if let lead, "=+@＝＋＠".unicodeScalars.contains(lead) { Issue.record("formula cell: \(cell)") }
      }
    }
  }

  // MARK: - Helpers

  func directoryEntries(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  func copyFile(_ from: String, _ to: String) {
    guard let input = fopen(from, "rb"), let output = fopen(to, "wb") else { return }
    defer {
      fclose(input)
      fclose(output)
    }
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&buffer, 1, buffer.count, input)
      if count <= 0 { break }
      _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, count, output) }
    }
  }
}

extension Substring {
  func trimmingCharacters() -> String {
    String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
