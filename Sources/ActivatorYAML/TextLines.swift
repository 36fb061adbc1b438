/// What a line break is. This is the one definition every reader, writer and position in
/// Activator uses.
///
/// YAML 1.1 breaks lines at LF, CR, CRLF, NEL (U+0085), LS (U+2028) and PS (U+2029), and so does
/// libyaml when it counts lines. Editors break only at LF, CR and CRLF (VS Code, vim, Notepad
/// and the rest show NEL, LS and PS inside a line), and people look positions up in their
/// editor. So:
/// - a writer of YAML treats all six as line breaks (a comment ends at any of them);
/// - every position Activator reports is on an editor line: libyaml's marks are mapped there
///   through their character index (`TextLines`), and a snippet shows that editor line.
package enum LineBreak {
  /// Whether YAML reads `scalar` as (part of) a line break.
  @inlinable package static func isYAMLBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Whether an editor starts a new line at `scalar` (LF, or CR alone or before LF).
  @inlinable package static func isEditorBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r"
  }

  /// The length in bytes of the YAML line break at `index` of UTF-8 `bytes` (CRLF is one break
  /// of two bytes), or 0 when none starts there.
  package static func yamlBreakLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    guard index < bytes.count else { return 0 }
    switch bytes[index] {
    case 0x0A: return 1
    case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
    case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
    case 0xE2:
      return index + 2 < bytes.count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
    default: return 0
    }
  }

  /// `text` split at every YAML line break, CRLF counting as one.
  package static func split(_ text: some StringProtocol) -> [String] {
    var lines: [String] = []
    var current = ""
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      defer { previous = scalar }
      if scalar == "\n" && previous == "\r" { continue }
      if isYAMLBreak(scalar) {
        lines.append(current)
        current = ""
      } else {
        current.unicodeScalars.append(scalar)
      }
    }
    lines.append(current)
    return lines
  }

  /// Whether UTF-8 `bytes` hold a break that YAML sees and an editor does not (NEL, LS, PS).
  /// Fast on the usual file, which has none: eight bytes at a time are skipped while all are ASCII.
  package static func hasYAMLOnlyBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    let count = bytes.count
    var index = 0
    while index < count {
      if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        index += 8
        continue
      }
      let byte = bytes[index]
      if byte == 0xC2 || byte == 0xE2, yamlBreakLength(bytes, at: index) > 0 { return true }
      index += 1
    }
    return false
  }
}

