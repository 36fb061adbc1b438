import ActivatorApp
import ActivatorCore
import ActivatorTerminal
import ArgumentParser

@main
struct Activator: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "activator",
      abstract: helpText(.cliHelpActivatorAbstract),
      discussion: helpText(.cliHelpActivatorDiscussion),
      version: Engine.version,
      subcommands: [
        SurveyCommand.self, Template.self, Validate.self, Migrate.self, Check.self, Score.self, Explain.self,
        Report.self, Diff.self, Test.self, Catalog.self, Paths.self,
      ])
  }

  /// Runs the command and exits with Activator's codes: usage errors are 2 (argument parser's
  /// default is 64), help and version go to stdout.
  static func main() {
    // Before anything is printed: --no-color holds for both streams and every message.
    let arguments = Array(CommandLine.arguments.dropFirst().prefix(while: { $0 != "--" }))
    if arguments.contains("--no-color") { Console.forbidColor() }
    // The program's own words follow --lang where given (a report's language), else the system's.
    let requested =
      arguments.firstIndex(of: "--lang").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
      ?? arguments.first { $0.hasPrefix("--lang=") }.map { String($0.dropFirst("--lang=".count)) }
    Console.language = LanguageChoice.interface(requested: requested, environment: ProcessEnvironment.all)
    RawMode.installSignalHandlers(language: Console.language)
    var status: Int32 = 0
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch RunFailure.exit(let code) {
      status = code
    } catch {
      // A usage error a run found is shown as the argument parser shows its own.
      let error =
        (error as? RunFailure).flatMap { failure -> (any Error)? in
          if case .usage(let sentence) = failure { return ValidationError(sentence) }
          return nil
        } ?? error
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { Console.out(message + "\n") }
      } else {
        if !message.isEmpty { Console.err(message + "\n") }
        status = code == .validationFailure ? 2 : code.rawValue
      }
    }
    // Output that did not arrive is a failure whatever the command found.
    if !Console.finish() { status = max(status, 2) }
    Glibc.exit(status)
  }
}
