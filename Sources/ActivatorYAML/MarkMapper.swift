internal import CYAML

/// Turns libyaml's marks into editor positions (see `LineBreak`).
///
/// Where the text has no NEL, LS or PS (nearly always), libyaml's line and column are already
/// the editor's and are taken as they are, without building a line table. Errors are always
/// placed through the table: libyaml reports an error at the end of a file without a final line
/// break on a line below the last, which the character index places correctly.
struct MarkMapper {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The lines to map through, when some break differs between YAML and an editor.
  private let lines: TextLines?
  /// UTF-16 text (read directly by a fast reader) is mapped through its UTF-8 transcoding,
  /// since libyaml's character index does not depend on the encoding.
  private let utf8OfUTF16: [UInt8]?

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    utf8OfUTF16 = UTF16Text.decode(bytes)?.utf8
    if let utf8OfUTF16 {
      lines = utf8OfUTF16.withUnsafeBufferPointer { LineBreak.hasYAMLOnlyBreaks($0) ? TextLines($0) : nil }
    } else {
      lines = LineBreak.hasYAMLOnlyBreaks(bytes) ? TextLines(bytes) : nil
    }
  }

  func callAsFunction(_ mark: yaml_mark_t) -> YAMLMark {
    guard let lines else { return YAMLMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1) }
    return lines.mark(ofCharacter: Int(mark.index))
  }

  /// An error's mark: always through a line table, so it lies within the text.
  func exact(_ mark: yaml_mark_t) -> YAMLMark {
    fullLines.mark(ofCharacter: Int(mark.index))
  }

  /// The position of a byte offset (libyaml reports reader errors as offsets).
  func exact(byte offset: Int) -> YAMLMark {
    // In UTF-16 an offset is about two bytes per character after the byte-order mark.
    if utf8OfUTF16 != nil { return fullLines.mark(ofCharacter: max(0, offset - 2) / 2) }
    return fullLines.mark(ofByte: offset, in: bytes)
  }

  private var fullLines: TextLines {
    if let lines { return lines }
    if let utf8OfUTF16 { return TextLines(utf8OfUTF16) }
    return TextLines(bytes)
  }
}
