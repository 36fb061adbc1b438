/// Writes JSON with a fixed key order and number format, so the same result is always the same
/// bytes (reproducible batch output), and without Foundation's encoder overhead.
public final class JSONWriter {
  public private(set) var bytes: [UInt8] = []
  public let pretty: Bool
  private var depth = 0
  /// Per open container: has a member been written yet?
  private var hasMember: [Bool] = []
  private var afterKey = false

  public init(pretty: Bool = false, reserve: Int = 1024) {
    self.pretty = pretty
    bytes.reserveCapacity(reserve)
  }

  public func finish() -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  public func reset() {
    bytes.removeAll(keepingCapacity: true)
    depth = 0
    hasMember.removeAll(keepingCapacity: true)
    afterKey = false
  }

  // MARK: - Containers

  public func beginObject() { open(UInt8(ascii: "{")) }
  public func endObject() { close(UInt8(ascii: "}")) }
  public func beginArray() { open(UInt8(ascii: "[")) }
  public func endArray() { close(UInt8(ascii: "]")) }

  public func object(_ body: () -> Void) {
    beginObject()
    body()
    endObject()
  }

  public func array(_ body: () -> Void) {
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
    for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
  }

  // MARK: - Keys and values

  public func key(_ name: String) {
    separator()
    writeString(name)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(0x20) }
    afterKey = true
  }

  public func key(_ name: String, _ body: () -> Void) {
    key(name)
    body()
  }

  public func key(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  public func key(_ name: String, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  public func key(_ name: String, _ value: Int) {
    key(name)
    int(value)
  }

  public func key(_ name: String, _ value: Int?) {
    key(name)
    if let value { int(value) } else { null() }
  }

  public func key(_ name: String, _ value: Double) {
    key(name)
    double(value)
  }

  public func key(_ name: String, _ value: Double?) {
    key(name)
    if let value { double(value) } else { null() }
  }

  public func key(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  public func key(_ name: String, strings: [String]) {
    key(name)
    array { for item in strings { string(item) } }
  }

  public func string(_ value: String) {
    separator()
    writeString(value)
  }

  public func int(_ value: Int) {
    separator()
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Integral values print without a fraction; others in Swift's shortest round-trip form.
  public func double(_ value: Double) {
    separator()
    bytes.append(contentsOf: JSONWriter.format(value).utf8)
  }

  public func bool(_ value: Bool) {
    separator()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public func null() {
    separator()
    bytes.append(contentsOf: "null".utf8)
  }

  /// Inserts already-encoded JSON as one value.
  public func rawValue(_ json: String) {
    separator()
    bytes.append(contentsOf: json.utf8)
  }

  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(.towardZero) && abs(value) < 1e15 {
      return String(Int(value))
    }
    return "\(value)"
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private func writeString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case 0x22: bytes.append(0x5C); bytes.append(0x22)
      case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
      case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
      case 0..<0x20, 0x7F, 0x2028, 0x2029:
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
