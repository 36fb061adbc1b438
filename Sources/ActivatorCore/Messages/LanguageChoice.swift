/// Which language a run speaks, decided in one place: the program's own words (errors, notes,
/// summaries) and the language of a survey's output (reports, tables, the questionnaire).
public enum LanguageChoice {
  /// The language the environment asks for (LC_ALL, then LC_MESSAGES, then LANG): "es" for
  /// `es_ES.UTF-8`, nothing for `C` or `POSIX`.
  public static func system(_ environment: [String: String]) -> String? {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty, value != "C", value != "POSIX", !value.hasPrefix("C.") else {
        continue
      }
      let code = value.prefix { $0.isLetter }.lowercased()
      if !code.isEmpty { return code }
    }
    return nil
  }

  /// The program's own words: `requested` (`--lang`) when a message catalogue speaks it, else the
  /// system's language when one does, else English.
  public static func interface(requested: String?, environment: [String: String]) -> String {
    let available = MessageCatalogue.shared.available
    func spoken(_ code: String) -> Bool {
      available.contains(code) || code.split(separator: "-").first.map { available.contains(String($0)) } == true
    }
    if let requested, spoken(requested) { return requested }
    if let system = system(environment), spoken(system) { return system }
    return "en"
  }

  /// A survey's output: `requested` when the survey has it, else the system's language when the
  /// survey has it, else the survey's first language.
  public static func output(requested: String?, survey: Survey, environment: [String: String]) -> String {
    if let requested, survey.languages.contains(requested) { return requested }
    if let system = system(environment), survey.languages.contains(system) { return system }
    return survey.defaultLanguage
  }
}
