import ActivatorCore
import Testing

@testable import ActivatorTerminal

/// The sink a batch writes its output through: rows gathered into blocks, the file asked to go
/// to disk every few megabytes while the batch runs, and moved into place whole at the end.
@Suite struct OutputSinkTests {
  /// Rows of every length around the block and write-back sizes come back byte for byte, in
  /// order, and no temporary file is left beside the output.
  @Test func aLargeOutputIsWrittenWholeAndInOrder() throws {
    let folder = "/tmp/activator-sink-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    #expect(mkdir(folder, 0o700) == 0)
    defer {
      for name in (try? FileReading.list(folder)) ?? [] { unlink(folder + "/" + name) }
      rmdir(folder)
    }
    let path = folder + "/rows.jsonl"
    let sink = try OutputSink(path: path)
    var expected: [UInt8] = []
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    // Some 20 MB: two and a half write-back steps, in rows from 1 byte to 40 KB.
    while expected.count < 20 << 20 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 33) % (40 << 10) + 1
      let row = [UInt8](repeating: UInt8(truncatingIfNeeded: state >> 17) | 0x20, count: length) + [0x0A]
      sink.write(row)
      expected += row
    }
    try sink.finish()
    #expect(!sink.failed)
    #expect(try FileReading.read(path, maxBytes: 64 << 20) == expected)
    #expect(try FileReading.list(folder) == ["rows.jsonl"])
  }
}
