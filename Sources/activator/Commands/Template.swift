import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Template: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpTemplateAbstract),
      discussion: helpText(.cliHelpTemplateDiscussion))
  }

  @OptionGroup var sources: SourceOptions

  @Option(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpTemplateLang), valueName: "code"))
  var lang: String?

  @Option(name: .long, help: ArgumentHelp(helpText(.cliHelpTemplateCity), valueName: "name"))
  var city: String?

  @Option(
    name: .shortAndLong, help: ArgumentHelp(helpText(.cliHelpTemplateOut), valueName: "file"))
  var out: String?

  @Flag(name: .long, help: ArgumentHelp(helpText(.cliHelpTemplateSchema)))
  var schema = false

  @Flag(
    name: .long,
    help: ArgumentHelp(helpText(.cliHelpTemplateShowLevels))
  )
  var showLevels = false

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    try TemplateRun(
      sources: sources.chosen, language: lang, city: city, out: out, schema: schema, force: overwrite.force,
      showLevels: showLevels
    ).run()
  }
}
