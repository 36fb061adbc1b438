/// Text in several languages, in the order the file gave them.
package struct LocalizedText: Sendable, Hashable {
  package var translations: [(language: String, text: String)]

  package init(_ translations: [(language: String, text: String)]) {
    self.translations = translations
  }

  /// The same text for every language (proper names).
  package init(_ text: String) {
    self.translations = [("*", text)]
  }

  package static func == (a: LocalizedText, b: LocalizedText) -> Bool {
    a.translations.elementsEqual(b.translations) { $0.language == $1.language && $0.text == $1.text }
  }

  package func hash(into hasher: inout Hasher) {
    for (language, text) in translations {
      hasher.combine(language)
      hasher.combine(text)
    }
  }

  package var languages: [String] { translations.map(\.language) }

  /// Whether a text exists for `language` (a plain, language-less text counts for all).
  package func has(_ language: String) -> Bool {
    translations.contains { $0.language == language || $0.language == "*" }
  }

  /// The text in `language`, else English, else the first one given.
  package func text(_ language: String) -> String {
    if let match = translations.first(where: { $0.language == language }) { return match.text }
    if let any = translations.first(where: { $0.language == "*" }) { return any.text }
    if let english = translations.first(where: { $0.language == "en" }) { return english.text }
    return translations.first?.text ?? ""
  }

  /// Replaces `{name}` placeholders in every translation.
  package func substituting(_ values: [String: String]) -> LocalizedText {
    LocalizedText(translations.map { ($0.language, Template.fill($0.text, values)) })
  }
}

/// `{name}` placeholders in a text, read at the level of UTF-8 bytes: '{' and '}' are ASCII, so
/// every brace is a code point of its own and the bytes between two braces are whole code
/// points. A placeholder is the first '{' and the next '}' after it (a name may hold a '{'); an
/// opening brace without a closing one ends the placeholders, and the rest is plain text. Every
/// text the engine loads is scanned for them, most without a single brace: such a text costs one
/// pass over its bytes and no copy.
enum Template {
  /// Replaces `{name}` with `values[name]`; unknown placeholders stay as written.
  static func fill(_ text: String, _ values: [String: String]) -> String {
    withBytes(of: text) { bytes in
      var filled: [UInt8] = []
      var written = 0
      forEachPlaceholder(in: bytes) { name in
        // The placeholder with its braces: what stays when no value names it.
        let whole = (name.lowerBound - 1)..<(name.upperBound + 1)
        guard let value = values[String(decoding: bytes[name], as: UTF8.self)] else { return }
        if filled.isEmpty { filled.reserveCapacity(bytes.count + value.utf8.count) }
        filled.append(contentsOf: bytes[written..<whole.lowerBound])
        filled.append(contentsOf: value.utf8)
        written = whole.upperBound
      }
      guard written > 0 else { return text }
      filled.append(contentsOf: bytes[written...])
      return String(decoding: filled, as: UTF8.self)
    }
  }

  /// Placeholder names used in `text`, in order, repeats included.
  static func placeholders(_ text: String) -> [String] {
    withBytes(of: text) { bytes in
      var names: [String] = []
      forEachPlaceholder(in: bytes) { names.append(String(decoding: bytes[$0], as: UTF8.self)) }
      return names
    }
  }

  /// Calls `body` with the byte range of each placeholder's name (braces excluded), in order.
  private static func forEachPlaceholder(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
    var from = 0
    while let open = bytes[from...].firstIndex(of: UInt8(ascii: "{")),
      let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "}"))
    {
      body((open + 1)..<close)
      from = close + 1
    }
  }

  /// `text`'s UTF-8 bytes in place (a native string's own storage), copied only when the string
  /// does not keep them contiguous.
  private static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }
}
