package import ActivatorYAML

/// An expression as written in a YAML file, with enough of its origin to turn an offset inside
/// the expression into the file's line and column.
package struct ExpressionSource: Sendable {
  package var text: String
  package var file: SourceFile?
  /// Where the scalar holding the expression starts (its quote, for quoted scalars).
  package var start: YAMLMark
  package var style: ScalarStyle
  package var path: String

  package init(text: String, file: SourceFile?, path: String, start: YAMLMark, style: ScalarStyle) {
    self.text = text
    self.file = file
    self.path = path
    self.start = start
    self.style = style
  }

  /// An expression that did not come from a file (tests, the command line).
  package init(_ text: String, path: String = "<expression>") {
    self.init(text: text, file: nil, path: path, start: YAMLMark(line: 1, column: 1), style: .plain)
  }

  package var location: SourceLocation {
    SourceLocation(file: path, line: start.line, column: start.column)
  }

  /// The file position of the character at `offset` (in Unicode scalars) of `text`.
  ///
  /// The decoded text is matched against the raw source from the scalar's start: characters
  /// that the YAML scalar syntax added (quotes, escapes, line folds, block indentation) are
  /// skipped, so the result is exact for every scalar style.
  package func location(ofOffset offset: Int) -> SourceLocation {
    let decoded = Array(text.unicodeScalars)
    guard let file, offset > 0 else {
      return offset <= 0
        ? firstCharacterLocation : SourceLocation(file: path, line: start.line, column: start.column + offset)
    }
    guard var walk = SourceFile.YAMLLineWalk(file, at: start) else { return location }
    var raw = walk.scalars
    var column = walk.markIndex  // 0-based index into `raw`
    func advanceLine() -> Bool {
      guard walk.advance() else { return false }
      raw = walk.scalars
      column = 0
      return true
    }
    // Skip the scalar's opening syntax. Block scalars keep indentation beyond their own.
    var blockIndent: Int?
    switch style {
    case .singleQuoted, .doubleQuoted: column += 1
    case .literal, .folded:
      if !advanceLine() { return firstCharacterLocation }
      blockIndent = blockIndentation(file)
      while column < min(blockIndent ?? 0, raw.count), raw[column] == " " { column += 1 }
    case .plain: break
    }
    func skipIndentation() {
      if let blockIndent {
        while column < min(blockIndent, raw.count), raw[column] == " " { column += 1 }
      } else {
        while column < raw.count, raw[column] == " " || raw[column] == "\t" { column += 1 }
      }
    }
    var index = 0
    while index < min(offset, decoded.count) {
      let wanted = decoded[index]
      if column >= raw.count {
        if !advanceLine() { break }
        skipIndentation()
        if wanted == " " || wanted == "\n" { index += 1 }
        continue
      }
      let have = raw[column]
      if style == .doubleQuoted && have == "\\" {
        column += escapeLength(raw, column)
        index += 1
        continue
      }
      if style == .singleQuoted && have == "'" && column + 1 < raw.count && raw[column + 1] == "'" {
        column += 2
        index += 1
        continue
      }
      if have == wanted {
        column += 1
        index += 1
      } else if isSpace(wanted) && !isSpace(have) {
        // Whitespace the scalar syntax added (a kept line break in a folded block): no source character.
        index += 1
      } else {
        column += 1
      }
    }
    // At the end of a line the character is on the next one, unless it is the break itself
    // (YAML keeps LS and PS in folded text).
    let keptBreak = index < decoded.count && LineBreak.isYAMLBreak(decoded[index]) && decoded[index] != "\n"
    if column >= raw.count, index < decoded.count, !keptBreak, advanceLine() {
      skipIndentation()
    }
    return walk.location(at: column)
  }

  private var firstCharacterLocation: SourceLocation {
    switch style {
    case .singleQuoted, .doubleQuoted:
      return SourceLocation(file: path, line: start.line, column: start.column + 1)
    case .literal, .folded:
      guard let file, var walk = SourceFile.YAMLLineWalk(file, at: start), walk.advance() else { return location }
      while walk.scalars.allSatisfy({ $0 == " " }) {
        var next = walk
        guard next.advance() else { break }
        walk = next
      }
      return walk.location(at: walk.scalars.prefix { $0 == " " }.count)
    case .plain:
      return location
    }
  }

  /// The content indentation of a block scalar: parent indentation plus an explicit indicator
  /// (`|2`), or else the indentation of its first non-blank line.
  private func blockIndentation(_ file: SourceFile) -> Int {
    guard var walk = SourceFile.YAMLLineWalk(file, at: start) else { return 0 }
    let header = walk.scalars
    var position = walk.markIndex + 1
    while position < header.count, header[position] != " ", header[position] != "#" {
      if let digit = Int(String(header[position])), digit > 0 {
        var parent = 0
        while parent < header.count, header[parent] == " " { parent += 1 }
        while parent + 1 < header.count, header[parent] == "-", header[parent + 1] == " " {
          parent += 1
          while parent < header.count, header[parent] == " " { parent += 1 }
        }
        return parent + digit
      }
      position += 1
    }
    while walk.advance() {
      if !walk.scalars.allSatisfy({ $0 == " " }) { return walk.scalars.prefix { $0 == " " }.count }
    }
    return 0
  }

  private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
  }

  private func escapeLength(_ raw: [Unicode.Scalar], _ at: Int) -> Int {
    guard at + 1 < raw.count else { return 1 }
    switch raw[at + 1] {
    case "x": return 4
    case "u": return 6
    case "U": return 10
    default: return 2
    }
  }
}
