import ActivatorApp
import ArgumentParser

struct Migrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn an answers file of an older survey version into one of the newer version.",
    discussion: """
      Answers to questions the newer version asks the same way are carried over; answers whose meaning changed are kept as notes beside the question they concern, for the respondent to re-enter; nothing is guessed, and an answer is converted only where the migration table says how. The new file is in progress: the questions still to answer are listed, the new profile questions first. The old file is never replaced, not even with --force, and still scores with the rules of its own version.
      """)

  @Argument(help: ArgumentHelp("An answers file of an older survey version.", valueName: "file"))
  var file: String

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write the new answers file here (atomically) instead of stdout.", valueName: "file"))
  var out: String?

  @OptionGroup var sources: SourceOptions

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    try MigrateRun(file: file, out: out, sources: sources.chosen, force: overwrite.force).run()
  }
}
