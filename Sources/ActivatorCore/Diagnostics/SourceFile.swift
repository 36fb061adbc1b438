public import ActivatorYAML

/// The bytes of one file Activator read, kept so that a diagnostic can quote the offending line
/// and positions inside an expression can be traced back to the file.
public final class SourceFile: Sendable {
  public let path: String
  public let bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The text of line `number` (1-based) without its line break, or `nil` past the end.
  public func line(_ number: Int) -> String? {
    guard number >= 1 else { return nil }
    var current = 1
    var found: String?
    forEachLine { start, end in
      if current == number {
        found = String(decoding: bytes[start..<end], as: UTF8.self)
        return false
      }
      current += 1
      return true
    }
    return found
  }

  /// How many lines the file has, counted as YAML counts them.
  public var lineCount: Int {
    var count = 0
    forEachLine { _, _ in
      count += 1
      return true
    }
    return count
  }

  /// Calls `body` with the byte range of each line, without its break, until it returns false.
  /// Line breaks are YAML's (and libyaml's, whose marks we report): LF, CRLF, CR, NEL, LS and PS.
  private func forEachLine(_ body: (Int, Int) -> Bool) {
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      var breakLength = 0
      if byte == 0x0A {
        breakLength = 1
      } else if byte == 0x0D {
        breakLength = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
      } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 {
        breakLength = 2
      } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
        breakLength = 3
      }
      if breakLength > 0 {
        guard body(start, index) else { return }
        index += breakLength
        start = index
      } else {
        index += 1
      }
    }
    _ = body(start, count)
  }

  public func location(_ mark: YAMLMark) -> SourceLocation {
    SourceLocation(file: path, line: mark.line, column: mark.column)
  }

  /// The line and column (in characters) of a byte offset, counting lines as YAML does.
  public func location(ofByte offset: Int) -> SourceLocation {
    var line = 1
    var lineStart = 0
    forEachLine { start, end in
      guard offset > end else {
        lineStart = start
        return false
      }
      line += 1
      return true
    }
    let prefix = bytes[min(lineStart, bytes.count)..<max(lineStart, min(offset, bytes.count))]
    let column = prefix.count { $0 & 0xC0 != 0x80 } + 1
    return SourceLocation(file: path, line: line, column: column)
  }

  /// Like `location(_:)`, for marks that may lie past the last byte: libyaml reports errors at
  /// the end of a file without a final line break one line below it, a line that does not exist.
  public func clampedLocation(_ mark: YAMLMark) -> SourceLocation {
    let lastLine = lineCount
    guard mark.line > lastLine else { return location(mark) }
    let column = (line(lastLine) ?? "").count + 1
    return SourceLocation(file: path, line: lastLine, column: column)
  }
}

/// A place in a file, 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A location for a whole file (problems found before any line was read).
  public static func file(_ path: String) -> SourceLocation {
    SourceLocation(file: path, line: 0, column: 0)
  }

  public var description: String {
    line > 0 ? "\(file):\(line):\(column)" : file
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}
