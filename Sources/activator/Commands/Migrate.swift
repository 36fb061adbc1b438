import ActivatorApp
import ArgumentParser

struct Migrate: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpMigrateAbstract),
      discussion: helpText(.cliHelpMigrateDiscussion))
  }

  @Argument(help: ArgumentHelp(helpText(.cliHelpMigrateFile), valueName: "file"))
  var file: String

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(helpText(.cliHelpMigrateOut), valueName: "file"))
  var out: String?

  @OptionGroup var sources: SourceOptions

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    try MigrateRun(file: file, out: out, sources: sources.chosen, force: overwrite.force).run()
  }
}
