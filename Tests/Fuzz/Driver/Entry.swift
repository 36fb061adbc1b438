import ActivatorCore
import FuzzTargets

/// Which target this process fuzzes: `ACTIVATOR_FUZZ_TARGET` (answers, rules or expressions).
let selectedTarget: FuzzTarget = {
  guard let name = getenv("ACTIVATOR_FUZZ_TARGET").map({ String(cString: $0) }) else { return .answers }
  guard let target = FuzzTarget(rawValue: name) else {
    fatalError("ACTIVATOR_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))")
  }
  return target
}()

#if FUZZING
  import CLibFuzzer

  // Built with `-sanitize=fuzzer` by Tests/Fuzz/run: hands control to libFuzzer's driver.
  @main enum Fuzz {
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(
        LLVMFuzzerRunDriver(&argc, &argv) { data, size in
          let problems = selectedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
          // A broken invariant is a crash for libFuzzer to keep and minimise.
          precondition(problems.isEmpty, problems.joined(separator: "\n"))
          return 0
        })
    }
  }
#else
  /// Without the fuzzer: replays the files given as arguments, for reproducing a crash in a
  /// debugger or a plain build.
  @main enum Replay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let handle = fopen(path, "rb") else {
          print("cannot open \(path)")
          exit(2)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let count = fread(&chunk, 1, chunk.count, handle)
          if count <= 0 { break }
          bytes += chunk[0..<count]
        }
        fclose(handle)
        let problems = selectedTarget.run(bytes)
        if problems.isEmpty {
          print("ok \(path)")
        } else {
          print("FAILED \(path):\n" + problems.joined(separator: "\n"))
          exit(1)
        }
      }
    }
  }
#endif
