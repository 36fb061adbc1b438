package import ActivatorYAML
import Synchronization

/// The bytes of one file Activator read, kept so that a diagnostic can quote the offending line
/// and positions inside an expression can be traced back to the file.
package final class SourceFile: Sendable {
  package let path: String
  package let bytes: [UInt8]
  /// Built on first use: most files read in a batch never need a position.
  private let table = Mutex<TextLines?>(nil)

  package init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The file's lines as an editor shows them (`LineBreak` says why those are the lines).
  package var lines: TextLines {
    table.withLock { table in
      if let table { return table }
      let built = TextLines(bytes)
      table = built
      return built
    }
  }

  /// The text of line `number` (1-based) without its line break, or `nil` past the end.
  package func line(_ number: Int) -> String? {
    guard let range = lines.byteRange(ofLine: number) else { return nil }
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// How many lines the file has, as an editor counts them.
  package var lineCount: Int { lines.count }

  package func location(_ mark: YAMLMark) -> SourceLocation {
    SourceLocation(file: path, line: mark.line, column: mark.column)
  }

  /// The line and column (in characters) of a byte offset.
  package func location(ofByte offset: Int) -> SourceLocation {
    location(lines.mark(ofByte: offset, in: bytes))
  }

  /// Like `location(_:)`, for marks that may lie past the last line (marks made by hand rather
  /// than by the parser, which places every mark inside the file).
  package func clampedLocation(_ mark: YAMLMark) -> SourceLocation {
    let lastLine = lineCount
    guard mark.line > lastLine else { return location(mark) }
    let column = (line(lastLine) ?? "").unicodeScalars.count + 1
    return SourceLocation(file: path, line: lastLine, column: column)
  }
}

extension SourceFile {
  /// YAML's own lines, which also break at NEL, LS and PS (see `LineBreak`), walked from a mark:
  /// for code that follows YAML's syntax through the text (positions inside an expression).
  /// Positions come back as editor locations, like every other.
  package struct YAMLLineWalk {
    private let file: SourceFile
    /// The current line's characters, without its break.
    package private(set) var scalars: [Unicode.Scalar] = []
    /// The index in `scalars` of the mark the walk started at (on the first line).
    package private(set) var markIndex = 0
    private var startByte = 0
    private var endByte = 0

    /// Starts on the YAML line holding `mark`; nil when the mark is not in the file.
    package init?(_ file: SourceFile, at mark: YAMLMark) {
      self.file = file
      guard let range = file.lines.byteRange(ofLine: mark.line) else { return nil }
      let markByte = file.lines.byteOffset(line: mark.line, column: mark.column, in: file.bytes) ?? range.lowerBound
      // The YAML line starts after the last break before the mark on this editor line.
      var start = range.lowerBound
      file.bytes.withUnsafeBufferPointer { bytes in
        var index = range.lowerBound
        while index < markByte {
          let length = LineBreak.yamlBreakLength(bytes, at: index)
          if length > 0 {
            index += length
            start = index
          } else {
            index += 1
          }
        }
      }
      load(from: start)
      markIndex =
        String(decoding: file.bytes[start..<min(max(start, markByte), endByte)], as: UTF8.self).unicodeScalars.count
    }

    private mutating func load(from start: Int) {
      startByte = start
      endByte = file.bytes.withUnsafeBufferPointer { bytes in
        var index = start
        while index < bytes.count && LineBreak.yamlBreakLength(bytes, at: index) == 0 { index += 1 }
        return index
      }
      scalars = Array(String(decoding: file.bytes[startByte..<endByte], as: UTF8.self).unicodeScalars)
    }

    /// Moves to the next YAML line; false at the last one.
    package mutating func advance() -> Bool {
      let length = file.bytes.withUnsafeBufferPointer { LineBreak.yamlBreakLength($0, at: endByte) }
      guard length > 0 else { return false }
      load(from: endByte + length)
      return true
    }

    /// The editor location of `scalars[index]` (or of the end of the line, past the last).
    package func location(at index: Int) -> SourceLocation {
      let prefix = scalars.prefix(max(0, index)).reduce(0) { $0 + UTF8.width($1) }
      return file.location(ofByte: startByte + prefix)
    }
  }
}

/// A place in a file, 1-based line and column (columns count characters).
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var column: Int

  package init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A location for a whole file (problems found before any line was read).
  package static func file(_ path: String) -> SourceLocation {
    SourceLocation(file: path, line: 0, column: 0)
  }

  package var description: String {
    line > 0 ? "\(file):\(line):\(column)" : file
  }

  package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}
