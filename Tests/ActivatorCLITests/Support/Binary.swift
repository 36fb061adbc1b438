import ActivatorCore
import Synchronization

/// Where the built `activator` is: next to the test bundle in SwiftPM's build folder.
enum Binary {
  static let root: String = {
    var path = #filePath
    for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()

  static let path: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if count > 0 {
      let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      var folder = executable
      // …/debug/ActivatorPackageTests.xctest (a file on Linux) → …/debug/activator
      while let slash = folder.lastIndex(of: "/") {
        folder = String(folder[..<slash])
        let candidate = folder + "/activator"
        if access(candidate, X_OK) == 0 { return candidate }
        if folder.hasSuffix(".build") { break }
      }
    }
    return root + "/.build/debug/activator"
  }()

  static func fixture(_ relative: String) -> String { root + "/Tests/Fixtures/" + relative }

  /// A fresh temporary folder, removed with everything in it when the test process exits (a
  /// folder may be read until its test ends, and suites run in parallel).
  static func temporaryFolder() -> String {
    _ = removedAtExit
    var template = Array("/tmp/activator-test-XXXXXX".utf8CString)
    let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(created != nil, "mkdtemp failed")
    let folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    made.withLock { $0.append(folder) }
    return folder
  }

  private static let made = Mutex<[String]>([])
  private static let removedAtExit: Void = { atexit { Binary.removeMade() } }()

  private static func removeMade() {
    for folder in made.withLock({ $0 }) { removeTree(folder) }
  }

  /// Removes `path` and what it holds, never following a symbolic link (tests link to files
  /// outside their folder); folders a test made read-only are opened first.
  static func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFDIR {
      chmod(path, 0o700)
      for name in (try? FileReading.list(path)) ?? [] { removeTree(path + "/" + name) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  /// A child's environment: `base`, the checkout as ACTIVATOR_HOME, no user or system-wide
  /// plugins from this machine (XDG folders that do not exist), then `overrides` (a later
  /// duplicate would be ignored by getenv, so keys are replaced, not appended).
  static func environment(_ base: [String: String], overriddenBy overrides: [String: String]) -> [String] {
    var merged = base
    merged["ACTIVATOR_HOME"] = root
    merged["XDG_DATA_HOME"] = "/nonexistent/activator-tests"
    merged["XDG_DATA_DIRS"] = "/nonexistent/activator-tests"
    merged.merge(overrides) { _, new in new }
    return merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
  }

  static func read(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func write(_ path: String, _ text: String) {
    guard let file = fopen(path, "wb") else { return }
    _ = text.withCString { fputs($0, file) }
    fclose(file)
  }

  /// Removes a file or a folder and everything in it (temporary folders after a test).
  static func remove(_ path: String) {
    if FileReading.kind(path) == .directory {
      for name in (try? FileReading.list(path)) ?? [] { remove(path + "/" + name) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }
}

/// Runs the binary with pipes (no terminal): arguments, stdin text, captured stdout/stderr.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
  /// Wall-clock seconds and peak resident memory (KB) of the run.
  var seconds: Double = 0
  var peakKilobytes: Int = 0
  /// Whether the watchdog had to kill it (it ran past `timeout`).
  var timedOut = false

  static func activator(
    _ arguments: [String], stdin: String = "", cwd: String? = nil, environment: [String: String] = [:],
    timeout: Double = 120,
    binary: String = Binary.path, stdoutPath: String? = nil
  ) -> Run {
    let folder = Binary.temporaryFolder()
    let inPath = folder + "/stdin"
    let outPath = stdoutPath ?? folder + "/stdout"
    let errPath = folder + "/stderr"
    Binary.write(inPath, stdin)
    let env = Binary.environment(
      ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp", "SOURCE_DATE_EPOCH": "1790000000"],
      overriddenBy: environment)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, outPath, stdoutPath == nil ? O_WRONLY | O_CREAT | O_TRUNC : O_WRONLY, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid = pid_t()
    // `env -C` changes folder before running the binary (posix_spawn's chdir is a GNU extension).
    let argv = (["/usr/bin/env", "-C", cwd ?? "/tmp", binary] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
    precondition(spawned == 0, "cannot start \(binary)")
    var status: Int32 = 0
    var usage = rusage()
    let start = ContinuousClock.now
    func elapsed() -> Double { start.secondsElapsed }
    var timedOut = false
    while wait4(pid, &status, WNOHANG, &usage) == 0 {
      if elapsed() > timeout {
        kill(pid, SIGKILL)
        timedOut = true
        wait4(pid, &status, 0, &usage)
        break
      }
      usleep(2000)
    }
    let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Run(
      status: code, stdout: stdoutPath == nil ? Binary.read(outPath) ?? "" : "", stderr: Binary.read(errPath) ?? "",
      seconds: elapsed(),
      peakKilobytes: Int(usage.ru_maxrss), timedOut: timedOut)
  }
}
