import ActivatorCore
import Testing

@Suite struct BatchInputTests {
  /// Writes `text` into a pipe and reads it back as a list of paths, as `activator score -` does.
  func lines(_ text: String) throws -> [String] {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    let bytes = Array(text.utf8)
    try #require(bytes.count < 60_000)  // fits in the pipe's buffer: no writer thread needed
    #expect(write(fds[1], bytes, bytes.count) == bytes.count)
    close(fds[1])
    var list = PathList()
    list.appendLines(from: fds[0])
    close(fds[0])
    return Array(list)
  }

  @Test func linesAreTrimmedAndBlankLinesDropped() throws {
    #expect(
      try lines("a.yaml\n  b.yaml\t\n\n\r\nc d.yaml\r\nlast.yaml") == ["a.yaml", "b.yaml", "c d.yaml", "last.yaml"])
    #expect(try lines("") == [])
  }

  @Test func linesLongerThanOneReadBlockArriveWhole() throws {
    let long = String(repeating: "x", count: 50_000) + ".yaml"
    #expect(try lines("first.yaml\n\(long)\n") == ["first.yaml", long])
  }

  @Test func sortingIsByteWiseWithoutRepeats() {
    var list = PathList(["b/z.yaml", "a-c.yaml", "a/b.yaml", "é.yaml", "a/b.yaml", "Z.yaml", "", "a"])
    list.sortAndRemoveDuplicates()
    // '-' (0x2D) sorts before '/' (0x2F); upper case before lower; UTF-8 after ASCII.
    #expect(Array(list) == ["", "Z.yaml", "a", "a-c.yaml", "a/b.yaml", "b/z.yaml", "é.yaml"])
    #expect(list.count == 7)
    var sortedWithRepeat = PathList(["a", "a", "b"])
    sortedWithRepeat.sortAndRemoveDuplicates()
    #expect(Array(sortedWithRepeat) == ["a", "b"])
  }

  @Test func foldersAreWalkedAndMergedWithStandardInput() throws {
    let folder = Paths.examples
    let (files, problems) = BatchInput.expand([folder, "-"]) { list in
      list.append(folder + "/zz-not-there.yaml")
      list.append(folder + "/valmora.yaml")  // also found by the walk: listed once
    }
    #expect(!problems.contains { $0.severity == .error })
    let names = Array(files)
    #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(Set(names).count == names.count)
    #expect(names.contains(folder + "/zz-not-there.yaml"))
    #expect(names.filter { $0 == folder + "/valmora.yaml" }.count == 1)
    #expect(names.contains(folder + "/amani-lakes.yaml"))
    #expect(names.allSatisfy { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") })
  }

  /// A walk skips a folder that is a rule plugin or an author's workspace (its own Surveys/ and
  /// Rules/), each with its own warning, and walks a folder holding only one of the two.
  @Test func pluginFoldersAndWorkspacesAreSkippedWithAWarning() throws {
    try withTemporaryFolder { folder in
      for sub in [
        "city", "index", "index/Surveys", "index/Rules", "index/cities", "lens", "surveys-only", "surveys-only/Surveys",
      ] {
        try #require(mkdir(folder + "/" + sub, 0o755) == 0)
      }
      for file in [
        "city/a.yaml", "index/Surveys/index.yaml", "index/cities/b.yaml", "lens/plugin.yaml",
        "surveys-only/Surveys/c.yaml",
      ] {
        let fd = open(folder + "/" + file, O_CREAT | O_WRONLY, 0o644)
        try #require(fd >= 0)
        close(fd)
      }
      let (files, problems) = BatchInput.expand([folder]) { _ in }
      #expect(Array(files) == [folder + "/city/a.yaml", folder + "/surveys-only/Surveys/c.yaml"])
      #expect(problems.map(\.code) == ["workspace-folder", "plugin-folder"])
      #expect(problems.allSatisfy { $0.severity == .warning })
      #expect(problems.first?.location.file == folder + "/index")
      // Given on the command line, a workspace is walked as any folder is.
      let (inside, none) = BatchInput.expand([folder + "/index/cities"]) { _ in }
      #expect(Array(inside) == [folder + "/index/cities/b.yaml"] && none.isEmpty)
    }
  }

  /// Inside a workspace (`activator score .`), the Surveys/ and Rules/ folders in use are not
  /// answers: skipped however the walk reaches them, with one note naming both.
  @Test func theDataFoldersInUseAreSkippedWithOneNote() throws {
    try withTemporaryFolder { folder in
      for sub in ["Surveys", "Rules", "Rules/index", "cities"] {
        try #require(mkdir(folder + "/" + sub, 0o755) == 0)
      }
      for file in ["Surveys/index.yaml", "Rules/index/criteria.yaml", "cities/a.yaml"] {
        let fd = open(folder + "/" + file, O_CREAT | O_WRONLY, 0o644)
        try #require(fd >= 0)
        close(fd)
      }
      let inUse = [folder + "/Surveys", folder + "/./Rules"]
      let (files, problems) = BatchInput.expand([folder], skipping: inUse) { _ in }
      #expect(Array(files) == [folder + "/cities/a.yaml"])
      #expect(problems.map(\.code) == ["data-folder"] && problems.first?.severity == .note, "\(problems)")
      #expect(problems.first?.location.file == folder + "/Rules")
      // Without them in use, the survey folder is walked (and its file fails as answers later).
      let (all, _) = BatchInput.expand([folder]) { _ in }
      #expect(Array(all).contains(folder + "/Surveys/index.yaml"))
    }
  }

  /// The repository's own Examples/ hold a rule plugin and a workspace: neither is read as answers.
  @Test func theExamplesWalkSkipsTheLensAndTheIndex() {
    let (files, problems) = BatchInput.expand([Paths.examples]) { _ in }
    #expect(Array(files).allSatisfy { !$0.contains("/indexes/") && !$0.contains("/plugins/") })
    #expect(Set(problems.map(\.code)) == ["workspace-folder", "plugin-folder"])
  }
}
