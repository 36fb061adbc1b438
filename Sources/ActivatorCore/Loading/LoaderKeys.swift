/// The keys each file kind accepts, in one place: the loaders read with them and a test holds
/// the JSON Schemas in docs/schemas to exactly these lists.
package enum LoaderKeys {
  package static let survey =
    [
      "survey", "version", "title", "description", "languages", "threshold", "defaults", "stages", "pillars",
      "sections",
    ] + SurveyLoader.policyKeys
  /// Every question's keys, then the keys of some kinds of question (`QuestionKind.keys`).
  package static let question =
    [
      "id", "type", "text", "short", "help", "definition", "source", "data_source", "pillar", "required", "allow",
      "applicable",
      "relevant", "default",
    ]
    + QuestionKinds.specificKeys
  package static let answers = AnswersKey.allCases.map(\.rawValue)
  package static let pluginManifest = [
    "plugin", "version", "name", "description", "languages", "applies_to", "requires", "threshold", "authors",
    "license",
    "homepage",
  ]
  package static let pluginContent = ["criteria", "ladders", "metrics", "next_steps", "context", "let"]
  package static let catalog = ["catalog", "solutions", "programmes"]
  package static let solution = [
    "id", "name", "city", "country", "year", "pillars", "problem", "solution", "stage", "status", "fits", "cost",
    "cost_basis",
    "needs", "helps", "figures", "source", "sources", "verified", "last_checked", "check_note",
  ]
  package static let programme = [
    "id", "name", "step", "description", "stage", "eligibility", "fits", "fits_basis", "status", "last_seen", "figures",
    "source",
    "sources", "verified", "last_checked", "check_note",
  ]
  package static let context = [
    "priority_pillar", "barriers", "top_barrier", "income_group", "city_size", "barriers_eased_by",
  ]
  package static let migration = ["migration", "from", "to", "questions"]
  package static let migrationRule = ["to", "carry", "review", "note_on", "note", "values"]
  package static let fixture = ["fixture", "fixtures", "answers_file", "answers", "set", "unset", "expect", "because"]
}

/// The top-level keys of an answers file. The loader and the batch's fast reader both read by
/// these cases, so neither depends on the order of a list.
package enum AnswersKey: String, CaseIterable, Sendable {
  case survey
  case surveyVersion = "survey_version"
  case language, city, respondent, started, completed, answers, targets, notes, evidence, review
}
