/// The keys each file kind accepts, in one place: the loaders read with them and a test holds
/// the JSON Schemas in docs/schemas to exactly these lists.
public enum LoaderKeys {
  public static let survey =
    [
      "survey", "version", "title", "description", "languages", "threshold", "defaults", "stages", "pillars",
      "sections",
    ] + SurveyLoader.policyKeys
  /// Every question's keys, then the keys of some kinds of question (`QuestionKind.keys`).
  public static let question =
    [
      "id", "type", "text", "short", "help", "definition", "source", "data_source", "pillar", "required", "allow", "applicable",
      "relevant", "default",
    ]
    + QuestionKinds.specificKeys
  public static let answers = AnswersKey.allCases.map(\.rawValue)
  public static let pluginManifest = [
    "plugin", "version", "name", "description", "languages", "applies_to", "requires", "threshold", "authors", "license",
    "homepage",
  ]
  public static let pluginContent = ["criteria", "ladders", "metrics", "next_steps", "context", "let"]
  public static let catalog = ["catalog", "solutions", "programmes"]
  public static let solution = [
    "id", "name", "city", "country", "year", "pillars", "problem", "solution", "stage", "status", "fits", "cost", "cost_basis",
    "needs", "helps", "figures", "source", "sources", "verified", "last_checked", "check_note",
  ]
  public static let programme = [
    "id", "name", "step", "description", "stage", "eligibility", "fits", "fits_basis", "status", "last_seen", "figures", "source",
    "sources", "verified", "last_checked", "check_note",
  ]
  public static let context = ["priority_pillar", "barriers", "top_barrier", "income_group", "city_size", "barriers_eased_by"]
  public static let migration = ["migration", "from", "to", "questions"]
  public static let migrationRule = ["to", "carry", "review", "note_on", "note", "values"]
  public static let fixture = ["fixture", "fixtures", "answers_file", "answers", "set", "unset", "expect", "because"]
}

/// The top-level keys of an answers file. The loader and the batch's fast reader both read by
/// these cases, so neither depends on the order of a list.
public enum AnswersKey: String, CaseIterable, Sendable {
  case survey
  case surveyVersion = "survey_version"
  case language, city, respondent, started, completed, answers, targets, notes, evidence, review
}
