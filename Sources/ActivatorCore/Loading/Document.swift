public import ActivatorYAML

/// Reading a YAML file into its root node, with every failure turned into a diagnostic.
public enum Document {
  /// Reads and parses `path`; returns `nil` (with a diagnostic logged) when that fails.
  public static func load(_ path: String, limits: YAMLLimits, log: DiagnosticLog) -> (SourceFile, YAMLNode)? {
    let bytes: [UInt8]
    do {
      bytes = try FileReading.read(path, maxBytes: limits.maxBytes)
    } catch {
      log.error("unreadable", error.message, at: .file(path))
      return nil
    }
    return parse(SourceFile(path: path, bytes: bytes), limits: limits, log: log)
  }

  /// Parses bytes already read.
  public static func parse(_ file: SourceFile, limits: YAMLLimits, log: DiagnosticLog) -> (SourceFile, YAMLNode)? {
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
      log.error(code, error.message, at: file.clampedLocation(error.mark))
      return nil
    }
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
    return nil
  }
}
