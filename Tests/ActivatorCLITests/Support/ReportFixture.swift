/// The frozen report fixture (Tests/Fixtures/reports), relative to the checkout: tests that pin a
/// city's figures, names or labels read them there, never from the shipped Surveys/, Rules/ or
/// Examples/, so that a rule author's edit cannot break them (issue 19, item 7).
enum ReportFixture {
  static let folder = "Tests/Fixtures/reports"
  static let survey = folder + "/survey.yaml"
  static let rules = folder + "/rules"
  /// `--survey` and `--rules` for the fixture.
  static let arguments = ["--survey", survey, "--rules", rules]

  static func city(_ name: String) -> String { folder + "/cities/" + name + ".yaml" }
}
