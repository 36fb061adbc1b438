import ActivatorCore

/// Standard output and error with the policies every command shares: data on stdout,
/// diagnostics and progress on stderr, colour only on a colour terminal.
public enum Console {
  public static func out(_ text: String) { write(text, to: STDOUT_FILENO) }
  public static func err(_ text: String) { write(text, to: STDERR_FILENO) }

  /// Writes all of `text` to a descriptor, unbuffered, retrying on interruptions.
  public static func write(_ text: String, to fd: Int32) {
    var copy = text
    // A closed pipe (e.g. `| head`) ends the write: nothing more can be written there.
    copy.withUTF8 { _ = writeAll(UnsafeRawBufferPointer($0), to: fd) }
  }

  public static func writeBytes(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { _ = writeAll($0, to: fd) }
  }

  /// Writes every byte, retrying on interruptions; false when the descriptor refuses.
  public static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    guard let base = raw.baseAddress else { return true }
    var offset = 0
    while offset < raw.count {
      let n = Glibc.write(fd, base + offset, raw.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += n
    }
    return true
  }

  public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  public static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  public static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// Colour is used only on a terminal, never with `NO_COLOR` set (any value) or `TERM=dumb`.
  public static func colorEnabled(forStderr: Bool = false) -> Bool {
    if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
    if environment("TERM") == "dumb" { return false }
    return forStderr ? stderrIsTerminal : stdoutIsTerminal
  }

  /// Columns of the terminal on stdout, or 80.
  public static var width: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = environment("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
    return 80
  }

  /// The preferred language from `LC_ALL`, `LC_MESSAGES` or `LANG` (`es_ES.UTF-8` → `es`).
  public static var systemLanguage: String? {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment(name), !value.isEmpty, value != "C", value != "POSIX" else { continue }
      let code = value.prefix { $0.isLetter }.lowercased()
      if !code.isEmpty { return code }
    }
    return nil
  }
}
