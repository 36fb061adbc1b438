/// World Bank income groups, by the country's classification (revised every 1 July).
package enum IncomeGroup: String, Sendable, CaseIterable {
  case low
  case lowerMiddle = "lower-middle"
  case upperMiddle = "upper-middle"
  case high

  /// The group an option value or catalog word names: `lower-middle` and `lower_middle` alike.
  package init?(word: String) {
    self.init(rawValue: word.replacingOccurrences("_", "-"))
  }
}

/// City sizes by population, after the size classes of the UN World Urbanization Prospects.
package enum CitySize: String, Sendable, CaseIterable {
  case small
  case medium
  case large
  case veryLarge = "very-large"

  package init?(word: String) {
    self.init(rawValue: word.replacingOccurrences("_", "-"))
  }

  /// Under 300,000 residents small, to 1 million medium, to 5 million large, from 5 million very large.
  package init(population: Double) {
    switch population {
    case ..<300_000: self = .small
    case ..<1_000_000: self = .medium
    case ..<5_000_000: self = .large
    default: self = .veryLarge
    }
  }
}

/// An indicative total for a city to set a solution up, in US dollars.
package enum CostBand: String, Sendable, CaseIterable {
  /// Under 1 million.
  case low
  /// 1 to 10 million.
  case medium
  /// Over 10 million.
  case high
  case unknown
}

package enum SolutionStatus: String, Sendable, CaseIterable {
  /// Running at city scale.
  case deployed
  /// A limited trial.
  case pilot
  /// A study or design only.
  case feasibilityStudy = "feasibility-study"
}

package enum ProgrammeStatus: String, Sendable, CaseIterable {
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
package struct CatalogFit: Sendable {
  package var income: [IncomeGroup]
  package var size: [CitySize]

  package static let everyone = CatalogFit(income: IncomeGroup.allCases, size: CitySize.allCases)

  package init(income: [IncomeGroup], size: [CitySize]) {
    self.income = income
    self.size = size
  }

  package var suitsEveryIncome: Bool { Set(income).count == IncomeGroup.allCases.count }
}

/// A figure a catalog text states, and the page that states it.
package struct CatalogFigure: Sendable {
  package var fact: String
  package var source: String?
}

/// Where a catalog entry's facts come from and how far they were checked.
package struct CatalogProvenance: Sendable {
  package var source: String?
  package var sources: [String] = []
  package var figures: [CatalogFigure] = []
  /// Every figure and the key facts were read on the cited pages.
  package var verified: Bool
  /// `YYYY-MM-DD`.
  package var lastChecked: String?
  /// What the sources confirm and what they do not.
  package var checkNote: String?
}

/// Something a solution needs in place before it can work, in plain words, and when the answers
/// can show it, the condition that says it is there.
package struct SolutionNeed: Sendable {
  package var text: LocalizedText
  package var requires: ExpressionSource?
}

/// The stages at which cities take a solution or programme up, as written (`{min: 2, max:
/// integrated}`).
package struct StageFit: Sendable {
  package var min: Located<StageReference>
  package var max: Located<StageReference>
  /// The `{min, max}` mapping, for a range that runs backwards.
  package var location: SourceLocation
}

/// A proven solution from a real city that a recommendation can point to.
package struct Solution: Sendable {
  package var id: String
  package var name: LocalizedText
  package var city: LocalizedText
  package var country: LocalizedText?
  package var year: Int?
  package var pillars: [Located<String>]
  package var problem: LocalizedText
  package var solution: LocalizedText
  /// The stage fit as levels, once resolved against the survey (`stage` holds it as written).
  package var stageMin: Int
  package var stageMax: Int
  package var stage: StageFit?
  package var status: SolutionStatus
  package var fits: CatalogFit
  package var cost: CostBand
  package var costBasis: LocalizedText?
  package var needs: [SolutionNeed]
  /// Question ids (every criterion reading them) or criterion ids whose gaps this solution helps close.
  package var helps: [Located<String>]
  package var provenance: CatalogProvenance
  package var plugin: String
  package var location: SourceLocation

  package var source: String? { provenance.source }
  package var verified: Bool { provenance.verified }
}

/// WeGO's chain of services a diagnosis can lead to.
package enum ChainStep: String, Sendable, CaseIterable {
  case activator, finder, implementer
}

/// A WeGO programme a city can turn to (training, feasibility studies, matchmaking, prizes).
package struct Programme: Sendable {
  package var id: String
  package var name: LocalizedText
  package var step: ChainStep
  package var description: LocalizedText
  package var stageMin: Int
  package var stageMax: Int
  package var stage: StageFit?
  /// Who may take part, in WeGO's own terms.
  package var eligibility: LocalizedText
  /// The cities WeGO offers it to, derived from the eligibility.
  package var fits: CatalogFit
  /// Why those cities: the stated rule, or the practice where WeGO states none.
  package var fitsBasis: LocalizedText?
  package var status: ProgrammeStatus
  /// The latest year an edition or activity was seen.
  package var lastSeen: Int?
  package var provenance: CatalogProvenance
  package var plugin: String
  package var location: SourceLocation

  package var source: String? { provenance.source }
  package var verified: Bool { provenance.verified }
}
