/// The fixtures of a workspace as `activator test` runs them: each plugin's own fixtures (its
/// tests/ folder) against that plugin and the plugins it requires, and fixture files given by
/// path against every loaded plugin. `activator check` loads the same suite without running it,
/// so a fixture naming a stage, criterion or solution that does not exist fails `check` as it
/// would fail `test`.
package final class FixtureSuite {
  /// Fixtures that run against one set of plugins.
  package struct Group {
    /// The plugin whose tests these are; nil for files given by path.
    package var plugin: Plugin?
    package var plugins: [Plugin]
    package var fixtures: [Fixture]
  }

  package private(set) var groups: [Group] = []
  /// Fixture files with an error (reported in the workspace's log): none of their fixtures run.
  package private(set) var unreadable = 0
  /// Errors of the programs the fixtures run against (a plugin compiled with only what it requires).
  package let programLog = DiagnosticLog()
  private var compiled: [String: Program?] = [:]

  package var fixtureCount: Int { groups.reduce(0) { $0 + $1.fixtures.count } }

  /// Loads every plugin's fixtures and `files`; problems go to the workspace's log.
  package init(workspace: Workspace, files: [String]) {
    for plugin in workspace.plugins where !plugin.fixtures.isEmpty {
      let scope = ProgramCompiler.closure(of: plugin, in: workspace.plugins)
      groups.append(
        Group(plugin: plugin, plugins: scope, fixtures: load(plugin.fixtures, root: plugin.root, scope, workspace)))
    }
    if !files.isEmpty {
      groups.append(
        Group(plugin: nil, plugins: workspace.plugins, fixtures: load(files, root: nil, workspace.plugins, workspace)))
    }
  }

  /// The program for a survey and a set of plugins, compiled once; its errors logged once.
  package func program(_ survey: Survey, _ plugins: [Plugin]) -> Program? {
    let key = survey.reference + "|" + plugins.map(\.id).sorted().joined(separator: ",")
    if let cached = compiled[key] { return cached }
    let program = ProgramCompiler.compile(survey: survey, plugins: plugins, log: programLog, warnUnreachable: false)
    compiled[key] = program
    return program
  }

  private func load(_ paths: [String], root: String?, _ plugins: [Plugin], _ workspace: Workspace) -> [Fixture] {
    var fixtures: [Fixture] = []
    for path in paths {
      let errorsBefore = workspace.log.errorCount
      fixtures += FixtureLoader.load(
        path, pluginRoot: root, registry: workspace.registry, program: { self.program($0, plugins) }, log: workspace.log
      )
      if workspace.log.errorCount > errorsBefore { unreadable += 1 }
    }
    return fixtures
  }
}
