extension Int {
  /// A floating-point value as a whole number without trapping: NaN becomes 0 and values beyond
  /// Int's range the nearest bound. Every Double → Int conversion on data uses this.
  package init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= 0x1p63 {
      // 2^63 exactly: the largest double below it (9223372036854774784) still fits and converts
      // exactly, so the bound must not be a rounded decimal.
      self = .max
    } else if value < -0x1p63 {
      self = .min
    } else {
      self = Int(value)  // trap-free: NaN and out-of-range values are handled above
    }
  }
}
