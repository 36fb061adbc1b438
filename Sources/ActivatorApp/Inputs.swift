package import ActivatorCore
import ActivatorTerminal

/// The answers files a command reads.
package enum AnswersInput {
  /// The answers files that `paths` stand for (folders walked, '-' reads paths from stdin), in
  /// path order; problems are printed; exits 2 (1 after problems) when there is none. A walk
  /// leaves out the Surveys/ and Rules/ folders in use (`activator score .` inside a workspace).
  package static func files(_ paths: [String]) throws -> (files: PathList, problems: [Diagnostic]) {
    var notPaths = false
    let (files, problems) = BatchInput.expand(paths, skipping: RuleSources.locations.dataFolders) { list in
      let before = list.count
      list.appendLines(from: 0)
      // `cat answers.yaml | activator validate -` sends the file itself, not its name.
      if before < list.count {
        let first = list[before]
        if FileReading.kind(first) == .missing,
          first.hasPrefix("#") || first.hasPrefix("---") || first.contains(": ") || first.hasSuffix(":")
        {
          notPaths = true
        }
      }
    }
    if notPaths {
      Console.error(Message(.cliStdinHoldsYaml))
      throw RunFailure.exit(2)
    }
    if !problems.isEmpty { Diagnostics.print(problems) }
    guard !files.isEmpty else {
      Console.error(Message(.cliNoAnswersFiles, ["paths": .list(paths.map { .text(InertText.line($0)) })]))
      throw RunFailure.exit(problems.isEmpty ? 2 : 1)
    }
    return (files, problems)
  }
}

/// Files a command writes.
package enum Outputs {
  /// The one overwrite rule (`OutputGuard`): refuses, unless `force`, to replace an answers file
  /// or a file the run reads, links followed. `allowed` is a file the command may replace anyway.
  package static func check(
    _ output: String, option: String, inputs: some Sequence<String>, force: Bool, allowed: String? = nil,
    hint: Message? = nil
  ) throws {
    guard !force, let problem = OutputGuard.problem(writing: output, inputs: inputs, allowed: allowed) else { return }
    Console.error(
      Message(
        .cliRefusingToReplace,
        [
          "option": .text(option), "path": .text(InertText.line(output)), "problem": .message(problem),
          "hint": hint.map { .message($0) } ?? "",
        ]))
    throw RunFailure.exit(2)
  }

  /// Writes `text` to `path` atomically ('-' is stdout) and, unless `quiet`, says so on stderr;
  /// a failed write is said and ends the run with status 2.
  package static func write(_ text: String, to path: String, quiet: Bool = false) throws {
    if path == "-" {
      Console.out(text)
      return
    }
    do {
      try FileReading.writeAtomically(path, text)
    } catch {
      Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
      throw RunFailure.exit(2)
    }
    if !quiet { Console.err(Console.say(Message(.cliWrote, ["path": .text(InertText.line(path))])) + "\n") }
  }
}
