package import ActivatorCore
import Synchronization

/// A progress line on stderr for long batches: a bar, files per second and the time left.
/// Silent unless stderr is a terminal; redrawn at most ten times a second.
package final class ProgressLine: Sendable {
  struct State {
    var done = 0
    var failed = 0
    var lastDraw = 0.0
    var drawn = false
  }

  let total: Int
  let enabled: Bool
  let start = ContinuousClock.now
  let state = Mutex(State())

  /// The terminal's width, which the line never reaches.
  let columns: Int

  package init(total: Int, enabled: Bool, columns: Int = Console.width) {
    self.total = total
    self.columns = columns
    self.enabled = enabled && total > 0
  }

  package func advance(failed: Bool) {
    guard enabled else { return }
    state.withLock { s in
      s.done += 1
      if failed { s.failed += 1 }
      let now = start.secondsElapsed
      // Short batches finish before a bar would help.
      guard now > 0.5, now - s.lastDraw >= 0.1 || s.done == total else { return }
      s.lastDraw = now
      s.drawn = true
      Console.control("\r\u{1B}[K" + line(done: s.done, failed: s.failed, elapsed: now), to: STDERR_FILENO)
    }
  }

  func line(done: Int, failed: Int, elapsed: Double) -> String {
    let width = 24
    let filled = total > 0 ? done * width / total : 0
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let left = rate > 0 ? Double(total - done) / rate : 0
    let t = Localizer(Console.language)
    var text = "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] "
    text += t(
      .batchProgress,
      [
        "done": .count(done), "total": .count(total), "rate": .count(Int(saturating: rate)),
        "seconds": .count(Int(saturating: left.rounded(.up))),
      ])
    if failed > 0 { text += t(.batchProgressFailed, ["count": .count(failed)]) }
    // Longer than the terminal, the line would wrap and "\r" could no longer redraw it.
    return DisplayWidth.truncate(text, to: max(10, columns - 1))
  }

  /// Removes the progress line.
  package func finish() {
    guard enabled else { return }
    state.withLock { s in
      if s.drawn { Console.control("\r\u{1B}[K", to: STDERR_FILENO) }
    }
  }
}

/// Where results go: stdout, or a file replaced atomically when the run succeeds.
package final class OutputSink: @unchecked Sendable {
  let fd: Int32
  let temporary: String?
  let target: FileReading.OutputPlan?
  package private(set) var failed = false
  /// Output is gathered into blocks of this size: one write per block, not per row.
  private var pending: [UInt8] = []
  private static let blockSize = 64 << 10
  /// Bytes written to the file so far, and up to where the kernel was asked to start writing
  /// them to disk (`FileReading.startWriteback`, every `writebackSize`), so that closing the
  /// output does not wait for the whole file.
  private var written = 0
  private var writebackStart = 0
  private static let writebackSize = 8 << 20

  /// Write rows as they come (a person is watching a terminal) rather than in blocks.
  let immediate: Bool

  /// Writes to stdout when `path` is nil.
  package init(path: String?, immediate: Bool = false) throws(FileReadError) {
    self.immediate = immediate
    guard let path else {
      fd = STDOUT_FILENO
      temporary = nil
      target = nil
      return
    }
    let plan = try FileReading.plan(output: path)
    (fd, temporary) = try FileReading.openOutput(plan)
    target = plan
  }

  package func write(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    pending += bytes
    if immediate || pending.count >= Self.blockSize { flush() }
  }

  /// Writes what is gathered so far.
  package func flush() {
    guard !pending.isEmpty else { return }
    defer { pending.removeAll(keepingCapacity: true) }
    if target == nil {
      Console.data(pending)
      if Console.failure(of: fd) != nil { failed = true }
    } else if !pending.withUnsafeBytes({ Console.writeAll($0, to: fd) }) {
      failed = true
    } else {
      written += pending.count
      if written - writebackStart >= Self.writebackSize {
        FileReading.startWriteback(fd, offset: writebackStart, length: written - writebackStart)
        writebackStart = written
      }
    }
  }

  package func write(_ text: String) { write(Array(text.utf8)) }

  /// Flushes and moves the file into place (or discards it when `keep` is false).
  package func finish(keep: Bool = true) throws(FileReadError) {
    flush()
    guard let target else { return }
    if !keep, let temporary {
      close(fd)
      unlink(temporary)
      return
    }
    let path: String
    switch target {
    case .atomic(let p), .direct(let p): path = p
    }
    try FileReading.closeOutput(
      fd, temporary: temporary, plan: target,
      failure: failed ? FileReadError(path: path, message: Message(.consoleWriteFailed)) : nil)
  }
}
