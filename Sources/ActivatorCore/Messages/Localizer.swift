/// The engine's words in one language: messages by key from the catalogue, and the language's
/// way of writing numbers, lists and quotations. Reports, the questionnaire and every command
/// speak through one.
package struct Localizer: Sendable {
  package let language: String

  package init(_ language: String) { self.language = language }

  /// The language's rules for numbers, plurals, lists, quotations and dates.
  package var locale: LocaleRules { MessageCatalogue.shared.locale(language) }

  package func callAsFunction(_ key: MessageKey, _ arguments: [String: MessageArgument] = [:]) -> String {
    MessageCatalogue.shared.render(Message(key, arguments), in: language)
  }

  package func callAsFunction(_ message: Message) -> String {
    MessageCatalogue.shared.render(message, in: language)
  }

  /// A message used as a label, composed with what follows it: "Overall stage: ", and in French
  /// "Stade global : " with the space `punctuation_space` sets before the colon.
  package func label(_ key: MessageKey) -> String { locale.labelled(self(key)) }

  /// What separates the items of a list that has commas inside them ("; ", " ; " in French).
  package var semicolon: String { locale.punctuated(";") + " " }

  /// "Smart Government" in the report's language.
  package func text(_ text: LocalizedText?) -> String { text?.text(language) ?? "" }

  /// A share as a whole percentage ("35%").
  package func percent(_ share: Double) -> String { locale.percent(share) }

  /// A date or timestamp as the language writes a day ("1 December 2026", "1 de diciembre de
  /// 2026"): reports never show a raw timestamp.
  package func date(_ iso: String) -> String { locale.date(iso) }

  /// A number for people, in the language's notation.
  package func number(_ value: Double) -> String { locale.number(value) }

  package func outcome(_ outcome: Outcome) -> String {
    switch outcome {
    case .met: self(.wordMet)
    case .unmet: self(.wordNotMet)
    case .unknown: self(.wordUnknown)
    case .notApplicable: self(.wordNotApplicable)
    case .error: self(.wordError)
    }
  }

  package func confidence(_ confidence: Confidence) -> String {
    switch confidence {
    case .high: self(.wordHigh)
    case .medium: self(.wordMedium)
    case .low: self(.wordLow)
    }
  }

  package func gap(_ gap: RecommendationReason.Gap) -> String {
    switch gap {
    case .foundation: self(.wordGapStageAlreadyReached)
    case .next: self(.wordNextStage)
    case .later: self(.wordStageAfterNext)
    }
  }

  package func step(_ step: ChainStep) -> String {
    switch step {
    case .activator: "Activator"
    case .finder: self(.wordSolutionFinder)
    case .implementer: self(.wordProjectImplementer)
    }
  }

  package func income(_ group: IncomeGroup) -> String {
    switch group {
    case .low: self(.wordIncomeLow)
    case .lowerMiddle: self(.wordIncomeLowerMiddle)
    case .upperMiddle: self(.wordIncomeUpperMiddle)
    case .high: self(.wordIncomeHigh)
    }
  }

  package func size(_ size: CitySize) -> String {
    switch size {
    case .small: self(.wordSizeSmall)
    case .medium: self(.wordSizeMedium)
    case .large: self(.wordSizeLarge)
    case .veryLarge: self(.wordSizeVeryLarge)
    }
  }

  package func status(_ status: SolutionStatus) -> String {
    switch status {
    case .deployed: self(.wordStatusDeployed)
    case .pilot: self(.wordStatusPilot)
    case .feasibilityStudy: self(.wordStatusFeasibility)
    }
  }

  package func cost(_ cost: CostBand) -> String {
    switch cost {
    case .low: self(.wordCostLow)
    case .medium: self(.wordCostMedium)
    case .high: self(.wordCostHigh)
    case .unknown: self(.wordUnknown)
    }
  }
}
