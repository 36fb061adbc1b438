import ActivatorCore
import ActivatorTerminal

/// `activator template`: a blank answers file with every question and its help as comments, or
/// a JSON Schema of the survey's answers files.
package struct TemplateRun {
  package var sources: RuleSources
  package var language: String?
  package var city: String?
  package var out: String?
  package var schema: Bool
  package var force: Bool
  /// For authors: the stage each option counts towards (hidden from officials).
  package var showLevels: Bool

  package init(
    sources: RuleSources, language: String?, city: String?, out: String?, schema: Bool, force: Bool,
    showLevels: Bool = false
  ) {
    self.showLevels = showLevels
    self.sources = sources
    self.language = language
    self.city = city
    self.out = out
    self.schema = schema
    self.force = force
  }

  package func run() throws {
    let workspace = try sources.workspace()
    let survey = try sources.chosenSurvey(workspace)
    let language = try Languages.strict(language, survey: survey)
    let text: String
    if schema {
      text = AnswersSchema.json(for: survey, language: language)
    } else {
      let sheet = AnswerSheet.blank(for: survey, language: language, city: City(name: city ?? ""), path: out ?? "-")
      text = AnswersWriter.write(sheet, survey: survey, mode: .template, showingLevels: showLevels)
    }
    if let out { try Outputs.check(out, option: "--out", inputs: [String](), force: force) }
    try Outputs.write(text, to: out ?? "-")
  }
}
