public import ActivatorYAML

/// Reading a YAML file into its root node, with every failure turned into a diagnostic.
public enum Document {
  /// Reads and parses `path`; returns `nil` (with a diagnostic logged) when that fails.
  public static func load(_ path: String, limits: YAMLLimits, log: DiagnosticLog) -> (SourceFile, YAMLNode)? {
    let bytes: [UInt8]
    do {
      bytes = try FileReading.read(path, maxBytes: limits.maxBytes)
    } catch {
      log.error(error.tooLarge ? "limit" : "unreadable", error.message + (error.tooLarge ? sizeHint(limits) : ""), at: .file(path))
      return nil
    }
    return parse(SourceFile(path: path, bytes: bytes), limits: limits, log: log)
  }

  /// What a file over the size limit probably is, by the kind of file the limits are for.
  public static func sizeHint(_ limits: YAMLLimits) -> String {
    limits == .untrusted
      ? " (is it really an answers file? They are a few kilobytes)"
      : " (surveys, rule and catalog files may be at most \(limits.maxBytes >> 20) MiB; split the rules into several files)"
  }

  /// The file as UTF-8 text: YAML allows UTF-16 with a byte-order mark (some Windows editors
  /// save it), which is read once as UTF-8 so that positions, quoted lines and every reader work
  /// on one encoding. A UTF-16 file that does not decode keeps the text before the problem.
  public static func decoded(_ original: SourceFile) -> SourceFile {
    guard let (utf8, _) = UTF16Text.decode(original.bytes) else { return original }
    return SourceFile(path: original.path, bytes: utf8)
  }

  /// Parses bytes already read.
  public static func parse(_ original: SourceFile, limits: YAMLLimits, log: DiagnosticLog) -> (SourceFile, YAMLNode)? {
    let file = decoded(original)
    log.keep(file)
    if let (complete, _) = UTF16Text.decode(original.bytes).map({ ($0.complete, $0.utf8) }), !complete {
      log.error(
        "encoding", "not valid UTF-16 text: a character is cut off here (a lone surrogate or an odd final byte); save the file as UTF-8",
        at: file.location(ofByte: file.bytes.count))
      return nil
    }
    if let problem = binaryProblem(file.bytes) {
      log.error("not-text", problem, at: SourceLocation(file: file.path, line: 1, column: 1))
      return nil
    }
    do {
      guard let root = try YAMLParser.parse(file.bytes, limits: limits) else {
        log.error("empty", "the file is empty; expected a YAML document", at: SourceLocation(file: file.path, line: 1, column: 1))
        return nil
      }
      return (file, root)
    } catch {
      let code: String
      switch error.kind {
      case .syntax: code = "yaml-syntax"
      case .encoding: code = "encoding"
      case .limit: code = "limit"
      case .unsupported: code = "yaml-unsupported"
      }
      var location = file.clampedLocation(error.mark)
      var message = error.message
      if error.kind == .encoding, let (offset, byte) = firstInvalidUTF8(file.bytes) {
        // libyaml points after the bad byte; point at it, and say what usually happened.
        location = file.location(ofByte: offset)
        message = "not valid UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true))): was the file saved in another encoding, such as Latin-1 or Windows-1252? Save it as UTF-8"
      }
      if error.kind == .syntax, let line = file.line(location.line), location.column >= 1,
        Array(line.unicodeScalars).dropFirst(location.column - 1).first == "\t"
      {
        message = "a tab cannot indent YAML or start a value; use spaces (\(message))"
      }
      log.error(code, message, at: location, notes: hiddenBreakNotes(file, around: location))
      return nil
    }
  }

  /// Notes for a syntax error on a line holding a break only YAML sees (NEL, LS, PS, typically
  /// from text pasted out of a word processor or a Windows-1252 '…' read as Latin-1): YAML ends
  /// the line there, which is rarely what the author meant and which an editor does not show.
  static func hiddenBreakNotes(_ file: SourceFile, around location: SourceLocation) -> [Diagnostic.Note] {
    var notes: [Diagnostic.Note] = []
    for number in [location.line - 1, location.line] {
      guard let text = file.line(number) else { continue }
      var column = 1
      for scalar in text.unicodeScalars {
        if LineBreak.isYAMLBreak(scalar) {
          let name = scalar.value == 0x85 ? "NEL, next line" : scalar.value == 0x2028 ? "LS, line separator" : "PS, paragraph separator"
          notes.append(
            Diagnostic.Note(
              "this line holds an invisible \(InertText.codePoint(scalar)) (\(name)), which YAML reads as a line break; replace it with a space or a real line break",
              at: SourceLocation(file: file.path, line: number, column: column)))
          break
        }
        column += 1
      }
    }
    return notes
  }

  /// The offset and value of the first byte that does not start a valid UTF-8 sequence.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, UInt8)? {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (index, byte)
      }
      guard index + length <= bytes.count else { return (index, byte) }
      for next in 1..<max(1, length) where bytes[index + next] & 0xC0 != 0x80 { return (index, byte) }
      index += length
    }
    return nil
  }

  /// Recognises files that are plainly not text (archives, images, office documents) before
  /// libyaml reports a puzzling syntax error about them.
  static func binaryProblem(_ bytes: [UInt8]) -> String? {
    let signatures: [([UInt8], String)] = [
      ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an .xlsx or .docx file?)"),
      ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
      ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
      ([0xFF, 0xD8, 0xFF], "a JPEG image"),
      ([0x1F, 0x8B], "a gzip archive"),
      ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document (.xls or .doc)"),
      ([0x7F, 0x45, 0x4C, 0x46], "an executable program"),
    ]
    for (signature, name) in signatures where bytes.starts(with: signature) {
      return "this is \(name), not a YAML text file"
    }
    // UTF-16 or UTF-32 without a byte-order mark: zero bytes in every other (or three in four) place.
    if bytes.count >= 8 {
      let sample = bytes.prefix(512)
      let zeros = sample.count { $0 == 0 }
      if zeros * 4 >= sample.count, sample.enumerated().allSatisfy({ $0.offset % 2 == 1 || $0.element != 0 }) || sample.enumerated().allSatisfy({ $0.offset % 2 == 0 || $0.element != 0 }) || zeros * 2 >= sample.count {
        return "this looks like UTF-16 or UTF-32 text without a byte-order mark; save it as UTF-8"
      }
    }
    // Text has almost no control characters; binary data is full of them.
    let head = bytes.prefix(1024)
    let control = head.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    if head.count >= 64 && control * 10 > head.count {
      return "this looks like binary data (\(control) control bytes in the first \(head.count)), not a YAML text file"
    }
    return nil
  }
}
