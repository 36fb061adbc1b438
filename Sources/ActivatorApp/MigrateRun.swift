import ActivatorCore
import ActivatorTerminal

/// `activator migrate`: an answers file of an older survey version as a file of the newer one,
/// with what was carried, what waits in a note and what is still to answer said on stderr.
package struct MigrateRun {
  package var file: String
  package var out: String?
  package var sources: RuleSources
  package var force: Bool

  package init(file: String, out: String?, sources: RuleSources, force: Bool) {
    self.file = file
    self.out = out
    self.sources = sources
    self.force = force
  }

  package func run() throws {
    let workspace = try sources.workspace()
    let log = DiagnosticLog()
    guard let (sheet, old) = AnswersLoader.load(file, registry: workspace.registry, log: log) else {
      Diagnostics.print(log.sorted)
      throw RunFailure.exit(1)
    }
    Diagnostics.print(log.sorted)
    guard let migration = workspace.migration(for: old.id, from: sheet.surveyVersion),
      let new = workspace.registry.versions(of: old.id).first(where: { $0.version == migration.to })
    else {
      let place = InertText.line(file) + ": "
      let version = MessageArgument.text("\(old.id) \(sheet.surveyVersion)")
      if let newest = workspace.registry.latest(old.id)?.version, newest.major == sheet.surveyVersion.major {
        Console.err(
          place
            + Console.say(Message(.migrateAlreadyCurrent, ["version": version, "newest": .text(newest.description)]))
            + "\n")
        throw RunFailure.exit(1)
      }
      Console.err(place + "error: " + Console.say(Message(.migrateNoMigration, ["version": version])) + "\n")
      throw RunFailure.exit(2)
    }
    if let out {
      // Even with --force: the old file must stay, it still scores with the rules of its version.
      if FileReading.sameFile(out, file) { throw RunFailure.usage(Console.say(Message(.migrateOutIsInput))) }
      try Outputs.check(out, option: "--out", inputs: [file], force: force)
    }
    let result = Migrator.migrate(sheet, from: old, to: new, with: migration)
    try Outputs.write(AnswersWriter.write(result.sheet, survey: new, mode: .answers), to: out ?? "-", quiet: true)
    Console.err(summary(result, old: old, new: new))
  }

  /// What was carried, what is kept only as a note, and what is still to answer.
  func summary(_ result: Migrator.Result, old: Survey, new: Survey) -> String {
    // An author acts on these lists: the question in words, the id to find it in the file; one
    // question a line, as there may be sixty.
    let named = { (question: Question) in "\(InertText.line(question.label(Console.language))) (\(question.id))" }
    let list = { (items: [String]) in items.map { "\n    - " + $0 }.joined() }
    let ids = { (slots: [Int]) in list(slots.map { named(new.questions[$0]) }) }
    let written = out.map { ", " + Console.say(Message(.migrateWrittenTo, ["path": .text(InertText.line($0))])) } ?? ""
    var lines = ["\(InertText.line(file)): \(old.reference) → \(new.reference)" + written]
    lines.append("  " + Console.say(Message(.migrateCarried, ["count": .count(result.carried.count)])))
    if !result.review.isEmpty {
      lines.append("  " + Console.say(Message(.migrateToReview, ["ids": .text(ids(result.review))])))
    }
    if !result.noted.isEmpty {
      let noted = result.noted.map { item in
        let old = old.questions.first { $0.id == item.old }.map(named) ?? item.old
        return item.noteOn.map {
          Console.say(
            Message($0 == item.old ? .migrateSeeOwnNote : .migrateSeeNoteOn, ["old": .text(old), "id": .text($0)]))
        }
          ?? old
      }
      lines.append("  " + Console.say(Message(.migrateNotCarried, ["ids": .text(list(noted))])))
    }
    let still = result.unanswered.isEmpty ? "" : ":" + ids(result.unanswered)
    lines.append("  " + Console.say(Message(.migrateStillToAnswer, ["count": .count(result.unanswered.count)])) + still)
    return lines.map { $0 + "\n" }.joined()
  }
}
