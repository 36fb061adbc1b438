import ActivatorYAML
import Synchronization

/// Every message in every language Activator speaks, read from the message files
/// (`Messages/<language>.yaml`, built into the program: see `EmbeddedMessages`).
///
/// A message is looked up in the reader's language (`pt-br`, then `pt`), then in English, so a
/// survey in a language without a catalogue still gets every message, in English.
package final class MessageCatalogue: Sendable {
  package static let shared = MessageCatalogue(files: EmbeddedMessages.files)

  /// One message as written: a text, or a text per plural form chosen by one argument.
  enum Entry: Sendable {
    case plain(String)
    case plural(argument: String, forms: [String: String])

    var texts: [String] {
      switch self {
      case .plain(let text): [text]
      case .plural(_, let forms): forms.keys.sorted().compactMap { forms[$0] }
      }
    }
  }

  struct Language: Sendable {
    let locale: LocaleRules
    let messages: [String: Entry]
    /// A file with only the language's `locale:` rules (no `messages:`): its numbers, dates and
    /// writing direction are used, every message is English's until it is translated.
    var localeOnly = false
  }

  let languages: [String: Language]
  /// Every language's folding together (English's first), for matching across languages.
  package let anyLanguageFolding: Folding
  /// What is wrong with the files, as "file:line:column: problem" (the tests require none).
  package let problems: [String]

  /// - Parameter files: (file name, YAML text) of each language.
  package init(files: [(name: String, text: String)]) {
    var languages: [String: Language] = [:]
    var problems: [String] = []
    for (name, text) in files {
      var reading = CatalogueReading(name: name)
      if let language = reading.read(text) { languages[language.locale.language] = language }
      problems += reading.problems
    }
    if languages["en"] == nil { problems.append("no English catalogue (en.yaml): English is every message's fallback") }
    self.languages = languages
    self.problems = problems
    let englishFirst = ["en"] + languages.keys.sorted()
    anyLanguageFolding = englishFirst.compactMap { languages[$0]?.locale.folding }.reduce(Folding.none) {
      $0.merged(with: $1)
    }
  }

  /// The languages with a catalogue.
  package var available: [String] { languages.keys.sorted() }

  /// Whether `code` has messages in some form (`LanguageChoice.match`: `pt` for `pt-br`); a
  /// language with only its locale rules does not speak.
  package func speaks(_ code: String) -> Bool {
    LanguageChoice.match(code, in: available).flatMap { languages[$0] }.map { !$0.localeOnly } ?? false
  }

  /// The keys of `language`'s own file (tests compare them across languages).
  package func keys(_ language: String) -> Set<String> { Set(languages[language]?.messages.keys ?? [:].keys) }

  /// The placeholders of one message in one language, over all its plural forms.
  package func placeholders(_ key: String, _ language: String) -> Set<String> {
    guard let template = languages[language]?.messages[key] else { return [] }
    var names = Set(template.texts.flatMap { Template.placeholders($0) })
    if case .plural(let argument, _) = template { names.insert(argument) }
    return names
  }

  /// The plural forms one message gives in one language ("one", "other"), none for a plain text.
  package func pluralForms(_ key: String, _ language: String) -> Set<String> {
    guard case .plural(_, let forms)? = languages[language]?.messages[key] else { return [] }
    return Set(forms.keys)
  }

  /// What makes the languages disagree: a key one language has and another lacks, or a message
  /// whose placeholders differ from English. Empty for a complete catalogue (a test holds it so).
  package func consistencyProblems() -> [String] {
    guard let english = languages["en"] else { return ["no English catalogue"] }
    var problems: [String] = []
    let keys = Set(english.messages.keys)
    for code in available where code != "en" {
      let own = self.keys(code)
      if languages[code]?.localeOnly != true {
        for key in keys.subtracting(own).sorted() { problems.append("\(code).yaml lacks '\(key)'") }
      }
      for key in own.subtracting(keys).sorted() { problems.append("\(code).yaml has '\(key)', which en.yaml does not") }
      for key in own.intersection(keys).sorted() where placeholders(key, code) != placeholders(key, "en") {
        let theirs = placeholders(key, code).sorted().joined(separator: ", ")
        let ours = placeholders(key, "en").sorted().joined(separator: ", ")
        problems.append("\(code).yaml: '\(key)' fills {\(theirs)}, en.yaml {\(ours)}")
      }
    }
    return problems
  }

  /// The language `code` is read in: the catalogue `LanguageChoice.match` finds for it, or English.
  func resolve(_ code: String) -> Language? {
    if let exact = languages[code] { return exact }
    if let found = LanguageChoice.match(code, in: available) { return languages[found] }
    return languages["en"]
  }

  package func locale(_ code: String) -> LocaleRules { resolve(code)?.locale ?? LocaleRules.fallback }

  package func render(_ message: Message, in code: String) -> String {
    let language = resolve(code)
    let key = message.key.rawValue
    guard let template = language?.messages[key] ?? languages["en"]?.messages[key] else {
      // A key no catalogue has cannot happen with the tests passing; still, show something useful.
      return key + message.arguments.keys.sorted().map { " \($0)=\(render(message.arguments[$0], code))" }.joined()
    }
    let locale = language?.locale ?? LocaleRules.fallback
    let text: String
    switch template {
    case .plain(let plain):
      text = plain
    case .plural(let argument, let forms):
      var category = "other"
      switch message.arguments[argument] {
      case .count(let n)?: category = locale.pluralCategory(Double(n))
      case .number(let x)?, .figure(let x, _)?:
        category = locale.pluralCategory(
          x, fractionDigits: ValueText.format(x).split(separator: ".").dropFirst().first?.count ?? 0)
      default: break
      }
      text = forms[category] ?? forms["other"] ?? ""
    }
    var values: [String: String] = [:]
    for (name, argument) in message.arguments { values[name] = render(argument, code) }
    return Template.fill(text, values)
  }

  func render(_ argument: MessageArgument?, _ code: String) -> String {
    let locale = self.locale(code)
    switch argument {
    case .text(let text)?: return text
    case .number(let value)?: return locale.number(value)
    case .count(let value)?: return locale.number(Double(value))
    case .message(let message)?: return render(message, in: code)
    case .list(let items)?: return locale.list(items.map { render($0, code) })
    case .alternatives(let items)?: return locale.list(items.map { render($0, code) }, alternatives: true)
    case .quoted(let text)?: return locale.quoted(text)
    case .figure(let value, let grouped)?: return locale.exact(value, grouped: grouped)
    case .localized(let text)?: return text.text(code)
    case nil: return ""
    }
  }
}

