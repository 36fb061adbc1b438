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
