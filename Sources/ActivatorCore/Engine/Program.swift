/// The engine's own version, recorded in every result.
public enum Engine {
  public static let version = "1.0.0"
}

/// A criterion after checking: everything resolved to indices, its condition compiled.
public struct Criterion: Sendable {
  public var id: String
  /// `plugin/id`, unique across a program.
  public var qualifiedID: String
  public var plugin: Int
  public var pillar: Int
  public var stage: Int
  public var weight: Double
  public var title: LocalizedText
  public var met: LocalizedText?
  public var unmet: LocalizedText?
  public var condition: CompiledExpression
  /// Catalog solutions (indices into `Program.solutions`) that close this criterion's gap.
  public var recommend: [Int]
  /// Set for criteria expanded from a ladder, for "how far from the threshold" explanations.
  public var ladder: LadderStep?
  public var location: SourceLocation
}

public struct LadderStep: Sendable {
  public var ladderID: String
  public var question: Int
  public var direction: LadderDirection
  /// The threshold: a number, or a level for ordinal choices.
  public var threshold: Double
  public var byLevel: Bool
}

public struct Metric: Sendable {
  public var id: String
  public var qualifiedID: String
  public var title: LocalizedText
  public var unit: LocalizedText?
  public var pillar: Int?
  public var expression: CompiledExpression
}

public struct NextStep: Sendable {
  public var programme: Int
  public var when: CompiledExpression
  public var because: LocalizedText
  public var plugin: Int
}

public struct PluginInfo: Sendable, Hashable {
  public var id: String
  public var version: SemanticVersion
  public var hash: String
}

/// A survey and the rule plugins that apply to it, checked together and compiled once; a batch
/// scores every file with the same program.
public final class Program: Sendable {
  public let survey: Survey
  public let plugins: [PluginInfo]
  public let threshold: Double
  public let criteria: [Criterion]
  /// Criterion indices by pillar, then by stage (index = stage level).
  public let criteriaByPillar: [[[Int]]]
  public let metrics: [Metric]
  public let nextSteps: [NextStep]
  public let solutions: [Solution]
  public let programmes: [Programme]
  /// Compiled prerequisite conditions by solution index.
  public let prerequisites: [[CompiledExpression?]]
  public let optionValues: [[String]]
  /// SHA-256 over the survey file and every plugin's hash.
  public let hash: String
  public let surveyHash: String

  init(
    survey: Survey, plugins: [PluginInfo], threshold: Double, criteria: [Criterion], metrics: [Metric],
    nextSteps: [NextStep], solutions: [Solution], programmes: [Programme], prerequisites: [[CompiledExpression?]]
  ) {
    self.survey = survey
    self.plugins = plugins
    self.threshold = threshold
    self.criteria = criteria
    self.metrics = metrics
    self.nextSteps = nextSteps
    self.solutions = solutions
    self.programmes = programmes
    self.prerequisites = prerequisites
    self.optionValues = survey.questions.map { $0.options.map(\.value) }
    var byPillar = Array(
      repeating: Array(repeating: [Int](), count: survey.topStage + 1), count: survey.pillars.count)
    for (index, criterion) in criteria.enumerated() { byPillar[criterion.pillar][criterion.stage].append(index) }
    self.criteriaByPillar = byPillar
    let surveyHash = SHA256.hex(survey.source?.bytes ?? Array(survey.reference.utf8))
    self.surveyHash = surveyHash
    var hasher = SHA256()
    hasher.update(Array(surveyHash.utf8))
    for plugin in plugins { hasher.update(Array("\(plugin.id)@\(plugin.version):\(plugin.hash)".utf8)) }
    self.hash = hasher.hexDigest()
  }

  public func criterionIndex(_ id: String) -> Int? {
    if let exact = criteria.firstIndex(where: { $0.qualifiedID == id }) { return exact }
    let matches = criteria.indices.filter { criteria[$0].id == id }
    return matches.count == 1 ? matches[0] : nil
  }

  public func solutionIndex(_ id: String) -> Int? { solutions.firstIndex { $0.id == id } }
}
