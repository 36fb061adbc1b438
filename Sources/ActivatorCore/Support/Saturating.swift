extension Int {
  /// A floating-point value as a whole number without trapping: NaN becomes 0 and values beyond
  /// Int's range the nearest bound. Every Double → Int conversion on data uses this.
  public init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= 9.223_372_036_854_775e18 {
      self = .max
    } else if value <= -9.223_372_036_854_775e18 {
      self = .min
    } else {
      self = Int(value)  // trap-free: NaN and out-of-range values are handled above
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif

/// Seconds on the monotonic clock, for timings that must not jump with the wall clock.
public enum Monotonic {
  public static func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
