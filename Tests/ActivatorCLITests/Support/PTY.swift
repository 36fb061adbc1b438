import ActivatorCore

/// The real binary running on a pseudo-terminal: keys in, screen out.
final class PTYProcess {
  let master: Int32
  let pid: pid_t
  var screen: VirtualScreen
  private(set) var exitStatus: Int32?
  private(set) var transcript: [UInt8] = []

  init(_ arguments: [String], cwd: String, columns: Int = 100, rows: Int = 32, environment: [String: String] = [:]) {
    var masterFD: Int32 = -1
    var slaveFD: Int32 = -1
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    precondition(openpty(&masterFD, &slaveFD, nil, nil, &size) == 0, "openpty failed")
    master = masterFD
    screen = VirtualScreen(columns: columns, rows: rows)
    let env = Binary.environment(
      [
        "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp", "TERM": "xterm-256color",
        "SOURCE_DATE_EPOCH": "1790000000",
      ],
      overriddenBy: environment)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    for target in [Int32(0), 1, 2] { posix_spawn_file_actions_adddup2(&actions, slaveFD, target) }
    posix_spawn_file_actions_addclose(&actions, masterFD)
    posix_spawn_file_actions_addclose(&actions, slaveFD)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    // A session of its own (POSIX_SPAWN_SETSID), and no signals blocked or ignored because the
    // test runner's thread happens to block them (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF).
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, 0x80 | 0x08 | 0x04)
    var child = pid_t()
    let argv = (["/usr/bin/env", "-C", cwd, Binary.path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    let spawned = posix_spawn(&child, "/usr/bin/env", &actions, &attributes, argv, envp)
    argv.forEach { free($0) }
    envp.forEach { free($0) }
    posix_spawn_file_actions_destroy(&actions)
    posix_spawnattr_destroy(&attributes)
    close(slaveFD)
    precondition(spawned == 0, "cannot start \(Binary.path)")
    pid = child
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  func send(_ text: String) {
    var bytes = Array(text.utf8)
    _ = write(master, &bytes, bytes.count)
  }

  enum Special: String {
    case enter = "\r"
    case tab = "\t"
    case up = "\u{1B}[A"
    case down = "\u{1B}[B"
    case left = "\u{1B}[D"
    case right = "\u{1B}[C"
    case backspace = "\u{7F}"
    case ctrlC = "\u{03}"
    case ctrlB = "\u{02}"
    case ctrlG = "\u{07}"
    case ctrlU = "\u{15}"
    case space = " "
    case ctrlN = "\u{0E}"
    case escape = "\u{1B}"
    case pageDown = "\u{1B}[6~"
  }

  func press(_ keys: Special...) {
    for key in keys { send(key.rawValue) }
  }

  /// Reads what the program wrote so far into the screen.
  func pump(milliseconds: Int32 = 20) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    while poll(&descriptor, 1, milliseconds) > 0 {
      var buffer = [UInt8](repeating: 0, count: 8192)
      let n = read(master, &buffer, buffer.count)
      if n <= 0 { break }
      let chunk = Array(buffer[0..<n])
      transcript += chunk
      screen.feed(chunk)
    }
  }

  /// Waits until the screen shows `text` (seconds of patience); false on timeout.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10) -> Bool {
    let deadline = ContinuousClock.now + .seconds(timeout)
    while ContinuousClock.now < deadline {
      pump()
      if screen.text.contains(text) { return true }
      if exited() {
        pump()
        return screen.text.contains(text)
      }
    }
    return false
  }

  /// Waits until the screen no longer shows `text`; false on timeout.
  @discardableResult
  func waitForGone(_ text: String, timeout: Double = 10) -> Bool {
    let deadline = ContinuousClock.now + .seconds(timeout)
    while ContinuousClock.now < deadline {
      pump()
      if !screen.text.contains(text) { return true }
      if exited() { return false }
    }
    return false
  }

  /// The screen's lines, trailing spaces removed.
  var lines: [String] { screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

  /// Waits for the process to end; its exit status (128 + signal when killed).
  func waitForExit(timeout: Double = 10) -> Int32? {
    let deadline = ContinuousClock.now + .seconds(timeout)
    while ContinuousClock.now < deadline {
      pump(milliseconds: 10)
      if exited() { return exitStatus }
    }
    return nil
  }

  func exited() -> Bool {
    if exitStatus != nil { return true }
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == pid {
      exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
      return true
    }
    return false
  }

  func signal(_ number: Int32) { kill(pid, number) }

  /// The terminal's line discipline after the program ended: canonical mode and echo on means
  /// raw mode was switched off.
  var terminalRestored: Bool {
    var settings = termios()
    guard tcgetattr(master, &settings) == 0 else { return false }
    return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
  }
}

/// Enough of a VT100/xterm to know what is on the screen: cursor movement, erasing, the
/// alternate screen; colours and other attributes are ignored.
struct VirtualScreen {
  let columns: Int
  let rows: Int
  private var main: [[Character]]
  private var alternate: [[Character]]
  private var usingAlternate = false
  private var row = 0
  private var column = 0
  private var pending: [UInt8] = []
  private(set) var cursorVisible = true

  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    main = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    alternate = main
  }

