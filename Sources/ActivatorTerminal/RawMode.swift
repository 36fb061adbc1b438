import ActivatorCore
import Synchronization

/// The terminal's raw mode, entered for the questionnaire and left on every exit path:
/// normal return, Ctrl-C, and termination signals (the handler restores the terminal before
/// the process ends).
package enum RawMode {
  nonisolated(unsafe) private static var saved = termios()
  nonisolated(unsafe) private static var active = false
  /// Bytes written on exit to leave the alternate screen and show the cursor again.
  nonisolated(unsafe) private static var exitSequence: [UInt8] = Array("\u{1B}[?25h\u{1B}[?1049l".utf8)

  /// What a signal that stops the questionnaire writes on stderr (how many answers are saved
  /// and how to go on), kept ready in memory that is never freed: a handler may only `write`.
  nonisolated(unsafe) private static let farewell = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4096)
  private static let farewellLength = Atomic<Int>(0)

  /// Sets what a stopping signal writes (Ctrl-C in line mode is one); "" for nothing.
  package static func setFarewell(_ text: String) {
    let bytes = Array(text.utf8.prefix(farewell.count))
    farewellLength.store(0, ordering: .sequentiallyConsistent)
    for (index, byte) in bytes.enumerated() { farewell[index] = byte }
    farewellLength.store(bytes.count, ordering: .sequentiallyConsistent)
  }

  /// Switches stdin to raw mode (no echo, no line buffering, no signals from keys); false when
  /// stdin is not a terminal.
  package static func enable() -> Bool {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return false }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
    raw.c_cflag |= tcflag_t(CS8)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { return false }
    active = true
    return true
  }

  /// Restores the terminal as it was. Safe to call more than once.
  package static func restore() {
    guard active else { return }
    active = false
    exitSequence.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
  }

  /// Installs, once for the whole run, what happens when a signal stops it: temporary output
  /// files are removed (`TemporaryFiles`) and the terminal is restored if the questionnaire
  /// changed it, then the process exits with 128 + the signal's number.
  package static func installSignalHandlers(language: String) {
    TemporaryFiles.prepare(language: language)
    // The parent may have left these blocked; they must reach the handler.
    var set = sigset_t()
    sigemptyset(&set)
    for signalNumber in [SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGPIPE] { sigaddset(&set, signalNumber) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    for signalNumber in [SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGPIPE] {
      signal(signalNumber) { number in
        // Only async-signal-safe calls here: unlink, write, tcsetattr, _exit.
        TemporaryFiles.removeAllFromSignal()
        RawMode.restoreFromSignal()
        let length = RawMode.farewellLength.load(ordering: .sequentiallyConsistent)
        if length > 0, number == SIGINT || number == SIGTERM || number == SIGHUP {
          _ = write(STDERR_FILENO, "\n", 1)
          _ = write(STDERR_FILENO, RawMode.farewell.baseAddress, length)
        }
        _exit(128 + number)
      }
    }
  }

  private static func restoreFromSignal() {
    if active {
      exitSequence.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
  }

  /// The terminal size on stdout (columns, rows), or 80 × 24.
  package static func size() -> (columns: Int, rows: Int) {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
      return (Int(size.ws_col), Int(size.ws_row))
    }
    return (80, 24)
  }

  /// Waits up to `milliseconds` for input on stdin; returns the bytes read (empty on timeout),
  /// or nil at end of input.
  package static func read(timeout milliseconds: Int32) -> [UInt8]? {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, milliseconds)
    if ready == 0 { return [] }
    if ready < 0 { return errno == EINTR ? [] : nil }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, 256) }
    if count < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
    if count == 0 { return nil }
    return Array(buffer[0..<count])
  }
}
