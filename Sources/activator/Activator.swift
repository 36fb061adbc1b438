import ActivatorCore
import ActivatorTerminal
import ArgumentParser

@main
struct Activator: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activator",
    abstract: "Smart-city self-diagnosis: a maturity stage per pillar, why, and what to do next.",
    discussion: """
      Surveys, rule plugins and the solution catalog are YAML data (Surveys/, Rules/). Answers files are what cities return. Exit status: 0 success, 1 findings or failed files, 2 usage or fatal error.
      """,
    version: Engine.version,
    subcommands: [
      SurveyCommand.self, Template.self, Validate.self, Check.self, Score.self, Explain.self, Report.self, Diff.self, Test.self, Catalog.self,
    ])

  /// Runs the command and exits with Activator's codes: usage errors are 2 (argument parser's
  /// default is 64), help and version go to stdout.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { Console.out(message + "\n") }
        Glibc.exit(0)
      }
      if !message.isEmpty { Console.err(message + "\n") }
      Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
