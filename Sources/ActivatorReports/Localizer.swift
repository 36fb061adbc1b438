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
}
