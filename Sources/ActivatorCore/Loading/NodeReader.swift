package import ActivatorYAML

/// Turns YAML nodes into typed values for one file, reporting every problem with its position
/// and carrying on, so that one run shows all the problems of a file.
package struct NodeReader {
  package let file: SourceFile
  package let log: DiagnosticLog
  /// Languages every translatable text must have.
  package var languages: [String]
  /// Reading what a person typed at the questionnaire's prompt: messages about an answer leave
  /// out which question it is (they are shown under it) and speak in words and in the person's
  /// notation ("don't know", "1,200") rather than as a file is written (`dont_know`, `1200`).
  package var atPrompt = false

  package init(file: SourceFile, log: DiagnosticLog, languages: [String] = []) {
    self.file = file
    self.log = log
    self.languages = languages
  }

  package func location(_ node: YAMLNode) -> SourceLocation { file.location(node.start) }

  package func error(_ code: String, _ message: Message, _ node: YAMLNode, notes: [Diagnostic.Note] = []) {
    log.error(code, message, at: location(node), notes: notes)
  }

  package func warning(_ code: String, _ message: Message, _ node: YAMLNode) {
    log.warning(code, message, at: location(node))
  }

  /// What a node is, for "found …": nothing, a single value, a list or a mapping.
  package static func found(_ node: YAMLNode) -> MessageArgument {
    switch node.content {
    case .scalar: .message(Message(node.isNull ? .nodeNull : .nodeValue))
    case .sequence: .message(Message(.nodeList))
    case .mapping: .message(Message(.nodeMapping))
    }
  }

  /// The text of a scalar in quotes, or what the node is.
  package static func shown(_ node: YAMLNode) -> MessageArgument {
    guard let text = node.scalar, !node.isNull else { return found(node) }
    return .text("'\(text)'")
  }

  // MARK: - Collections

  /// The keys of a mapping, with unknown and duplicate keys reported.
  ///
  /// - Parameters:
  ///   - what: the thing the mapping describes, for messages ("a question").
  ///   - allowed: every key this mapping may hold; `x-` extension keys are always allowed.
  package func fields(_ node: YAMLNode, _ what: Message, allowed: [String]) -> Fields? {
    guard let pairs = node.mapping else {
      error("wrong-type", Message(.readExpectedMapping, ["what": .message(what), "found": Self.found(node)]), node)
      return nil
    }
    var values: [String: YAMLNode] = [:]
    var suggested = Set<String>()
    var keyNodes: [String: YAMLNode] = [:]
    var order: [String] = []
    for pair in pairs {
      guard let key = pair.key.scalar else {
        error(
          "wrong-type", Message(.readKeyNotName, ["what": .message(what), "found": Self.found(pair.key)]), pair.key)
        continue
      }
      if let first = keyNodes[key] {
        error(
          "duplicate-key", Message(.readDuplicateKey, ["key": .text(key), "what": .message(what)]), pair.key,
          notes: [Diagnostic.Note(Message(.readKeyFirstGiven, ["key": .text(key)]), at: location(first))])
        continue
      }
      keyNodes[key] = pair.key
      if !allowed.contains(key) && !key.hasPrefix("x-") {
        let suggestion = DidYouMean.suggest(key, from: allowed)
        if let suggestion { suggested.insert(suggestion) }
        let hint = suggestion.map { DidYouMean.hint($0) } ?? DidYouMean.expectedOneOf(allowed)
        error(
          "unknown-key", Message(.readUnknownKey, ["key": .text(key), "what": .message(what), "hint": hint]), pair.key)
        continue
      }
      values[key] = pair.value
      order.append(key)
    }
    return Fields(node: node, values: values, keys: keyNodes, order: order, what: what, suggested: suggested)
  }

  package func list(_ node: YAMLNode, _ what: Message) -> [YAMLNode]? {
    if let items = node.sequence { return items }
    error("wrong-type", Message(.readExpectedList, ["what": .message(what), "found": Self.found(node)]), node)
    return nil
  }

  /// A list, or a single value standing for a list of one.
  package func listOrSingle(_ node: YAMLNode) -> [YAMLNode] {
    node.sequence ?? [node]
  }

  // MARK: - Scalars

  package func string(_ node: YAMLNode, _ what: Message, allowEmpty: Bool = false) -> String? {
    guard let text = node.scalar, !node.isNull || node.scalarStyle != .plain else {
      error("wrong-type", Message(.readExpectedText, ["what": .message(what), "found": Self.found(node)]), node)
      return nil
    }
    if !allowEmpty && text.allSatisfy(\.isWhitespace) {
      error("empty", Message(.readEmpty, ["what": .message(what)]), node)
      return nil
    }
    return text
  }

  /// An identifier: `^[a-z][a-z0-9_]*$` (with `-` too when `dashes`), at most 64 characters.
  package func identifier(_ node: YAMLNode, _ what: Message, dashes: Bool = false) -> String? {
    guard let text = string(node, what) else { return nil }
    if let problem = Identifier.problem(text, dashes: dashes) {
      error(
        "invalid-id",
        Message(.readInvalidId, ["text": .text(text), "what": .message(what), "problem": .message(problem)]), node)
      return nil
    }
    return text
  }

  package func int(_ node: YAMLNode, _ what: Message, in range: ClosedRange<Int>? = nil) -> Int? {
    guard let text = node.scalar, !node.isNull else {
      error("wrong-type", Message(.readExpectedWholeNumber, ["what": .message(what), "found": Self.found(node)]), node)
      return nil
    }
    guard let value = Int(text.trimmingSpaces) else {
      error("wrong-type", Message(.readExpectedWholeNumber, ["what": .message(what), "found": Self.shown(node)]), node)
      return nil
    }
    if let range, !range.contains(value) {
      error(
        "out-of-range",
        Message(
          .readOutOfRange,
          [
            "what": .message(what), "low": .text(String(range.lowerBound)), "high": .text(String(range.upperBound)),
            "value": .text(String(value)),
          ]),
        node)
      return nil
    }
    return value
  }

  package func double(_ node: YAMLNode, _ what: Message) -> Double? {
    guard let text = node.scalar, !node.isNull else {
      error("wrong-type", Message(.readExpectedNumber, ["what": .message(what), "found": Self.found(node)]), node)
      return nil
    }
    switch NumberText.parse(text) {
    case .value(let value): return value
    case .problem(let problem):
      error(
        "wrong-type",
        Message(.readNotANumber, ["what": .message(what), "text": .text(text), "problem": .message(problem)]), node)
      return nil
    }
  }

  package func bool(_ node: YAMLNode, _ what: Message) -> Bool? {
    if let text = node.scalar, let value = BoolText.parse(text) { return value }
    error("wrong-type", Message(.readExpectedFlag, ["what": .message(what), "found": Self.shown(node)]), node)
    return nil
  }

  package func version(_ node: YAMLNode, _ what: Message) -> SemanticVersion? {
    guard let text = string(node, what) else { return nil }
    guard let version = SemanticVersion(text) else {
      error("invalid-version", Message(.readInvalidVersion, ["text": .text(text), "what": .message(what)]), node)
      return nil
    }
    return version
  }

  package func versionRange(_ node: YAMLNode, _ what: Message) -> VersionRange? {
    guard let text = string(node, what) else { return nil }
    guard let range = VersionRange(text) else {
      error("invalid-version", Message(.readInvalidVersionRange, ["text": .text(text), "what": .message(what)]), node)
      return nil
    }
    return range
  }

  package func expression(_ node: YAMLNode, _ what: Message) -> ExpressionSource? {
    if let tag = node.tag, !Self.standardTags.contains(tag) { return nil }  // reported by checkTags
    guard let text = node.scalar, !node.isNull, node.tag == nil || node.tag == "tag:yaml.org,2002:str" else {
      error("wrong-type", Message(.readExpectedExpression, ["what": .message(what), "found": Self.found(node)]), node)
      return nil
    }
    return ExpressionSource(
      text: text, file: file, path: file.path, start: node.start, style: node.scalarStyle ?? .plain)
  }

  /// A translatable text: a mapping from language code to text with every required language.
  ///
  /// - Parameter nameLike: also accept a plain string standing for every language (names).
  package func localized(
    _ node: YAMLNode, _ what: Message, nameLike: Bool = false, countForms: ((String, YAMLNode) -> String?)? = nil
  ) -> LocalizedText? {
    if let text = node.scalar, !node.isNull {
      return localized(plain: text, node, what, nameLike: nameLike)
    }
    guard let pairs = node.mapping else {
      error(
        "wrong-type", Message(.readExpectedTranslations, ["what": .message(what), "found": Self.found(node)]), node)
      return nil
    }
    var translations: [(language: String, text: String)] = []
    var keys: [YAMLNode] = []
    for pair in pairs {
      guard let language = pair.key.scalar else { continue }
      if !LanguageChoice.isCode(language) {
        error(
          "invalid-language", Message(.readInvalidLanguageIn, ["language": .text(language), "what": .message(what)]),
          pair.key)
        continue
      }
      if translations.contains(where: { $0.language == language }) {
        error(
          "duplicate-key", Message(.readDuplicateLanguage, ["language": .text(language), "what": .message(what)]),
          pair.key)
        continue
      }
      var text = pair.value.scalar
      // A unit's forms by count (`countForms`) stand for the language's text by their "other".
      if let countForms, pair.value.mapping != nil {
        guard let other = countForms(language, pair.value) else {
          // Reported there; the language is given, so not reported missing as well.
          translations.append((language, ""))
          keys.append(pair.key)
          continue
        }
        text = other
      }
      guard let text, !pair.value.isNull || pair.value.scalarStyle != .plain else {
        error(
          "wrong-type",
          Message(
            .readExpectedTranslation,
            ["language": .text(language), "what": .message(what), "found": Self.found(pair.value)]),
          pair.value)
        continue
      }
      if text.allSatisfy(\.isWhitespace) {
        error(
          "missing-translation", Message(.readEmptyTranslation, ["language": .text(language), "what": .message(what)]),
          pair.value)
      }
      if !languages.isEmpty && !languages.contains(language) {
        warning(
          "extra-language",
          Message(
            .readExtraLanguage,
            [
              "what": .message(what), "language": .text(language),
              "languages": .text(languages.joined(separator: ", ")),
            ]),
          pair.key)
      }
      translations.append((language, text))
      keys.append(pair.key)
    }
    checkTranslations(translations, keys: keys, node, what)
    return translations.isEmpty ? nil : LocalizedText(translations)
  }

  /// A plain string where a translatable text is expected: it stands for every language in a
  /// single-language file or for a name; elsewhere each language must be given.
  private func localized(plain text: String, _ node: YAMLNode, _ what: Message, nameLike: Bool) -> LocalizedText? {
    if nameLike || languages.count <= 1 {
      // A plain string stands for every language: blank, it would be a blank translation.
      guard !text.allSatisfy(\.isWhitespace) else {
        error("empty", Message(.readEmpty, ["what": .message(what)]), node)
        return nil
      }
      return LocalizedText(text)
    }
    error(
      "missing-translation",
      Message(
        .readPerLanguage,
        ["what": .message(what), "languages": .text(languages.map { "\($0): …" }.joined(separator: ", "))]),
      node)
    return nil
  }

  /// A unit: a translatable text in which a language may give its forms by count instead of one
  /// text (`{one: "hour", other: "hours"}`), named by the CLDR plural categories its message
  /// file's rules have, `other` always among them.
  package func unit(_ node: YAMLNode, _ what: Message) -> UnitText? {
    var forms: [String: [String: String]] = [:]
    let text = localized(node, what) { language, value in
      let categories = MessageCatalogue.shared.locale(language).plural.map(\.category) + ["other"]
      var own: [String: String] = [:]
      for pair in value.mapping ?? [] {
        guard let category = pair.key.scalar else { continue }
        guard categories.contains(category) else {
          self.error(
            "unknown-plural-form",
            Message(
              .readUnitFormUnknown,
              [
                "what": .message(what), "language": .text(language), "form": .text(category),
                "forms": .text(categories.joined(separator: ", ")),
              ]),
            pair.key)
          continue
        }
        guard let form = self.string(pair.value, what) else { continue }
        own[category] = form
      }
      guard let other = own.removeValue(forKey: "other") else {
        self.error(
          "missing-translation", Message(.readUnitFormOther, ["what": .message(what), "language": .text(language)]),
          value)
        return nil
      }
      forms[language] = own
      return other
    }
    return text.map { UnitText($0, forms: forms) }
  }

  /// Every declared language is there — one that is missing is reported at the last language
  /// key given, where it would be added, by name — and every language fills the same
  /// placeholders as English (or the first language), so no reader sees a raw `{threshold}`.
  func checkTranslations(
    _ translations: [(language: String, text: String)], keys: [YAMLNode], _ node: YAMLNode, _ what: Message
  ) {
    for language in languages where !translations.contains(where: { $0.language == language }) {
      error(
        "missing-translation",
        Message(
          .readMissingTranslation,
          ["what": .message(what), "language": .text(language), "languages": .text(languages.joined(separator: ", "))]),
        keys.last ?? node)
    }
    guard let reference = translations.first(where: { $0.language == "en" }) ?? translations.first else { return }
    let expected = Set(Template.placeholders(reference.text))
    for (index, translation) in translations.enumerated() {
      let found = Set(Template.placeholders(translation.text))
      guard found != expected else { continue }
      let named = { (names: Set<String>) in
        MessageArgument.text(names.isEmpty ? "—" : names.sorted().map { "{\($0)}" }.joined(separator: " "))
      }
      warning(
        "placeholder-mismatch",
        Message(
          .readPlaceholdersDiffer,
          [
            "what": .message(what), "language": .text(translation.language), "found": named(found),
            "reference": .text(reference.language), "expected": named(expected),
          ]),
        keys[index])
    }
  }

  // MARK: - Tags

  static let standardTags: Set<String> = [
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!",
  ]

  /// Reports every node with a tag Activator does not read (`!!python/object`, `!custom`).
  /// - Parameter expressions: whether the file holds expressions (rules, surveys), where a
  ///   leading '!' is usually a negation that needed quotes.
  /// The required `languages` list: distinct language codes, at least one.
  package func languageList(_ fields: Fields) -> [String] {
    var languages: [String] = []
    guard let node = fields.required("languages", self), let items = list(node, Message(.whatLanguages)) else {
      return []
    }
    for item in items {
      guard let code = string(item, Message(.whatLanguageCode)) else { continue }
      if !LanguageChoice.isCode(code) {
        error("invalid-language", Message(.readInvalidLanguage, ["code": .text(code)]), item)
      } else if languages.contains(code) {
        error("duplicate-id", Message(.readLanguageTwice, ["code": .text(code)]), item)
      } else {
        languages.append(code)
      }
    }
    if items.isEmpty { error("empty", Message(.readNoLanguages), node) }
    return languages
  }

  package func checkTags(_ node: YAMLNode, depth: Int = 0, expressions: Bool = true) {
    if let tag = node.tag, !Self.standardTags.contains(tag) {
      let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
      if !tag.hasPrefix("tag:"), let text = node.scalar {
        // `when: !portal` reads as a tag named "!portal": an expression needs quotes.
        let written = MessageArgument.text(shown + (text.isEmpty ? "" : " " + text))
        error(
          "unsupported-tag", Message(expressions ? .readTagInExpression : .readTagInAnswers, ["written": written]), node
        )
      } else {
        error("unsupported-tag", Message(.readUnsupportedTag, ["tag": .text(String(shown))]), node)
      }
    }
    switch node.content {
    case .scalar: break
    case .sequence(let items): for item in items { checkTags(item, depth: depth + 1, expressions: expressions) }
    case .mapping(let pairs):
      for pair in pairs {
        checkTags(pair.key, depth: depth + 1, expressions: expressions)
        checkTags(pair.value, depth: depth + 1, expressions: expressions)
      }
    }
  }
}