extension LocaleRules {
  /// English rules, for the impossible case of no English file.
  static let fallback = LocaleRules(
    language: "en", name: "English", plural: [], decimalSeparator: ".", groupSeparator: ",", minimumGrouping: 1,
    inputDecimal: ["."], inputGroup: [",", " ", "\u{00A0}", "\u{202F}"],
    percentFormat: "{n}%", quotes: ("“", "”"), listPair: "{a} and {b}", listJoin: "{a}, {b}", listOr: "{a} or {b}",
    dateFormat: "{year}-{month}-{day}", months: [],
    rightToLeft: false)
}

/// Reads one message file, noting every problem with its position.
struct CatalogueReading {
  let name: String
  var problems: [String] = []

  mutating func problem(_ node: YAMLNode?, _ text: String) {
    let mark = node?.start ?? YAMLMark(line: 1, column: 1)
    problems.append("\(name):\(mark.line):\(mark.column): \(text)")
  }

  func field(_ node: YAMLNode?, _ key: String) -> YAMLNode? {
    node?.mapping?.first { $0.key.scalar == key }?.value
  }

  mutating func read(_ text: String) -> MessageCatalogue.Language? {
    let root: YAMLNode
    do {
      guard let parsed = try YAMLParser.parse(Array(text.utf8), limits: .authored) else {
        problem(nil, "the file is empty")
        return nil
      }
      root = parsed
    } catch {
      problems.append("\(name):\(error)")
      return nil
    }
    guard let code = field(root, "language")?.scalar, LanguageChoice.isCode(code) else {
      problem(root, "'language' must be a language code (en, es, pt-br)")
      return nil
    }
    if name != code + ".yaml" { problem(root, "a file for language '\(code)' must be named \(code).yaml") }
    guard let locale = locale(code, field(root, "name")?.scalar, field(root, "locale")) else { return nil }
    var messages: [String: MessageCatalogue.Entry] = [:]
    let messagesNode = field(root, "messages")
    for pair in messagesNode?.mapping ?? [] {
      guard let key = pair.key.scalar else { continue }
      if messages[key] != nil { problem(pair.key, "message '\(key)' is given twice") }
      if let text = pair.value.scalar {
        messages[key] = .plain(text)
      } else if let plural = pluralTemplate(pair.value, key, locale) {
        messages[key] = plural
      }
    }
    if messagesNode != nil && messages.isEmpty { problem(root, "no messages") }
    return MessageCatalogue.Language(locale: locale, messages: messages, localeOnly: messagesNode == nil)
  }

