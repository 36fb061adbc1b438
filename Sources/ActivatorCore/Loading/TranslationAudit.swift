package import ActivatorYAML

/// What a translation left in English: every per-language text of an authored file (survey,
/// rule plugin, catalog) or message file given in another language exactly as in English. Some
/// are right (a name, an acronym, an ISO code): those are listed as intentional in
/// `Translations/same-as-english.yaml`, and the tests fail on any other (docs/languages.md).
package enum TranslationAudit {
  package struct Finding: Sendable, Equatable, CustomStringConvertible {
    /// Where the text is: keys from the file's root, an item of a list by its `id` when it has one.
    package var path: String
    package var language: String
    package var text: String
    package var line: Int
    package var column: Int

    package var description: String { "\(line):\(column) \(path) [\(language)] \(text)" }
  }

  /// Every text of a per-language mapping (`{en: …, es: …}`) that is English's, word for word,
  /// in another language. Texts without a letter ("{n}%", "—") are left out.
  package static func identicalToEnglish(_ root: YAMLNode) -> [Finding] {
    var findings: [Finding] = []
    walk(root, path: "", into: &findings)
    return findings
  }

  /// The messages of `language` that are English's word for word (placeholders aside).
  package static func identicalToEnglish(messages language: String, in catalogue: MessageCatalogue) -> [Finding] {
    guard let own = catalogue.languages[language]?.messages, let english = catalogue.languages["en"]?.messages else {
      return []
    }
    var findings: [Finding] = []
    for (key, entry) in own.sorted(by: { $0.key < $1.key }) {
      guard let reference = english[key] else { continue }
      for text in entry.texts where hasWords(text) && reference.texts.contains(text) {
        findings.append(Finding(path: key, language: language, text: text, line: 0, column: 0))
      }
    }
    return findings
  }

  static func walk(_ node: YAMLNode, path: String, into findings: inout [Finding]) {
    if let items = node.sequence {
      for (index, item) in items.enumerated() {
        let name = item.mapping?.first { $0.key.scalar == "id" }?.value.scalar ?? String(index)
        walk(item, path: path + "[" + name + "]", into: &findings)
      }
      return
    }
    guard let pairs = node.mapping else { return }
    if let english = translations(pairs)?.first(where: { $0.key.scalar == "en" }).map({ texts($0.value) }) {
      let englishTexts = Set(english.map(\.text))
      for pair in pairs {
        guard let language = pair.key.scalar, language != "en" else { continue }
        for (text, node) in texts(pair.value) where englishTexts.contains(text) && hasWords(text) {
          findings.append(
            Finding(path: path, language: language, text: text, line: node.start.line, column: node.start.column))
        }
      }
      return
    }
    for pair in pairs {
      guard let key = pair.key.scalar else { continue }
      walk(pair.value, path: path.isEmpty ? key : path + "." + key, into: &findings)
    }
  }

  /// The pairs when every key is a language and every value a text, English among them.
  static func translations(_ pairs: [YAMLPair]) -> [YAMLPair]? {
    guard pairs.count > 1, pairs.contains(where: { $0.key.scalar == "en" }) else { return nil }
    for pair in pairs {
      guard let key = pair.key.scalar, LanguageChoice.isCode(key), !texts(pair.value).isEmpty else { return nil }
    }
    return pairs
  }

  /// A language's text, or each of a unit's forms by count (`{one: "hour", other: "hours"}`).
  static func texts(_ node: YAMLNode) -> [(text: String, node: YAMLNode)] {
    if let text = node.scalar { return [(text, node)] }
    let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]
    guard let pairs = node.mapping, pairs.contains(where: { $0.key.scalar == "other" }) else { return [] }
    var found: [(text: String, node: YAMLNode)] = []
    for pair in pairs {
      guard let key = pair.key.scalar, categories.contains(key), let text = pair.value.scalar else { return [] }
      found.append((text, pair.value))
    }
    return found
  }

  static func hasWords(_ text: String) -> Bool {
    var rest = Substring(text)
    // Placeholders are not words.
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      if rest[..<open].contains(where: \.isLetter) { return true }
      rest = rest[rest.index(after: close)...]
    }
    return rest.contains(where: \.isLetter)
  }
}