/// The keys of one mapping, as read by `NodeReader.fields`.
package struct Fields {
  package let node: YAMLNode
  package var values: [String: YAMLNode]
  /// Key nodes by name, for positions.
  package var keys: [String: YAMLNode]
  package var order: [String]
  package let what: Message
  /// Keys a misspelt key was already matched to ("did you mean"), so they are not also missing.
  package var suggested: Set<String> = []

  package subscript(_ key: String) -> YAMLNode? {
    guard let value = values[key] else { return nil }
    return value
  }

  /// The value of a key that must be present; reports it when missing.
  package func required(_ key: String, _ reader: NodeReader) -> YAMLNode? {
    if let value = values[key] { return value }
    if keys[key] == nil && !suggested.contains(key) {
      reader.error("missing-key", Message(.readMissingKey, ["what": .message(what), "key": .text(key)]), node)
    }
    return nil
  }

  /// The value, unless it is absent or null.
  package func optional(_ key: String) -> YAMLNode? {
    guard let value = values[key], !value.isNull else { return nil }
    return value
  }
}

package enum Identifier {
  /// Why `text` is not an identifier, or `nil` when it is one.
  package static func problem(_ text: String, dashes: Bool) -> Message? {
    guard let first = text.unicodeScalars.first else { return Message(.idEmpty) }
    if text.unicodeScalars.count > 64 { return Message(.idTooLong) }
    guard ("a"..."z").contains(first) else { return Message(.idFirstLetter) }
    for scalar in text.unicodeScalars {
      let ok =
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || (dashes && scalar == "-")
      if !ok { return Message(dashes ? .idCharactersDashes : .idCharacters, ["character": .text(String(scalar))]) }
    }
    return nil
  }
}

