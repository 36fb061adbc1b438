public import ActivatorCore

/// Picks the English or Spanish wording of a phrase the engine itself writes. Keeping both
/// wordings side by side at the call site makes a missing translation impossible to overlook.
public struct Localizer: Sendable {
  public let language: String

  public init(_ language: String) { self.language = language }

  public func callAsFunction(_ english: String, _ spanish: String) -> String {
    language == "es" ? spanish : english
  }

  /// "Smart Government" in the report's language.
  public func text(_ text: LocalizedText?) -> String { text?.text(language) ?? "" }

  public func percent(_ share: Double) -> String {
    "\(Int(saturating: (share * 100).rounded()))%"
  }

  public func outcome(_ outcome: Outcome) -> String {
    switch outcome {
    case .met: self("met", "cumplido")
    case .unmet: self("not met", "no cumplido")
    case .unknown: self("unknown", "desconocido")
    case .notApplicable: self("not applicable", "no aplica")
    case .error: self("error", "error")
    }
  }

  public func confidence(_ confidence: Confidence) -> String {
    switch confidence {
    case .high: self("high", "alta")
    case .medium: self("medium", "media")
    case .low: self("low", "baja")
    }
  }

  public func gap(_ gap: RecommendationReason.Gap) -> String {
    switch gap {
    case .foundation: self("a gap in a stage already reached", "una carencia en una etapa ya alcanzada")
    case .next: self("the next stage", "la etapa siguiente")
    case .later: self("the stage after next", "la etapa posterior a la siguiente")
    }
  }

  public func step(_ step: ChainStep) -> String {
    switch step {
    case .activator: "Activator"
    case .finder: self("Solution Finder", "Solution Finder (buscador de soluciones)")
    case .implementer: self("Project Implementer", "Project Implementer (ejecución de proyectos)")
    }
  }

  public func income(_ group: IncomeGroup) -> String {
    switch group {
    case .low: self("low income", "ingreso bajo")
    case .lowerMiddle: self("lower-middle income", "ingreso mediano bajo")
    case .upperMiddle: self("upper-middle income", "ingreso mediano alto")
    case .high: self("high income", "ingreso alto")
    }
  }

  public func size(_ size: CitySize) -> String {
    switch size {
    case .small: self("small (under 300,000 residents)", "pequeña (menos de 300 000 habitantes)")
    case .medium: self("medium-sized (300,000 to 1 million residents)", "mediana (de 300 000 a 1 millón de habitantes)")
    case .large: self("large (1 to 5 million residents)", "grande (de 1 a 5 millones de habitantes)")
    case .veryLarge: self("very large (5 million residents or more)", "muy grande (5 millones de habitantes o más)")
    }
  }

  public func status(_ status: SolutionStatus) -> String {
    switch status {
    case .deployed: self("deployed", "en funcionamiento")
    case .pilot: self("pilot", "piloto")
    case .feasibilityStudy: self("feasibility study", "estudio de viabilidad")
    }
  }

  public func cost(_ cost: CostBand) -> String {
    switch cost {
    case .low: self("low (under USD 1 million)", "bajo (menos de 1 millón de USD)")
    case .medium: self("medium (USD 1–10 million)", "medio (1 a 10 millones de USD)")
    case .high: self("high (over USD 10 million)", "alto (más de 10 millones de USD)")
    case .unknown: self("unknown", "desconocido")
    }
  }
}
