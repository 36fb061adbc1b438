package import ActivatorYAML

/// Reading a YAML file into its root node, with every failure turned into a diagnostic.
package enum Document {
  /// Reads and parses `path`; returns `nil` (with a diagnostic logged) when that fails.
  package static func load(_ path: String, limits: YAMLLimits, log: DiagnosticLog) -> (SourceFile, YAMLNode)? {
    let bytes: [UInt8]
    do {
      bytes = try FileReading.read(path, maxBytes: limits.maxBytes)
    } catch {
      log.error(error.tooLarge ? "limit" : "unreadable", problem(error, limits), at: .file(path))
      return nil
    }
    return parse(SourceFile(path: path, bytes: bytes), limits: limits, log: log)
  }

  /// Why a file could not be read; for a file over the size limit, also what it probably is,
  /// by the kind of file the limits are for.
  package static func problem(_ error: FileReadError, _ limits: YAMLLimits) -> Message {
    guard error.tooLarge else { return error.message }
    return limits == .untrusted
      ? Message(.documentTooLargeAnswers, ["problem": .message(error.message)])
      : Message(
        .documentTooLargeRules, ["problem": .message(error.message), "mib": .number(Double(limits.maxBytes >> 20))])
  }

  /// The file as UTF-8 text: YAML allows UTF-16 with a byte-order mark (some Windows editors
  /// save it), which is read once as UTF-8 so that positions, quoted lines and every reader work
  /// on one encoding. A UTF-16 file that does not decode keeps the text before the problem.
  package static func decoded(_ original: SourceFile) -> SourceFile {
    guard let (utf8, _) = UTF16Text.decode(original.bytes) else { return original }
    return SourceFile(path: original.path, bytes: utf8)
  }

  /// Parses bytes already read.
  package static func parse(_ original: SourceFile, limits: YAMLLimits, log: DiagnosticLog) -> (SourceFile, YAMLNode)? {
    let file = decoded(original)
    log.keep(file)
    if let (complete, _) = UTF16Text.decode(original.bytes).map({ ($0.complete, $0.utf8) }), !complete {
      log.error(
        "encoding", Message(.documentNotValidUtf16),
        at: file.location(ofByte: file.bytes.count))
      return nil
    }
    if let problem = binaryProblem(file.bytes) {
      log.error("not-text", problem, at: SourceLocation(file: file.path, line: 1, column: 1))
      return nil
    }
    do {
      guard let root = try YAMLParser.parse(file.bytes, limits: limits) else {
        log.error(
          "empty", Message(.documentFileEmptyExpectedYaml), at: SourceLocation(file: file.path, line: 1, column: 1))
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
      var message = Self.message(error)
      if error.kind == .encoding, let (offset, byte) = firstInvalidUTF8(file.bytes) {
        // libyaml points after the bad byte; point at it, and say what usually happened.
        location = file.location(ofByte: offset)
        message = Message(.documentNotUtf8, ["byte": .text(String(byte, radix: 16, uppercase: true))])
      }
      var notes = hiddenBreakNotes(file, around: location)
      if error.kind == .syntax, let line = file.line(location.line), location.column >= 1,
        Array(line.unicodeScalars).dropFirst(location.column - 1).first == "\t"
      {
        message = Message(.documentTab, ["detail": .message(message)])
      } else if case .syntax(let problem, _, let block) = error.reason, indentationSymptoms.contains(problem) {
        message = Message(.documentIndentation, ["detail": .message(message)])
        if let block {
          notes.append(Diagnostic.Note(Message(.documentIndentationBlock), at: file.clampedLocation(block)))
        }
      }
      log.error(code, message, at: location, notes: notes)
      return nil
    }
  }

  /// What libyaml says when a line is indented differently from the block it belongs to (a key
  /// one column short, a list item out of line): its words name a token the author never wrote.
  static let indentationSymptoms: Set<String> = [
    "did not find expected '-' indicator", "did not find expected key",
    "block sequence entries are not allowed in this context",
  ]

  /// A YAML error in the reader's language. libyaml's own description of a syntax error stays
  /// in libyaml's words (English), inside a localized sentence.
  static func message(_ error: YAMLError) -> Message {
    func n(_ value: Int) -> MessageArgument { .text(String(value)) }
    switch error.reason {
    case .fileTooLarge(let size, let limit): return Message(.yamlFileTooLarge, ["size": n(size), "limit": n(limit)])
    case .cannotStart: return Message(.yamlCannotStart)
    case .secondDocument: return Message(.yamlSecondDocument)
    case .valueTooLong(let length, let limit):
      return Message(.yamlValueTooLong, ["length": n(length), "limit": n(limit)])
    case .tooManyAliases(let limit): return Message(.yamlTooManyAliases, ["limit": n(limit)])
    case .unknownAlias(let name): return Message(.yamlUnknownAlias, ["name": .text(name)])
    case .tooDeep(let limit): return Message(.yamlTooDeep, ["limit": n(limit)])
    case .tooManyValues(let limit): return Message(.yamlTooManyValues, ["limit": n(limit)])
    case .unreadable(let problem): return Message(.yamlUnreadable, ["problem": .text(problem)])
    case .syntax(let problem, let context?, let mark):
      return Message(
        .yamlSyntaxWhile,
        [
          "problem": .text(problem), "context": .text(context), "line": n(mark?.line ?? 0),
          "column": n(mark?.column ?? 0),
        ])
    case .syntax(let problem, nil, _): return Message(.yamlSyntax, ["problem": .text(problem)])
    case .unclosed(let bracket, let closing, let noticed):
      return Message(
        .yamlUnclosed,
        ["bracket": .text(bracket), "closing": .text(closing), "line": n(noticed.line), "column": n(noticed.column)])
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
          let name: MessageKey =
            scalar.value == 0x85 ? .documentBreakNel : scalar.value == 0x2028 ? .documentBreakLs : .documentBreakPs
          notes.append(
            Diagnostic.Note(
              Message(
                .documentThisLineHoldsInvisible,
                ["code_point": .text(InertText.codePoint(scalar)), "name": .message(Message(name))]),
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
  static func binaryProblem(_ bytes: [UInt8]) -> Message? {
    let signatures: [([UInt8], MessageKey)] = [
      ([0x50, 0x4B, 0x03, 0x04], .documentZip),
      ([0x25, 0x50, 0x44, 0x46], .documentPdf),
      ([0x89, 0x50, 0x4E, 0x47], .documentPng),
      ([0xFF, 0xD8, 0xFF], .documentJpeg),
      ([0x1F, 0x8B], .documentGzip),
      ([0xD0, 0xCF, 0x11, 0xE0], .documentOffice),
      ([0x7F, 0x45, 0x4C, 0x46], .documentExecutable),
    ]
    for (signature, name) in signatures where bytes.starts(with: signature) {
      return Message(.documentNotText, ["kind": .message(Message(name))])
    }
    // UTF-16 or UTF-32 without a byte-order mark: zero bytes in every other (or three in four) place.
    if bytes.count >= 8 {
      let sample = bytes.prefix(512)
      let zeros = sample.count { $0 == 0 }
      if zeros * 4 >= sample.count,
        sample.enumerated().allSatisfy({ $0.offset % 2 == 1 || $0.element != 0 })
          || sample.enumerated().allSatisfy({ $0.offset % 2 == 0 || $0.element != 0 }) || zeros * 2 >= sample.count
      {
        return Message(.documentUtf16NoBom)
      }
    }
    // Text has almost no control characters; binary data is full of them.
    let head = bytes.prefix(1024)
    let control = head.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    if head.count >= 64 && control * 10 > head.count {
      return Message(.documentBinary, ["control": .text(String(control)), "bytes": .text(String(head.count))])
    }
    return nil
  }
}
