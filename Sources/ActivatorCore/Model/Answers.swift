package import ActivatorYAML

/// One answer: a value of the question's type, or a missing-data code.
package enum AnswerValue: Sendable, Hashable {
  case bool(Bool)
  case integer(Int)
  case decimal(Double)
  /// Index of the chosen option.
  case choice(Int)
  /// Indices of the chosen options, ascending.
  case choices([Int])
  case text(String)
  /// `YYYY-MM-DD`
  case date(String)
  case missing(MissingCode)

  package var missingCode: MissingCode? {
    if case .missing(let code) = self { return code }
    return nil
  }

  package var number: Double? {
    switch self {
    case .integer(let n): Double(n)
    case .decimal(let d): d
    default: nil
    }
  }
}

/// Who answered, for whom, and when: the header of an answers file.
package struct City: Sendable, Hashable {
  package var name: String
  package var country: String?
  package var region: String?

  package init(name: String, country: String? = nil, region: String? = nil) {
    self.name = name
    self.country = country
    self.region = region
  }
}

package struct Respondent: Sendable, Hashable {
  package var name: String?
  package var role: String?
  package var email: String?
  package var organisation: String?

  package init(name: String? = nil, role: String? = nil, email: String? = nil, organisation: String? = nil) {
    self.name = name
    self.role = role
    self.email = email
    self.organisation = organisation
  }
}

/// Where a figure comes from and which year it describes.
package struct Evidence: Sendable, Hashable {
  /// Free text: a publication, an office, a register ("2019 census"); never scored.
  package var source: String?
  /// The year the figure describes.
  package var year: Int?

  package init(source: String? = nil, year: Int? = nil) {
    self.source = source
    self.year = year
  }

  package var isEmpty: Bool { (source ?? "").isEmpty && year == nil }
}

/// An answers file as read: header, answers by slot, and where each answer was written.
package struct AnswerSheet: Sendable {
  package var surveyID: String
  package var surveyVersion: SemanticVersion
  package var language: String
  package var city: City
  package var respondent: Respondent?
  package var started: String?
  package var completed: String?
  /// Answers by question slot; `nil` where the question was not answered.
  package var values: [AnswerValue?]
  /// Where each answer was written, by slot (for validation messages); marks rather than full
  /// locations, so that a batch does not copy the path for every answer.
  package var marks: [YAMLMark?]
  /// Target stage per pillar index.
  package var targets: [Int: Int]
  /// Free-text notes by question slot.
  package var notes: [Int: String]
  /// Slots flagged for review after going back.
  package var review: [Int]
  /// The source and year of figures, by question slot, where the file states them (`evidence:`);
  /// a figure without a year of its own is of the survey's data year.
  package var evidence: [Int: Evidence] = [:]
  package var path: String
  /// Where the `answers:` mapping starts, for problems about the answers as a whole.
  package var answersLocation: SourceLocation?

  package init(
    surveyID: String, surveyVersion: SemanticVersion, language: String, city: City,
    respondent: Respondent? = nil, started: String? = nil, completed: String? = nil,
    values: [AnswerValue?], marks: [YAMLMark?] = [], targets: [Int: Int] = [:],
    notes: [Int: String] = [:], review: [Int] = [], path: String
  ) {
    self.surveyID = surveyID
    self.surveyVersion = surveyVersion
    self.language = language
    self.city = city
    self.respondent = respondent
    self.started = started
    self.completed = completed
    self.values = values
    self.marks = marks.isEmpty ? Array(repeating: nil, count: values.count) : marks
    self.targets = targets
    self.notes = notes
    self.review = review
    self.path = path
  }

  /// Records where the figure in `slot` comes from and its year (nil and empty clear them), as
  /// the questionnaire and the template will let a respondent say.
  package mutating func setEvidence(_ slot: Int, source: String?, year: Int?) {
    let evidence = Evidence(source: source.flatMap { $0.isEmpty ? nil : $0 }, year: year)
    if evidence.isEmpty {
      self.evidence[slot] = nil
    } else {
      self.evidence[slot] = evidence
    }
  }

  /// The year of the survey date: when the file was completed, else started; nil when it says
  /// neither (figures are then never judged old).
  package var surveyYear: Int? {
    guard let date = completed ?? started, date.utf8.count >= 4 else { return nil }
    return Int(date.prefix(4))
  }

  /// Where the answer in `slot` was written, if it came from a file.
  package func location(of slot: Int) -> SourceLocation? {
    guard slot < marks.count, let mark = marks[slot] else { return nil }
    return SourceLocation(file: path, line: mark.line, column: mark.column)
  }

  /// A blank sheet for `survey`.
  package static func blank(for survey: Survey, language: String, city: City, path: String) -> AnswerSheet {
    AnswerSheet(
      surveyID: survey.id, surveyVersion: survey.version, language: language, city: city,
      values: Array(repeating: nil, count: survey.questions.count), path: path)
  }
}
