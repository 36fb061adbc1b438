/// The keys each file kind accepts, in one place: the loaders read with them and a test holds
/// the JSON Schemas in docs/schemas to exactly these lists.
public enum LoaderKeys {
  public static let survey = [
    "survey", "version", "title", "description", "languages", "threshold", "defaults", "stages", "pillars", "sections",
  ]
  /// Every question's keys, then the keys of some kinds of question (`QuestionKind.keys`).
  public static let question =
    ["id", "type", "text", "help", "source", "pillar", "required", "allow", "relevant", "default"]
    + QuestionKinds.specificKeys
  public static let answers = AnswersKey.allCases.map(\.rawValue)
  public static let pluginManifest = [
    "plugin", "version", "name", "description", "languages", "applies_to", "requires", "threshold", "authors", "license",
    "homepage",
  ]
  public static let pluginContent = ["criteria", "ladders", "metrics", "next_steps"]
  public static let catalog = ["catalog", "solutions", "programmes"]
  public static let fixture = ["fixture", "fixtures", "answers_file", "answers", "set", "unset", "expect"]
}

/// The top-level keys of an answers file. The loader and the batch's fast reader both read by
/// these cases, so neither depends on the order of a list.
public enum AnswersKey: String, CaseIterable, Sendable {
  case survey
  case surveyVersion = "survey_version"
  case language, city, respondent, started, completed, answers, targets, notes, review
}
