/// Which language a run speaks, decided in one place: the program's own words (errors, notes,
/// summaries) and the language of a survey's output (reports, tables, the questionnaire).
///
/// People name a language in many ways: `--lang pt-BR`, `--lang pt`, `--lang pt_br`, and the
/// system's locale as `pt_BR.UTF-8`, `fr_SN`, `ko_KR.eucKR` or `sr_RS@latin`. Every one of them
/// is matched here against what is available (a survey's languages, the message catalogues), in
/// the spelling the survey or catalogue uses.
package enum LanguageChoice {
  /// The language the environment asks for (LC_ALL, then LC_MESSAGES, then LANG), as a language
  /// tag: "pt-BR" for `pt_BR.UTF-8`, "es" for `es`, nothing for `C` or `POSIX`.
  package static func system(_ environment: [String: String]) -> String? {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty, value != "C", value != "POSIX", !value.hasPrefix("C.") else {
        continue
      }
      if let tag = tag(value) { return tag }
    }
    return nil
  }

  /// A POSIX locale name or a language tag as a tag: the encoding (`.UTF-8`) and modifier
  /// (`@euro`) dropped, `_` written `-`; nil when it does not start with a language code.
  package static func tag(_ name: String) -> String? {
    let head = name.prefix { $0 != "." && $0 != "@" }
    let parts = head.split(separator: "_", omittingEmptySubsequences: false).flatMap {
      $0.split(separator: "-", omittingEmptySubsequences: false)
    }
    guard let language = parts.first, (2...3).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    return ([language.lowercased()] + parts.dropFirst().map(String.init)).joined(separator: "-")
  }

  /// Whether `code` is written as a language tag in files (`languages:`, per-language texts,
  /// message files): a language of two or three lower-case letters, then subtags of two to eight
  /// letters or digits after a dash (`en`, `pt-BR`, `es-419`, `sr-Latn`), twelve characters at most.
  /// Regions are written in capitals as BCP 47 writes them; `pt-br` is accepted too.
  package static func isCode(_ code: String) -> Bool {
    // Read as bytes: every character allowed is ASCII, so any other byte already fails. Every
    // translated text of every file is keyed by a code checked here.
    let bytes = code.utf8
    guard bytes.count <= 12 else { return false }
    var partLength = 0
    var isFirstPart = true
    for byte in bytes {
      if byte == UInt8(ascii: "-") {
        guard isFirstPart ? (2...3).contains(partLength) : (2...8).contains(partLength) else { return false }
        isFirstPart = false
        partLength = 0
        continue
      }
      let lower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      let otherwise =
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      guard lower || (!isFirstPart && otherwise) else { return false }
      partLength += 1
    }
    return isFirstPart ? (2...3).contains(partLength) : (2...8).contains(partLength)
  }

  /// The language of `available` that `requested` asks for, in `available`'s spelling: the same
  /// tag in any case (`pt-br` is `pt-BR`), else its base language (`fr` for `fr-SN`), else a
  /// regional variant of the same language (`pt-BR` for `pt`, the first listed when there are
  /// several); nil when `available` has no form of the language.
  package static func match(_ requested: String, in available: [String]) -> String? {
    guard let tag = tag(requested) else { return nil }
    let wanted = tag.lowercased()
    if let exact = available.first(where: { $0.lowercased() == wanted }) { return exact }
    let base = String(wanted.prefix { $0 != "-" })
    if let parent = available.first(where: { $0.lowercased() == base }) { return parent }
    return available.first { $0.lowercased().prefix { $0 != "-" } == base }
  }

  /// `match` against one list of languages that does not change (a survey's, for a batch), with
  /// the answers for the texts nearly every file names (`common`: the languages themselves and
  /// the default) worked out once. Any other text is matched as `match` does.
  package struct Matcher: Sendable {
    let available: [String]
    private let known: [(requested: String, match: String?)]

    package init(_ available: [String], common: [String]) {
      self.available = available
      known = common.map { ($0, LanguageChoice.match($0, in: available)) }
    }

    package func match(_ requested: String) -> String? {
      // Compared as bytes: `==` on Strings finds canonically equivalent spellings equal, and
      // `match` reads its text as it is.
      for entry in known where entry.requested.utf8.elementsEqual(requested.utf8) { return entry.match }
      return LanguageChoice.match(requested, in: available)
    }
  }

  /// The program's own words: `requested` (`--lang`) when a message catalogue speaks it, else the
  /// system's language when one does, else English.
  package static func interface(requested: String?, environment: [String: String]) -> String {
    let available = MessageCatalogue.shared.available
    if let requested, let found = match(requested, in: available) { return found }
    if let system = system(environment), let found = match(system, in: available) { return found }
    return "en"
  }

  /// A survey's output: `requested` when the survey has it, else the system's language when the
  /// survey has it, else the survey's first language.
  package static func output(requested: String?, survey: Survey, environment: [String: String]) -> String {
    if let requested, let found = match(requested, in: survey.languages) { return found }
    if let system = system(environment), let found = match(system, in: survey.languages) { return found }
    return survey.defaultLanguage
  }

  /// `requested` in the survey's spelling when the survey has that language in some form.
  package static func inSurvey(_ requested: String, _ survey: Survey) -> String? {
    match(requested, in: survey.languages)
  }
}
