package import ActivatorCore

/// The marks reports put beside a criterion, a stage gate or a figure: one glyph per meaning,
/// the same in the city, cohort and progress reports and in every format, and in HTML always
/// with words for readers who do not see the glyph.
package enum StatusMark: Sendable, CaseIterable {
  case met, unmet, unknown, notApplicable, lowConfidence, notAssessed

  /// A criterion's outcome; one that could not be evaluated is unknown (its reason is shown).
  package init(_ outcome: Outcome) {
    switch outcome {
    case .met: self = .met
    case .unmet: self = .unmet
    case .unknown, .error: self = .unknown
    case .notApplicable: self = .notApplicable
    }
  }

  package var glyph: String {
    switch self {
    case .met: "✓"
    case .unmet: "✗"
    case .unknown: "?"
    case .notApplicable: "–"
    case .lowConfidence: "!"
    case .notAssessed: "·"
    }
  }

  /// What the glyph means, in the report's language.
  package func words(_ t: Localizer) -> String {
    switch self {
    case .met: t.outcome(.met)
    case .unmet: t.outcome(.unmet)
    case .unknown: t.outcome(.unknown)
    case .notApplicable: t.outcome(.notApplicable)
    case .lowConfidence: t(.statusLowConfidence)
    case .notAssessed: t.notAssessed
    }
  }

  /// The class that colours the glyph (`Palette.met`, `.unmet`, `.unknown`).
  var className: String {
    switch self {
    case .met: "met"
    case .unmet: "unmet"
    case .unknown, .lowConfidence, .notAssessed: "unknown"
    case .notApplicable: "na"
    }
  }

  /// The glyph, hidden from assistive technology, followed by its words, shown only to it.
  /// `words` replaces the usual wording where the context calls for another ("passed").
  func write(_ page: inout Markup, _ t: Localizer, words: String? = nil, suffix: String = "") {
    writeGlyph(&page)
    page.element("span", [("class", "sr-only")], text: (words ?? self.words(t)) + suffix)
  }

  /// The glyph followed by words shown to every reader, where a column states the status in
  /// words (a near miss begins with them: "not met: 72%, 13 points short of 85%").
  func write(_ page: inout Markup, shownWords: String) {
    writeGlyph(&page)
    page.element("span", [("class", "status-words")], text: " " + shownWords)
  }

  private func writeGlyph(_ page: inout Markup) {
    page.element("span", [("class", "mark " + className), ("aria-hidden", "true")], text: glyph)
  }
}
