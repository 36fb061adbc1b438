import ActivatorCore
import ActivatorTerminal

/// A batch over answers files as every command runs one: the files scored on all cores, each
/// file's problems on stderr as it is delivered (in path order), a progress line on a terminal,
/// and note taken of files no plugin accepts.
struct BatchJob {
  let workspace: Workspace
  let options: BatchOptions
  /// A progress line on stderr when it is a terminal.
  let progress: Bool

  struct Outcome {
    var stats: BatchStats
    /// Some file was refused because no plugin accepts its survey: the set-up is wrong.
    var missingRules: Bool
  }

  /// The number of cores, the default number of jobs.
  static var cores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// Scores `files`, rendering each result with `render` on a worker thread, and hands each
  /// scored or failed file to `deliver` in path order; `deliver` returns false to stop.
  func run(
    _ files: PathList, render: @escaping @Sendable (Assessment) -> [UInt8],
    deliver: @escaping @Sendable (BatchItem) -> Bool
  ) -> Outcome {
    let line = ProgressLine(total: files.count, enabled: progress && Console.stderrIsTerminal)
    let renderer = Diagnostics.renderer()
    let missingRules = MissingRulesSeen()
    let runner = BatchRunner(
      registry: workspace.registry, programs: workspace.batchPrograms, options: options, render: render)
    let stats = runner.run(files) { item in
      if item.skipped {
        Console.err(renderer.render(item.diagnostics))
        return true
      }
      missingRules.note(item)
      line.advance(failed: item.failed)
      if !item.diagnostics.isEmpty { Console.err(renderer.render(item.diagnostics)) }
      return deliver(item)
    }
    line.finish()
    return Outcome(stats: stats, missingRules: missingRules.seen)
  }
}

/// Remembers whether a batch met files that no plugin accepts (delivery is serialised).
final class MissingRulesSeen: @unchecked Sendable {
  private(set) var seen = false

  func note(_ item: BatchItem) {
    if item.failed && item.diagnostics.contains(where: { $0.code == "no-rules" }) { seen = true }
  }
}

/// A value changed only from the batch's in-order delivery, which is never concurrent.
final class DeliveryState<Value>: @unchecked Sendable {
  var value: Value

  init(_ value: Value) { self.value = value }
}
