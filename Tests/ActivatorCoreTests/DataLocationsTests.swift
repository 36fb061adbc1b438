import ActivatorCore
import Testing

/// Where surveys and plugins are found (README "Where things are found"), and how places combine.
@Suite struct DataLocationsTests {
  typealias Place = DataLocations.Place

  @Test func placesAreSearchedInTheDocumentedOrder() {
    let locations = DataLocations(
      executable: "/opt/activator-1.0.0/bin/activator",
      environment: ["ACTIVATOR_HOME": "/srv/data", "HOME": "/home/ana"], currentFolder: "/work/city")
    #expect(
      locations.homes == [
        Place(.environment, "/srv/data"), Place(.project, "/work/city"),
        Place(.installed, "/opt/activator-1.0.0/share/activator"),
        Place(.checkout, "/opt/activator-1.0.0/bin"), Place(.checkout, "/opt/activator-1.0.0"),
        Place(.checkout, "/opt"),
      ])
    #expect(
      locations.additions == [
        Place(.user, "/home/ana/.local/share/activator"), Place(.system, "/usr/local/share/activator"),
        Place(.system, "/usr/share/activator"),
      ])
    #expect(locations.userFolder(.rules) == "/home/ana/.local/share/activator/rules")
  }

  @Test func xdgFoldersAreHonouredAndTheInstalledDataIsNotSearchedTwice() {
    let locations = DataLocations(
      executable: "/usr/bin/activator",
      environment: [
        "HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana", "XDG_DATA_DIRS": "/site/share:relative/ignored:/usr/share",
      ])
    #expect(locations.environmentHome == nil)
    #expect(locations.homes.first == Place(.project, "."))
    #expect(locations.homes.contains(Place(.installed, "/usr/share/activator")))
    // /usr/share/activator is the installed data, not a system-wide addition as well.
    #expect(locations.additions == [Place(.user, "/data/ana/activator"), Place(.system, "/site/share/activator")])
    // A relative XDG_DATA_HOME is ignored, as the XDG specification says.
    let relative = DataLocations(executable: nil, environment: ["HOME": "/home/ana", "XDG_DATA_HOME": "data"])
    #expect(relative.additions.first == Place(.user, "/home/ana/.local/share/activator"))
    #expect(relative.homes == [Place(.project, ".")])
  }

  @Test func shippedFoldersComeFromTheBestHomeAndAdditionsJoinThemInPrecedence() throws {
    try withTemporaryFolder { root in
      for folder in [
        "project/Rules", "prefix/share/activator/Surveys", "prefix/share/activator/Rules", "prefix/bin",
        "user/activator/rules", "system/activator/surveys",
      ] {
        try makeFolders(root + "/" + folder)
      }
      let locations = DataLocations(
        executable: root + "/prefix/bin/activator",
        environment: ["XDG_DATA_HOME": root + "/user", "XDG_DATA_DIRS": root + "/system"],
        currentFolder: root + "/project")
      #expect(locations.home(holding: "Surveys") == Place(.installed, root + "/prefix/share/activator"))
      #expect(locations.home(holding: "Rules") == Place(.project, root + "/project"))
      #expect(
        locations.folders(.rules) == [
          Place(.project, root + "/project/Rules"), Place(.user, root + "/user/activator/rules"),
        ])
      #expect(
        locations.folders(.surveys) == [
          Place(.system, root + "/system/activator/surveys"),
          Place(.installed, root + "/prefix/share/activator/Surveys"),
        ])
    }
  }

  @Test func aPluginFromABetterPlaceShadowsTheSameIdInsteadOfClashing() throws {
    try withTemporaryFolder { root in
      try makeFolders(root + "/user")
      try copyFolder(Paths.rules + "/wego-core-1", to: root + "/user/wego-core")
      let workspace = Workspace()
      workspace.loadSurveys([Paths.survey])
      workspace.loadRules([Place(.user, root + "/user"), Place(.installed, Paths.rules)])
      #expect(!workspace.log.hasErrors, "\(workspace.log.sorted.map(\.message))")
      // The user's wego-core 1.x shadows the shipped 1.x; the shipped 2.x is another major version.
      #expect(workspace.plugins.map(\.root) == [root + "/user/wego-core/", Paths.rules + "/wego-core/"])
      let shadowed = workspace.provenance.filter { $0.shadowedBy != nil }
      #expect(shadowed.map(\.origin) == [.installed])
      #expect(shadowed.first?.shadowedBy == root + "/user/wego-core/")

      // Two plugins with one id in the same place (or both given with --rules) are still an error.
      let clash = Workspace()
      clash.loadRules([root + "/user", Paths.rules])
      #expect(clash.log.diagnostics.map(\.code) == ["duplicate-plugin"])
    }
  }

  @Test func aSurveyNoPluginAcceptsHasNoProgramAndSaysWhy() throws {
    let workspace = Workspace()
    workspace.loadSurveys([Paths.fixtures + "/questionnaire/mini.yaml"])
    workspace.loadRules([Place(.installed, Paths.rules)])
    let mini = try #require(workspace.registry.latest("mini"))
    #expect(workspace.program(for: mini) == nil)
    #expect(workspace.log.diagnostics.map(\.code) == ["no-rules"])
    #expect(
      workspace.log.diagnostics.first?.message == "no rule plugin accepts mini 1.0.0 (no plugin applies to mini at all)"
    )
    #expect(workspace.missingRulesNotes.first?.description == "rules were looked for in \(Paths.rules) (installed)")
    // `check` still compiles a survey that has no rules yet, to check the survey itself.
    let checking = Workspace()
    checking.loadSurveys([Paths.fixtures + "/questionnaire/mini.yaml"])
    #expect(checking.program(for: try #require(checking.registry.latest("mini")), requiringRules: false) != nil)
  }

  // MARK: - Helpers

  func makeFolders(_ path: String) throws {
    var built = ""
    for part in path.split(separator: "/") {
      built += "/" + part
      if mkdir(built, 0o755) != 0 { try #require(errno == EEXIST, "mkdir \(built)") }
    }
  }

  /// Copies a plugin folder (files and one level of subfolders is enough for wego-core).
  func copyFolder(_ source: String, to target: String) throws {
    try makeFolders(target)
    for name in try FileReading.list(source) {
      let from = source + "/" + name
      if FileReading.kind(from) == .directory {
        try copyFolder(from, to: target + "/" + name)
      } else {
        try FileReading.writeAtomically(target + "/" + name, try FileReading.read(from, maxBytes: 1 << 24))
      }
    }
  }
}
