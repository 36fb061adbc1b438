/// Writes JSON with a fixed key order and number format, so the same result is always the same
/// bytes (reproducible batch output), and without Foundation's encoder overhead.
package final class JSONWriter {
  // A writer is filled by one thread at a time (one per row or document). The dynamic
  // exclusivity check Swift makes on every access to a class's stored property cost about a
  // third of a full-detail JSONL row (docs/performance.md, issue 15 item 10).
  @exclusivity(unchecked) package private(set) var bytes: [UInt8] = []
  package let pretty: Bool
  @exclusivity(unchecked) private var depth: Int
  private let indent: Int
  /// Per open container: has a member been written yet?
  @exclusivity(unchecked) private var hasMember: [Bool] = []
  @exclusivity(unchecked) private var afterKey = false

  /// - Parameter indent: levels of indentation every line after the first starts with (pretty
  ///   output nested in a document written elsewhere, such as the rows of a batch's array).
  package init(pretty: Bool = false, reserve: Int = 1024, indent: Int = 0) {
    self.pretty = pretty
    self.depth = indent
    self.indent = indent
    bytes.reserveCapacity(reserve)
    hasMember.reserveCapacity(16)
  }

  /// The bytes written so far, handed over without a copy; the writer is left empty.
  package func takeBytes() -> [UInt8] {
    var taken: [UInt8] = []
    swap(&taken, &bytes)
    return taken
  }

  package func finish() -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  package func reset() {
    bytes.removeAll(keepingCapacity: true)
    depth = indent
    hasMember.removeAll(keepingCapacity: true)
    afterKey = false
  }

  // MARK: - Containers

  package func beginObject() { open(UInt8(ascii: "{")) }
  package func endObject() { close(UInt8(ascii: "}")) }
  package func beginArray() { open(UInt8(ascii: "[")) }
  package func endArray() { close(UInt8(ascii: "]")) }

  package func object(_ body: () -> Void) {
    beginObject()
    body()
    endObject()
  }

  package func array(_ body: () -> Void) {
    beginArray()
    body()
    endArray()
  }

  private func open(_ bracket: UInt8) {
    separator()
    bytes.append(bracket)
    hasMember.append(false)
    depth += 1
  }

  private func close(_ bracket: UInt8) {
    depth -= 1
    let had = hasMember.popLast() ?? false
    if pretty && had {
      newline()
    }
    bytes.append(bracket)
  }

  /// Writes the comma and line break that go before a value or key.
  private func separator() {
    if afterKey {
      afterKey = false
      return
    }
    guard let last = hasMember.last else { return }
    if last { bytes.append(UInt8(ascii: ",")) }
    hasMember[hasMember.count - 1] = true
    if pretty { newline() }
  }

  private func newline() {
    bytes.append(0x0A)
    for _ in 0..<depth {
      bytes.append(0x20)
      bytes.append(0x20)
    }
  }

  // MARK: - Keys and values

  package func key(_ name: String) {
    separator()
    writeString(name)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(0x20) }
    afterKey = true
  }

  package func key(_ name: String, _ body: () -> Void) {
    key(name)
    body()
  }

  package func key(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  package func key(_ name: String, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  package func key(_ name: String, _ value: Int) {
    key(name)
    int(value)
  }

  package func key(_ name: String, _ value: Int?) {
    key(name)
    if let value { int(value) } else { null() }
  }

  package func key(_ name: String, _ value: Double) {
    key(name)
    double(value)
  }

  package func key(_ name: String, _ value: Double?) {
    key(name)
    if let value { double(value) } else { null() }
  }

  package func key(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  package func key(_ name: String, strings: [String]) {
    key(name)
    array { for item in strings { string(item) } }
  }

  package func string(_ value: String) {
    separator()
    writeString(value)
  }

  package func int(_ value: Int) {
    separator()
    JSONWriter.appendDigits(value, to: &bytes)
  }

  /// The exact value, in the fewest digits that read back as the same double (see `format`).
  package func double(_ value: Double) {
    separator()
    JSONWriter.append(value, to: &bytes)
  }

  package func bool(_ value: Bool) {
    separator()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  package func null() {
    separator()
    bytes.append(contentsOf: "null".utf8)
  }

  /// Appends `count` copies of a byte outside the JSON structure: the indentation before a row
  /// nested in an array written elsewhere, the line break after a JSONL row.
  package func rawByte(_ byte: UInt8, count: Int = 1) {
    for _ in 0..<count { bytes.append(byte) }
  }

  /// Inserts already-encoded JSON as one value.
  package func rawValue(_ json: String) {
    separator()
    bytes.append(contentsOf: json.utf8)
  }

  /// The shortest text that reads back as exactly `value` (Swift's `description`), with whole
  /// numbers below 10^15 written without ".0" (`3`, not `3.0`) and negative zero kept as `-0`.
  /// Machine output (JSON, JSONL, CSV) never rounds: what a reader parses is the double the
  /// engine computed. JSON has no infinities or NaN, so those become null.
  package static func format(_ value: Double) -> String {
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `format(value)` appended as bytes, without building a String on the way (batch rows).
  package static func append(_ value: Double, to bytes: inout [UInt8]) {
    guard value.isFinite else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    if value == value.rounded(.towardZero) && abs(value) < 1e15, let whole = Int(exactly: value) {
      if whole == 0 && value.sign == .minus { bytes.append(0x2D) }
      appendDigits(whole, to: &bytes)
      return
    }
    // The standard library's shortest round-trip digits, handed over as bytes.
    var sink = ByteSink(bytes: [])
    swap(&sink.bytes, &bytes)
    value.write(to: &sink)
    swap(&sink.bytes, &bytes)
  }

  /// The decimal digits of `value`, with a minus sign when negative.
  package static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(0x30 + magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
  }

  /// Receives `Double.write(to:)` output. The standard library hands its digits to
  /// `_writeASCII` as bytes; `write` is the general path, for any other caller.
  private struct ByteSink: TextOutputStream {
    var bytes: [UInt8]
    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private func writeString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Native strings hand over their bytes in place; copying the string would retain it.
    if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
      var copy = value
      copy.withUTF8 { appendEscaped($0) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends UTF-8 text as the inside of a JSON string. Runs that need no escape are copied
  /// whole. Escaped: the quote and backslash; controls (C0, DEL, C1), line separators and
  /// bidirectional overrides as `\u` escapes, so the JSON reads the same and stays inert on a
  /// terminal (`InertText`). Of the bytes of valid UTF-8, only those below 0x20, `"`, `\`, DEL,
  /// and the lead bytes 0xC2 (U+0080...U+00BF) and 0xE2 (U+2000...U+2FFF) can start one.
  private func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard let base = utf8.baseAddress else { return }
    let words = UnsafeRawPointer(base)
    var run = 0
    var index = 0
    let count = utf8.count
    while index < count {
      // Plain ASCII, eight bytes at a time (most of a row is ids, names and English text).
      while index + 8 <= count && !Self.mayNeedEscape(words.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
        index += 8
      }
      guard index < count else { break }
      let byte = utf8[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2 else {
        index += 1
        continue
      }
      var scalar = UInt32(byte)
      var length = 1
      if byte == 0xC2 || byte == 0xE2 {
        let escaped = Self.escapedScalar(utf8, at: index, lead: byte)
        guard let escaped else {
          index += 1
          continue
        }
        (scalar, length) = escaped
      }
      if run < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index])) }
      appendEscape(scalar)
      index += length
      run = index
    }
    if run < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<count])) }
  }

  /// Whether any of eight bytes is below 0x20, a quote, a backslash, DEL or not ASCII: the
  /// "has a byte less than n" test on a word (any byte x < n sets the high bit of x - n, and
  /// bytes of 0x80 or more are ruled out first); XOR turns "equal to c" into "less than 1".
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasByteBelow(_ x: UInt64, _ n: UInt64) -> Bool { (x &- ones &* n) & ~x & high != 0 }
    return word & high != 0 || hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1)
      || hasByteBelow(word ^ (ones &* 0x5C), 1) || hasByteBelow(word ^ (ones &* 0x7F), 1)
  }

  /// The scalar and its length in bytes when the sequence at `index` (lead byte 0xC2 or 0xE2)
  /// is a C1 control, a line separator or a bidirectional override; nil for any other text.
  private static func escapedScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8)
    -> (UInt32, Int)?
  {
    if lead == 0xC2 {
      guard index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) else { return nil }
      return (UInt32(utf8[index + 1]), 2)
    }
    guard index + 2 < utf8.count else { return nil }
    let second = utf8[index + 1]
    let third = utf8[index + 2]
    // U+2028...U+202E are E2 80 A8...AE; U+2066...U+2069 are E2 81 A6...A9.
    guard (second == 0x80 && (0xA8...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    else { return nil }
    return (0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F), 3)
  }

  private func appendEscape(_ scalar: UInt32) {
    bytes.append(0x5C)
    switch scalar {
    case 0x22: bytes.append(0x22)
    case 0x5C: bytes.append(0x5C)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      bytes.append(UInt8(ascii: "u"))
      for shift in stride(from: 12, through: 0, by: -4) {
        bytes.append(JSONWriter.hexDigits[Int((scalar >> UInt32(shift)) & 0xF)])
      }
    }
  }
}
