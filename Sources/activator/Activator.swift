import ActivatorCore
import ActivatorTerminal
import ArgumentParser

@main
struct Activator: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activator",
    abstract: "Smart-city self-diagnosis: a maturity stage per pillar, why, and what to do next.",
    discussion: """
      Surveys, rule plugins and the solution catalog are YAML data (Surveys/, Rules/). Answers files
      are what cities return. Exit status: 0 success, 1 findings or failed files, 2 usage or fatal error.
      """,
    version: Engine.version,
    subcommands: [
      SurveyCommand.self, Template.self, Validate.self, Check.self, Score.self, Explain.self, Test.self, Catalog.self,
    ])
}
