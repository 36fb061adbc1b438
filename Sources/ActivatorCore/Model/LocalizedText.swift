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

enum Template {
  /// Replaces `{name}` with `values[name]`; unknown placeholders stay as written.
  static func fill(_ text: String, _ values: [String: String]) -> String {
    guard text.contains("{") else { return text }
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        out += rest[open...]
        return out
      }
      let name = String(rest[rest.index(after: open)..<close])
      out += values[name] ?? String(rest[open...close])
      rest = rest[rest.index(after: close)...]
    }
    out += rest
    return out
  }

  /// Placeholder names used in `text`.
  static func placeholders(_ text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      names.append(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}
