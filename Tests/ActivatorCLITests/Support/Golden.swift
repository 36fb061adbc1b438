import ActivatorCore
import Testing

/// Golden files under Tests/Golden: output compared byte for byte with a file kept in the
/// repository. With ACTIVATOR_RECORD_GOLDEN=1 a file that differs is rewritten and the run fails
/// (as swift-snapshot-testing does), so a recording is never mistaken for a pass: review the
/// change with git diff, then run the tests again without the variable.
enum Golden {
  static let recording = getenv("ACTIVATOR_RECORD_GOLDEN") != nil

  static func compare(_ text: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if recording {
      if Binary.read(path) != text {
        Binary.write(path, text)
        Issue.record(
          "recorded \(path); check the change with git diff and run the tests again without ACTIVATOR_RECORD_GOLDEN",
          sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = Binary.read(path) else {
      Issue.record("missing golden file \(path); run with ACTIVATOR_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    guard expected != text else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let shownExpected = first < expectedLines.count ? String(expectedLines[first].prefix(200)) : "<end>"
    let shownActual = first < actualLines.count ? String(actualLines[first].prefix(200)) : "<end>"
    Issue.record(
      "\(name) differs from its golden file at line \(first + 1):\n  expected: \(shownExpected)\n  actual:   \(shownActual)",
      sourceLocation: sourceLocation)
  }
}
