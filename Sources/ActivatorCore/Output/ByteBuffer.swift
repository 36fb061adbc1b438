/// Bytes being written, on memory the buffer owns: appending checks only that there is room
/// (an `Array` also checks, on every append, that its storage is not shared), and the room
/// doubles when it runs out. Not copyable, so there is never a second owner of the memory; it
/// is freed when the buffer goes away. Output writers fill one per row or document
/// (`JSONWriter`; docs/performance.md, issue 15 item 10).
package struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  package private(set) var count = 0
  package private(set) var capacity: Int

  package init(capacity: Int = 1024) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  package var isEmpty: Bool { count == 0 }

  /// The byte at `index`, or nil outside `0..<count`.
  package func byte(at index: Int) -> UInt8? {
    index >= 0 && index < count ? base[index] : nil
  }

  @inline(__always)
  package mutating func append(_ byte: UInt8) {
    if count == capacity { grow(toHold: count &+ 1) }
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    let length = bytes.count
    reserve(length)
    let target = base + count
    // Most appends are keys and short values: two overlapping word copies cost less than a
    // call to memcpy.
    if length <= 16 {
      Self.copyShort(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(target), length)
    } else {
      target.initialize(from: source, count: length)
    }
    count &+= length
  }

  /// Copies 1 to 16 bytes with at most two loads and two stores, overlapping in the middle.
  @inline(__always)
  private static func copyShort(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, _ length: Int) {
    if length >= 8 {
      let head = source.loadUnaligned(as: UInt64.self)
      let tail = source.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
      target.storeBytes(of: head, as: UInt64.self)
      target.storeBytes(of: tail, toByteOffset: length &- 8, as: UInt64.self)
    } else if length >= 4 {
      let head = source.loadUnaligned(as: UInt32.self)
      let tail = source.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
      target.storeBytes(of: head, as: UInt32.self)
      target.storeBytes(of: tail, toByteOffset: length &- 4, as: UInt32.self)
    } else {
      for offset in 0..<length {
        target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self)
      }
    }
  }

  /// `count` copies of one byte (indentation).
  package mutating func append(_ byte: UInt8, count repeats: Int) {
    guard repeats > 0 else { return }
    reserve(repeats)
    (base + count).initialize(repeating: byte, count: repeats)
    count &+= repeats
  }

  /// The bytes of a literal (`StaticString`: the compiler's own UTF-8, with no `String` made).
  @inline(__always)
  package mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { append($0) }
  }

  /// Makes room for `more` bytes past the end, so that that many appends need no growth.
  @inline(__always)
  package mutating func reserve(_ more: Int) {
    if more > capacity &- count { grow(toHold: count + more) }
  }

  /// Empties the buffer and keeps its memory.
  package mutating func removeAll() { count = 0 }

  /// Removes and returns the last byte, or nil when empty.
  package mutating func popLast() -> UInt8? {
    guard count > 0 else { return nil }
    count &-= 1
    return base[count]
  }

  /// Replaces the last byte; does nothing when empty.
  package mutating func setLast(_ byte: UInt8) {
    guard count > 0 else { return }
    base[count &- 1] = byte
  }

  package var last: UInt8? { count > 0 ? base[count &- 1] : nil }

  /// A copy of the bytes written.
  package var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  package func withUnsafeBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  @inline(never)
  private mutating func grow(toHold needed: Int) {
    let doubled = capacity.multipliedReportingOverflow(by: 2)
    let grown = doubled.overflow ? needed : max(needed, doubled.partialValue)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    moved.moveInitialize(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = grown
  }
}
