/// A value with the place it was written, for references resolved after loading.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

/// A rule plugin as written: manifest plus content, not yet checked against a survey.
public struct Plugin: Sendable {
  public var id: String
  public var version: SemanticVersion
  public var name: LocalizedText
  public var description: LocalizedText?
  public var languages: [String]
  public var appliesTo: [SurveyRequirement]
  public var threshold: Located<Double>?
  /// Plugins this one builds on (its criteria add to theirs, it recommends their solutions).
  public var requires: [Located<String>] = []
  public var criteria: [CriterionDefinition] = []
  public var ladders: [LadderDefinition] = []
  public var metrics: [MetricDefinition] = []
  /// Named expressions (`let:`) its expressions, and those of plugins that require it, may use.
  public var definitions: [NamedDefinition] = []
  public var nextSteps: [NextStepDefinition] = []
  public var solutions: [Solution] = []
  public var programmes: [Programme] = []
  /// Where the rules read the city's situation (may be split over several files).
  public var context: [ContextDefinition] = []
  /// Paths of the fixture files in the plugin's `tests/` folder.
  public var fixtures: [String] = []
  /// Every file of the plugin, for the content hash.
  public var files: [SourceFile] = []
  public var location: SourceLocation
  /// The plugin folder, or the single plugin file.
  public var root: String

  public init(
    id: String, version: SemanticVersion, name: LocalizedText, description: LocalizedText?, languages: [String],
    appliesTo: [SurveyRequirement], threshold: Located<Double>?, location: SourceLocation, root: String
  ) {
    self.id = id
    self.version = version
    self.name = name
    self.description = description
    self.languages = languages
    self.appliesTo = appliesTo
    self.threshold = threshold
    self.location = location
    self.root = root
  }

  /// Whether this plugin scores answers to `survey` at `version`.
  public func applies(to survey: String, version: SemanticVersion) -> Bool {
    appliesTo.contains { $0.survey == survey && $0.versions.contains(version) }
  }

  public func appliesToSurvey(_ survey: String) -> Bool {
    appliesTo.contains { $0.survey == survey }
  }

  /// SHA-256 over the plugin's files (relative path and bytes, in path order).
  public var contentHash: String {
    var hasher = SHA256()
    for file in files.sorted(by: { $0.path < $1.path }) {
      let relative = file.path.hasPrefix(root) ? String(file.path.dropFirst(root.count)) : file.path
      hasher.update(Array(relative.utf8))
      hasher.update([0])
      hasher.update(file.bytes)
      hasher.update([0])
    }
    return hasher.hexDigest()
  }
}

public struct SurveyRequirement: Sendable {
  public var survey: String
  public var versions: VersionRange
  public var location: SourceLocation

  public init(survey: String, versions: VersionRange, location: SourceLocation) {
    self.survey = survey
    self.versions = versions
    self.location = location
  }
}

public struct CriterionDefinition: Sendable {
  public var id: String
  public var idLocation: SourceLocation
  public var pillar: Located<String>
  public var stage: Located<StageReference>
  public var weight: Double
  public var title: LocalizedText
  public var when: ExpressionSource
  public var met: LocalizedText?
  public var unmet: LocalizedText?
  public var recommend: [Located<String>]
  public var location: SourceLocation
  /// Capability or outcome, and the citation or stated reason for the condition.
  public var kind: Located<EvidenceKind>?
  public var basis: String?
}

public enum LadderDirection: String, Sendable {
  /// Met when the answer is at least the threshold.
  case higher
  /// Met when the answer is at most the threshold (response times, losses).
  case lower
}

public struct LadderDefinition: Sendable {
  public var idLocation: SourceLocation
  public var directionLocation: SourceLocation?
  public enum Threshold: Sendable {
    case number(Double)
    /// An option value of a choice question: met when the answer's level reaches this option's.
    case option(String)
  }

  public var id: String
  /// The question whose answer is compared, or nil for a ladder on a computed `value`.
  public var question: Located<String>?
  /// A numeric expression compared instead of an answer (a rate computed from raw counts), with
  /// the unit it is shown in.
  public var value: ExpressionSource?
  public var unit: LocalizedText?
  public var pillar: Located<String>?
  public var direction: LadderDirection
  /// In the order written; stages are resolved, ordered and checked for repeats on compiling.
  public var steps: [(stage: Located<StageReference>, threshold: Located<Threshold>)]
  public var weight: Double
  public var title: LocalizedText
  public var met: LocalizedText?
  public var unmet: LocalizedText?
  /// Recommendations per stage; a nil stage means every stage.
  public var recommend: [(stage: Located<StageReference>?, solutions: [Located<String>])]
  public var location: SourceLocation
  public var kind: Located<EvidenceKind>?
  public var basis: String?
}

public struct MetricDefinition: Sendable {
  public var id: String
  public var title: LocalizedText
  public var expression: ExpressionSource
  public var unit: LocalizedText?
  public var pillar: Located<String>?
  public var location: SourceLocation
  public var kind: Located<EvidenceKind>?
  public var basis: String?
  /// Shown by default where outputs have a column per metric (`headline: true`).
  public var headline = false
  /// How a cohort's values add up to one figure (`pool:`), beside the mean and the median.
  public var pool: MetricPoolDefinition? = nil
}

/// How a metric's values across cities pool into one figure: a plain `sum` (residents reached,
/// stations built), or a share pooled as Σnumerator / Σdenominator over the cities that know
/// both (a city of ten million weighs more than a town of ten thousand, as in a national figure).
public enum MetricPoolDefinition: Sendable {
  case sum(SourceLocation)
  case ratio(numerator: ExpressionSource, denominator: ExpressionSource)
}

/// A named expression of a plugin's `let:` block: `energy_level: "avg(section('energy').map(q, level(q)))"`.
public struct NamedDefinition: Sendable {
  public var name: Located<String>
  public var expression: ExpressionSource
}

public struct NextStepDefinition: Sendable {
  public var programme: Located<String>
  public var when: ExpressionSource
  public var because: LocalizedText
  public var location: SourceLocation
}

/// The survey questions a plugin reads the city's situation from (priority pillar, barriers,
/// income group, size), so that recommendations fit the city and another survey can map its own
/// questions.
public struct ContextDefinition: Sendable {
  /// A question whose options stand for values of a fixed set (pillar ids, income groups, sizes):
  /// by the option's own value, or through `options:` when the survey names them differently.
  public struct Mapped: Sendable {
    public var question: Located<String>
    public var options: [(option: Located<String>, value: Located<String>)]
  }

  /// What eases one barrier: solutions that help with these questions or criteria, or that cost
  /// no more than these bands.
  public struct BarrierHelp: Sendable {
    public var barrier: Located<String>
    public var helps: [Located<String>]
    public var cost: [CostBand]
  }

  public var priorityPillar: Mapped?
  public var barriers: Located<String>?
  public var topBarrier: Located<String>?
  public var incomeGroup: Mapped?
  /// A number of residents, or a choice of size classes.
  public var citySize: Mapped?
  public var barrierHelp: [BarrierHelp] = []
  public var location: SourceLocation
}
