// The one place Activator names its C library. Files, terminals, signals and threads are
// reached through libc; every module that imports ActivatorCore sees it through this
// re-export, so no other file carries platform conditions, and porting means changing this
// file alone (see docs/architecture.md, "Platform").
//
// Activator is built and tested on Linux with glibc. macOS is not claimed: its libc differs
// in the details the engine relies on (thread handles, stat times, termios field widths), and
// no machine tests it.
#if canImport(Glibc)
  @_exported public import Glibc
#else
  #error("Activator supports Linux with glibc only; see docs/architecture.md (Platform)")
#endif

extension Duration {
  /// The duration in seconds, for rates and human-readable timings.
  package var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) / 1e18
  }
}

extension ContinuousClock.Instant {
  /// Seconds elapsed since this instant.
  package var secondsElapsed: Double { duration(to: .now).seconds }
}
