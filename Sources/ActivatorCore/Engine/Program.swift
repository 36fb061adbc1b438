/// The engine's own version, recorded in every result.
package enum Engine {
  package static let version = "1.0.0"
}

/// A criterion after checking: everything resolved to indices, its condition compiled.
package struct Criterion: Sendable {
  package var id: String
  /// `plugin/id`, unique across a program.
  package var qualifiedID: String
  package var plugin: Int
  package var pillar: Int
  package var stage: Int
  package var weight: Double
  package var title: LocalizedText
  package var met: LocalizedText?
  package var unmet: LocalizedText?
  package var condition: CompiledExpression
  /// Catalog solutions (indices into `Program.solutions`) its rule recommends; `Program.links`
  /// adds those whose catalog entry says they help with it.
  package var recommend: [Int]
  /// Set for criteria expanded from a ladder, for "how far from the threshold" explanations.
  package var ladder: LadderStep?
  package var location: SourceLocation
  /// Capability or outcome (nil when the plugin does not say), and the basis of the condition.
  package var kind: EvidenceKind? = nil
  package var basis: String? = nil
  /// For criteria from a ladder on a computed value: the value and its unit, for explanations.
  package var measure: Measure? = nil
}

/// A number a ladder computes from answers (a rate from raw counts), shown with its unit.
package struct Measure: Sendable {
  package var value: CompiledExpression
  package var unit: LocalizedText?
  package var threshold: Double
  package var direction: LadderDirection
}

package struct LadderStep: Sendable {
  package var ladderID: String
  package var question: Int
  package var direction: LadderDirection
  /// The threshold: a number, or a level for ordinal choices.
  package var threshold: Double
  package var byLevel: Bool
}

package struct Metric: Sendable {
  package var id: String
  package var qualifiedID: String
  package var title: LocalizedText
  package var unit: LocalizedText?
  package var pillar: Int?
  package var expression: CompiledExpression
  /// Capability or outcome: reports show a pillar's outcome metrics beside its stage.
  package var kind: EvidenceKind? = nil
  /// Shown by default where outputs have a column per metric.
  package var headline = false
  package var pool: MetricPool? = nil
}

/// How a metric's values across cities pool into one figure (`MetricPoolDefinition`, compiled).
package enum MetricPool: Sendable {
  case sum
  case ratio(numerator: CompiledExpression, denominator: CompiledExpression)
}

package struct NextStep: Sendable {
  package var programme: Int
  package var when: CompiledExpression
  package var because: LocalizedText
  package var plugin: Int
  /// Pillars its condition names (`stage('mobility')`): where the roadmap shows the programme.
  package var pillars: [Int]
}

package struct PluginInfo: Sendable, Hashable {
  package var id: String
  package var version: SemanticVersion
  package var hash: String
}

