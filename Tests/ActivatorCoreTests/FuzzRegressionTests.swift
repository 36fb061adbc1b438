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

  /// Runs one input and records each broken invariant as a failure of that input.
  static func replay(_ path: String, _ target: FuzzTarget) throws {
    let problems = target.run(try FileReading.read(path, maxBytes: 1 << 24), in: world)
    for problem in problems { Issue.record("\(path): \(problem)") }
  }

  @Test(arguments: FuzzTarget.allCases)
  func regressionsStayFixed(_ target: FuzzTarget) throws {
    let files = Self.files("Tests/Fuzz/regressions/\(target.rawValue)")
    #expect(!files.isEmpty || target == .expressions, "no regressions found for \(target.rawValue)")
    for path in files { try Self.replay(path, target) }
  }

  @Test func hostileCorpusPassesTheAnswersInvariants() throws {
    for path in Self.files("Tests/Fixtures/hostile") where path.hasSuffix(".yaml") { try Self.replay(path, .answers) }
  }

  @Test func brokenRulesPassTheRulesInvariants() throws {
    for path in Self.files("Tests/Fixtures/broken-rules") { try Self.replay(path, .rules) }
  }

  /// The invariants can fail: a run that breaks one reports it instead of passing silently.
  @Test func aBrokenInvariantIsReported() {
    var problems = Problems()
    problems.expect(1 + 1 == 3, "arithmetic")
    #expect(problems.found == ["arithmetic"])
  }
}
