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
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        if current == number { return text(start, index) }
        current += 1
        start = index + 1
      }
      index += 1
    }
    return current == number && start <= bytes.count ? text(start, bytes.count) : nil
  }

  private func text(_ from: Int, _ to: Int) -> String {
    var end = to
    if end > from && bytes[end - 1] == 0x0D { end -= 1 }
    return String(decoding: bytes[from..<end], as: UTF8.self)
  }

  public func location(_ mark: YAMLMark) -> SourceLocation {
    SourceLocation(file: path, line: mark.line, column: mark.column)
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