/// A survey and the rule plugins that apply to it, checked together and compiled once; a batch
/// scores every file with the same program.
package final class Program: Sendable {
  package let survey: Survey
  package let plugins: [PluginInfo]
  package let threshold: Double
  package let criteria: [Criterion]
  /// Criterion indices by pillar, then by stage (index = stage level).
  package let criteriaByPillar: [[[Int]]]
  package let metrics: [Metric]
  /// Metric indices in evaluation order: each after the metrics it reads (`metric('id')`).
  package let metricOrder: [Int]
  package let nextSteps: [NextStep]
  package let solutions: [Solution]
  package let programmes: [Programme]
  /// Solutions linked to each criterion: recommended by its rule or helping with it by the catalog.
  package let links: [[Int]]
  /// Each solution's criteria that its catalog entry `helps` with, at any stage (`links` keeps
  /// only those at stages the solution suits).
  package let helped: [[Int]]
  /// Each solution's needs: the compiled `requires` condition (nil: plain words only).
  package let needConditions: [[CompiledExpression?]]
  /// Each solution's needs: the criteria and pillars that measure them.
  package let needTargets: [[NeedTarget]]
  /// Where the city's priority pillar, barriers, income group and size are read.
  package let context: ContextPlan
  package let optionValues: [[String]]
  /// SHA-256 over the survey file and every plugin's hash.
  package let hash: String
  package let surveyHash: String

  // The scoring loop's view of the criteria and questions, in flat arrays: reading a field of a
  // `Criterion` in a loop would copy the whole struct.
  let conditions: [CompiledExpression]
  let weights: [Double]
  let criterionPillars: [Int]
  let criterionStages: [Int]
  /// Criteria linked to at least one solution.
  let linking: [Int]
  /// `links`, and each solution's criteria whose links name it (in `linking` order, once per
  /// naming), and `needConditions`, as flat lists: the ranking reads them for every city, and
  /// each inner array of a nested one costs a retain and a release when it is read.
  let linkLists: FlatLists<Int>
  let linkedCriteria: FlatLists<Int>
  let needConditionLists: FlatLists<CompiledExpression?>
  /// `criteriaByPillar` flat, for the pillar results of every city.
  let levelCriteria: LevelLists
  /// Whether each pillar has criteria at any stage (only those count toward the overall stage).
  let pillarHasCriteria: [Bool]
  /// The expressions of the metrics and next-step rules, and the metrics' pools, as flat lists:
  /// read out of the `Metric` or `NextStep` values, each read retained and released the field
  /// (and copying the value, all of its fields).
  let metricExpressions: [CompiledExpression]
  let metricPools: [MetricPool?]
  let nextStepConditions: [CompiledExpression]
  let tables: SurveyTables
  /// For criteria expanded from ladders: how to decide them without running an expression.
  package let ladderPlans: [LadderPlan?]
  let solutionIDs: [String]
  /// Each solution's place in id order, the last tie-break of the recommendation ranking.
  let solutionIDRanks: [Int]
  let solutionStages: [(min: Int, max: Int)]
  /// Each solution's fit as bit sets (bit n: the n-th income group or size class) and whether it
  /// is deployed: what the ranking reads for every city, without copying the entries.
  let solutionIncomes: [UInt8]
  let solutionSizes: [UInt8]
  let solutionDeployed: [Bool]
  /// Each programme's income groups as a bit set, whether it has ended, and its place in WeGO's
  /// chain then id order (how next steps are listed).
  let programmeIncomes: [UInt8]
  let programmeDiscontinued: [Bool]
  let programmeOrder: [Int]
  /// The texts JSON results repeat, escaped once per language (`JSONTexts`).
  let jsonTextCache = JSONTextCache()

  init(
    survey: Survey, plugins: [PluginInfo], threshold: Double, criteria: [Criterion], metrics: [Metric],
    nextSteps: [NextStep], solutions: [Solution], programmes: [Programme], links: [[Int]], helped: [[Int]],
    needConditions: [[CompiledExpression?]], needTargets: [[NeedTarget]], context: ContextPlan, metricOrder: [Int]
  ) {
    self.metricOrder = metricOrder
    self.survey = survey
    self.plugins = plugins
    self.threshold = threshold
    self.criteria = criteria
    self.metrics = metrics
    self.nextSteps = nextSteps
    self.solutions = solutions
    self.programmes = programmes
    self.links = links
    self.helped = helped
    self.needConditions = needConditions
    self.needTargets = needTargets
    self.context = context
    self.optionValues = survey.questions.map { $0.options.map(\.value) }
    self.conditions = criteria.map(\.condition)
    self.weights = criteria.map(\.weight)
    self.criterionPillars = criteria.map(\.pillar)
    self.criterionStages = criteria.map(\.stage)
    self.linking = links.indices.filter { !links[$0].isEmpty }
    self.linkLists = FlatLists(links)
    var linked = [[Int]](repeating: [], count: solutions.count)
    for criterion in linking {
      for solution in links[criterion] where linked.indices.contains(solution) { linked[solution].append(criterion) }
    }
    self.linkedCriteria = FlatLists(linked)
    self.needConditionLists = FlatLists(needConditions)
    self.tables = SurveyTables(survey)
    self.ladderPlans = criteria.map { criterion in
      criterion.ladder.map { ladder in
        LadderPlan(
          slot: ladder.question, threshold: ladder.threshold, higher: ladder.direction == .higher,
          levels: ladder.byLevel ? survey.questions[ladder.question].options.map { Double($0.level ?? 0) } : nil)
      }
    }
    self.solutionIDs = solutions.map(\.id)
    var ranks = [Int](repeating: 0, count: solutions.count)
    for (rank, index) in solutions.indices.sorted(by: { solutions[$0].id < solutions[$1].id }).enumerated() {
      ranks[index] = rank
    }
    self.solutionIDRanks = ranks
    self.solutionStages = solutions.map { ($0.stageMin, $0.stageMax) }
    self.solutionIncomes = solutions.map { Self.bits($0.fits.income, of: IncomeGroup.allCases) }
    self.solutionSizes = solutions.map { Self.bits($0.fits.size, of: CitySize.allCases) }
    self.solutionDeployed = solutions.map { $0.status == .deployed }
    self.programmeIncomes = programmes.map { Self.bits($0.fits.income, of: IncomeGroup.allCases) }
    self.programmeDiscontinued = programmes.map { $0.status == .discontinued }
    var order = [Int](repeating: 0, count: programmes.count)
    let chain = ChainStep.allCases
    for (rank, index) in programmes.indices.sorted(by: {
      ((chain.firstIndex(of: programmes[$0].step) ?? 0), programmes[$0].id) < (
        (chain.firstIndex(of: programmes[$1].step) ?? 0), programmes[$1].id
      )
    }).enumerated() { order[index] = rank }
    self.programmeOrder = order
    var byPillar = Array(
      repeating: Array(repeating: [Int](), count: survey.topStage + 1), count: survey.pillars.count)
    for (index, criterion) in criteria.enumerated() { byPillar[criterion.pillar][criterion.stage].append(index) }
    self.criteriaByPillar = byPillar
    self.levelCriteria = LevelLists(byPillar)
    self.pillarHasCriteria = byPillar.map { $0.contains { !$0.isEmpty } }
    self.metricExpressions = metrics.map(\.expression)
    self.metricPools = metrics.map(\.pool)
    self.nextStepConditions = nextSteps.map(\.when)
    let surveyHash = SHA256.hex(survey.source?.bytes ?? Array(survey.reference.utf8))
    self.surveyHash = surveyHash
    var hasher = SHA256()
    hasher.update(Array(surveyHash.utf8))
    for plugin in plugins { hasher.update(Array("\(plugin.id)@\(plugin.version):\(plugin.hash)".utf8)) }
    self.hash = hasher.hexDigest()
  }

  /// The criteria a solution addresses, in index order: those linked to it (recommended by their
  /// rule or helped at a stage it suits) and those its entry helps with at any stage.
  package func addressed(by solution: Int) -> [Int] {
    var found = Set(helped.indices.contains(solution) ? helped[solution] : [])
    for criterion in linking where links[criterion].contains(solution) { found.insert(criterion) }
    return found.sorted()
  }

  /// A set of words of a closed set as bits: bit n for the n-th word of `all`.
  static func bits<T: Equatable>(_ words: [T], of all: [T]) -> UInt8 {
    words.reduce(0) { bits, word in bits | 1 << UInt8(all.firstIndex(of: word) ?? 0) }
  }

  /// Whether a bit set made by `bits` holds `word`.
  static func holds<T: Equatable>(_ bits: UInt8, _ word: T, of all: [T]) -> Bool {
    guard let index = all.firstIndex(of: word) else { return false }
    return bits & (1 << UInt8(index)) != 0
  }

  /// A criterion by qualified or plain id; a ladder step may be named by its stage's id
  /// (`mob-realtime@established`) as well as its level.
  package func criterionIndex(_ written: String) -> Int? {
    let id = survey.canonicalCriterionID(written)
    if let exact = criteria.firstIndex(where: { $0.qualifiedID == id }) { return exact }
    let matches = criteria.indices.filter { criteria[$0].id == id }
    return matches.count == 1 ? matches[0] : nil
  }

  package func solutionIndex(_ id: String) -> Int? { solutions.firstIndex { $0.id == id } }
}

