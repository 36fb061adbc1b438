/// A value with the place it was written, for references resolved after loading.
package struct Located<Value: Sendable>: Sendable {
  package var value: Value
  package var location: SourceLocation

  package init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

/// A rule plugin as written: manifest plus content, not yet checked against a survey.
package struct Plugin: Sendable {
  package var id: String
  package var version: SemanticVersion
  package var name: LocalizedText
  package var description: LocalizedText?
  package var languages: [String]
  package var appliesTo: [SurveyRequirement]
  package var threshold: Located<Double>?
  /// Plugins this one builds on (its criteria add to theirs, it recommends their solutions).
  package var requires: [Located<String>] = []
  package var criteria: [CriterionDefinition] = []
  package var ladders: [LadderDefinition] = []
  package var metrics: [MetricDefinition] = []
  /// Named expressions (`let:`) its expressions, and those of plugins that require it, may use.
  package var definitions: [NamedDefinition] = []
  package var nextSteps: [NextStepDefinition] = []
  package var solutions: [Solution] = []
  package var programmes: [Programme] = []
  /// Where the rules read the city's situation (may be split over several files).
  package var context: [ContextDefinition] = []
  /// Paths of the fixture files in the plugin's `tests/` folder.
  package var fixtures: [String] = []
  /// Every file of the plugin, for the content hash.
  package var files: [SourceFile] = []
  package var location: SourceLocation
  /// The plugin folder, or the single plugin file.
  package var root: String

  package init(
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
  package func applies(to survey: String, version: SemanticVersion) -> Bool {
    appliesTo.contains { $0.survey == survey && $0.versions.contains(version) }
  }

  package func appliesToSurvey(_ survey: String) -> Bool {
    appliesTo.contains { $0.survey == survey }
  }

  /// SHA-256 over the plugin's files (relative path and bytes, in path order).
  package var contentHash: String {
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

package struct SurveyRequirement: Sendable {
  package var survey: String
  package var versions: VersionRange
  package var location: SourceLocation

  package init(survey: String, versions: VersionRange, location: SourceLocation) {
    self.survey = survey
    self.versions = versions
    self.location = location
  }
}

package struct CriterionDefinition: Sendable {
  package var id: String
  package var idLocation: SourceLocation
  package var pillar: Located<String>
  package var stage: Located<StageReference>
  package var weight: Double
  package var title: LocalizedText
  package var when: ExpressionSource
  package var met: LocalizedText?
  package var unmet: LocalizedText?
  package var recommend: [Located<String>]
  package var location: SourceLocation
  /// Capability or outcome, and the citation or stated reason for the condition.
  package var kind: Located<EvidenceKind>?
  package var basis: String?
}

package enum LadderDirection: String, Sendable {
  /// Met when the answer is at least the threshold.
  case higher
  /// Met when the answer is at most the threshold (response times, losses).
  case lower
}

package struct LadderDefinition: Sendable {
  package var idLocation: SourceLocation
  package var directionLocation: SourceLocation?
  package enum Threshold: Sendable {
    case number(Double)
    /// An option value of a choice question: met when the answer's level reaches this option's.
    case option(String)
  }

  package var id: String
  /// The question whose answer is compared, or nil for a ladder on a computed `value`.
  package var question: Located<String>?
  /// A numeric expression compared instead of an answer (a rate computed from raw counts), with
  /// the unit it is shown in.
  package var value: ExpressionSource?
  package var unit: LocalizedText?
  package var pillar: Located<String>?
  package var direction: LadderDirection
  /// In the order written; stages are resolved, ordered and checked for repeats on compiling.
  package var steps: [(stage: Located<StageReference>, threshold: Located<Threshold>)]
  package var weight: Double
  package var title: LocalizedText
  package var met: LocalizedText?
  package var unmet: LocalizedText?
  /// Recommendations per stage; a nil stage means every stage.
  package var recommend: [(stage: Located<StageReference>?, solutions: [Located<String>])]
  package var location: SourceLocation
  package var kind: Located<EvidenceKind>?
  package var basis: String?
}

package struct MetricDefinition: Sendable {
  package var id: String
  package var title: LocalizedText
  package var expression: ExpressionSource
  package var unit: LocalizedText?
  package var pillar: Located<String>?
  package var location: SourceLocation
  package var kind: Located<EvidenceKind>?
  package var basis: String?
  /// Shown by default where outputs have a column per metric (`headline: true`).
  package var headline = false
  /// How a cohort's values add up to one figure (`pool:`), beside the mean and the median.
  package var pool: MetricPoolDefinition? = nil
}

/// How a metric's values across cities pool into one figure: a plain `sum` (residents reached,
/// stations built), or a share pooled as Σnumerator / Σdenominator over the cities that know
/// both (a city of ten million weighs more than a town of ten thousand, as in a national figure).
package enum MetricPoolDefinition: Sendable {
  case sum(SourceLocation)
  case ratio(numerator: ExpressionSource, denominator: ExpressionSource)
}

/// A named expression of a plugin's `let:` block: `energy_level: "avg(section('energy').map(q, level(q)))"`.
package struct NamedDefinition: Sendable {
  package var name: Located<String>
  package var expression: ExpressionSource
}

package struct NextStepDefinition: Sendable {
  package var programme: Located<String>
  package var when: ExpressionSource
  package var because: LocalizedText
  package var location: SourceLocation
}

/// The survey questions a plugin reads the city's situation from (priority pillar, barriers,
/// income group, size), so that recommendations fit the city and another survey can map its own
/// questions.
package struct ContextDefinition: Sendable {
  /// A question whose options stand for values of a fixed set (pillar ids, income groups, sizes):
  /// by the option's own value, or through `options:` when the survey names them differently.
  package struct Mapped: Sendable {
    package var question: Located<String>
    package var options: [(option: Located<String>, value: Located<String>)]
  }

  /// What eases one barrier: solutions that help with these questions or criteria, or that cost
  /// no more than these bands.
  package struct BarrierHelp: Sendable {
    package var barrier: Located<String>
    package var helps: [Located<String>]
    package var cost: [CostBand]
  }

  package var priorityPillar: Mapped?
  package var barriers: Located<String>?
  package var topBarrier: Located<String>?
  package var incomeGroup: Mapped?
  /// A number of residents, or a choice of size classes.
  package var citySize: Mapped?
  package var barrierHelp: [BarrierHelp] = []
  package var location: SourceLocation
}
