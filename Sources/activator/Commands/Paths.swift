import ActivatorApp
import ActivatorCore
import ActivatorReports
import ActivatorTerminal
import ArgumentParser

struct Paths: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      abstract: helpText(.cliHelpPathsAbstract),
      discussion: helpText(.cliHelpPathsDiscussion))
  }

  @OptionGroup var sources: SourceOptions

  func run() throws {
    try PathsRun(sources: sources.chosen).run()
  }
}
