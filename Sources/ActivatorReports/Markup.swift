import ActivatorCore

/// Builds HTML or SVG text. Every piece of text goes through `text(_:)` or an attribute value,
/// both escaped; only markup written in this module is emitted raw.
package struct Markup: Sendable {
  package private(set) var output = ""
  /// SVG has no `<bdi>`: its text is never isolated.
  let svg: Bool

  package init(svg: Bool = false) { self.svg = svg }

  /// Whether text is written into a right-to-left page, where every left-to-right run in it
  /// (numbers, ids, units, Latin names) is isolated in `<bdi>`, so "ISO 37120" or "42%" keep
  /// their order and do not pull the words around them. Set by `HTMLPage` for the page it renders.
  @TaskLocal package static var rightToLeftPage = false

  /// Text escaped for element content and attribute values alike.
  package static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters other than line breaks and tabs are not allowed in HTML or XML.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        // Explicit direction overrides and isolates from a file could reorder the text around
        // them; right-to-left names display correctly without them.
        if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A link target safe to put in `href`: web addresses only, anything else dropped.
  package static func safeURL(_ url: String) -> String? {
    let lowered = url.lowercased()
    guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return nil }
    guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" })
    else { return nil }
    return url
  }

  /// The host of a web address without a leading `www.`: `https://www.x.org/a` → `x.org`.
  package static func site(_ url: String) -> String {
    guard let scheme = url.firstRange(of: "://") else { return url }
    let rest = url[scheme.upperBound...]
    var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    if host.lowercased().hasPrefix("www.") { host = host.dropFirst(4) }
    return host.isEmpty ? url : String(host)
  }

  package mutating func raw(_ markup: String) { output += markup }

  package mutating func text(_ text: String) { output += content(text) }

  /// Text as element content: escaped, and isolated where the page is right to left.
  func content(_ text: String) -> String {
    guard Self.rightToLeftPage, !svg else { return Self.escape(text) }
    return Bidi.isolatingLeftToRightRuns(text, escape: Self.escape) { "<bdi>" + $0 + "</bdi>" }
  }

  /// `<name attributes>body</name>`; attribute values are escaped.
  package mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout Markup) -> Void) {
    open(name, attributes)
    body(&self)
    output += "</\(name)>"
  }

  package mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
    open(name, attributes)
    output += content(text)
    output += "</\(name)>"
  }

  /// An element with no content (`<rect …/>` in SVG, `<br>`-like in HTML).
  package mutating func empty(_ name: String, _ attributes: [(String, String)] = [], xml: Bool = false) {
    output += "<\(name)"
    for (key, value) in attributes { output += " \(key)=\"\(Self.escape(value))\"" }
    output += xml ? "/>" : ">"
  }

  package mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    output += "<\(name)"
    for (key, value) in attributes { output += " \(key)=\"\(Self.escape(value))\"" }
    output += ">"
  }

  package mutating func close(_ name: String) { output += "</\(name)>" }

  package mutating func newline() { output += "\n" }
}

/// Numbers for SVG coordinates: two decimals at most, no exponent.
enum Coordinate {
  static func text(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(saturating: rounded)) }
    let hundredths = Int(saturating: (abs(rounded) * 100).rounded())
    let sign = rounded < 0 ? "-" : ""
    let fraction = hundredths % 100
    return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
