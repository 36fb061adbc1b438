package import ActivatorCore

/// Many cities side by side: the heatmap, stage distributions, medians overall and per region,
/// and where each city stands against all the others and against its own region.
package struct CohortReport: Sendable {
  package struct City: Sendable {
    /// Fragment id of the city's section (`city-1`, `city-2`, … in table order).
    package var anchor: String
    package var name: String
    package var country: String?
    package var region: String?
    package var path: String
    /// Stage per pillar; 0 where the pillar is not assessed (its score then means nothing).
    package var stages: [Int]
    package var scores: [Double]
    package var coverage: [Double]
    package var overall: Int?
    /// Per pillar: the share of the cohort this city's score is ahead of (ties count half); nil
    /// where the pillar is not assessed.
    package var percentile: [Double?]
    /// Per pillar: score minus the cohort's median score (nil where not assessed).
    package var versusCohort: [Double?]
    /// Per pillar: score minus its region's median score (nil without a region or peers).
    package var versusRegion: [Double?]
    package var topSolutions: [String]
    /// Per chosen metric: the city's value when it is a number (nil when unknown).
    package var metrics: [Double?] = []
    /// Place in the ranking by `CohortReport.ranking`'s metric (ties share a place); nil
    /// without a value or without a ranking.
    package var rank: Int? = nil
  }

  /// The order of the cities by one chosen metric (`--sort-by metric:ID`).
  package struct Ranking: Sendable {
    /// Index into `metrics`.
    package var metric: Int
    package var ascending: Bool

    package init(metric: Int, ascending: Bool) {
      self.metric = metric
      self.ascending = ascending
    }
  }

  package struct Group: Sendable {
    package var name: String
    package var cities: Int
    /// Per pillar: cities at each stage, index 0 = stage 1.
    package var stageCounts: [[Int]]
    /// Per pillar: cities where the pillar is not assessed.
    package var notAssessed: [Int]
    package var medianStage: [Int?]
    package var medianScore: [Double?]
    package var medianOverall: Int?
    /// The chosen metrics across the group's cities.
    package var metrics: [MetricAggregate] = []
  }

  package struct Failure: Sendable {
    package var path: String
    /// Why, shown in the report's language.
    package var message: Message

    package init(path: String, message: Message) {
      self.path = path
      self.message = message
    }
  }

  package var language: String
  package var surveyTitle: String
  package var pillarIDs: [String]
  package var pillarNames: [String]
  package var stageNames: [String]
  package var topStage: Int
  package var cities: [City]
  package var all: Group
  /// Regions in name order; only regions with at least one city.
  package var regions: [Group]
  package var failures: [Failure]
  package var survey: String
  package var surveyHash: String
  package var rules: [(id: String, version: String, hash: String)]
  package var engine: String
  package var date: String
  /// The metrics the report shows, aggregates and values per city (`MetricSelection`).
  package var metrics: [MetricColumn]
  package var ranking: Ranking?

  package init(
    records: [CohortRecord], failures: [Failure] = [], program: Program, language: String, date: String,
    metrics: [MetricColumn] = [],
    ranking: Ranking? = nil
  ) {
    self.metrics = metrics
    self.ranking = ranking
    let survey = program.survey
    let t = Localizer(language)
    self.language = language
    self.failures = failures
    self.date = t.date(date)
    surveyTitle = survey.title.text(language)
    pillarIDs = survey.pillars.map(\.id)
    pillarNames = survey.pillars.map { t.text($0.name) }
    topStage = survey.topStage
    stageNames = (1...max(1, survey.topStage)).map { survey.stageName($0, language) }
    self.survey = survey.reference
    surveyHash = program.surveyHash
    rules = program.plugins.map { ($0.id, $0.version.description, $0.hash) }
    engine = Engine.version
    let pillarCount = survey.pillars.count
    let top = survey.topStage

    let usable = Self.padded(records, pillars: pillarCount)
    all = Self.group(t(.batchAllCities), usable, pillars: pillarCount, top: top)
    var byRegion: [String: [CohortRecord]] = [:]
    for record in usable {
      if let region = record.region, !region.isEmpty { byRegion[region, default: []].append(record) }
    }
    // Grouped by id (or the words typed), named in the report's language.
    let regionKeys = t.locale.sorted(byRegion.keys.sorted()) { Regions.name($0, language: t.language) }
    regions = regionKeys.map {
      Self.group(Regions.name($0, language: t.language), byRegion[$0] ?? [], pillars: pillarCount, top: top)
    }
    let regionMedians = Dictionary(uniqueKeysWithValues: zip(regionKeys, regions))
    let ordered = Self.ordered(usable, ranking: ranking.map { ($0, metrics[$0.metric].id) }, t)
    let solutionNames = Dictionary(
      program.solutions.map { ($0.id, t.text($0.name)) }, uniquingKeysWith: { first, _ in first })
    let standing = Standing(records: usable, pillars: pillarCount, cohortMedians: all.medianScore)
    cities = ordered.enumerated().map { index, record in
      City(
        anchor: "city-\(index + 1)", name: record.city.isEmpty ? record.path : record.city,
        country: record.country.map { Regions.countryName($0, language: t.language) },
        region: record.region.flatMap { $0.isEmpty ? nil : Regions.name($0, language: t.language) }, path: record.path,
        stages: record.stages, scores: record.scores,
        coverage: record.coverage, overall: record.overall,
        percentile: standing.percentile(record),
        versusCohort: standing.versusCohort(record),
        versusRegion: standing.versusRegion(record, region: record.region.flatMap { regionMedians[$0] }),
        topSolutions: record.topSolutions.map { solutionNames[$0] ?? $0 },
        metrics: metrics.map { record.metrics[$0.id]?.value })
    }
    aggregateMetrics(usable, byRegion: byRegion, regionKeys: regionKeys)
    if let ranking { rank(by: ranking) }
  }

  /// Records from other survey versions may have other pillar counts; pad or trim them.
  static func padded(_ records: [CohortRecord], pillars pillarCount: Int) -> [CohortRecord] {
    records.map { record -> CohortRecord in
      var record = record
      record.stages = Array((record.stages + Array(repeating: 1, count: pillarCount)).prefix(pillarCount))
      record.scores = Array((record.scores + Array(repeating: 1, count: pillarCount)).prefix(pillarCount))
      record.coverage = Array((record.coverage + Array(repeating: 0, count: pillarCount)).prefix(pillarCount))
      return record
    }
  }

  /// The table order: by the ranking's metric when there is one, then by overall stage, total
  /// score, city name and path.
  static func ordered(
    _ usable: [CohortRecord], ranking: (order: Ranking, metric: String)?, _ t: Localizer
  ) -> [CohortRecord] {
    // Pillars that are not assessed add nothing to a city's total.
    func total(_ record: CohortRecord) -> Double {
      record.scores.indices.reduce(0) { $0 + (record.stages[$1] > 0 ? record.scores[$1] : 0) }
    }
    return usable.sorted { a, b in
      if let ranking, let order = Self.rankOrder(a, b, ranking.metric, ascending: ranking.order.ascending) {
        return order
      }
      let meanA = total(a)
      let meanB = total(b)
      if (a.overall ?? 0) != (b.overall ?? 0) { return (a.overall ?? 0) > (b.overall ?? 0) }
      if meanA != meanB { return meanA > meanB }
      if a.city != b.city { return t.locale.precedes(a.city, b.city) }
      return a.path < b.path
    }
  }

  /// Where a city stands per pillar against the whole cohort and against its own region.
  struct Standing {
    var pillars: Int
    /// Per pillar: the assessed cities' scores, sorted.
    var sortedScores: [[Double]]
    var cohortMedians: [Double?]

    init(records: [CohortRecord], pillars: Int, cohortMedians: [Double?]) {
      self.pillars = pillars
      self.cohortMedians = cohortMedians
      sortedScores = (0..<pillars).map { pillar in
        records.filter { $0.stages[pillar] > 0 }.map { $0.scores[pillar] }.sorted()
      }
    }

    func percentile(_ record: CohortRecord) -> [Double?] {
      (0..<pillars).map {
        record.stages[$0] > 0 ? CohortReport.percentile(record.scores[$0], in: sortedScores[$0]) : nil
      }
    }

    func versusCohort(_ record: CohortRecord) -> [Double?] {
      (0..<pillars).map {
        record.stages[$0] > 0 ? record.scores[$0] - (cohortMedians[$0] ?? record.scores[$0]) : nil
      }
    }

    func versusRegion(_ record: CohortRecord, region: Group?) -> [Double?] {
      (0..<pillars).map { pillar in
        guard record.stages[pillar] > 0, let region, region.cities > 1, let median = region.medianScore[pillar] else {
          return nil
        }
        return record.scores[pillar] - median
      }
    }
  }

  /// The chosen metrics aggregated over the whole cohort and over each region.
  mutating func aggregateMetrics(
    _ usable: [CohortRecord], byRegion: [String: [CohortRecord]], regionKeys: [String]
  ) {
    for index in ([all] + regions).indices {
      var aggregates = metrics.map(MetricAggregate.init)
      let members = index == 0 ? usable : byRegion[regionKeys[index - 1]] ?? []
      for record in members {
        for m in aggregates.indices { aggregates[m].add(record.metrics[aggregates[m].column.id] ?? MetricSample(nil)) }
      }
      if index == 0 { all.metrics = aggregates } else { regions[index - 1].metrics = aggregates }
    }
  }

  /// "Cohort of 5 cities": the survey, whose title stands above it, names what was assessed.
  package func heading(_ t: Localizer) -> String {
    t(.cohortCohortOfCities, ["cities_count": .count(cities.count)])
  }

  /// Which of two cities comes first by a metric: the better value first, cities without a
  /// value last; nil when the metric does not tell them apart.
  static func rankOrder(_ a: CohortRecord, _ b: CohortRecord, _ id: String, ascending: Bool) -> Bool? {
    switch (a.metrics[id]?.value, b.metrics[id]?.value) {
    case (let x?, let y?) where x != y: ascending ? x < y : x > y
    case (.some, nil): true
    case (nil, .some): false
    default: nil
    }
  }

  /// Places 1, 2, 2, 4… in the (already ranked) city order; none for cities without a value.
  mutating func rank(by ranking: Ranking) {
    var previous: Double?
    var place = 0
    for index in cities.indices {
      guard let value = cities[index].metrics[ranking.metric] else { continue }
      if value != previous { place = index + 1 }
      previous = value
      cities[index].rank = place
    }
  }

  static func group(_ name: String, _ records: [CohortRecord], pillars: Int, top: Int) -> Group {
    var stageCounts = Array(repeating: Array(repeating: 0, count: max(1, top)), count: pillars)
    var notAssessed = Array(repeating: 0, count: pillars)
    for record in records {
      for pillar in 0..<pillars {
        if record.stages[pillar] == 0 {
          notAssessed[pillar] += 1
        } else {
          stageCounts[pillar][max(1, min(record.stages[pillar], top)) - 1] += 1
        }
      }
    }
    let medianScore = (0..<pillars).map { pillar in
      median(records.filter { $0.stages[pillar] > 0 }.map { $0.scores[pillar] })
    }
    // The stage of the median score, as a score's whole part is always its stage.
    let medianStage = medianScore.map { score in score.map { max(1, min(top, Int(saturating: $0.rounded(.down)))) } }
    let overall = median(records.compactMap { $0.overall.map(Double.init) }).map { Int(saturating: $0.rounded(.down)) }
    return Group(
      name: name, cities: records.count, stageCounts: stageCounts, notAssessed: notAssessed, medianStage: medianStage,
      medianScore: medianScore, medianOverall: overall)
  }

  /// The median (mean of the middle two for an even count), rounded to hundredths.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    let value = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    return (value * 100).rounded() / 100
  }

  /// Share of `sorted` below `value`, ties counting half.
  static func percentile(_ value: Double, in sorted: [Double]) -> Double {
    guard sorted.count > 1 else { return 0.5 }
    func bound(_ strict: Bool) -> Int {
      var low = 0
      var high = sorted.count
      while low < high {
        let mid = (low + high) / 2
        if strict ? sorted[mid] < value : sorted[mid] <= value { low = mid + 1 } else { high = mid }
      }
      return low
    }
    let below = bound(true)
    let equal = bound(false) - below
    // The city itself is one of the equal values: compare with the others only.
    return (Double(below) + Double(max(0, equal - 1)) / 2) / Double(sorted.count - 1)
  }
}
