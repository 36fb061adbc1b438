import ActivatorCore
import Testing

/// The installed layout (Packaging/stage, shared by the .deb and the tarball) is pinned by
/// Packaging/files.txt, which Packaging/build also compares with the real package. Adding a
/// survey, rule or example file, a command (its man page) or a data folder changes the list on
/// purpose: the failure names the lines to add or remove.
@Suite struct PackagingTests {
  @Test func theStagedFilesAreExactlyThePinnedList() throws {
    let folder = Binary.temporaryFolder()
    // Man pages as swift-argument-parser's generate-manual names them: one for the command and
    // one per subcommand (help included).
    let manpages = folder + "/man"
    #expect(mkdir(manpages, 0o755) == 0)
    let subcommands = try Self.subcommands()
    #expect(subcommands.contains("paths") && subcommands.contains("score"), "\(subcommands)")
    for name in ["activator"] + (subcommands + ["help"]).map({ "activator." + $0 }) {
      Binary.write(manpages + "/\(name).1", ".Dd test\n")
    }
    Binary.write(folder + "/changelog.gz", "")
    let staged =
      "'\(Binary.root)/Packaging/stage' '\(folder)/root/usr' '\(Binary.path)' '\(manpages)' '\(folder)/changelog.gz'"
    let status = system("\(staged) > '\(folder)/stage.log' 2>&1")
    #expect(status == 0, "Packaging/stage failed: \(Binary.read(folder + "/stage.log") ?? "")")
    #expect(system("cd '\(folder)/root' && find usr | LC_ALL=C sort > '\(folder)/staged.txt'") == 0)

    let pinned = Set(try Self.lines(Binary.root + "/Packaging/files.txt"))
    let actual = Set(try Self.lines(folder + "/staged.txt"))
    let added = actual.subtracting(pinned).sorted()
    let missing = pinned.subtracting(actual).sorted()
    #expect(
      added.isEmpty && missing.isEmpty,
      """
      the package's files changed; if this is meant, take the new list:
        cp '\(folder)/staged.txt' Packaging/files.txt
      add:
      \(added.joined(separator: "\n"))
      remove:
      \(missing.joined(separator: "\n"))
      """)
    // Kept for the copy above when the lists differ.
    if added.isEmpty && missing.isEmpty { _ = system("rm -rf '\(folder)'") }
    // The list itself is sorted the way Packaging/build compares it.
    #expect(
      try Self.lines(Binary.root + "/Packaging/files.txt")
        == pinned.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  @Test func thePackageKeepsWhatTheEngineNeedsAtRunTime() throws {
    let pinned = Set(try Self.lines(Binary.root + "/Packaging/files.txt"))
    for needed in [
      "usr/bin/activator", "usr/share/activator/schemas/answers.schema.json", "usr/share/activator/docs/schemas",
      "usr/share/doc/activator/copyright", "usr/share/doc/activator/changelog.gz", "usr/share/man/man1/activator.1.gz",
      "usr/share/bash-completion/completions/activator", "usr/share/zsh/vendor-completions/_activator",
      "usr/share/fish/vendor_completions.d/activator.fish", "usr/share/doc/activator/examples",
    ] {
      #expect(pinned.contains(needed), "\(needed) is not in the package")
    }
    #expect(pinned.contains { $0.hasPrefix("usr/share/activator/Surveys/") && $0.hasSuffix(".yaml") }, "no survey")
    #expect(
      pinned.contains { $0.hasPrefix("usr/share/activator/Rules/") && $0.hasSuffix("/plugin.yaml") }, "no rule plugin")
    #expect(pinned.contains { $0.hasPrefix("usr/share/activator/Examples/") && $0.hasSuffix(".yaml") }, "no example")
    #expect(!pinned.contains { $0.contains("/.") || $0.contains("Tests/") }, "no hidden or test-suite files")
  }

  /// The subcommands `activator --help` lists.
  static func subcommands() throws -> [String] {
    let help = Run.activator(["--help"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(help.firstIndex { $0 == "SUBCOMMANDS:" })
    var names: [String] = []
    for line in help[(start + 1)...] where !line.isEmpty {
      guard line.hasPrefix("  "), !line.hasPrefix("   ") else {
        if !line.hasPrefix(" ") { break }
        continue
      }
      // Names are lower case; "  See 'activator help …'" closes the list.
      if let name = line.split(separator: " ").first, name.first?.isLowercase == true { names.append(String(name)) }
    }
    return names
  }

  static func lines(_ path: String) throws -> [String] {
    let text = try #require(Binary.read(path))
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }
}