enum BoolText {
  static func parse(_ text: String) -> Bool? {
    switch text {
    case "true", "True", "TRUE", "yes", "Yes", "YES": true
    case "false", "False", "FALSE", "no", "No", "NO": false
    default: nil
    }
  }
}

/// Numbers as YAML files write them, refusing what is not a usable finite number.
enum NumberText {
  enum Result { case value(Double), problem(Message) }

  /// - Parameter whole: the number must be whole, so a reading with decimals is no suggestion.
  static func parse(_ raw: String, whole: Bool = false) -> Result {
    let text = raw.trimmingSpaces
    if text.isEmpty { return .problem(Message(.numberEmpty)) }
    switch text.lowercased() {
    case ".nan", "nan": return .problem(Message(.numberNan))
    case ".inf", "+.inf", "-.inf", "inf", "+inf", "-inf", "infinity", "-infinity":
      return .problem(Message(.numberInfinity))
    default: break
    }
    let allowed = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }
    guard allowed, let value = Double(text) else {
      // A number written as people write it ("72,5", "1,500", "12 500"): say how a file writes it.
      let readings = NumberNotation.anyWriting.readings(text).filter { !whole || !$0.contains(".") }
      if !readings.isEmpty, readings != [text] {
        return .problem(Message(.numberSeparator, ["written": .alternatives(readings.map { .text($0) })]))
      }
      return .problem(Message(.numberNotANumber))
    }
    guard value.isFinite else { return .problem(Message(.numberTooLarge)) }
    return .value(value == 0 ? 0 : value)  // -0 reads as 0
  }
}

extension String {
  var trimmingSpaces: String {
    // Most values have nothing to trim: return them without a copy.
    let utf8 = self.utf8
    if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
      return self
    }
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
    return String(scalars)
  }

  func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
