import ActivatorCore
import Testing

/// Issue 15, item 7: `check` loads every fixture `test` would run (a plugin's tests/ folder, and
/// fixture files given by path) and reports what they name wrongly, without running them.
@Suite struct FixtureCheckTests {
  static let manifest = """
    plugin: lens
    version: 1.0.0
    name: {en: Lens}
    languages: [en]
    applies_to: [{survey: wego-activator, versions: ">=1.0.0 <2.0.0"}]

    """

  static let rules = """
    criteria:
      - id: lens-portal
        pillar: government
        stage: 2
        title: {en: Portal}
        when: "level(gov_strategy) >= 2"

    """

  static func fixtures(_ answers: String) -> String {
    """
    fixtures:
      - fixture: a stage misspelt
        answers_file: \(answers)
        expect:
          stages: {government: establshed}
      - fixture: a criterion the lens does not have
        answers_file: \(answers)
        expect:
          criteria: {lens-portl: met}

    """
  }

  static func check(_ paths: [String]) -> (CheckService, [String]) {
    var service = CheckService()
    service.run(paths: paths, locations: DataLocations(home: Paths.root))
    let found = service.log.sorted.filter { $0.severity == .error }.map {
      "\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column) \($0.code): \($0.message)"
    }
    return (service, found)
  }

  @Test func aPluginsFixturesAreCheckedAgainstThePlugin() throws {
    try withTemporaryFolder { folder in
      let lens = folder + "/lens"
      #expect(mkdir(lens, 0o755) == 0 && mkdir(lens + "/tests", 0o755) == 0)
      try FileReading.writeAtomically(lens + "/plugin.yaml", Self.manifest)
      try FileReading.writeAtomically(lens + "/lens.yaml", Self.rules)
      try FileReading.writeAtomically(lens + "/tests/broken.yaml", Self.fixtures(Paths.at("Examples/valmora.yaml")))
      let (service, found) = Self.check([lens])
      #expect(
        found.contains {
          $0.hasPrefix("broken.yaml:5:28 unknown-stage: unknown stage 'establshed'; did you mean 'established'?")
        }, "\(found)")
      #expect(found.contains { $0.hasPrefix("broken.yaml:9:18 unknown-criterion: unknown criterion 'lens-portl'; did you mean 'lens-portal'?") }, "\(found)")
      #expect(found.count == 2, "\(found)")
      #expect(service.summary.fixtures == 0)
    }
  }

  @Test func fixtureFilesGivenByPathAreCheckedAgainstTheDefaultRules() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/extra.yaml"
      let text = Self.fixtures(Paths.at("Examples/valmora.yaml")).replacing("lens-portl", with: "gov-open-data-portl")
        + "  - fixture: fine\n    answers_file: \(Paths.at("Examples/valmora.yaml"))\n    expect: {stages: {government: 5}}\n"
      try FileReading.writeAtomically(path, text)
      let (service, found) = Self.check([path])
      #expect(found.contains { $0.hasPrefix("extra.yaml:5:28 unknown-stage: unknown stage 'establshed'") }, "\(found)")
      #expect(found.contains { $0.hasPrefix("extra.yaml:9:18 unknown-criterion: unknown criterion 'gov-open-data-portl'") }, "\(found)")
      #expect(found.count == 2, "\(found)")
      // The shipped plugins' own fixtures load too, as `test --fixture` runs them; of this file's, the one that reads.
      #expect(service.summary.fixtures == Self.check([]).0.summary.fixtures + 1)
      #expect(service.summary.plugins >= 1)
    }
  }

  @Test func theShippedFixturesAreCountedAndClean() {
    let (service, found) = Self.check([])
    #expect(found.isEmpty, "\(found)")
    #expect(service.summary.fixtures > 20)
  }
}
