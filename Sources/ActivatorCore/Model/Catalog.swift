/// World Bank income groups, by the country's classification (revised every 1 July).
public enum IncomeGroup: String, Sendable, CaseIterable {
  case low
  case lowerMiddle = "lower-middle"
  case upperMiddle = "upper-middle"
  case high

  /// The group an option value or catalog word names: `lower-middle` and `lower_middle` alike.
  public init?(word: String) {
    self.init(rawValue: word.replacingOccurrences("_", "-"))
  }
}

/// City sizes by population, after the size classes of the UN World Urbanization Prospects.
public enum CitySize: String, Sendable, CaseIterable {
  case small
  case medium
  case large
  case veryLarge = "very-large"

  public init?(word: String) {
    self.init(rawValue: word.replacingOccurrences("_", "-"))
  }

  /// Under 300,000 residents small, to 1 million medium, to 5 million large, from 5 million very large.
  public init(population: Double) {
    switch population {
    case ..<300_000: self = .small
    case ..<1_000_000: self = .medium
    case ..<5_000_000: self = .large
    default: self = .veryLarge
    }
  }
}

/// An indicative total for a city to set a solution up, in US dollars.
public enum CostBand: String, Sendable, CaseIterable {
  /// Under 1 million.
  case low
  /// 1 to 10 million.
  case medium
  /// Over 10 million.
  case high
  case unknown
}

public enum SolutionStatus: String, Sendable, CaseIterable {
  /// Running at city scale.
  case deployed
  /// A limited trial.
  case pilot
  /// A study or design only.
  case feasibilityStudy = "feasibility-study"
}

public enum ProgrammeStatus: String, Sendable, CaseIterable {
  /// An edition or activity was seen recently.
  case running
  /// Last seen some years ago and no page says it ended: ask WeGO, it is not a live offer.
  case unknown
  /// A page says it ended: never offered.
  case discontinued
  /// Held once.
  case oneOff = "one-off"
}

/// Which cities an entry realistically suits.
public struct CatalogFit: Sendable {
  public var income: [IncomeGroup]
  public var size: [CitySize]

  public static let everyone = CatalogFit(income: IncomeGroup.allCases, size: CitySize.allCases)

  public init(income: [IncomeGroup], size: [CitySize]) {
    self.income = income
    self.size = size
  }

  public var suitsEveryIncome: Bool { Set(income).count == IncomeGroup.allCases.count }
}

/// A figure a catalog text states, and the page that states it.
public struct CatalogFigure: Sendable {
  public var fact: String
  public var source: String?
}

/// Where a catalog entry's facts come from and how far they were checked.
public struct CatalogProvenance: Sendable {
  public var source: String?
  public var sources: [String] = []
  public var figures: [CatalogFigure] = []
  /// Every figure and the key facts were read on the cited pages.
  public var verified: Bool
  /// `YYYY-MM-DD`.
  public var lastChecked: String?
  /// What the sources confirm and what they do not.
  public var checkNote: String?
}

/// Something a solution needs in place before it can work, in plain words, and when the answers
/// can show it, the condition that says it is there.
public struct SolutionNeed: Sendable {
  public var text: LocalizedText
  public var requires: ExpressionSource?
}

/// The stages at which cities take a solution or programme up, as written (`{min: 2, max:
/// integrated}`).
public struct StageFit: Sendable {
  public var min: Located<StageReference>
  public var max: Located<StageReference>
  /// The `{min, max}` mapping, for a range that runs backwards.
  public var location: SourceLocation
}

/// A proven solution from a real city that a recommendation can point to.
public struct Solution: Sendable {
  public var id: String
  public var name: LocalizedText
  public var city: LocalizedText
  public var country: LocalizedText?
  public var year: Int?
  public var pillars: [Located<String>]
  public var problem: LocalizedText
  public var solution: LocalizedText
  /// The stage fit as levels, once resolved against the survey (`stage` holds it as written).
  public var stageMin: Int
  public var stageMax: Int
  public var stage: StageFit?
  public var status: SolutionStatus
  public var fits: CatalogFit
  public var cost: CostBand
  public var costBasis: LocalizedText?
  public var needs: [SolutionNeed]
  /// Question ids (every criterion reading them) or criterion ids whose gaps this solution helps close.
  public var helps: [Located<String>]
  public var provenance: CatalogProvenance
  public var plugin: String
  public var location: SourceLocation

  public var source: String? { provenance.source }
  public var verified: Bool { provenance.verified }
}

/// WeGO's chain of services a diagnosis can lead to.
public enum ChainStep: String, Sendable, CaseIterable {
  case activator, finder, implementer
}

/// A WeGO programme a city can turn to (training, feasibility studies, matchmaking, prizes).
public struct Programme: Sendable {
  public var id: String
  public var name: LocalizedText
  public var step: ChainStep
  public var description: LocalizedText
  public var stageMin: Int
  public var stageMax: Int
  public var stage: StageFit?
  /// Who may take part, in WeGO's own terms.
  public var eligibility: LocalizedText
  /// The cities WeGO offers it to, derived from the eligibility.
  public var fits: CatalogFit
  /// Why those cities: the stated rule, or the practice where WeGO states none.
  public var fitsBasis: LocalizedText?
  public var status: ProgrammeStatus
  /// The latest year an edition or activity was seen.
  public var lastSeen: Int?
  public var provenance: CatalogProvenance
  public var plugin: String
  public var location: SourceLocation

  public var source: String? { provenance.source }
  public var verified: Bool { provenance.verified }
}
