/// Writes JSON with a fixed key order and number format, so the same result is always the same
/// bytes (reproducible batch output), and without Foundation's encoder overhead.
package final class JSONWriter {
  package private(set) var bytes: [UInt8] = []
  package let pretty: Bool
  private var depth = 0
  /// Per open container: has a member been written yet?
  private var hasMember: [Bool] = []
  private var afterKey = false

  package init(pretty: Bool = false, reserve: Int = 1024) {
    self.pretty = pretty
    bytes.reserveCapacity(reserve)
  }

  package func finish() -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  package func reset() {
    bytes.removeAll(keepingCapacity: true)
    depth = 0
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
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x22:
        bytes.append(0x5C)
        bytes.append(0x22)
      case 0x5C:
        bytes.append(0x5C)
        bytes.append(0x5C)
      case 0x0A:
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "n"))
      case 0x0D:
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "r"))
      case 0x09:
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "t"))
      // Controls (C0, DEL, C1), line separators and bidirectional overrides as escapes: the JSON
      // reads the same and stays inert on a terminal (`InertText`).
      case 0..<0x20, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069:
        bytes.append(contentsOf: "\\u".utf8)
        let v = scalar.value
        for shift in stride(from: 12, through: 0, by: -4) {
          bytes.append(JSONWriter.hexDigits[Int((v >> UInt32(shift)) & 0xF)])
        }
      default:
        if scalar.isASCII {
          bytes.append(UInt8(scalar.value))
        } else {
          bytes.append(contentsOf: String(scalar).utf8)
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