/// The editor lines of a UTF-8 text: where each starts, in bytes and in characters (Unicode
/// scalars, as libyaml counts them; a leading byte-order mark is not a character).
///
/// Built once per file that needs positions; every lookup is then a binary search and a short
/// scan from the nearest checkpoint, so placing thousands of diagnostics on one 250 KB line stays
/// linear in the file.
package struct TextLines: Sendable {
  /// Every `checkpointSpacing` characters, the character index and its byte offset.
  private var checkpointCharacters: [Int] = []
  private var checkpointBytes: [Int] = []
  private static let checkpointSpacing = 256
  /// Byte offset of each line's first byte.
  private var byteStarts: [Int] = [0]
  /// Byte offset just past each line's last byte, before its break.
  private var byteEnds: [Int] = []
  /// Character index of each line's first character.
  private var characterStarts: [Int] = [0]
  private var leadingMarkBytes = 0

  package init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    var index = 0
    if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      leadingMarkBytes = 3
      index = 3
    }
    var characters = 0
    checkpointCharacters.append(0)
    checkpointBytes.append(index)
    while index < count {
      let byte = bytes[index]
      if characters % Self.checkpointSpacing == 0, checkpointCharacters.last != characters {
        checkpointCharacters.append(characters)
        checkpointBytes.append(index)
      }
      if byte == 0x0A || byte == 0x0D {
        let length = byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
        byteEnds.append(index)
        index += length
        characters += length
        byteStarts.append(index)
        characterStarts.append(characters)
        continue
      }
      index += Self.characterLength(bytes, at: index)
      characters += 1
    }
    byteEnds.append(count)
  }

  /// How many bytes the character at `index` takes, as Swift's UTF-8 decoding reads them: a
  /// well-formed sequence, or else its longest valid start (the "maximal subpart", which
  /// decoding turns into one U+FFFD), or one byte. So invalid text is counted in characters
  /// exactly as `String(decoding:as:)` shows it.
  package static func characterLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let needed: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: needed = 1
    case 0xE0: (needed, low) = (2, 0xA0)
    case 0xED: (needed, high) = (2, 0x9F)
    case 0xE1...0xEF: needed = 2
    case 0xF0: (needed, low) = (3, 0x90)
    case 0xF4: (needed, high) = (3, 0x8F)
    case 0xF1...0xF3: needed = 3
    default: return 1
    }
    var length = 1
    while length <= needed, index + length < bytes.count, (low...high).contains(bytes[index + length]) {
      length += 1
      (low, high) = (0x80, 0xBF)
    }
    return length
  }

  package init(_ bytes: [UInt8]) {
    self = bytes.withUnsafeBufferPointer { TextLines($0) }
  }

  /// How many lines there are (a final line break starts an empty last line, as editors show).
  package var count: Int { byteStarts.count }

  /// The bytes of line `number` (1-based) without its break, or nil past the end.
  package func byteRange(ofLine number: Int) -> Range<Int>? {
    guard number >= 1, number <= count else { return nil }
    return byteStarts[number - 1]..<byteEnds[number - 1]
  }

  /// The position of the character at `index` (libyaml's `mark.index`): its editor line and
  /// 1-based column. An index past the end is placed after the last character.
  package func mark(ofCharacter index: Int) -> YAMLMark {
    let line = lastIndex(atOrBefore: max(0, index), in: characterStarts)
    return YAMLMark(line: line + 1, column: max(0, index) - characterStarts[line] + 1)
  }

  /// The position of the byte at `offset` in `bytes` (the text these lines were built from).
  package func mark(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> YAMLMark {
    mark(ofCharacter: characterIndex(ofByte: offset, in: bytes))
  }

  package func mark(ofByte offset: Int, in bytes: [UInt8]) -> YAMLMark {
    bytes.withUnsafeBufferPointer { mark(ofByte: offset, in: $0) }
  }

  /// The index of the character that the byte at `offset` belongs to (or that ends there).
  package func characterIndex(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let clamped = min(max(leadingMarkBytes, offset), bytes.count)
    let nearest = lastIndex(atOrBefore: clamped, in: checkpointBytes)
    var characters = checkpointCharacters[nearest]
    var index = checkpointBytes[nearest]
    while index < clamped {
      let length = Self.characterLength(bytes, at: index)
      // Inside a character: that character, not the next.
      if index + length > clamped { break }
      index += length
      characters += 1
    }
    return characters
  }

  /// The byte offset where the character at `index` starts (the end of the text past the last).
  package func byteOffset(ofCharacter index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let target = max(0, index)
    let nearest = lastIndex(atOrBefore: target, in: checkpointCharacters)
    var characters = checkpointCharacters[nearest]
    var offset = checkpointBytes[nearest]
    while offset < bytes.count && characters < target {
      offset += Self.characterLength(bytes, at: offset)
      characters += 1
    }
    return min(offset, bytes.count)
  }

  /// The byte offset of `column` (1-based) on line `line`, kept within that line.
  package func byteOffset(line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let range = byteRange(ofLine: line) else { return nil }
    let offset = byteOffset(ofCharacter: characterStarts[line - 1] + max(0, column - 1), in: bytes)
    return min(max(offset, range.lowerBound), range.upperBound)
  }

  package func byteOffset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { byteOffset(line: line, column: column, in: $0) }
  }

  /// The index of the last element of the ascending `starts` that is at most `value` (0 if none).
  private func lastIndex(atOrBefore value: Int, in starts: [Int]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= value { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
