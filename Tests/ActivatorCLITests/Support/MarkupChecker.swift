/// A strict reader for the HTML and SVG Activator writes: it accepts the XML-compatible subset
/// the reports use and reports anything else, so tests can assert that output is well-formed
/// and that no element, attribute or link came from data.
struct MarkupChecker {
  struct Element {
    var name: String
    var attributes: [(name: String, value: String)]
    /// Index of the enclosing element in `elements`.
    var parent: Int?
    /// Decoded text of everything inside the element.
    var text = ""

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    var classes: [Substring] { attribute("class")?.split(separator: " ") ?? [] }
  }

  /// Elements in document order, with decoded attribute values.
  private(set) var elements: [Element] = []
  /// Decoded text content, outside `<style>`.
  private(set) var text = ""
  private(set) var problems: [String] = []

  /// HTML elements that have no end tag.
  static let voidElements: Set<String> = ["meta", "br", "hr", "link"]
  /// Elements whose content is not markup.
  static let rawTextElements: Set<String> = ["style"]

  init(_ source: String, xml: Bool = false) {
    let chars = Array(source.unicodeScalars)
    var index = 0
    var stack: [(name: String, index: Int)] = []

    func fail(_ message: String) {
      if problems.count < 20 { problems.append("at \(index): \(message)") }
    }

    while index < chars.count {
      let c = chars[index]
      if c == "&" {
        guard let (decoded, next) = Self.entity(chars, index) else {
          fail("bare '&' or unknown entity")
          index += 1
          continue
        }
        text += decoded
        for open in stack { elements[open.index].text += decoded }
        index = next
        continue
      }
      if c == ">" {
        fail("bare '>' in text")
        index += 1
        continue
      }
      guard c == "<" else {
        text.unicodeScalars.append(c)
        for open in stack { elements[open.index].text.unicodeScalars.append(c) }
        index += 1
        continue
      }
      // Markup.
      if Self.matches(chars, index, "<!DOCTYPE html>") {
        if xml { fail("doctype in SVG") }
        index += "<!DOCTYPE html>".unicodeScalars.count
        continue
      }
      if Self.matches(chars, index, "<!--") {
        fail("comment in output")
        index += 4
        continue
      }
      let closing = index + 1 < chars.count && chars[index + 1] == "/"
      var cursor = index + (closing ? 2 : 1)
      var name = ""
      while cursor < chars.count, Self.isNameChar(chars[cursor]) {
        name.unicodeScalars.append(chars[cursor])
        cursor += 1
      }
      if name.isEmpty {
        fail("'<' not starting a tag")
        index += 1
        continue
      }
      var attributes: [(String, String)] = []
      var selfClosing = false
      while cursor < chars.count {
        while cursor < chars.count, chars[cursor] == " " || chars[cursor] == "\n" { cursor += 1 }
        guard cursor < chars.count else { break }
        if chars[cursor] == ">" { break }
        if chars[cursor] == "/" && cursor + 1 < chars.count && chars[cursor + 1] == ">" {
          selfClosing = true
          cursor += 1
          break
        }
        var attribute = ""
        while cursor < chars.count, Self.isNameChar(chars[cursor]) {
          attribute.unicodeScalars.append(chars[cursor])
          cursor += 1
        }
        guard !attribute.isEmpty, cursor + 1 < chars.count, chars[cursor] == "=", chars[cursor + 1] == "\"" else {
          fail("malformed attribute in <\(name)>")
          break
        }
        cursor += 2
        var value = ""
        while cursor < chars.count, chars[cursor] != "\"" {
          if chars[cursor] == "<" { fail("'<' inside attribute \(attribute)") }
          if chars[cursor] == "&" {
            guard let (decoded, next) = Self.entity(chars, cursor) else {
              fail("bare '&' in attribute \(attribute)")
              cursor += 1
              continue
            }
            value += decoded
            cursor = next
            continue
          }
          value.unicodeScalars.append(chars[cursor])
          cursor += 1
        }
        cursor += 1
        if attributes.contains(where: { $0.0 == attribute }) { fail("duplicate attribute \(attribute) in <\(name)>") }
        attributes.append((attribute, value))
      }
      guard cursor < chars.count, chars[cursor] == ">" else {
        fail("unterminated tag <\(name)>")
        break
      }
      index = cursor + 1
      if closing {
        if stack.last?.name == name {
          stack.removeLast()
        } else {
          fail("</\(name)> closes <\(stack.last?.name ?? "nothing")>")
        }
        continue
      }
      elements.append(Element(name: name, attributes: attributes, parent: stack.last?.index))
      if selfClosing { continue }
      if !xml && Self.voidElements.contains(name) { continue }
      if Self.rawTextElements.contains(name) {
        let end = "</\(name)>"
        while index < chars.count, !Self.matches(chars, index, end) { index += 1 }
        index += end.unicodeScalars.count
        continue
      }
      stack.append((name, elements.count - 1))
    }
    if !stack.isEmpty { problems.append("unclosed elements: \(stack.map(\.name).joined(separator: " > "))") }
  }

  var isWellFormed: Bool { problems.isEmpty }

  /// Indices of the elements directly inside the element at `index`.
  func children(of index: Int) -> [Int] { elements.indices.filter { elements[$0].parent == index } }

  /// Whether the element at `index` is inside one named `name`.
  func isInside(_ index: Int, _ name: String) -> Bool {
    var current = elements[index].parent
    while let parent = current {
      if elements[parent].name == name { return true }
      current = elements[parent].parent
    }
    return false
  }

  static func isNameChar(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == ":" || c == "_"
  }

  static func matches(_ chars: [Unicode.Scalar], _ index: Int, _ literal: String) -> Bool {
    let scalars = Array(literal.unicodeScalars)
    guard index + scalars.count <= chars.count else { return false }
    for (offset, scalar) in scalars.enumerated() where chars[index + offset] != scalar { return false }
    return true
  }

  /// The five entities the writer uses; anything else is a defect.
  static func entity(_ chars: [Unicode.Scalar], _ index: Int) -> (String, Int)? {
    for (name, value) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
    where matches(chars, index, name) {
      return (value, index + name.unicodeScalars.count)
    }
    return nil
  }

  /// Each `<svg>…</svg>` in a page.
  static func svgs(in page: String) -> [String] {
    let bytes = Array(page.utf8)
    let open = Array("<svg".utf8)
    let close = Array("</svg>".utf8)
    func find(_ needle: [UInt8], from start: Int) -> Int? {
      guard needle.count <= bytes.count else { return nil }
      var index = start
      while index + needle.count <= bytes.count {
        if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return index }
        index += 1
      }
      return nil
    }
    var found: [String] = []
    var cursor = 0
    while let start = find(open, from: cursor), let end = find(close, from: start) {
      found.append(String(decoding: bytes[start..<end + close.count], as: UTF8.self))
      cursor = end + close.count
    }
    return found
  }
}
