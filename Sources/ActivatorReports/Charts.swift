import ActivatorCore

/// SVG charts drawn from numbers alone: a radar of the pillars, a stage ladder, and stacked
/// bars of a stage distribution. Labels are escaped; the output is well-formed XML.
public enum Charts {
  /// Stage colours from red (1) to green (top), readable in print and for most colour vision.
  public static func color(stage: Int, top: Int) -> String {
    let palette = ["#c0392b", "#e67e22", "#f1c40f", "#7cb342", "#2e7d32", "#1b5e20", "#0d3b12"]
    guard top > 1 else { return palette[4] }
    let position = Double(max(1, min(stage, top)) - 1) / Double(top - 1)
    return palette[min(palette.count - 1, Int(saturating: (position * 4).rounded()))]
  }

  /// Text colour to use on a stage colour.
  public static func ink(stage: Int, top: Int) -> String {
    let background = color(stage: stage, top: top)
    return background == "#f1c40f" || background == "#e67e22" ? "#1a1a1a" : "#ffffff"
  }

  /// A radar of the pillars: rings for the stages, the current scores as a filled polygon and
  /// the targets, where given, as a dashed one.
  public static func radar(labels: [String], scores: [Double], targets: [Int?], top: Int, title: String, size: Double = 360) -> String {
    let count = max(3, labels.count)
    // Labels sit left and right of the chart: leave them room, more than above and below.
    let sideMargin = 150.0
    let width = size + 2 * sideMargin - 80
    let center = size / 2
    let centerX = width / 2
    let radius = size / 2 - 50
    var svg = Markup()
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(size))"), ("width", "\(Int(width))"),
        ("height", "\(Int(size))"), ("role", "img"), ("aria-label", title), ("class", "radar"),
      ])
    svg.element("title", text: title)
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
    for ring in 1...max(1, top) {
      svg.empty(
        "polygon", [("points", polygon(Array(repeating: Double(ring), count: count))), ("fill", "none"), ("stroke", "#d0d4da"), ("stroke-width", "1")],
        xml: true)
      let (x, y) = point(0, Double(ring))
      svg.element("text", [("x", Coordinate.text(x + 4)), ("y", Coordinate.text(y + 4)), ("class", "ring")], text: String(ring))
    }
    for index in 0..<count {
      let (x, y) = point(index, Double(top))
      svg.empty(
        "line", [("x1", Coordinate.text(centerX)), ("y1", Coordinate.text(center)), ("x2", Coordinate.text(x)), ("y2", Coordinate.text(y)), ("stroke", "#d0d4da")],
        xml: true)
    }
    let padded = scores + Array(repeating: 0, count: max(0, count - scores.count))
    svg.empty(
      "polygon",
      [("points", polygon(padded)), ("fill", "#1f6feb"), ("fill-opacity", "0.25"), ("stroke", "#1f6feb"), ("stroke-width", "2")],
      xml: true)
    // Targets: a dashed edge between neighbouring axes that both have one, and a ring on each
    // axis that has one; an axis without a target is left alone rather than drawn at zero.
    let target = (0..<count).map { index in index < targets.count ? targets[index] : nil }
    for index in 0..<count {
      guard let here = target[index], let next = target[(index + 1) % count], count > 1 else { continue }
      let (x1, y1) = point(index, Double(here))
      let (x2, y2) = point((index + 1) % count, Double(next))
      svg.empty(
        "line",
        [
          ("x1", Coordinate.text(x1)), ("y1", Coordinate.text(y1)), ("x2", Coordinate.text(x2)), ("y2", Coordinate.text(y2)),
          ("stroke", "#8250df"), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
        ],
        xml: true)
    }
    for index in 0..<count {
      guard let here = target[index] else { continue }
      let (x, y) = point(index, Double(here))
      svg.empty(
        "circle", [("cx", Coordinate.text(x)), ("cy", Coordinate.text(y)), ("r", "5"), ("fill", "#ffffff"), ("stroke", "#8250df"), ("stroke-width", "2")],
        xml: true)
    }
    for (index, value) in padded.enumerated() {
      let (x, y) = point(index, value)
      svg.empty("circle", [("cx", Coordinate.text(x)), ("cy", Coordinate.text(y)), ("r", "3.5"), ("fill", "#1f6feb")], xml: true)
    }
    for index in 0..<min(count, labels.count) {
      let (x, y) = point(index, Double(top) + 0.45)
      let anchor = abs(x - centerX) < 1 ? "middle" : x > centerX ? "start" : "end"
      let lines = wrap(labels[index])
      let firstY = y + 4 - (lines.count > 1 && abs(x - centerX) >= 1 ? 8 : 0) - (lines.count > 1 && y < center - 1 && abs(x - centerX) < 1 ? 16 : 0)
      svg.element("text", [("x", Coordinate.text(x)), ("y", Coordinate.text(firstY)), ("text-anchor", anchor), ("class", "axis")]) { text in
        for (number, line) in lines.enumerated() {
          text.element("tspan", [("x", Coordinate.text(x)), ("dy", number == 0 ? "0" : "18")], text: line)
        }
      }
    }
    svg.close("svg")
    return svg.output
  }

  /// A label of more than 16 characters split in two lines at the space nearest its middle.
  static func wrap(_ label: String) -> [String] {
    let characters = Array(label)
    guard characters.count > 16 else { return [label] }
    let spaces = characters.indices.filter { characters[$0] == " " }
    guard let split = spaces.min(by: { abs($0 - characters.count / 2) < abs($1 - characters.count / 2) }) else { return [label] }
    return [String(characters[..<split]), String(characters[(split + 1)...])]
  }

  /// A ladder of the stages, climbing left to right: reached steps in their stage colour, the
  /// rest grey, the target outlined; names below the steps.
  public static func ladder(stage: Int, target: Int?, names: [String], title: String, width: Double = 640) -> String {
    let count = max(1, names.count)
    let step = width / Double(count)
    let baseline = 40.0
    var svg = Markup()
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) 62"), ("width", "100%"), ("role", "img"),
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
          ("x", Coordinate.text(x + 2)), ("y", Coordinate.text(baseline - height)), ("width", Coordinate.text(step - 4)),
          ("height", Coordinate.text(height)), ("rx", "3"), ("fill", reached ? color(stage: level, top: count) : "#eef0f3"),
          ("stroke", isTarget ? "#8250df" : reached ? "none" : "#d0d7de"), ("stroke-width", isTarget ? "3" : "1"),
        ],
        xml: true)
      if level == stage {
        svg.element(
          "text", [("x", Coordinate.text(x + step / 2)), ("y", Coordinate.text(baseline - 3)), ("text-anchor", "middle"), ("fill", ink(stage: level, top: count)), ("class", "here")],
          text: "●")
      }
      svg.element(
        "text",
        [("x", Coordinate.text(x + step / 2)), ("y", "56"), ("text-anchor", "middle"), ("fill", reached ? "#1f2328" : "#57606a"), ("class", level == stage ? "step current" : "step")],
        text: "\(level) \(names[index])")
    }
    svg.close("svg")
    return svg.output
  }

  /// One horizontal bar per row, split by stage counts.
  public static func distribution(rows: [(label: String, counts: [Int])], top: Int, title: String, width: Double = 640) -> String {
    let labelWidth = 190.0
    let barWidth = width - labelWidth - 10
    let rowHeight = 26.0
    let height = Double(rows.count) * rowHeight + 30
    var svg = Markup()
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("width", "100%"), ("role", "img"),
        ("aria-label", title), ("class", "distribution"),
      ])
    svg.element("title", text: title)
    for (index, row) in rows.enumerated() {
      let y = Double(index) * rowHeight
      svg.element("text", [("x", "0"), ("y", Coordinate.text(y + 17)), ("class", "label")], text: row.label)
      let total = max(1, row.counts.reduce(0, +))
      var x = labelWidth
      for (stage, count) in row.counts.enumerated() where count > 0 {
        let w = barWidth * Double(count) / Double(total)
        svg.empty(
          "rect",
          [("x", Coordinate.text(x)), ("y", Coordinate.text(y + 3)), ("width", Coordinate.text(w)), ("height", "20"), ("fill", color(stage: stage + 1, top: top))],
          xml: true)
        if w > 18 {
          svg.element(
            "text", [("x", Coordinate.text(x + w / 2)), ("y", Coordinate.text(y + 17)), ("text-anchor", "middle"), ("fill", ink(stage: stage + 1, top: top)), ("class", "count")],
            text: String(count))
        }
        x += w
      }
    }
    // Legend.
    let legendY = Double(rows.count) * rowHeight + 8
    for stage in 1...max(1, top) {
      let x = labelWidth + Double(stage - 1) * 60
      svg.empty("rect", [("x", Coordinate.text(x)), ("y", Coordinate.text(legendY)), ("width", "14"), ("height", "14"), ("fill", color(stage: stage, top: top))], xml: true)
      svg.element("text", [("x", Coordinate.text(x + 18)), ("y", Coordinate.text(legendY + 12)), ("class", "legend")], text: String(stage))
    }
    svg.close("svg")
    return svg.output
  }
}
