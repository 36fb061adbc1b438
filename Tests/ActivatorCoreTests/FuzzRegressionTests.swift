import ActivatorCore
import FuzzTargets
import Testing

/// Every input the fuzzers once crashed on (Tests/Fuzz/regressions/<target>/), and the seed
/// inputs they start from, run through the same entry points and invariants as the fuzzers.
@Suite struct FuzzRegressionTests {
  static let world = FuzzWorld(home: Paths.root)

  static func files(_ folder: String) -> [String] {
    ((try? FileReading.list(Paths.at(folder))) ?? []).filter { !$0.hasPrefix(".") }.map { Paths.at(folder) + "/" + $0 }
  }

  @Test(arguments: FuzzTarget.allCases)
  func regressionsStayFixed(_ target: FuzzTarget) throws {
    let files = Self.files("Tests/Fuzz/regressions/\(target.rawValue)")
    for path in files {
      target.run(try FileReading.read(path, maxBytes: 1 << 24), in: Self.world)
    }
  }

  @Test func hostileCorpusPassesTheAnswersInvariants() throws {
    for path in Self.files("Tests/Fixtures/hostile") where path.hasSuffix(".yaml") {
      FuzzTarget.answers.run(try FileReading.read(path, maxBytes: 1 << 24), in: Self.world)
    }
  }

  @Test func brokenRulesPassTheRulesInvariants() throws {
    for path in Self.files("Tests/Fixtures/broken-rules") {
      FuzzTarget.rules.run(try FileReading.read(path, maxBytes: 1 << 24), in: Self.world)
    }
  }
}