/// Per-question facts the scorer reads for every file, in flat arrays.
package struct SurveyTables: Sendable {
  let relevance: [CompiledExpression?]
  let applicability: [CompiledExpression?]
  let required: [Bool]
  let optionValues: [[String]]
  let ids: [String]
  let relevanceTexts: [String]
  let applicabilityTexts: [String]

  package init(_ survey: Survey) {
    relevance = survey.questions.map(\.relevant)
    applicability = survey.questions.map(\.applicable)
    applicabilityTexts = survey.questions.map { $0.applicableSource?.text ?? "" }
    required = survey.questions.map(\.required)
    optionValues = survey.questions.map { $0.options.map(\.value) }
    ids = survey.questions.map(\.id)
    relevanceTexts = survey.questions.map { $0.relevantSource?.text ?? "" }
  }
}

/// A ladder step decided directly from the answer: `answer >= threshold` (or `<=`), or the
/// level of the chosen option against the threshold. Same result as the step's expression.
package struct LadderPlan: Sendable {
  package let slot: Int
  package let threshold: Double
  package let higher: Bool
  /// Option levels, for ladders on ordinal choices (every option of such a question has one).
  package let levels: [Double]?

  @inline(__always)
  func evaluate(_ values: [Value]) -> Value {
    let number: Double
    switch values[slot] {
    case .int(let n): number = Double(n)
    case .double(let d): number = d
    case .choice(_, let option):
      guard let levels else { return .null }
      number = levels[Int(option)]
    case let other: return other
    }
    return .bool(higher ? number >= threshold : number <= threshold)
  }
}

/// Lists of lists kept in one array, each list a range of `items` (`range(i)`): read in a loop
/// without the retain and release that reading an inner array of a nested one costs.
struct FlatLists<Element: Sendable>: Sendable {
  let items: [Element]
  /// Where each list starts in `items`, and one past the end of the last.
  private let starts: [Int]

  init(_ lists: [[Element]]) {
    var items: [Element] = []
    var starts = [0]
    starts.reserveCapacity(lists.count + 1)
    for list in lists {
      items.append(contentsOf: list)
      starts.append(items.count)
    }
    self.items = items
    self.starts = starts
  }

  /// The positions in `items` of list `index`.
  @inline(__always)
  func range(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }
}

/// Criterion indices by pillar and level as flat lists (`Program.criteriaByPillar`'s shape); a
/// level beyond the survey's stages is an empty list.
struct LevelLists: Sendable {
  private let lists: FlatLists<Int>
  private let levels: Int

  init(_ byPillar: [[[Int]]]) {
    let levels = byPillar.map(\.count).max() ?? 0
    self.levels = levels
    lists = FlatLists(
      byPillar.flatMap { pillar in (0..<levels).map { pillar.indices.contains($0) ? pillar[$0] : [] } })
  }

  var items: [Int] { lists.items }

  @inline(__always)
  func range(_ pillar: Int, _ level: Int) -> Range<Int> {
    level >= 0 && level < levels ? lists.range(pillar * levels + level) : 0..<0
  }
}
