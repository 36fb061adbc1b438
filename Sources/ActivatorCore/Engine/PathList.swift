/// A batch's file names, packed into byte blocks. A million `String`s cost about 120 bytes each
/// for the whole run; packed, a name costs its length plus 12 bytes. Blocks are never regrown
/// (a growing array briefly holds two copies of itself), and sorting moves only the 12 bytes.
package struct PathList: RandomAccessCollection, Sendable {
  /// Where a name is: `count` bytes from `start` in block `block`.
  struct Span {
    var block: UInt32
    var start: UInt32
    var count: UInt32
  }
  private static let blockSize = 256 << 10
  private var blocks: [[UInt8]] = []
  /// The names in list order (blocks keep the order in which names arrived).
  private var spans: [Span] = []

  package init() {}

  package init(_ paths: some Sequence<String>) {
    for path in paths { append(path) }
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { spans.count }

  package subscript(position: Int) -> String {
    let span = spans[position]
    let start = Int(span.start)
    return String(decoding: blocks[Int(span.block)][start..<start + Int(span.count)], as: UTF8.self)
  }

  package mutating func append(_ path: String) {
    var path = path
    path.withUTF8 { append(bytes: $0) }
  }

  mutating func append(bytes name: UnsafeBufferPointer<UInt8>) {
    // A name longer than a block (no real path is) gets a block of its own.
    if blocks.isEmpty || blocks[blocks.count - 1].count + name.count > blocks[blocks.count - 1].capacity {
      var block: [UInt8] = []
      block.reserveCapacity(Swift.max(Self.blockSize, name.count))
      blocks.append(block)
    }
    let last = blocks.count - 1
    let start = blocks[last].count
    blocks[last].append(contentsOf: name)
    spans.append(
      Span(
        block: UInt32(truncatingIfNeeded: last), start: UInt32(truncatingIfNeeded: start),
        count: UInt32(truncatingIfNeeded: name.count)))
  }

  /// Appends the lines of an open file descriptor (standard input), without their surrounding
  /// spaces; empty lines are dropped. Reads in blocks: no line is ever held as a `String`.
  package mutating func appendLines(from fd: Int32) {
    var block = [UInt8](repeating: 0, count: 64 << 10)
    var pending: [UInt8] = []
    func take(_ line: UnsafeBufferPointer<UInt8>) {
      var start = 0
      var end = line.count
      while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
      while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
      if start < end { append(bytes: UnsafeBufferPointer(rebasing: line[start..<end])) }
    }
    while true {
      let count = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      block.withUnsafeBufferPointer { buffer in
        var lineStart = 0
        for index in 0..<count where buffer[index] == 0x0A {
          if pending.isEmpty {
            take(UnsafeBufferPointer(rebasing: buffer[lineStart..<index]))
          } else {
            pending.append(contentsOf: buffer[lineStart..<index])
            pending.withUnsafeBufferPointer { take($0) }
            pending.removeAll(keepingCapacity: true)
          }
          lineStart = index + 1
        }
        pending.append(contentsOf: buffer[lineStart..<count])
      }
    }
    if !pending.isEmpty { pending.withUnsafeBufferPointer { take($0) } }
  }

  /// Sorts byte-wise and drops repeats, moving spans only.
  package mutating func sortAndRemoveDuplicates() {
    let blocks = self.blocks
    func compare(_ left: Span, _ right: Span) -> Int32 {
      blocks[Int(left.block)].withUnsafeBufferPointer { a in
        blocks[Int(right.block)].withUnsafeBufferPointer { b in
          let common = Int(Swift.min(left.count, right.count))
          if common > 0, let first = a.baseAddress, let second = b.baseAddress {
            let compared = memcmp(first + Int(left.start), second + Int(right.start), common)
            if compared != 0 { return compared }
          }
          return left.count < right.count ? -1 : left.count > right.count ? 1 : 0
        }
      }
    }
    // Lists usually arrive sorted (a folder walk, `find | sort`): check before sorting.
    if spans.indices.dropFirst().allSatisfy({ compare(spans[$0 - 1], spans[$0]) < 0 }) { return }
    spans.sort { compare($0, $1) < 0 }
    var kept = 0
    for index in spans.indices where kept == 0 || compare(spans[kept - 1], spans[index]) != 0 {
      spans[kept] = spans[index]
      kept += 1
    }
    spans.removeSubrange(kept...)
  }
}