  private var buffer: [[Character]] {
    get { usingAlternate ? alternate : main }
    set { if usingAlternate { alternate = newValue } else { main = newValue } }
  }

  /// The visible screen as text, trailing spaces removed.
  var text: String {
    buffer.map { String($0.filter { $0 != Self.continuation }).replacing(/\s+$/, with: "") }.joined(separator: "\n")
  }

  mutating func feed(_ bytes: [UInt8]) {
    pending += bytes
    var index = 0
    var text: [UInt8] = []
    func flushText() {
      for character in String(decoding: text, as: UTF8.self) { put(character) }
      text.removeAll()
    }
    while index < pending.count {
      let byte = pending[index]
      if byte == 0x1B {
        flushText()
        guard index + 1 < pending.count else { break }
        if pending[index + 1] == UInt8(ascii: "[") {
          var end = index + 2
          while end < pending.count, !(0x40...0x7E).contains(pending[end]) { end += 1 }
          guard end < pending.count else { break }
          csi(String(decoding: pending[(index + 2)..<end], as: UTF8.self), final: pending[end])
          index = end + 1
        } else {
          index += 2
        }
        continue
      }
      switch byte {
      case 0x0D:
        flushText()
        column = 0
      case 0x0A:
        flushText()
        lineFeed()
      case 0x08:
        flushText()
        column = max(0, column - 1)
      case 0x07: break
      default:
        if byte >= 0x20 || byte >= 0x80 {
          // Keep incomplete UTF-8 sequences for the next chunk.
          text.append(byte)
        }
      }
      index += 1
    }
    // An incomplete multi-byte character at the very end waits for more bytes.
    var keep = 0
    if let last = text.indices.last {
      var start = last
      while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
      let lead = text[start]
      let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
      if text.count - start < needed { keep = text.count - start }
    }
    let rest = Array(text.suffix(keep))
    text.removeLast(keep)
    flushText()
    pending = index < pending.count ? rest + Array(pending[index...]) : rest
  }

  /// The second cell of a wide character, as terminals keep it (never shown in `text`).
  static let continuation: Character = "\u{E000}"

  /// A character in as many cells as a terminal gives it: two for Hangul, CJK and emoji
  /// (a wide character that would straddle the edge goes to the next line, as in xterm), none
  /// for a mark that arrives on its own (it joins the cell before).
  private mutating func put(_ character: Character) {
    let cells = DisplayWidth.of(character)
    if cells == 0 {
      // A mark joins the cell before; a zero-width format character that cannot (FSI, PDI) is
      // kept by no cell, as a terminal shows it: nowhere.
      let joined = String(buffer[row][max(0, column - 1)]) + String(character)
      if column > 0, joined.count == 1, let cell = joined.first { buffer[row][column - 1] = cell }
      return
    }
    if column + cells > columns {
      column = 0
      lineFeed()
    }
    buffer[row][column] = character
    if cells == 2 { buffer[row][column + 1] = Self.continuation }
    column += cells
  }

  private mutating func lineFeed() {
    if row == rows - 1 {
      buffer.removeFirst()
      buffer.append(Array(repeating: " ", count: columns))
    } else {
      row += 1
    }
  }

  private mutating func csi(_ body: String, final: UInt8) {
    let privateMode = body.hasPrefix("?")
    let numbers = body.drop { $0 == "?" }.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
    let first = numbers.first ?? 0
    switch Character(Unicode.Scalar(final)) {
    case "H", "f":
      row = min(rows - 1, max(0, (numbers.count > 0 && numbers[0] > 0 ? numbers[0] : 1) - 1))
      column = min(columns - 1, max(0, (numbers.count > 1 && numbers[1] > 0 ? numbers[1] : 1) - 1))
    case "A": row = max(0, row - max(1, first))
    case "B": row = min(rows - 1, row + max(1, first))
    case "C": column = min(columns - 1, column + max(1, first))
    case "D": column = max(0, column - max(1, first))
    case "K":
      for c in column..<columns { buffer[row][c] = " " }
    case "J":
      if first == 2 {
        buffer = Array(repeating: Array(repeating: " ", count: columns), count: rows)
      } else {
        for c in column..<columns { buffer[row][c] = " " }
        for r in (row + 1)..<rows { buffer[r] = Array(repeating: " ", count: columns) }
      }
    case "h" where privateMode:
      if numbers.contains(1049) {
        usingAlternate = true
        alternate = Array(repeating: Array(repeating: " ", count: columns), count: rows)
      }
      if numbers.contains(25) { cursorVisible = true }
    case "l" where privateMode:
      if numbers.contains(1049) { usingAlternate = false }
      if numbers.contains(25) { cursorVisible = false }
    default: break
    }
  }
}
