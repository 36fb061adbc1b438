import Testing

@testable import ActivatorCore

#if canImport(Glibc)
  import Glibc
#endif

/// What writing an output looks for in the folder it goes to: only the names of its own
/// temporary files, however many other files the folder holds.
@Suite struct OutputFolderTests {
  func touch(_ path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if fd >= 0 { close(fd) }
  }

  @Test func aPrefixListsOnlyTheNamesThatStartWithItsBytes() throws {
    try withTemporaryFolder { folder in
      for name in ["b.csv", ".out.csv.12.abcdef", ".out.csv", ".out.csvx.1.abcdef", ".out.csv.1.zzzzzz", "é.csv", ".o"]
      {
        touch(folder + "/" + name)
      }
      #expect(try FileReading.list(folder, prefix: ".out.csv.") == [".out.csv.1.zzzzzz", ".out.csv.12.abcdef"])
      #expect(try FileReading.list(folder, prefix: "é") == ["é.csv"])
      // Precomposed and decomposed é are different names on disk.
      #expect(try FileReading.list(folder, prefix: "e\u{301}") == [])
      #expect(try FileReading.list(folder, prefix: ".out.csv.1.zzzzzz.longer") == [])
      #expect(try FileReading.list(folder, prefix: String(repeating: "x", count: 300)) == [])
      let all = try FileReading.list(folder)
      #expect(all.count == 7)
      #expect(try FileReading.list(folder, prefix: "") == all)
    }
  }

  @Test func staleTemporaryFilesOfTheOutputAreRemovedAndNothingElse() throws {
    try withTemporaryFolder { folder in
      let ended = ".out.csv.2147483646.abc123"  // no process has this id
      let ours = ".out.csv.\(getpid()).abc123"
      let kept = [
        ours, ".out.csvx.2147483646.abc123", ".out.csv.2147483646.abc", "out.csv", ".other.2147483646.abc123",
      ]
      for name in kept + [ended] { touch(folder + "/" + name) }
      TemporaryFiles.removeStale(for: folder + "/out.csv")
      let left = try FileReading.list(folder)
      #expect(left == kept.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
  }
}
