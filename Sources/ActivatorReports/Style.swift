/// ANSI styling that disappears when colour is off.
package struct Style: Sendable {
  package var color: Bool

  package init(color: Bool) { self.color = color }

  func wrap(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  package func bold(_ text: String) -> String { wrap(text, "1") }
  package func dim(_ text: String) -> String { wrap(text, "2") }
  package func red(_ text: String) -> String { wrap(text, "31") }
  package func green(_ text: String) -> String { wrap(text, "32") }
  package func yellow(_ text: String) -> String { wrap(text, "33") }
  package func blue(_ text: String) -> String { wrap(text, "34") }
  package func cyan(_ text: String) -> String { wrap(text, "36") }

  /// The colour of a stage on a 1–5 scale: red, yellow, then green.
  package func stage(_ text: String, _ stage: Int, top: Int) -> String {
    guard color else { return text }
    let fraction = top > 1 ? Double(stage - 1) / Double(top - 1) : 1
    let code = fraction < 0.3 ? "31" : fraction < 0.6 ? "33" : fraction < 0.9 ? "32" : "1;32"
    return wrap(text, code)
  }
}
