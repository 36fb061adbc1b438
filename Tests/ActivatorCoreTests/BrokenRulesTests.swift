import ActivatorCore
import Testing

/// Every file in Tests/Fixtures/broken-rules is a rule plugin or survey broken on purpose; its
/// `# expect: LINE:COLUMN CODE fragment` lines say exactly what `activator check` must report.
@Suite struct BrokenRulesTests {
  static let folder = Paths.at("Tests/Fixtures/broken-rules")
  static let ignored: Set<String> = ["unreachable-solution", "stage-without-criteria", "plugin-language"]

  static var files: [String] {
    ((try? FileReading.list(folder)) ?? []).filter { $0.hasSuffix(".yaml") }
  }

  struct Expectation: CustomStringConvertible {
    var line: Int
    var column: Int
    var code: String
    var fragment: String
    var description: String { "\(line):\(column) \(code) \(fragment)" }
  }

  static func expectations(_ path: String) throws -> [Expectation] {
    let text = String(decoding: try FileReading.read(path, maxBytes: 1 << 20), as: UTF8.self)
    return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
      .compactMap { line -> Expectation? in
        guard line.hasPrefix("# expect: ") else { return nil }
        let parts = line.dropFirst("# expect: ".count).split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return nil }
        let position = parts[0].split(separator: ":")
        guard position.count == 2, let l = Int(position[0]), let c = Int(position[1]) else { return nil }
        return Expectation(
          line: l, column: c, code: String(parts[1]), fragment: parts.count > 2 ? String(parts[2]) : "")
      }
  }

  @Test func theCorpusIsLargeEnough() {
    #expect(Self.files.count >= 25)
  }

  @Test(arguments: BrokenRulesTests.files)
  func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
    let path = Self.folder + "/" + name
    let expected = try Self.expectations(path)
    #expect(!expected.isEmpty, "\(name) has no '# expect:' lines")
    var service = CheckService()
    service.run(paths: [path], locations: DataLocations(home: Paths.root))
    let actual = service.log.sorted.filter { !Self.ignored.contains($0.code) }
    var unmatched = actual
    for expectation in expected {
      let index = unmatched.firstIndex {
        $0.location.line == expectation.line && $0.location.column == expectation.column && $0.code == expectation.code
          && $0.message.contains(expectation.fragment)
      }
      if let index {
        unmatched.remove(at: index)
      } else {
        let near = actual.map { "\($0.location.line):\($0.location.column) \($0.code) \($0.message)" }.joined(
          separator: "\n  ")
        Issue.record("\(name): missing \(expectation)\n  got:\n  \(near)")
      }
    }
    for extra in unmatched {
      Issue.record("\(name): unexpected \(extra.location.line):\(extra.location.column) \(extra.code) \(extra.message)")
    }
  }
}
