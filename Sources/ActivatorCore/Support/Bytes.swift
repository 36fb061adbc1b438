/// Byte-level helpers for reading straight from libyaml's buffers without making Strings.

/// An open-addressing table from byte strings to integers: looks up question ids, option values
/// and pillar ids straight from libyaml's buffers, without making a String for each.
struct ByteTable: Sendable {
  // All keys in one buffer, so a lookup touches no reference-counted array per key.
  private var storage: [UInt8] = []
  private var starts: [Int32] = []
  private var lengths: [Int32] = []
  private var values: [Int] = []
  private var slots: [Int32]
  private let mask: Int

  init(_ entries: [(String, Int)]) {
    var size = 16
    while size < entries.count * 3 { size *= 2 }
    mask = size - 1
    slots = [Int32](repeating: -1, count: size)
    for (key, value) in entries {
      let bytes = Array(key.utf8)
      if bytes.withUnsafeBufferPointer({ find($0) }) != nil { continue }
      var slot = bytes.withUnsafeBufferPointer { Self.hash($0) } & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(values.count)
      starts.append(Int32(storage.count))
      lengths.append(Int32(bytes.count))
      storage += bytes
      values.append(value)
    }
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: hash ^ (hash >> 32))
  }

  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var slot = Self.hash(bytes) & mask
    return storage.withUnsafeBufferPointer { all in
      while true {
        let entry = Int(slots[slot])
        if entry < 0 { return nil }
        if Int(lengths[entry]) == bytes.count {
          let key = UnsafeBufferPointer(rebasing: all[Int(starts[entry])..<Int(starts[entry]) + bytes.count])
          if sameBytes(key, bytes) { return values[entry] }
        }
        slot = (slot + 1) & mask
      }
    }
  }
}

/// Whether two byte buffers hold the same bytes (empty buffers may have no address).
@inline(__always)
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard a.count == b.count else { return false }
  guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
  return memcmp(x, y, a.count) == 0
}

/// Whether `bytes` spell one of `words` exactly.
func equalsAny(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
  for word in words where word.utf8CodeUnitCount == bytes.count {
    if sameBytes(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount), bytes) { return true }
  }
  return false
}
