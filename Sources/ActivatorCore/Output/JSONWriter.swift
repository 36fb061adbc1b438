/// Writes JSON with a fixed key order and number format, so the same result is always the same
/// bytes (reproducible batch output), and without Foundation's encoder overhead.
///
/// Full-detail batch rows are written here (some 1,500 keys and strings a city), so the writer
/// is built for that: bytes go to a `ByteBuffer` (raw memory, room doubled when it runs out),
/// keys are code literals written as the compiler's bytes, and strings are escaped by words
/// (docs/performance.md, issue 15 item 10).
package final class JSONWriter {
  // A writer is filled by one thread at a time (one per row or document). The dynamic
  // exclusivity check Swift makes on every access to a class's stored property cost about a
  // third of a full-detail JSONL row (docs/performance.md, issue 15 item 10).
  @exclusivity(unchecked) private var buffer: ByteBuffer
  package let pretty: Bool
  @exclusivity(unchecked) private var depth: Int
  private let indent: Int
  /// Whether the innermost open container has a member yet; `outer` keeps the same for the
  /// containers around it (1 or 0 a level), so that a separator reads one flag.
  @exclusivity(unchecked) private var hasMember = false
  @exclusivity(unchecked) private var outer = ByteBuffer(capacity: 16)
  @exclusivity(unchecked) private var afterKey = false

  /// - Parameter indent: levels of indentation every line after the first starts with (pretty
  ///   output nested in a document written elsewhere, such as the rows of a batch's array).
  package init(pretty: Bool = false, reserve: Int = 1024, indent: Int = 0) {
    self.pretty = pretty
    self.depth = indent
    self.indent = indent
    buffer = ByteBuffer(capacity: reserve)
  }

  /// A copy of the bytes written so far; the writer is left empty, its memory kept.
  package func takeBytes() -> [UInt8] {
    let taken = buffer.array
    buffer.removeAll()
    return taken
  }

  package func finish() -> String {
    buffer.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }

  package func reset() {
    buffer.removeAll()
    depth = indent
    outer.removeAll()
    hasMember = false
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
    buffer.append(bracket)
    outer.append(hasMember ? 1 : 0)
    hasMember = false
    depth += 1
  }

  private func close(_ bracket: UInt8) {
    depth -= 1
    if pretty && hasMember {
      newline()
    }
    buffer.append(bracket)
    hasMember = outer.popLast() == 1
  }

  /// Writes the comma and line break that go before a value or key.
  @inline(__always)
  private func separator() {
    if afterKey {
      afterKey = false
      return
    }
    guard !outer.isEmpty else { return }
    if hasMember { buffer.append(UInt8(ascii: ",")) }
    hasMember = true
    if pretty { newline() }
  }

  private func newline() {
    buffer.append(0x0A)
    buffer.append(0x20, count: 2 * depth)
  }

  // MARK: - Keys and values

  /// A key written in the code. It is written as the compiler encoded it, without an escape
  /// scan: keys are plain ASCII names (`snake_case`), which JSON takes as they are.
  package func key(_ name: StaticString) {
    separator()
    assert(name.withUTF8Buffer { !Self.needsEscape($0) }, "JSON key literals are plain names")
    buffer.append(UInt8(ascii: "\""))
    buffer.append(name)
    buffer.append(pretty ? "\": " : "\":" as StaticString)
    afterKey = true
  }

  /// A key that comes from data (a question, pillar or metric id), escaped like any string.
  package func key(named name: String) {
    separator()
    writeString(name)
    buffer.append(pretty ? ": " : ":" as StaticString)
    afterKey = true
  }

  package func key(_ name: StaticString, _ body: () -> Void) {
    key(name)
    body()
  }

  package func key(named name: String, _ body: () -> Void) {
    key(named: name)
    body()
  }

  package func key(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  package func key(_ name: StaticString, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  package func key(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  package func key(_ name: StaticString, _ value: Int?) {
    key(name)
    if let value { int(value) } else { null() }
  }

  package func key(_ name: StaticString, _ value: Double) {
    key(name)
    double(value)
  }

  package func key(_ name: StaticString, _ value: Double?) {
    key(name)
    if let value { double(value) } else { null() }
  }

  package func key(_ name: StaticString, _ value: Bool) {
    key(name)
    bool(value)
  }

  package func key(_ name: StaticString, strings: [String]) {
    key(name)
    array { for item in strings { string(item) } }
  }

  package func string(_ value: String) {
    separator()
    writeString(value)
  }

  /// A string escaped beforehand (`JSONTexts`): its bytes are copied as they are.
  package func string(_ value: EscapedJSON) {
    separator()
    value.bytes.withUnsafeBufferPointer { buffer.append($0) }
  }

  package func key(_ name: StaticString, _ value: EscapedJSON) {
    key(name)
    string(value)
  }

  package func key(_ name: StaticString, _ value: EscapedJSON?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  /// Text `index` of texts escaped beforehand (`JSONTexts`), or null when it is missing.
  package func string(_ texts: EscapedTexts, _ index: Int) {
    separator()
    if !texts.append(index, to: &buffer) { buffer.append("null") }
  }

  /// Text `index` (null when there is no index or no such text).
  package func key(_ name: StaticString, _ texts: EscapedTexts, _ index: Int?) {
    key(name)
    if let index { string(texts, index) } else { null() }
  }

  /// An array of texts escaped beforehand, picked by index (`JSONTexts`' ids of the criteria,
  /// questions or needs a result lists), as `key(_:strings:)` writes an array of strings.
  package func key(_ name: StaticString, _ texts: EscapedTexts, at indices: [Int]) {
    key(name)
    array { for index in indices { string(texts, index) } }
  }

  /// `text` as a JSON string, quotes included (what `string(_:)` writes for it).
  static func escapedString(_ text: String) -> [UInt8] {
    let writer = JSONWriter(reserve: text.utf8.count + 2)
    writer.writeString(text)
    return writer.takeBytes()
  }

  /// The decimal digits of `value` as a JSON string (`"12"`), as `string(String(value))` writes them.
  package func string(digitsOf value: Int) {
    separator()
    buffer.append(UInt8(ascii: "\""))
    Self.withDigits(value) { buffer.append($0) }
    buffer.append(UInt8(ascii: "\""))
  }

  package func int(_ value: Int) {
    separator()
    Self.withDigits(value) { buffer.append($0) }
  }

  /// The exact value, in the fewest digits that read back as the same double (see `format`).
  package func double(_ value: Double) {
    separator()
    Self.append(value, to: &buffer)
  }

  package func bool(_ value: Bool) {
    separator()
    buffer.append(value ? "true" : "false")
  }

  package func null() {
    separator()
    buffer.append("null")
  }

  /// Appends `count` copies of a byte outside the JSON structure: the indentation before a row
  /// nested in an array written elsewhere, the line break after a JSONL row.
  package func rawByte(_ byte: UInt8, count: Int = 1) {
    buffer.append(byte, count: count)
  }

  /// Inserts already-encoded JSON as one value.
  package func rawValue(_ json: String) {
    separator()
    var json = json
    json.withUTF8 { buffer.append($0) }
  }

  // MARK: - Numbers

  /// The shortest text that reads back as exactly `value` (Swift's `description`), with whole
  /// numbers below 10^15 written without ".0" (`3`, not `3.0`) and negative zero kept as `-0`.
  /// Machine output (JSON, JSONL, CSV) never rounds: what a reader parses is the double the
  /// engine computed. JSON has no infinities or NaN, so those become null.
  package static func format(_ value: Double) -> String {
    var bytes = ByteBuffer(capacity: 32)
    append(value, to: &bytes)
    return bytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// `format(value)` appended as bytes, without building a String on the way (batch rows).
  package static func append(_ value: Double, to bytes: inout ByteBuffer) {
    withText(of: value) { bytes.append($0) }
  }

  /// `format(value)` appended to an array (CSV rows).
  package static func append(_ value: Double, to bytes: inout [UInt8]) {
    withText(of: value) { bytes.append(contentsOf: $0) }
  }

  /// Hands `body` the bytes of `format(value)`, from the stack.
  private static func withText(of value: Double, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    guard value.isFinite else { return ("null" as StaticString).withUTF8Buffer(body) }
    if value == value.rounded(.towardZero) && abs(value) < 1e15, let whole = Int(exactly: value) {
      if whole == 0 && value.sign == .minus { return ("-0" as StaticString).withUTF8Buffer(body) }
      return withDigits(whole, body)
    }
    if let (scaled, decimals) = fewDecimals(value) { return withDigits(scaled, decimals: decimals, body) }
    // The standard library's shortest round-trip digits, handed over as bytes. They take at
    // most 24 (17 digits, a sign, a point and an exponent such as "e-308"); the room is 64.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { room in
      var sink = StackSink(room: room)
      value.write(to: &sink)
      body(UnsafeBufferPointer(rebasing: room[..<sink.count]))
    }
  }

  /// `value` as a whole number of tenths, hundredths, thousandths or ten-thousandths, the
  /// coarsest that reads back as exactly `value`; nil when none does (or beyond 10^11).
  ///
  /// Most fractions in a result have a few decimals (shares such as 0.375, scores such as 2.53),
  /// and for them these digits are the shortest round-trip text the standard library writes, at a
  /// fraction of its cost (a fifth of the doubles a full-detail row holds went through it). Why it
  /// is the same text: m / 10^k for a whole m below 2^53 is one correctly rounded division, the
  /// same double a reader parses from the digits; the first k that reads back gives the fewest
  /// digits; below 10^11, 10^-4 is wider than the gap between doubles, so no other m with k
  /// decimals reads back as the value, and `(value * 10^k).rounded()` finds m (its error is far
  /// below a half). ScoringTests compares it with `description` over millions of values.
  @inline(__always)
  package static func fewDecimals(_ value: Double) -> (scaled: Int, decimals: Int)? {
    guard value.magnitude < 1e11 else { return nil }
    var scale = 1.0
    for decimals in 1...4 {
      scale *= 10
      // Ties to even: one instruction, where the default rounding calls the C library. A tie
      // cannot read back either way, so the choice never changes the answer.
      let scaled = (value * scale).rounded(.toNearestOrEven)
      if scaled / scale == value, let whole = Int(exactly: scaled) { return (whole, decimals) }
    }
    return nil
  }

  /// The decimal digits of `value`, with a minus sign when negative.
  package static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
    withDigits(value) { bytes.append(contentsOf: $0) }
  }

  /// Hands `body` the decimal digits of `value`, with a minus sign when negative, from the stack.
  /// With `decimals`, the digits of `value / 10^decimals` (`375`, 3: `0.375`).
  @inline(__always)
  private static func withDigits(_ value: Int, decimals: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var magnitude = value.magnitude
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      // Written from the end backwards, so that the digits come out in order without a reversal.
      var start = buffer.count
      var digitCount = 0
      repeat {
        if digitCount == decimals && decimals > 0 {
          start -= 1
          buffer[start] = UInt8(ascii: ".")
        }
        start -= 1
        buffer[start] = UInt8(0x30 + magnitude % 10)
        magnitude /= 10
        digitCount += 1
      } while magnitude > 0 || digitCount <= decimals
      if value < 0 {
        start -= 1
        buffer[start] = 0x2D
      }
      let written = UnsafeRawBufferPointer(rebasing: buffer[start...])
      body(written.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// Receives `Double.write(to:)` output. The standard library hands its digits to
  /// `_writeASCII` as bytes; `write` is the general path, for any other caller.
  /// Receives `Double.write(to:)` output in memory on the stack. The standard library hands
  /// its digits to `_writeASCII` as bytes; `write` is the general path, for any other caller.
  private struct StackSink: TextOutputStream {
    let room: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    mutating func write(_ string: String) {
      for byte in string.utf8 { put(byte) }
    }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
      for byte in buffer { put(byte) }
    }
    private mutating func put(_ byte: UInt8) {
      guard count < room.count else { return }
      room[count] = byte
      count += 1
    }
  }

  // MARK: - Strings

  private func writeString(_ value: String) {
    buffer.append(UInt8(ascii: "\""))
    // Native strings hand over their bytes in place; copying the string would retain it.
    if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
      var copy = value
      copy.withUTF8 { appendEscaped($0) }
    }
    buffer.append(UInt8(ascii: "\""))
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
      // Eight bytes at a time, through ASCII and through UTF-8 text alike (accents, Hangul).
      while index + 8 <= count && !Self.mayNeedEscape(words.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
        index += 8
      }
      guard index < count else { break }
      let byte = base[index]
      guard Self.mayStartEscape(byte) else {
        index += 1
        continue
      }
      var scalar = UInt32(byte)
      var length = 1
      if byte >= 0x80 {
        guard let escaped = Self.escapedScalar(utf8, at: index, lead: byte) else {
          index += 1
          continue
        }
        (scalar, length) = escaped
      }
      if run < index { buffer.append(UnsafeBufferPointer(rebasing: utf8[run..<index])) }
      appendEscape(scalar)
      index += length
      run = index
    }
    if run < count { buffer.append(UnsafeBufferPointer(rebasing: utf8[run..<count])) }
  }

  @inline(__always)
  private static func mayStartEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
  }

  /// Whether a key needs an escape (any byte that may start one).
  private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains(where: mayStartEscape)
  }

  /// Whether any of eight bytes may start an escape (`mayStartEscape`): the "has a byte less
  /// than n" test on a word (any byte x < n sets the high bit of (x - n) & ~x; a borrow can only
  /// flag bytes above one that is truly below n, so the answer for the word is exact), with XOR
  /// turning "equal to c" into "less than 1".
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func below(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &- ones &* n) & ~x }
    @inline(__always) func equal(_ c: UInt64) -> UInt64 { below(word ^ (ones &* c), 1) }
    return (below(word, 0x20) | equal(0x22) | equal(0x5C) | equal(0x7F) | equal(0xC2) | equal(0xE2)) & high != 0
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
    buffer.append(0x5C)
    switch scalar {
    case 0x22: buffer.append(0x22)
    case 0x5C: buffer.append(0x5C)
    case 0x0A: buffer.append(UInt8(ascii: "n"))
    case 0x0D: buffer.append(UInt8(ascii: "r"))
    case 0x09: buffer.append(UInt8(ascii: "t"))
    default:
      buffer.append(UInt8(ascii: "u"))
      for shift in stride(from: 12, through: 0, by: -4) {
        let digit = UInt8(truncatingIfNeeded: (scalar >> UInt32(shift)) & 0xF)
        buffer.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
      }
    }
  }
}
