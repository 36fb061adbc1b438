import ActivatorCore

/// An sRGB colour, with the arithmetic WCAG 2.2 defines for contrast.
package struct Colour: Sendable, Equatable, CustomStringConvertible {
  package var red: UInt8
  package var green: UInt8
  package var blue: UInt8

  package init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// `0x1f2328` → #1f2328.
  package init(_ hex: UInt32) {
    self.init(
      red: UInt8(truncatingIfNeeded: hex >> 16), green: UInt8(truncatingIfNeeded: hex >> 8),
      blue: UInt8(truncatingIfNeeded: hex))
  }

  /// `#1f2328`, as CSS and SVG take it.
  package var description: String {
    let digits = Array("0123456789abcdef")
    return "#" + String([red, green, blue].flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }

  /// The channels as linear light, 0…1 (the sRGB transfer function undone).
  var linear: [Double] {
    [red, green, blue].map { channel in
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
  }

  /// Relative luminance (WCAG 2.2, "relative luminance"): 0 for black, 1 for white.
  package var luminance: Double {
    let channels = linear
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
  }

  /// WCAG contrast ratio, 1…21, the same either way round.
  package static func contrast(_ a: Colour, _ b: Colour) -> Double {
    let (x, y) = (a.luminance, b.luminance)
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
  }

  /// This colour painted with `opacity` over `background`, blended as browsers blend (on the
  /// encoded values).
  package func painted(over background: Colour, opacity: Double) -> Colour {
    func blend(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
      UInt8(clamping: Int(saturating: (Double(top) * opacity + Double(bottom) * (1 - opacity)).rounded()))
    }
    return Colour(
      red: blend(red, background.red), green: blend(green, background.green), blue: blend(blue, background.blue))
  }

  /// The colour `fraction` of the way from `self` to `other`, mixed as light: luminance then
  /// moves monotonically between the two, which keeps an interpolated scale in grayscale order.
  func mixed(with other: Colour, _ fraction: Double) -> Colour {
    let channels = zip(linear, other.linear).map { a, b in
      let value = a + (b - a) * fraction
      let encoded = value <= 0.0031308 ? value * 12.92 : 1.055 * pow(value, 1 / 2.4) - 0.055
      return UInt8(clamping: Int(saturating: (max(0, min(1, encoded)) * 255).rounded()))
    }
    return Colour(red: channels[0], green: channels[1], blue: channels[2])
  }
}

/// Every colour of the HTML reports, in one place so the tests can check each text/background
/// pair against WCAG 2.2 AA (4.5:1 for text) and the stage scale's grayscale order.
package enum Palette {
  package static let page = Colour(0xffffff)
  /// Behind the page on a wide screen.
  package static let surround = Colour(0xf6f8fa)
  package static let ink = Colour(0x1f2328)
  package static let muted = Colour(0x57606a)
  package static let line = Colour(0xd0d7de)
  package static let accent = Colour(0x1f6feb)
  /// The opacity of the radar's score area, whose ring numbers sit on it.
  package static let scoreAreaOpacity = 0.25
  /// Text on the accent colour (the rank of a recommendation).
  package static let onAccent = Colour(0xffffff)
  package static let target = Colour(0x8250df)
  /// Met criteria, passed gates, a rise.
  package static let met = Colour(0x2e7d32)
  /// Criteria not met, failed gates, a fall.
  package static let unmet = Colour(0xc0392b)
  /// Unknown criteria and low confidence.
  package static let unknown = Colour(0x9a6700)
  /// Stage steps not reached yet on a ladder.
  package static let unreached = Colour(0xffffff)
  /// The outline of a ladder step not reached: the step is a graphic, so 3:1 (WCAG 1.4.11).
  package static let unreachedOutline = Colour(0x8c959f)

  /// The five anchors of the stage scale, from stage 1 to the top stage: red to green, each
  /// darker than the one before (CIE L* 88, 75, 62, 47, 31), so a printout in black and white
  /// still reads in order and the hue never carries the meaning alone.
  static let stageAnchors = [Colour(0xffd1cc), Colour(0xf2a878), Colour(0xb29239), Colour(0x527a37), Colour(0x26522d)]

  /// Text inks for a stage colour, in order of preference: the page's ink, white, and black
  /// for a middle grey where neither reaches AA.
  static let inks = [ink, Colour(0xffffff), Colour(0x000000)]

  /// The fill of a stage on a scale of `top` stages; surveys with other than five stages get
  /// colours between the anchors.
  package static func stage(_ level: Int, top: Int) -> Colour {
    guard top > 1 else { return stageAnchors[stageAnchors.count - 1] }
    let position = Double(max(1, min(level, top)) - 1) / Double(top - 1) * Double(stageAnchors.count - 1)
    let lower = min(stageAnchors.count - 2, Int(saturating: position.rounded(.down)))
    let fraction = position - Double(lower)
    // The anchors themselves are returned as written, not through the mixing arithmetic.
    if fraction < 1e-9 { return stageAnchors[lower] }
    if fraction > 1 - 1e-9 { return stageAnchors[lower + 1] }
    return stageAnchors[lower].mixed(with: stageAnchors[lower + 1], fraction)
  }

  /// Text on a stage colour: the first ink that reaches 4.5:1, else the one with most contrast.
  package static func stageInk(_ level: Int, top: Int) -> Colour {
    text(on: stage(level, top: top))
  }

  static func text(on background: Colour) -> Colour {
    inks.first { Colour.contrast($0, background) >= 4.5 } ?? inks.max {
      Colour.contrast($0, background) < Colour.contrast($1, background)
    } ?? ink
  }

  /// Every colour the reports use outside the stage scale.
  package static let all = [
    page, surround, ink, muted, line, accent, onAccent, target, met, unmet, unknown, unreached, unreachedOutline,
  ]

  /// Every pair of text colour and background the stylesheet and the charts use, outside the
  /// stage scale (which `stage`/`stageInk` cover), named for the test's messages.
  package static let textPairs: [(name: String, text: Colour, background: Colour)] = [
    ("ink on page", ink, page),
    ("muted on page", muted, page),
    ("muted on surround", muted, surround),
    ("link on page", accent, page),
    ("rank on accent", onAccent, accent),
    ("met on page", met, page),
    ("not met on page", unmet, page),
    ("unknown on page", unknown, page),
    ("target on page", target, page),
    ("radar ring number on the score area", muted, accent.painted(over: page, opacity: scoreAreaOpacity)),
  ]
}
