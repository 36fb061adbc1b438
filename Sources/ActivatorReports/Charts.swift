import ActivatorCore

/// SVG charts drawn from numbers alone: a radar of the pillars and a stage ladder. Labels are
/// escaped; the output is well-formed XML. Every text carries its own fill from `Palette` (the
/// stylesheet sets only fonts), so a chart reads the same wherever it is shown.
package enum Charts {
  /// A radar of the pillars: rings for the stages, the current scores as a filled polygon and
  /// the targets, where given, as a dashed one.
  package static func radar(
    labels: [String], scores: [Double], targets: [Int?], top: Int, title: String, size: Double = 360
  ) -> String {
    let radar = Radar(count: max(3, labels.count), top: top, size: size)
    var svg = Markup(svg: true)
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(radar.width)) \(Int(size))"),
        ("width", "\(Int(radar.width))"),
        ("height", "\(Int(size))"), ("role", "img"), ("aria-label", title), ("class", "radar"),
      ])
    svg.element("title", text: title)
    radar.grid(&svg)
    let padded = scores + Array(repeating: 0, count: max(0, radar.count - scores.count))
    svg.empty(
      "polygon",
      [
        ("points", radar.polygon(padded)), ("fill", Palette.accent.description),
        ("fill-opacity", Coordinate.text(Palette.scoreAreaOpacity)),
        ("stroke", Palette.accent.description), ("stroke-width", "2"),
      ],
      xml: true)
    radar.targets((0..<radar.count).map { $0 < targets.count ? targets[$0] : nil }, &svg)
    for (index, value) in padded.enumerated() {
      let (x, y) = radar.point(index, value)
      svg.empty(
        "circle",
        [("cx", Coordinate.text(x)), ("cy", Coordinate.text(y)), ("r", "3.5"), ("fill", Palette.accent.description)],
        xml: true)
    }
    radar.labels(labels, &svg)
    svg.close("svg")
    return svg.output
  }

  /// Where a radar's parts go: one axis per pillar from the centre, stages as rings.
  struct Radar {
    let count: Int
    let top: Int
    let center: Double
    let centerX: Double
    let radius: Double
    let width: Double

    init(count: Int, top: Int, size: Double) {
      self.count = count
      self.top = top
      // Labels sit left and right of the chart: leave them room, more than above and below.
      let sideMargin = 150.0
      width = size + 2 * sideMargin - 80
      center = size / 2
      centerX = width / 2
      radius = size / 2 - 50
    }

    func point(_ index: Int, _ value: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
      let r = radius * value / Double(top)
      return (centerX + r * cos(angle), center + r * sin(angle))
    }

    func polygon(_ values: [Double]) -> String {
      values.enumerated().map { index, value in
        let (x, y) = point(index, value)
        return "\(Coordinate.text(x)),\(Coordinate.text(y))"
      }.joined(separator: " ")
    }

    /// A ring per stage, numbered on the first axis, and the axes.
    func grid(_ svg: inout Markup) {
      for ring in 1...max(1, top) {
        svg.empty(
          "polygon",
          [
            ("points", polygon(Array(repeating: Double(ring), count: count))), ("fill", "none"),
            ("stroke", Palette.line.description), ("stroke-width", "1"),
          ],
          xml: true)
        let (x, y) = point(0, Double(ring))
        svg.element(
          "text",
          [
            ("x", Coordinate.text(x + 4)), ("y", Coordinate.text(y + 4)), ("fill", Palette.muted.description),
            ("class", "ring"),
          ], text: String(ring))
      }
      for index in 0..<count {
        let (x, y) = point(index, Double(top))
        svg.empty(
          "line",
          [
            ("x1", Coordinate.text(centerX)), ("y1", Coordinate.text(center)), ("x2", Coordinate.text(x)),
            ("y2", Coordinate.text(y)),
            ("stroke", Palette.line.description),
          ],
          xml: true)
      }
    }

    /// A dashed edge between neighbouring axes that both have a target, and a ring on each axis
    /// that has one; an axis without a target is left alone rather than drawn at zero.
    func targets(_ target: [Int?], _ svg: inout Markup) {
      for index in 0..<count {
        guard let here = target[index], let next = target[(index + 1) % count], count > 1 else { continue }
        let (x1, y1) = point(index, Double(here))
        let (x2, y2) = point((index + 1) % count, Double(next))
        svg.empty(
          "line",
          [
            ("x1", Coordinate.text(x1)), ("y1", Coordinate.text(y1)), ("x2", Coordinate.text(x2)),
            ("y2", Coordinate.text(y2)),
            ("stroke", Palette.target.description), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
          ],
          xml: true)
      }
      for index in 0..<count {
        guard let here = target[index] else { continue }
        let (x, y) = point(index, Double(here))
        svg.empty(
          "circle",
          [
            ("cx", Coordinate.text(x)), ("cy", Coordinate.text(y)), ("r", "5"), ("fill", Palette.page.description),
            ("stroke", Palette.target.description), ("stroke-width", "2"),
          ],
          xml: true)
      }
    }

    /// Each pillar's name beyond the end of its axis, in two lines when long.
    func labels(_ labels: [String], _ svg: inout Markup) {
      for index in 0..<min(count, labels.count) {
        let (x, y) = point(index, Double(top) + 0.45)
        let anchor = abs(x - centerX) < 1 ? "middle" : x > centerX ? "start" : "end"
        let lines = Charts.wrap(labels[index])
        let firstY =
          y + 4 - (lines.count > 1 && abs(x - centerX) >= 1 ? 8 : 0)
          - (lines.count > 1 && y < center - 1 && abs(x - centerX) < 1 ? 16 : 0)
        svg.element(
          "text",
          [
            ("x", Coordinate.text(x)), ("y", Coordinate.text(firstY)), ("text-anchor", anchor),
            ("fill", Palette.ink.description), ("class", "axis"),
          ]
        ) { text in
          for (number, line) in lines.enumerated() {
            text.element("tspan", [("x", Coordinate.text(x)), ("dy", number == 0 ? "0" : "18")], text: line)
          }
        }
      }
    }
  }

  /// A label of more than 16 characters split in two lines at the space nearest its middle.
  static func wrap(_ label: String) -> [String] {
    let characters = Array(label)
    guard characters.count > 16 else { return [label] }
    let spaces = characters.indices.filter { characters[$0] == " " }
    guard let split = spaces.min(by: { abs($0 - characters.count / 2) < abs($1 - characters.count / 2) }) else {
      return [label]
    }
    return [String(characters[..<split]), String(characters[(split + 1)...])]
  }

  /// A ladder of the stages, climbing left to right: reached steps filled in their stage colour
  /// and outlined, the rest white with a dashed outline (so the two differ without colour and
  /// in grayscale), the target outlined in its own colour; names below the steps.
  package static func ladder(stage: Int, target: Int?, names: [String], title: String, width: Double = 640) -> String {
    let count = max(1, names.count)
    let step = width / Double(count)
    let baseline = 40.0
    var svg = Markup(svg: true)
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) 62"), ("width", "100%"),
        ("role", "img"),
        ("aria-label", title), ("class", "ladder"),
      ])
    svg.element("title", text: title)
    for index in 0..<count {
      let level = index + 1
      let reached = level <= stage
      let x = Double(index) * step
      let height = 12 + Double(index) * 28 / Double(max(1, count - 1))
      let isTarget = level == target
      svg.empty(
        "rect",
        [
          ("x", Coordinate.text(x + 2)), ("y", Coordinate.text(baseline - height)),
          ("width", Coordinate.text(step - 4)),
          ("height", Coordinate.text(height)), ("rx", "3"),
          ("fill", (reached ? Palette.stage(level, top: count) : Palette.unreached).description),
          ("stroke", (isTarget ? Palette.target : reached ? Palette.ink : Palette.unreachedOutline).description),
          ("stroke-width", isTarget ? "3" : "1"),
        ] + (reached || isTarget ? [] : [("stroke-dasharray", "4 3")]),
        xml: true)
      if level == stage {
        svg.element(
          "text",
          [
            ("x", Coordinate.text(x + step / 2)), ("y", Coordinate.text(baseline - 3)), ("text-anchor", "middle"),
            ("fill", Palette.stageInk(level, top: count).description), ("class", "here"),
          ],
          text: "●")
      }
      svg.element(
        "text",
        [
          ("x", Coordinate.text(x + step / 2)), ("y", "56"), ("text-anchor", "middle"),
          ("fill", (reached ? Palette.ink : Palette.muted).description),
          ("class", level == stage ? "step current" : "step"),
        ],
        text: "\(level) \(names[index])")
    }
    svg.close("svg")
    return svg.output
  }
}
