import ActivatorYAML
import Synchronization

/// Temporary files Activator writes outputs through (`.name.PID.XXXXXX` beside the target),
/// removed when a run is stopped by a signal and, if a run was killed outright, on the next
/// write of the same output.
package enum TemporaryFiles {
  private static let capacity = 64
  /// C strings read by the signal handler, which may not allocate or take locks; writers
  /// serialise on `lock`.
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    return slots
  }()
  private static let lock = Mutex(())

  /// What the signal handler says when it removed a file, in the program's language: written
  /// out before any signal can come (the handler may not allocate).
  nonisolated(unsafe) private static var stoppedMessage: (UnsafeMutablePointer<CChar>, Int)?

  /// Makes the registry, and the message said on a signal in `language`, ready before a signal
  /// handler may read them.
  package static func prepare(language: String) {
    _ = slots
    let text = "\nactivator: " + Message(.outputStoppedBySignal).text(language) + "\n"
    if let copy = strdup(text) { stoppedMessage = (copy, text.utf8.count) }
  }

  /// A fresh name for a temporary file beside `path`: `.name.PID.XXXXXX`, six random letters
  /// and digits.
  static func name(for path: String) -> String {
    let (folder, name) = split(path)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    var generator = SystemRandomNumberGenerator()
    let random = String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    return "\(folder)/.\(name).\(getpid()).\(random)"
  }

  static func register(_ path: String) {
    lock.withLock { _ in
      for index in 0..<capacity where slots[index] == nil {
        slots[index] = strdup(path)
        return
      }
    }
  }

  static func unregister(_ path: String) {
    lock.withLock { _ in
      for index in 0..<capacity {
        if let slot = slots[index], String(cString: slot) == path {
          free(slot)
          slots[index] = nil
        }
      }
    }
  }

  /// Removes every registered temporary file and says so on stderr; async-signal-safe (only
  /// `unlink` and `write` of a constant).
  package static func removeAllFromSignal() {
    var removed = false
    for index in 0..<capacity {
      if let slot = slots[index] {
        unlink(slot)
        removed = true
      }
    }
    if removed, let (message, count) = stoppedMessage { _ = write(STDERR_FILENO, message, count) }
  }

  /// Removes temporary files of ours for `path` that no running process owns: named with the
  /// pid of a process that has ended, or (named without a pid, by older versions) untouched for
  /// an hour.
  static func removeStale(for path: String) {
    let (folder, name) = split(path)
    let prefix = "." + name + "."
    guard let entries = try? FileReading.list(folder, prefix: prefix) else { return }
    for entry in entries {
      let parts = entry.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
      let random = parts.last ?? ""
      guard random.count == 6, random.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { continue }
      let candidate = folder + "/" + entry
      var info = stat()
      guard lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == getuid() else { continue }
      if parts.count == 2, let pid = Int32(parts[0]) {
        if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(candidate) }
      } else if parts.count == 1, time(nil) - info.st_mtim.tv_sec > 3600 {
        unlink(candidate)
      }
    }
  }

  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }
}

/// The permissions of files Activator creates or replaces.
enum FileModes {
  /// The process's file-creation mask, read once: from /proc (no window in which it is changed)
  /// where that exists, else by setting and restoring it.
  static let umask: mode_t = {
    if let status = try? FileReading.read("/proc/self/status", maxBytes: 1 << 16) {
      for line in String(decoding: status, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Umask:") {
        if let value = mode_t(
          line.dropFirst("Umask:".count).trimmingPrefix(while: { $0 == " " || $0 == "\t" }), radix: 8)
        {
          return value
        }
      }
    }
    let mask = Glibc.umask(0o022)
    Glibc.umask(mask)
    return mask
  }()

  /// Mode for a new file: readable and writable as the umask allows (never executable).
  static var newFile: mode_t { 0o666 & ~umask }

  /// What a file replacing `path` should have: the mode (and owner, where the system lets us)
  /// of the file there now, else that of a new file.
  static func replacing(_ path: String) -> (mode: mode_t, owner: (uid_t, gid_t)?) {
    var info = stat()
    guard stat(path, &info) == 0 else { return (newFile, nil) }
    return (info.st_mode & 0o7777, (info.st_uid, info.st_gid))
  }

  /// Gives the temporary file about to replace its target the target's mode and owner.
  static func apply(to fd: Int32, replacing path: String) {
    let (mode, owner) = replacing(path)
    if let (uid, gid) = owner, uid != geteuid() || gid != getegid() {
      // Only root may give a file away; a member of the group may keep the group. A failure
      // keeps us as owner, which is all we can do.
      _ = fchown(fd, uid, gid) == 0 || fchown(fd, geteuid(), gid) == 0
    }
    fchmod(fd, mode)
  }
}

