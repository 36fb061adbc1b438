/// YAML allows UTF-16 with a byte-order mark (some Windows editors save it). Activator reads such
/// text as UTF-8, once, so that positions, quoted lines and every reader work on one encoding.
package enum UTF16Text {
  /// Whether `bytes` start with a UTF-16 byte-order mark (either byte order).
  package static func hasByteOrderMark(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    guard let first = iterator.next(), let second = iterator.next() else { return false }
    return first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF
  }

  /// The text as UTF-8 when it starts with a UTF-16 byte-order mark (nil otherwise); `complete`
  /// is false when decoding stopped at a lone surrogate or an odd final byte, and `utf8` then
  /// holds the text before it.
  package static func decode(_ bytes: some RandomAccessCollection<UInt8>) -> (utf8: [UInt8], complete: Bool)? {
    let bytes = Array(bytes)
    guard hasByteOrderMark(bytes) else { return nil }
    let bigEndian = bytes[0] == 0xFE
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2 - 1)
    var index = 2
    while index + 1 < bytes.count {
      let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
      units.append(UInt16(high) << 8 | UInt16(low))
      index += 2
    }
    var output: [UInt8] = []
    output.reserveCapacity(units.count)
    var decoder = UTF16()
    var iterator = units.makeIterator()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): UTF8.encode(scalar) { output.append($0) }
      case .emptyInput: break loop
      case .error: return (output, false)
      }
    }
    return (output, bytes.count % 2 == 0)
  }
}
