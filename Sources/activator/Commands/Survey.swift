import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct SurveyCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "survey",
      abstract: helpText(.cliHelpSurveyAbstract),
      discussion: helpText(.cliHelpSurveyDiscussion))
  }

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpSurveySurvey), valueName: "id|file"))
  var survey: String?

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpSurveyRules), valueName: "dir"))
  var rules: [String] = []

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpSurveyLang), valueName: "code"))
  var lang: String?

  @Option(
    name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpSurveyOut), valueName: "file")
  )
  var out: String?

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpSurveyResume), valueName: "file"))
  var resume: String?

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpSurveyCity), valueName: "name"))
  var city: String?

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpSurveyPlain)))
  var plain = false

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpCommonNoColor)))
  var noColor = false

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    try SurveyRun(
      sources: RuleSources(survey: survey, rules: rules), language: lang, out: out, resume: resume, city: city,
      plain: plain,
      color: !noColor && Console.colorEnabled(), force: overwrite.force
    ).run()
  }
}