/// The one rule every command that writes a file follows: never replace an answers file, or a
/// file this run reads, unless told to with `--force`. Paths are compared as the files they
/// name, symbolic links followed, so a link cannot smuggle a write past the rule.
package enum OutputGuard {
  /// Why writing `output` needs `--force`, or nil when it may be written. `inputs` are the
  /// files the run reads; `allowed` is a file it may replace anyway (the answers file a resumed
  /// questionnaire continues).
  package static func problem(writing output: String, inputs: some Sequence<String>, allowed: String? = nil) -> Message?
  {
    guard let target = FileReading.identity(output), FileReading.kind(output) == .file else { return nil }
    if let allowed, FileReading.identity(allowed) == target { return nil }
    // A previous output of Activator in a folder being scored is left out, not read: replacing
    // it is what running the same command again means.
    if (try? FileReading.readPrefix(output, maxBytes: 4096)).flatMap(ActivatorOutput.kind(of:)) != nil { return nil }
    let link: MessageArgument =
      resolvedName(output).map { _ in .message(Message(.outputThroughLink, ["link": .text(InertText.line(output))])) }
      ?? ""
    if let input = inputs.first(where: { FileReading.identity($0) == target }) {
      return Message(.outputIsAnInput, ["file": .text(InertText.line(input)), "link": link])
    }
    if looksLikeAnswersFile(output) {
      let name = resolvedName(output) ?? output
      return Message(.outputIsAnswersFile, ["file": .text(InertText.line(name)), "link": link])
    }
    return nil
  }

  /// The file a symbolic link at `path` leads to, or nil when `path` is not a link.
  static func resolvedName(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else {
      return nil
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether the file holds answers: a top-level `survey_version:` or `answers:` key (YAML), or
  /// a `"survey_version"` key (JSON), within its first 64 KiB. A broken answers file counts too:
  /// it is still someone's answers.
  package static func looksLikeAnswersFile(_ path: String) -> Bool {
    guard var bytes = try? FileReading.readPrefix(path, maxBytes: 64 << 10) else { return false }
    if let (utf8, _) = UTF16Text.decode(bytes) { bytes = utf8 }
    let text = String(decoding: bytes, as: UTF8.self)
    if text.contains("\"survey_version\"") { return true }
    for line in LineBreak.split(text) where line.hasPrefix("survey_version") || line.hasPrefix("answers") {
      if line.drop(while: { $0 != ":" && $0 != " " }).trimmingPrefix(while: { $0 == " " }).hasPrefix(":") {
        return true
      }
    }
    return false
  }
}

/// An advisory lock on an answers file for as long as one questionnaire session writes it, so
/// that a second session on the same file is refused instead of silently replacing the first
/// one's answers (issue 11, defect 10).
///
/// The file itself is replaced on every save, so the lock is held on a companion file,
/// `.name.lock` beside it, which holds the holder's process id. `flock` releases the lock when
/// the holder ends, however it ends, so a lock file left behind never blocks anyone.
package final class FileLock {
  package let path: String
  private let fd: Int32

  private init(path: String, fd: Int32) {
    self.path = path
    self.fd = fd
  }

  package enum Failure: Error, Sendable {
    /// Another process holds the lock (its pid, when it could be read).
    case held(pid: Int32?)
  }

  /// The lock file for `file`: beside the file it names, links followed.
  package static func lockPath(for file: String) -> String {
    let target = OutputGuard.resolvedName(file) ?? file
    let (folder, name) = TemporaryFiles.split(target)
    return "\(folder)/.\(name).lock"
  }

  /// Takes the lock on `file`; nil when no lock can be made there (a read-only folder, where the
  /// answers cannot be saved either and the save reports why).
  package static func acquire(for file: String) throws(Failure) -> FileLock? {
    let path = lockPath(for: file)
    for _ in 0..<5 {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, FileModes.newFile)
      guard fd >= 0 else { return nil }
      if flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let holder = readPid(fd)
        close(fd)
        throw .held(pid: holder)
      }
      // The holder before us may have removed the file after we opened it: lock the one there now.
      var opened = stat()
      var current = stat()
      guard fstat(fd, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino,
        opened.st_dev == current.st_dev
      else {
        close(fd)
        continue
      }
      let text = Array("\(getpid())\n".utf8)
      _ = ftruncate(fd, 0)
      _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
      return FileLock(path: path, fd: fd)
    }
    return nil
  }

  private static func readPid(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: buffer.prefix(count), as: UTF8.self).prefix { $0.isNumber })
  }

  /// Releases the lock and removes its file (while still holding it, so no one else is cut off).
  package func release() {
    unlink(path)
    close(fd)
  }
}

/// Files Activator writes that a folder walk can meet (`score dir/ --format json --out
/// dir/results.json`): recognised so that a later batch on the folder leaves them out with a
/// note instead of failing on them as broken answers files.
package enum ActivatorOutput {
  /// What `bytes` are, when they are an output of Activator: looked for in the first 4 KiB, by
  /// keys that only its outputs write.
  package static func kind(of bytes: some Collection<UInt8>) -> Message? {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    guard let first = head.unicodeScalars.first(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }),
      first == "[" || first == "{"
    else {
      return nil
    }
    if head.contains("\"overall_stage\"") && head.contains("\"answered_version\"") {
      return Message(.outputKindResults)
    }
    if head.contains("\"severity\"") && head.contains("\"code\"") && head.contains("\"column\"") {
      return Message(.outputKindDiagnostics)
    }
    if head.contains("\"median_overall\"") && head.contains("\"median_stage\"") {
      return Message(.outputKindCohortSummary)
    }
    return nil
  }
}
