/// The expressions of a rule set that other expressions name: a plugin's definitions (`let:`),
/// expanded where they are used, and metrics, whose value `metric('id')` reads. Each is checked
/// once, when first named or in declaration order, whichever comes first, so a name that is
/// still being checked when it is named again closes a cycle, which is reported with its path.
///
/// Lives while one program is compiled, on the compiling thread only; expressions keep nothing
/// of it once compiled.
final class NamedExpressions: @unchecked Sendable {
  final class Entry {
    enum Kind { case definition, metric }
    enum State { case unchecked, checking, checked, failed }

    let kind: Kind
    /// A definition's name, or a metric's qualified id.
    let name: String
    /// The plugin it belongs to (an index into the compiled plugins).
    let plugin: Int
    let source: ExpressionSource
    /// Where it is declared: a definition's name, a metric's entry.
    let location: SourceLocation
    /// A metric's index in `Program.metrics`.
    let slot: Int
    var state = State.unchecked
    var compiled: CompiledExpression?

    init(kind: Kind, name: String, plugin: Int, source: ExpressionSource, location: SourceLocation, slot: Int) {
      self.kind = kind
      self.name = name
      self.plugin = plugin
      self.source = source
      self.location = location
      self.slot = slot
    }
  }

  let survey: Survey
  let log: DiagnosticLog
  let pluginIDs: [String]
  /// Criterion ids that `met()` may name; the real indices once the criteria are compiled.
  var criterionIDs: [String: Int]
  private var definitions: [String: Entry] = [:]
  /// For each plugin, the plugins whose definitions it sees: itself and those it requires.
  private let visible: [Set<Int>]
  private var metricsByID: [String: Entry] = [:]
  private(set) var metrics: [Entry] = []
  /// Metric indices in the order their checks finished: each after the metrics it reads.
  private(set) var metricOrder: [Int] = []
  /// Entries being checked, outermost first: the path of a cycle.
  private var trail: [Entry] = []

  init(survey: Survey, pluginIDs: [String], visible: [Set<Int>], criterionIDs: [String: Int], log: DiagnosticLog) {
    self.survey = survey
    self.pluginIDs = pluginIDs
    self.visible = visible
    self.criterionIDs = criterionIDs
    self.log = log
  }

  /// Adds a definition; false when the name is taken (reported).
  @discardableResult
  func define(_ name: Located<String>, _ source: ExpressionSource, plugin: Int) -> Bool {
    if let first = definitions[name.value] {
      log.error(
        "duplicate-id",
        Message(.compileDuplicateDefinition, ["name": .text(name.value), "plugin": .text(pluginIDs[first.plugin])]),
        at: name.location, notes: [.init(Message(.surveyFirstDefinedHere), at: first.location)])
      return false
    }
    definitions[name.value] = Entry(
      kind: .definition, name: name.value, plugin: plugin, source: source, location: name.location, slot: -1)
    return true
  }

  /// Adds a metric under its qualified id, and its plain id unless another plugin uses it too.
  func addMetric(id: String, qualifiedID: String, plugin: Int, source: ExpressionSource, location: SourceLocation)
    -> Entry
  {
    let entry = Entry(
      kind: .metric, name: qualifiedID, plugin: plugin, source: source, location: location, slot: metrics.count)
    metrics.append(entry)
    metricsByID[qualifiedID] = entry
    if metrics.contains(where: { $0 !== entry && $0.name.hasSuffix("/" + id) }) {
      metricsByID[id] = nil
    } else {
      metricsByID[id] = entry
    }
    return entry
  }

  /// The definition called `name`, wherever it is defined (visibility is checked on use).
  func definition(_ name: String) -> Entry? { definitions[name] }

  func definitionNames(visibleFrom plugin: Int?) -> [String] {
    guard let plugin, plugin < visible.count else { return [] }
    return definitions.values.filter { visible[plugin].contains($0.plugin) }.map(\.name)
  }

  func isVisible(_ entry: Entry, from plugin: Int?) -> Bool {
    guard let plugin, plugin < visible.count else { return false }
    return visible[plugin].contains(entry.plugin)
  }

  func metric(_ id: String) -> Entry? { metricsByID[id] }

  var metricIDs: [String] { Array(metricsByID.keys) }

  /// Every definition, in the order plugins and their files declare them.
  var allDefinitions: [Entry] {
    definitions.values.sorted { ($0.plugin, $0.location) < ($1.plugin, $1.location) }
  }

  /// Checks `entry` unless it is checked or being checked; its diagnostics go to the log.
  func check(_ entry: Entry) {
    guard entry.state == .unchecked else { return }
    entry.state = .checking
    trail.append(entry)
    let environment = ExpressionEnvironment(
      survey: survey, purpose: .outcome, criterionIDs: criterionIDs, names: self, plugin: entry.plugin)
    let (compiled, diagnostics) = ExpressionCompiler.compile(entry.source, in: environment, expecting: nil)
    log.append(contentsOf: diagnostics)
    trail.removeLast()
    entry.compiled = compiled
    entry.state = compiled == nil ? .failed : .checked
    guard let compiled, entry.kind == .metric else { return }
    if case .list = compiled.type {
      log.error("type-mismatch", Message(.compileMetricMustGiveOne), at: entry.source.location(ofOffset: 0))
      entry.state = .failed
      return
    }
    metricOrder.append(entry.slot)
  }

  /// The entries from `entry` to the one being checked now, then `entry` again: the path of the
  /// cycle that naming `entry` while it is being checked would close.
  func cycle(through entry: Entry) -> [Entry] {
    guard let start = trail.firstIndex(where: { $0 === entry }) else { return [entry, entry] }
    return Array(trail[start...]) + [entry]
  }
}
