import ActivatorCore
import Testing

/// The byte buffer output writers fill: what goes in comes out, in order, across every doubling
/// of its memory, whatever the size of each append.
@Suite struct ByteBufferTests {
  /// `#expect` takes a property of its expression apart to show it, which a value that cannot be
  /// copied does not allow: the buffer's checks are made as plain conditions.
  func check(_ condition: Bool, _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(condition, comment, sourceLocation: sourceLocation)
  }

  @Test func bytesSurviveGrowthAcrossTheDoublingBoundary() {
    var buffer = ByteBuffer(capacity: 16)
    var expected: [UInt8] = []
    // One byte at a time up to and past each doubling (16, 32, 64, 128).
    for index in 0..<130 {
      let byte = UInt8(truncatingIfNeeded: index &* 7)
      buffer.append(byte)
      expected.append(byte)
      check(buffer.count == expected.count)
      check(buffer.capacity >= buffer.count)
    }
    check(buffer.capacity == 256)
    check(buffer.array == expected)
    check(buffer.last == expected.last)
    check(buffer.byte(at: 129) == expected[129])
    check(buffer.byte(at: 130) == nil)
    check(buffer.byte(at: -1) == nil)
  }

  /// Short appends are copied by words (1 to 16 bytes), longer ones by memcpy: every length on
  /// both sides of each path, at every alignment of the end of the buffer.
  @Test func appendsOfEveryLengthCopyEveryByte() {
    let source = [UInt8]((0..<40).map { UInt8($0 + 1) })
    for start in 0..<9 {
      for length in 0...source.count {
        var buffer = ByteBuffer(capacity: 16)
        buffer.append(0xEE, count: start)
        source.withUnsafeBufferPointer { buffer.append(UnsafeBufferPointer(rebasing: $0[..<length])) }
        buffer.append(0xFF)
        check(
          buffer.array == [UInt8](repeating: 0xEE, count: start) + source.prefix(length) + [0xFF],
          "start \(start), length \(length)")
      }
    }
  }

  @Test func anAppendLargerThanTheDoubledRoomGrowsToHoldIt() {
    var buffer = ByteBuffer(capacity: 16)
    buffer.append("ab")
    let large = [UInt8]((0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
    large.withUnsafeBufferPointer { buffer.append($0) }
    check(buffer.count == 100_002)
    check(buffer.capacity >= 100_002)
    check(buffer.array == Array("ab".utf8) + large)
    // Then doubling again from there.
    buffer.append(0x2A, count: 200_000)
    check(buffer.count == 300_002)
    check(buffer.array.suffix(3) == [0x2A, 0x2A, 0x2A])
    check(buffer.array[100_001] == large.last)
  }

  @Test func removingKeepsTheMemoryAndPopReturnsTheLastByte() {
    var buffer = ByteBuffer(capacity: 16)
    buffer.append(0x20, count: 40)
    let capacity = buffer.capacity
    buffer.removeAll()
    check(buffer.isEmpty && buffer.capacity == capacity)
    check(buffer.popLast() == nil)
    buffer.append(1)
    buffer.append(2)
    buffer.setLast(3)
    check(buffer.popLast() == 3)
    check(buffer.popLast() == 1)
    check(buffer.isEmpty)
    buffer.append(0x41, count: 0)
    buffer.append(UnsafeBufferPointer(start: nil, count: 0))
    check(buffer.isEmpty)
  }

  /// Long strings through the writer: every escape at every offset of the eight-byte scan, in
  /// text that is mostly ASCII and mostly multi-byte UTF-8, and strings far larger than the room
  /// the writer starts with.
  @Test func longStringsAreWrittenWholeAndEscapedAtEveryOffset() {
    for filler in ["abcdefghij", "éàüñç", "한국어", "—…"] {
      let base = String(repeating: filler, count: 4)
      for special in ["\"", "\\", "\n", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{2069}"] {
        for offset in 0...base.count {
          var text = base
          text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: offset))
          let writer = JSONWriter(reserve: 16)
          writer.string(text)
          let escaped =
            switch special {
            case "\"": #"\""#
            case "\\": #"\\"#
            case "\n": #"\n"#
            default:
              #"\u"#
                + String(repeating: "0", count: 4 - String(special.unicodeScalars.first?.value ?? 0, radix: 16).count)
                + String(special.unicodeScalars.first?.value ?? 0, radix: 16)
            }
          var want = base
          want.insert(contentsOf: escaped, at: want.index(want.startIndex, offsetBy: offset))
          #expect(writer.finish() == "\"" + want + "\"", "\(filler) \(offset)")
        }
      }
    }
    let huge = String(repeating: "Smart city é 한 ", count: 20_000)
    let writer = JSONWriter(reserve: 16)
    writer.object { writer.key("text", huge) }
    #expect(writer.finish() == #"{"text":""# + huge + #""}"#)
  }
}
