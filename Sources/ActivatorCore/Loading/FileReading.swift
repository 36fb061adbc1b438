/// Why a file could not be read at all (before any YAML was looked at).
package struct FileReadError: Error, Sendable, CustomStringConvertible {
  package var path: String
  package var message: Message
  /// The file is larger than the reader accepts (the caller says what such a file should be).
  package var tooLarge = false
  package var description: String { "\(InertText.line(path)): \(message)" }

  /// `path: problem` in `language`.
  package func text(_ language: String) -> String { "\(InertText.line(path)): \(message.text(language))" }

  package init(path: String, message: Message) {
    self.path = path
    self.message = message
  }
}

/// Reads files defensively: only regular files, never blocking on a FIFO, never more than a limit.
package enum FileReading {
  /// Reads the whole of a regular file.
  ///
  /// Directories, FIFOs, devices and sockets are refused before any read (a FIFO would block
  /// forever), as are files over `maxBytes`.
  package static func read(_ path: String, maxBytes: Int) throws(FileReadError) -> [UInt8] {
    var buffer: [UInt8] = []
    try read(path, maxBytes: maxBytes, into: &buffer)
    return buffer
  }

  /// Reads into a caller-owned buffer, so a batch can reuse one allocation per worker.
  package static func read(_ path: String, maxBytes: Int, into buffer: inout [UInt8]) throws(FileReadError) {
    buffer.removeAll(keepingCapacity: true)
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw FileReadError(path: path, message: problem(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, message: problem(errno)) }
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG else {
      let what: MessageKey
      switch kind {
      case S_IFDIR: what = .fileIsDirectory
      case S_IFIFO: what = .fileIsFifo
      case S_IFSOCK: what = .fileIsSocket
      case S_IFCHR, S_IFBLK: what = .fileIsDevice
      default: what = .fileNotRegular
      }
      throw FileReadError(path: path, message: Message(what))
    }
    let size = Int(info.st_size)
    if size > maxBytes {
      var error = FileReadError(
        path: path, message: Message(.fileTooLarge, ["size": .text(String(size)), "limit": .text(String(maxBytes))]))
      error.tooLarge = true
      throw error
    }
    if buffer.capacity < size + 1 { buffer.reserveCapacity(size + 1) }
    // Read until end of file, not just `size` bytes: the file may grow while being read.
    let blockSize = max(4096, size + 1)
    while true {
      let oldCount = buffer.count
      if oldCount + blockSize > maxBytes + 1 && oldCount > maxBytes {
        var error = FileReadError(path: path, message: Message(.fileFileGrewPastBytes, ["max_bytes": "\(maxBytes)"]))
        error.tooLarge = true
        throw error
      }
      buffer.append(contentsOf: repeatElement(0, count: blockSize))
      let got = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.read(fd, base + oldCount, blockSize)
      }
      if got < 0 {
        let code = errno
        buffer.removeSubrange(oldCount...)
        if code == EINTR || code == EAGAIN { continue }
        throw FileReadError(path: path, message: problem(code))
      }
      buffer.removeSubrange((oldCount + got)...)
      if got == 0 { break }
      // A short read of a regular file is its end: no need for a second read to see zero.
      if got < blockSize && buffer.count == size { break }
      if buffer.count > maxBytes {
        var error = FileReadError(path: path, message: Message(.fileFileMoreThanBytes, ["max_bytes": "\(maxBytes)"]))
        error.tooLarge = true
        throw error
      }
    }
  }

  /// Why a file or folder could not be written (`problem` is for reading).
  package static func writeProblem(_ code: Int32) -> Message {
    switch code {
    case EACCES, EPERM: return Message(.fileWritePermissionDenied)
    case EROFS: return Message(.fileWriteReadOnly)
    case ENOSPC: return Message(.fileWriteNoSpace)
    case EDQUOT: return Message(.fileWriteQuota)
    default: return problem(code)
    }
  }

  /// At most the first `maxBytes` of a regular file (to recognise what it holds).
  package static func readPrefix(_ path: String, maxBytes: Int) throws(FileReadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw FileReadError(path: path, message: problem(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw FileReadError(path: path, message: Message(.fileNotRegular))
    }
    var buffer = [UInt8](repeating: 0, count: maxBytes)
    var count = 0
    while count < maxBytes {
      let got = buffer.withUnsafeMutableBytes { raw in
        raw.baseAddress.map { Glibc.read(fd, $0 + count, maxBytes - count) } ?? 0
      }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      count += got
    }
    return Array(buffer.prefix(count))
  }

  /// Why a file could not be read or reached.
  package static func problem(_ code: Int32) -> Message {
    switch code {
    case ENOENT: return Message(.fileNoSuchFile)
    case EACCES, EPERM: return Message(.filePermissionDenied)
    case ELOOP: return Message(.fileTooManyLevelsSymbolic)
    case EISDIR: return Message(.fileIsDirectory)
    case ENAMETOOLONG: return Message(.filePathTooLong)
    case ENOTDIR: return Message(.fileNotDirectory)
    case ENOSPC: return Message(.fileNoSpace)
    case EROFS: return Message(.fileReadOnly)
    default:
      let text = strerror(code).map { String(cString: $0).lowercased() } ?? "error \(code)"
      return Message(.fileSystemError, ["text": .text(text)])
    }
  }

  package enum Kind: Sendable { case file, directory, missing, other }

  /// What is at `path`, following symbolic links.
  package static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return errno == ENOENT ? .missing : .other }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// Entries of a directory (names only, excluding `.` and `..`), sorted byte-wise; with a
  /// `prefix`, only the names that start with its bytes.
  package static func list(_ directory: String, prefix: String = "") throws(FileReadError) -> [String] {
    try entries(directory, prefix: prefix).map(\.name)
  }

  /// Entries of a directory with what the directory says they are (no `stat` per entry),
  /// sorted byte-wise; `.other` for symbolic links and unknown types, which callers `stat`.
  /// With a `prefix`, only names that start with its bytes: they are compared in the directory
  /// entry itself, so a crowded folder (a shared /tmp of tens of thousands of files, where an
  /// output's stale temporary files are looked for) makes no string of the other entries and
  /// sorts only the matches.
  package static func entries(_ directory: String, prefix: String = "") throws(FileReadError) -> [(
    name: String, kind: Kind
  )] {
    guard let dir = opendir(directory) else { throw FileReadError(path: directory, message: problem(errno)) }
    defer { closedir(dir) }
    let wanted = Array(prefix.utf8)
    // A name has at most 255 bytes and no NUL: a longer prefix, or one with a NUL, matches nothing
    // (and the comparison below never reads past a name's end).
    if wanted.count > 255 || wanted.contains(0) { return [] }
    var found: [(name: String, kind: Kind)] = []
    while let entry = readdir(dir) {
      let name: String? = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
          guard wanted.indices.allSatisfy({ bytes[$0] == wanted[$0] }) else { return nil }
          return String(cString: bytes)
        }
      }
      guard let name, name != ".", name != ".." else { continue }
      let kind: Kind
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_REG): kind = .file
      case Int32(DT_DIR): kind = .directory
      default: kind = .other
      }
      found.append((name, kind))
    }
    return found.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
  }

  /// How an output path is to be written.
  package enum OutputPlan: Sendable, Equatable {
    /// A regular file (existing or new): written to a temporary file beside it, then renamed
    /// over it. `path` is where it really lives (a symbolic link is followed, not replaced).
    case atomic(path: String)
    /// A device, FIFO or socket (`/dev/stdout`, `/dev/null`, a named pipe): written in place.
    case direct(path: String)

    /// Where the output really goes.
    package var path: String {
      switch self {
      case .atomic(let path), .direct(let path): return path
      }
    }
  }

  /// Decides how to write `path` without changing anything; throws when it cannot be written.
  package static func plan(output path: String, depth: Int = 0) throws(FileReadError) -> OutputPlan {
    var info = stat()
    if lstat(path, &info) != 0 {
      guard errno == ENOENT else { throw FileReadError(path: path, message: problem(errno)) }
      let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
      guard kind(directory.isEmpty ? "/" : directory) == .directory else {
        throw FileReadError(path: path, message: Message(.fileCannotWriteHereFolder, ["directory": "\(directory)"]))
      }
      return .atomic(path: path)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .atomic(path: path)
    case S_IFDIR: throw FileReadError(path: path, message: Message(.fileFolderGiveFileName))
    case S_IFLNK:
      guard depth < 16 else { throw FileReadError(path: path, message: Message(.fileTooManyLevelsSymbolic)) }
      var followed = stat()
      if stat(path, &followed) == 0 {
        switch followed.st_mode & S_IFMT {
        case S_IFDIR: throw FileReadError(path: path, message: Message(.fileLinksFolderGiveFile))
        case S_IFREG:
          // Replace the file the link points to, and keep the link.
          guard let resolved = realpath(path, nil) else { throw FileReadError(path: path, message: problem(errno)) }
          defer { free(resolved) }
          return .atomic(path: String(cString: resolved))
        default:
          return .direct(path: path)  // /dev/stdout and friends
        }
      }
      // A link to a file that does not exist yet: create that file.
      var buffer = [CChar](repeating: 0, count: 4096)
      let count = readlink(path, &buffer, buffer.count - 1)
      guard count > 0 else { throw FileReadError(path: path, message: problem(errno)) }
      let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
      return try plan(output: target.hasPrefix("/") ? target : folder + target, depth: depth + 1)
    default: return .direct(path: path)
    }
  }

  /// What makes a file itself whatever path names it (links followed).
  package struct Identity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
  }

  /// The identity of the file at `path`, or nil if it cannot be reached.
  package static func identity(_ path: String) -> Identity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  /// Whether two paths name the same existing file.
  package static func sameFile(_ a: String, _ b: String) -> Bool {
    guard let first = identity(a) else { return false }
    return identity(b) == first
  }

  /// Opens where an output goes: the temporary file to rename later (atomic) or the special
  /// file itself (direct). Returns the descriptor and the temporary path, if any.
  ///
  /// The temporary file is private (0600) while it is written; stale ones of ours for the same
  /// target are removed first, and it is removed if a signal stops the run (`TemporaryFiles`).
  package static func openOutput(_ plan: OutputPlan) throws(FileReadError) -> (fd: Int32, temporary: String?) {
    switch plan {
    case .direct(let path):
      let fd = open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else {
        throw FileReadError(
          path: path, message: Message(.fileCannotOpenForWriting, ["problem": .message(writeProblem(errno))]))
      }
      return (fd, nil)
    case .atomic(let path):
      TemporaryFiles.removeStale(for: path)
      // Registered before it exists, so that a signal at any moment finds it to remove.
      for _ in 0..<100 {
        let temporary = TemporaryFiles.name(for: path)
        TemporaryFiles.register(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { return (fd, temporary) }
        let code = errno
        TemporaryFiles.unregister(temporary)
        if code != EEXIST {
          throw FileReadError(
            path: path,
            message: Message(
              .fileCannotCreateFile,
              ["directory": .text(TemporaryFiles.split(path).folder), "problem": .message(writeProblem(code))]))
        }
      }
      throw FileReadError(
        path: path,
        message: Message(.fileCannotCreateTemporary, ["directory": .text(TemporaryFiles.split(path).folder)]))
    }
  }

  /// Finishes an output opened by `openOutput`: flushes, gives the file the mode (and owner,
  /// where allowed) of the file it replaces, or the umask's for a new one, and renames it over
  /// the target (then makes the rename durable). On failure the temporary file is removed.
  package static func closeOutput(_ fd: Int32, temporary: String?, plan: OutputPlan, failure: FileReadError?)
    throws(FileReadError)
  {
    guard case .atomic(let path) = plan, let temporary else {
      if close(fd) != 0, failure == nil, errno != EINTR {
        throw FileReadError(
          path: plan.path, message: Message(.fileCannotFinishWriting, ["problem": .message(writeProblem(errno))]))
      }
      if let failure { throw failure }
      return
    }
    defer { TemporaryFiles.unregister(temporary) }
    var failure = failure
    if failure == nil {
      FileModes.apply(to: fd, replacing: path)
      if fsync(fd) != 0 {
        failure = FileReadError(
          path: path, message: Message(.fileCannotFlush, ["problem": .message(writeProblem(errno))]))
      }
    }
    if close(fd) != 0, failure == nil, errno != EINTR {
      failure = FileReadError(
        path: path, message: Message(.fileCannotFinishWriting, ["problem": .message(writeProblem(errno))]))
    }
    if failure == nil && rename(temporary, path) != 0 {
      failure = FileReadError(
        path: path, message: Message(.fileCannotReplaceFile, ["problem": .message(writeProblem(errno))]))
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
    let dirFD = open(TemporaryFiles.split(path).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dirFD >= 0 {
      fsync(dirFD)
      close(dirFD)
    }
  }

  /// Asks the kernel to start writing `length` bytes of an output from `offset` to disk now,
  /// without waiting for it. A batch writes hundreds of megabytes, and the `fsync` that makes the
  /// output durable before it replaces the old one (`closeOutput`) otherwise waits for all of
  /// them at the end: 0.13 to 0.17 s of a 20,000-city JSONL run with one job, while the other
  /// core is idle. A hint only: its result is ignored, and the final `fsync` still decides.
  /// (On Linux, POSIX_FADV_DONTNEED starts the writeback of the range's dirty pages and drops
  /// its clean ones from the cache, which the batch never reads again.)
  package static func startWriteback(_ fd: Int32, offset: Int, length: Int) {
    _ = posix_fadvise(fd, off_t(offset), off_t(length), POSIX_FADV_DONTNEED)
  }

  /// Drops an output opened by `openOutput` without touching its target.
  package static func discardOutput(_ fd: Int32, temporary: String?) {
    close(fd)
    if let temporary {
      unlink(temporary)
      TemporaryFiles.unregister(temporary)
    }
  }

  /// Writes `bytes` to `path` so that a reader, or a crash, never sees half a file: a regular
  /// file is written beside the target and renamed over it; a symbolic link is followed; a
  /// device or FIFO (`/dev/stdout`) is written in place.
  package static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(FileReadError) {
    let plan = try plan(output: path)
    let (fd, temporary) = try openOutput(plan)
    var failure: FileReadError?
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      var written = 0
      while written < raw.count {
        let n = write(fd, base + written, raw.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          failure = FileReadError(
            path: path, message: Message(.fileCannotWrite, ["problem": .message(writeProblem(errno))]))
          return
        }
        written += n
      }
    }
    try closeOutput(fd, temporary: temporary, plan: plan, failure: failure)
  }

  package static func writeAtomically(_ path: String, _ text: String) throws(FileReadError) {
    try writeAtomically(path, Array(text.utf8))
  }
}