  mutating func pluralTemplate(_ node: YAMLNode, _ key: String, _ locale: LocaleRules) -> MessageCatalogue.Entry? {
    guard let argument = field(node, "plural")?.scalar else {
      problem(
        node, "message '\(key)' must be a text, or a mapping with 'plural' (the argument that counts) and the forms")
      return nil
    }
    var forms: [String: String] = [:]
    let categories = Set(locale.plural.map(\.category) + ["other"])
    for pair in node.mapping ?? [] {
      guard let category = pair.key.scalar, category != "plural" else { continue }
      guard categories.contains(category), let text = pair.value.scalar else {
        problem(
          pair.key,
          "'\(category)' is not a plural form of \(locale.language) (\(categories.sorted().joined(separator: ", ")))")
        continue
      }
      forms[category] = text
    }
    for category in categories where forms[category] == nil {
      problem(node, "message '\(key)' lacks its '\(category)' form")
    }
    return .plural(argument: argument, forms: forms)
  }

  /// A list of single characters (`input_decimal: [",", "."]`); nil when the key is absent.
  mutating func characters(_ node: YAMLNode, _ key: String) -> [Character]? {
    guard let list = field(node, key) else { return nil }
    var found: [Character] = []
    for item in list.sequence ?? [list] {
      guard let text = item.scalar, text.count == 1, let character = text.first, !character.isNumber else {
        problem(item, "locale '\(key)' must list single characters that are not digits")
        continue
      }
      found.append(character)
    }
    return found
  }

