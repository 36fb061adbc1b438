/// ANSI styling that disappears when colour is off.
public struct Style: Sendable {
  public var color: Bool

  public init(color: Bool) { self.color = color }

  func wrap(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func blue(_ text: String) -> String { wrap(text, "34") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }

  /// The colour of a stage on a 1–5 scale: red, yellow, then green.
  public func stage(_ text: String, _ stage: Int, top: Int) -> String {
    guard color else { return text }
    let fraction = top > 1 ? Double(stage - 1) / Double(top - 1) : 1
    let code = fraction < 0.3 ? "31" : fraction < 0.6 ? "33" : fraction < 0.9 ? "32" : "1;32"
    return wrap(text, code)
  }
}
