/// The keys each file kind accepts, in one place: the loaders read with them and a test holds
/// the JSON Schemas in docs/schemas to exactly these lists.
public enum LoaderKeys {
  public static let survey = [
    "survey", "version", "title", "description", "languages", "threshold", "defaults", "stages", "pillars", "sections",
  ]
  public static let question = [
    "id", "type", "text", "help", "source", "pillar", "required", "allow", "relevant", "options", "unit", "min",
    "max", "min_choices", "max_choices", "default",
  ]
  public static let answers = [
    "survey", "survey_version", "language", "city", "respondent", "started", "completed", "answers", "targets", "notes",
    "review",
  ]
  public static let pluginManifest = [
    "plugin", "version", "name", "description", "languages", "applies_to", "requires", "threshold", "authors", "license",
    "homepage",
  ]
  public static let pluginContent = ["criteria", "ladders", "metrics", "next_steps"]
  public static let catalog = ["catalog", "solutions", "programmes"]
  public static let fixture = ["fixture", "fixtures", "answers_file", "answers", "set", "unset", "expect"]
}