  mutating func locale(_ code: String, _ name: String?, _ node: YAMLNode?) -> LocaleRules? {
    guard let node else {
      problem(nil, "'locale' is missing")
      return nil
    }
    func text(_ key: String) -> String? {
      guard let value = field(node, key)?.scalar else {
        problem(node, "locale '\(key)' is missing")
        return nil
      }
      return value
    }
    var plural: [(String, PluralRule)] = []
    for pair in field(node, "plural")?.mapping ?? [] {
      guard let category = pair.key.scalar, let rule = pair.value.scalar else { continue }
      switch PluralRule.parse(rule) {
      case .success(let parsed): plural.append((category, parsed))
      case .failure(let error): problem(pair.value, "'\(error.part)' is not a CLDR plural relation")
      }
    }
    let quotes = field(node, "quotes")?.sequence?.compactMap(\.scalar) ?? []
    let months = field(node, "months")?.sequence?.compactMap(\.scalar) ?? []
    if quotes.count != 2 { problem(node, "locale 'quotes' must be [opening, closing]") }
    if months.count != 12 { problem(node, "locale 'months' must name the twelve months") }
    let grouping = text("minimum_grouping").flatMap { Int($0) }
    let decimalRead = characters(node, "input_decimal")
    let groupRead = characters(node, "input_group")
    guard let decimal = text("decimal"), let group = text("group"), let grouping, let percent = text("percent"),
      let pair = text("list_pair"), let or = text("list_or"),
      let join = text("list_join"), let date = text("date"), let direction = text("direction"), quotes.count == 2
    else { return nil }
    var rules = LocaleRules(
      language: code, name: name ?? code, plural: plural, decimalSeparator: decimal, groupSeparator: group,
      minimumGrouping: grouping,
      inputDecimal: decimalRead ?? Array(decimal),
      inputGroup: groupRead ?? Array(group) + [" ", "\u{00A0}", "\u{202F}"].filter { !group.contains($0) },
      percentFormat: percent, quotes: (quotes[0], quotes[1]), listPair: pair, listJoin: join, listOr: or,
      dateFormat: date,
      months: months, rightToLeft: direction == "rtl")
    rules.folding = folding(node)
    rules.scriptOrder = scriptOrder(node)
    rules.punctuationSpace = punctuationSpace(node)
    return rules
  }

  /// `punctuation_space: {":": "\u00A0", ";": "\u202F"}`: the space set before each mark.
  mutating func punctuationSpace(_ node: YAMLNode) -> [String: String] {
    guard let table = field(node, "punctuation_space") else { return [:] }
    var spaces: [String: String] = [:]
    for pair in table.mapping ?? [] {
      guard let mark = pair.key.scalar, [":", ";", "?", "!"].contains(mark), let space = pair.value.scalar,
        ["\u{00A0}", "\u{202F}", " "].contains(space)
      else {
        problem(
          pair.value, "locale 'punctuation_space' gives a space (U+0020, U+00A0 or U+202F) before ':', ';', '?' or '!'")
        continue
      }
      spaces[mark] = space
    }
    if table.mapping == nil { problem(table, "locale 'punctuation_space' maps marks to spaces (\":\": \"\\u00A0\")") }
    return spaces
  }

  /// `fold: {e: "éèêë", oe: "œ"}`: each character of a text is read as its key.
  mutating func folding(_ node: YAMLNode) -> Folding {
    guard let table = field(node, "fold") else { return .none }
    guard let pairs = table.mapping else {
      problem(table, "locale 'fold' must map what is read to the characters read as it (e: \"éèêë\")")
      return .none
    }
    var letters: [Unicode.Scalar: String] = [:]
    for pair in pairs {
      guard let plain = pair.key.scalar, let written = pair.value.scalar, !written.isEmpty else {
        problem(pair.value, "locale 'fold' must give the characters read as each key in one text")
        continue
      }
      for scalar in written.unicodeScalars {
        if scalar.properties.changesWhenLowercased {
          problem(
            pair.value, "locale 'fold' lists lower-case characters only (text is lower-cased first), found '\(scalar)'")
        }
        if letters[scalar] != nil { problem(pair.value, "locale 'fold' reads '\(scalar)' twice") }
        letters[scalar] = plain
      }
    }
    return Folding(letters: letters)
  }

  /// `script_order: [Hangul, Latin]`.
  mutating func scriptOrder(_ node: YAMLNode) -> [WritingScript] {
    guard let list = field(node, "script_order") else { return [] }
    var scripts: [WritingScript] = []
    for item in list.sequence ?? [list] {
      guard let name = item.scalar, let script = WritingScript(rawValue: name) else {
        let known = WritingScript.allCases.map(\.rawValue).joined(separator: ", ")
        problem(item, "locale 'script_order' names scripts (\(known)), found '\(item.scalar ?? "")'")
        continue
      }
      scripts.append(script)
    }
    return scripts
  }
}
