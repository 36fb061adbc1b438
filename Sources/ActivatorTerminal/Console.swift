package import ActivatorCore
import Synchronization

/// Standard output and error with the policies every command shares: data on stdout,
/// diagnostics and progress on stderr, colour only on a colour terminal.
///
/// Every text for people goes through `out` and `err`, the one place where what came from files
/// is made inert before a terminal or a log sees it (`InertText.terminal`). Every write is
/// checked: the first failure of each stream is remembered, later writes to it are skipped, and
/// `finish()` turns it into an error naming the stream, so no command exits 0 after losing output.
package enum Console {
  /// Text for people on standard output.
  package static func out(_ string: String) { text(string, to: STDOUT_FILENO) }
  /// Text for people on standard error: diagnostics, notes, summaries.
  package static func err(_ string: String) { text(string, to: STDERR_FILENO) }

  /// Text for people: active characters shown visibly; Activator's own colours kept only when
  /// colour is on for that stream.
  package static func text(_ text: String, to fd: Int32) {
    let inert = InertText.terminal(text, keepingStyle: colorEnabled(forStderr: fd == STDERR_FILENO))
    write(inert, to: fd)
  }

  /// Text for people on standard output in the output's language: in a right-to-left one
  /// (`direction: rtl`), made inert first, so that an isolate from a file is shown visibly, then
  /// every left-to-right run (numbers, ids, units, Latin names) isolated with Activator's own
  /// FSI … PDI, which keeps each in its order in a terminal that applies the bidirectional
  /// algorithm. Never for data (CSV, JSON, answers files): those go through `data` or to files.
  package static func out(_ string: String, language: String) {
    guard MessageCatalogue.shared.locale(language).rightToLeft else { return out(string) }
    let inert = InertText.terminal(string, keepingStyle: colorEnabled(forStderr: false))
    write(Bidi.isolatedInTerminal(inert), to: STDOUT_FILENO)
  }

  /// Terminal control Activator composes itself (the questionnaire's screen, the progress line),
  /// written as it is: any text from a file inside it must already be inert.
  package static func control(_ text: String, to fd: Int32 = STDOUT_FILENO) {
    write(text, to: fd)
  }

  /// Data (CSV, JSON, Markdown) bound for standard output: exact bytes for a file or a pipe,
  /// made inert when standard output is a terminal.
  package static func data(_ bytes: [UInt8]) {
    guard stdoutIsTerminal else {
      bytes.withUnsafeBytes { _ = writeAll($0, to: STDOUT_FILENO) }
      return
    }
    text(String(decoding: bytes, as: UTF8.self), to: STDOUT_FILENO)
  }

  /// Writes all of `text` to a descriptor, unbuffered, retrying on interruptions.
  static func write(_ text: String, to fd: Int32) {
    var copy = text
    copy.withUTF8 { _ = writeAll(UnsafeRawBufferPointer($0), to: fd) }
  }

  /// The first error of each descriptor written through `writeAll`.
  private static let failures = Mutex<[Int32: Int32]>([:])

  /// Writes every byte, retrying on interruptions; false when the descriptor refuses, which is
  /// remembered: later writes to it are skipped (a full disk or a closed pipe takes no more).
  package static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    if failures.withLock({ $0[fd] != nil }) { return false }
    guard let base = raw.baseAddress else { return true }
    var offset = 0
    while offset < raw.count {
      let n = Glibc.write(fd, base + offset, raw.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        let code = errno
        failures.withLock { $0[fd] = $0[fd] ?? code }
        return false
      }
      offset += n
    }
    return true
  }

  /// The first error writing to `fd`, if any.
  package static func failure(of fd: Int32) -> Int32? { failures.withLock { $0[fd] } }

  /// Ends the output of a command: standard output is closed (which reports a write the system
  /// could not complete), and a failed write to it or to standard error becomes an error
  /// message naming the stream (on stderr, if that still works). Returns false when output was
  /// lost; the caller then exits non-zero.
  package static func finish() -> Bool {
    var lost: [(Int32, Int32)] = []
    if let code = failure(of: STDOUT_FILENO) {
      lost.append((STDOUT_FILENO, code))
    } else if close(STDOUT_FILENO) != 0, errno != EBADF, errno != EINTR {
      lost.append((STDOUT_FILENO, errno))
    }
    if let code = failure(of: STDERR_FILENO) { lost.append((STDERR_FILENO, code)) }
    for (stream, code) in lost where stream == STDOUT_FILENO {
      error(Message(.consoleOutputLost, ["problem": .message(FileReading.writeProblem(code))]))
    }
    return lost.isEmpty
  }

  // MARK: - The program's own words

  private static let chosenLanguage = Mutex("en")

  /// The language of the program's own words (errors, notes, summaries): chosen once at start
  /// (`LanguageChoice.interface`), English until then.
  package static var language: String {
    get { chosenLanguage.withLock { $0 } }
    set { chosenLanguage.withLock { $0 = newValue } }
  }

  /// A message in the program's language.
  package static func say(_ message: Message) -> String { message.text(language) }

  /// `error: …` on standard error. The severity words stay English in every language, as
  /// compilers write them: editors and scripts look for them.
  package static func error(_ message: Message) { err("error: " + say(message) + "\n") }
  package static func warning(_ message: Message) { err("warning: " + say(message) + "\n") }
  package static func note(_ message: Message) { err("note: " + say(message) + "\n") }

  /// Set by `--no-color`: no colour on either stream, whatever the terminal.
  private static let colorForbidden = Atomic<Bool>(false)

  /// Turns colour off for the rest of the run (the `--no-color` flag).
  package static func forbidColor() { colorForbidden.store(true, ordering: .relaxed) }

  package static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  package static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  package static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  package static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// Colour is used only on a terminal, never with `NO_COLOR` set (any value) or `TERM=dumb`.
  package static func colorEnabled(forStderr: Bool = false) -> Bool {
    if colorForbidden.load(ordering: .relaxed) { return false }
    if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
    if environment("TERM") == "dumb" { return false }
    return forStderr ? stderrIsTerminal : stdoutIsTerminal
  }

  /// Columns of the terminal on stdout, or 80.
  package static var width: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = environment("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
    return 80
  }
}
