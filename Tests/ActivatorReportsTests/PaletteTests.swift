import Testing

@testable import ActivatorReports

/// The report colours against WCAG 2.2: text contrast (1.4.3, 4.5:1) of every pair the
/// stylesheet and the charts use, and a stage scale that reads in order without colour.
@Suite struct PaletteTests {
  @Test func contrastFollowsWCAG() {
    #expect(Colour.contrast(Colour(0x000000), Colour(0xffffff)) == 21)
    #expect(Colour.contrast(Colour(0xffffff), Colour(0xffffff)) == 1)
    // The figures issue 20 reported for the old palette.
    #expect(abs(Colour.contrast(Colour(0xffffff), Colour(0x7cb342)) - 2.5) < 0.05)
    #expect(abs(Colour.contrast(Colour(0xb7791f), Colour(0xffffff)) - 3.64) < 0.01)
    #expect(Colour(0x7cb342).description == "#7cb342")
  }

  @Test func everyTextPairReachesAA() {
    for pair in Palette.textPairs {
      let ratio = Colour.contrast(pair.text, pair.background)
      #expect(ratio >= 4.5, "\(pair.name): \(pair.text) on \(pair.background) is \(ratio):1")
    }
  }

  /// Badges, heatmap cells, the ladder's marker and the bars' text all take `stageInk` on
  /// `stage`; surveys may have 2 to 20 stages.
  @Test(arguments: 2...20)
  func stageTextReachesAA(top: Int) {
    for level in 1...top {
      let ratio = Colour.contrast(Palette.stageInk(level, top: top), Palette.stage(level, top: top))
      #expect(
        ratio >= 4.5,
        "stage \(level) of \(top): \(Palette.stageInk(level, top: top)) on \(Palette.stage(level, top: top)) is \(ratio):1"
      )
    }
  }

  /// Printed in black and white, a higher stage is always darker.
  @Test(arguments: 2...20)
  func stagesDarkenInOrder(top: Int) {
    for level in 2...top {
      let lighter = Palette.stage(level - 1, top: top).luminance
      let darker = Palette.stage(level, top: top).luminance
      #expect(darker < lighter, "stage \(level) of \(top) is not darker than stage \(level - 1)")
    }
  }

  /// On the usual five stages, neighbours differ enough in lightness to tell apart in grayscale
  /// (a luminance contrast of at least 1.4:1 between each pair), and the ends of the scale are
  /// far apart.
  @Test func fiveStagesStayApartInGrayscale() {
    let colours = (1...5).map { Palette.stage($0, top: 5) }
    for (lighter, darker) in zip(colours, colours.dropFirst()) {
      let ratio = Colour.contrast(lighter, darker)
      #expect(ratio >= 1.4, "\(lighter) and \(darker) differ by only \(ratio):1 in grayscale")
    }
    #expect(Colour.contrast(colours[0], colours[4]) >= 6)
  }

  /// Where there are fewer stages than anchors, the first and last keep the ends of the scale.
  @Test func shortScalesKeepTheirEnds() {
    #expect(Palette.stage(1, top: 2) == Palette.stage(1, top: 5))
    #expect(Palette.stage(2, top: 2) == Palette.stage(5, top: 5))
    #expect(Palette.stage(9, top: 5) == Palette.stage(5, top: 5))
  }
}

/// Nothing in the stylesheet or the charts picks a colour outside `Palette`, so the contrast
/// tests above cover everything a report shows.
@Suite struct PaletteUseTests {
  static func hexColours(in text: String) -> [String] {
    let characters = Array(text)
    var found: [String] = []
    for (index, character) in characters.enumerated() where character == "#" {
      let digits = characters[(index + 1)...].prefix { $0.isHexDigit }
      if digits.count == 6 || digits.count == 3 { found.append("#" + String(digits).lowercased()) }
    }
    return found
  }

  @Test(arguments: [2, 5, 7])
  func stylesheetAndChartsUseThePalette(top: Int) {
    let known = Set(
      (Palette.all + (1...top).flatMap { [Palette.stage($0, top: top), Palette.stageInk($0, top: top)] }).map(
        \.description))
    let names = (1...top).map { "Stage \($0)" }
    let outputs = [
      ("stylesheet", HTMLPage.stylesheet(topStage: top)),
      ("ladder", Charts.ladder(stage: 2, target: top, names: names, title: "t")),
      (
        "radar", Charts.radar(labels: ["a", "b", "c"], scores: [1, 2, 3], targets: [2, nil, 3], top: top, title: "t")
      ),
    ]
    for (name, output) in outputs {
      for colour in Self.hexColours(in: output) {
        #expect(known.contains(colour), "\(name) uses \(colour), which is not a palette colour")
      }
    }
  }
}

/// Graphics that carry meaning (WCAG 1.4.11, 3:1 against the page): the outline of a ladder
/// step not reached, the target outline and the radar's score outline.
@Suite struct GraphicsContrastTests {
  @Test func meaningfulGraphicsReach3To1() {
    for (name, colour) in [
      ("unreached step outline", Palette.unreachedOutline), ("target", Palette.target),
      ("score outline", Palette.accent),
    ] {
      let ratio = Colour.contrast(colour, Palette.page)
      #expect(ratio >= 3, "\(name): \(colour) on the page is \(ratio):1")
    }
  }
}
