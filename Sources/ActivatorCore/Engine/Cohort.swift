/// The part of one city's result a cohort summary needs: small, so a batch of any size keeps
/// only counts.
package struct CohortRecord: Sendable {
  package var path: String
  package var city: String
  package var country: String?
  package var region: String?
  /// Stage per pillar; 0 for a pillar that is not assessed.
  package var stages: [Int]
  package var scores: [Double]
  package var coverage: [Double]
  package var overall: Int?
  /// Ids of the first recommended solutions, best first.
  package var topSolutions: [String]
  /// Every metric's numbers by qualified id: a cohort aggregates and ranks the ones it shows.
  package var metrics: [String: MetricSample]

  package init(_ a: Assessment) {
    path = a.sheet.path
    city = a.sheet.city.name
    country = a.sheet.city.country
    // One group per region however it was written ("Latin America", "América Latina", its id).
    region = a.sheet.city.region.map { Regions.id(for: $0) ?? $0 }
    stages = a.pillars.map { $0.assessed ? $0.stage : 0 }
    scores = a.pillars.map(\.score)
    coverage = a.pillars.map(\.coverage)
    overall = a.overall
    topSolutions = a.recommendations.prefix(3).map { a.program.solutions[$0.solution].id }
    metrics = Dictionary(
      a.metrics.map { (a.program.metrics[$0.metric].qualifiedID, MetricSample($0)) },
      uniquingKeysWith: { first, _ in first })
  }
}

/// Distribution of stages and scores per pillar, kept as histograms so memory does not grow
/// with the number of cities, with exact medians.
package struct CohortSummary: Sendable {
  package struct Group: Sendable {
    package var cities = 0
    /// Per pillar: how many cities are at each stage (index = stage; index 0 counts the cities
    /// where the pillar is not assessed).
    package var stageCounts: [[Int]]
    /// Per pillar: histogram of scores in hundredths.
    var scoreCounts: [[Int]]
    package var overallCounts: [Int]
    /// The chosen metrics (`MetricSelection`), in column order.
    package var metrics: [MetricAggregate]

    init(pillars: Int, topStage: Int, metrics: [MetricColumn]) {
      self.metrics = metrics.map(MetricAggregate.init)
      stageCounts = Array(repeating: Array(repeating: 0, count: topStage + 1), count: pillars)
      scoreCounts = Array(repeating: Array(repeating: 0, count: topStage * 100 + 1), count: pillars)
      overallCounts = Array(repeating: 0, count: topStage + 1)
    }

    mutating func add(_ record: CohortRecord) {
      cities += 1
      for (pillar, stage) in record.stages.enumerated() where pillar < stageCounts.count {
        stageCounts[pillar][min(max(stage, 0), stageCounts[pillar].count - 1)] += 1
        if stage == 0 { continue }
        let bucket = min(
          max(Int(saturating: (record.scores[pillar] * 100).rounded()), 0), scoreCounts[pillar].count - 1)
        scoreCounts[pillar][bucket] += 1
      }
      if let overall = record.overall { overallCounts[min(max(overall, 0), overallCounts.count - 1)] += 1 }
      for index in metrics.indices { metrics[index].add(record.metrics[metrics[index].column.id] ?? MetricSample(nil)) }
    }

    /// The lower median stage of a pillar, among the cities where it is assessed.
    package func medianStage(_ pillar: Int) -> Int? {
      var counts = stageCounts[pillar]
      counts[0] = 0
      return Self.median(counts)
    }

    /// How many cities could not be assessed in a pillar.
    package func notAssessed(_ pillar: Int) -> Int { stageCounts[pillar][0] }

    /// The median score of a pillar (the mean of the two middle values for an even count).
    package func medianScore(_ pillar: Int) -> Double? {
      let counts = scoreCounts[pillar]
      let total = counts.reduce(0, +)
      guard total > 0 else { return nil }
      let lower = Self.nth(counts, (total - 1) / 2)
      let upper = Self.nth(counts, total / 2)
      return Double(lower + upper) / 200
    }

    package var medianOverall: Int? { Self.median(overallCounts) }

    static func median(_ counts: [Int]) -> Int? {
      let total = counts.reduce(0, +)
      guard total > 0 else { return nil }
      return nth(counts, (total - 1) / 2)
    }

    /// The bucket holding the n-th value (0-based) of a histogram.
    static func nth(_ counts: [Int], _ n: Int) -> Int {
      var seen = 0
      for (bucket, count) in counts.enumerated() {
        seen += count
        if seen > n { return bucket }
      }
      return counts.count - 1
    }
  }

  package let pillars: [String]
  package let topStage: Int
  package let metrics: [MetricColumn]
  package private(set) var all: Group
  /// Per region, in name order; at most `regionLimit` regions, the rest counted as "other".
  package private(set) var regions: [String: Group] = [:]
  package static let regionLimit = 200
  /// The group that gathers the regions beyond `regionLimit`: its key in machine output, shown
  /// in the reader's language in tables.
  package static let otherRegions = "(other regions)"

  package init(pillars: [String], topStage: Int, metrics: [MetricColumn] = []) {
    self.pillars = pillars
    self.topStage = topStage
    self.metrics = metrics
    all = Group(pillars: pillars.count, topStage: topStage, metrics: metrics)
  }

  package mutating func add(_ record: CohortRecord) {
    all.add(record)
    guard var region = record.region, !region.isEmpty else { return }
    if regions[region] == nil && regions.count >= Self.regionLimit { region = Self.otherRegions }
    regions[region, default: Group(pillars: pillars.count, topStage: topStage, metrics: metrics)].add(record)
  }
}
