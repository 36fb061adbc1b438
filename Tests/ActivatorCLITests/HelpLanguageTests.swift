import ActivatorCore
import Testing

/// Issue 17, item 1: `--help` in the user's language. Every abstract, discussion and option help
/// comes from the message catalogue (`cli.help.*`) in the language the environment asks for
/// (LC_ALL, LC_MESSAGES, LANG, as the rest of the program's words); argument-parser's own words
/// (USAGE, OPTIONS, "Show help information.") stay English.
@Suite struct HelpLanguageTests {
  /// The locales people run with, and the catalogue each one picks.
  static let locales = [
    ("C", "en"), ("es_MX.UTF-8", "es"), ("fr_FR.UTF-8", "fr"), ("pt_BR.UTF-8", "pt-br"), ("ko_KR.UTF-8", "ko"),
  ]

  /// argument-parser wraps help at the terminal's width, between words or inside a Korean one:
  /// texts are compared without any white space.
  func squeezed(_ text: String) -> String { String(text.filter { !$0.isWhitespace }) }

  func help(_ arguments: [String], locale: String) -> Run {
    Run.activator(arguments + ["--help"], environment: ["LANG": locale, "COLUMNS": "80"])
  }

  @Test func scoreHelpInFrenchKoreanAndEnglish() {
    let french = help(["score"], locale: "fr_FR.UTF-8")
    #expect(french.status == 0, "\(french.stderr)")
    #expect(french.stdout.contains("Noter des fichiers de réponses"), "\(french.stdout)")
    #expect(squeezed(french.stdout).contains(squeezed("Tâches en parallèle (par défaut : tous les cœurs).")))
    #expect(squeezed(french.stdout).contains(squeezed("Ne jamais utiliser de couleurs (NO_COLOR est aussi respecté).")))
    // argument-parser's own words, and the option names and values, stay as they are.
    #expect(french.stdout.contains("USAGE: activator score"), "\(french.stdout)")
    #expect(french.stdout.contains("--format <format>"))
    #expect(french.stdout.contains("Show help information."))

    let korean = help(["score"], locale: "ko_KR.UTF-8")
    #expect(korean.status == 0, "\(korean.stderr)")
    #expect(squeezed(korean.stdout).contains(squeezed("응답 파일을 채점합니다")), "\(korean.stdout)")
    #expect(squeezed(korean.stdout).contains(squeezed("병렬 작업 수(기본값: 모든 코어).")), "\(korean.stdout)")

    let english = help(["score"], locale: "C")
    #expect(english.stdout.contains("Score answers files: a maturity stage per pillar"), "\(english.stdout)")
    #expect(squeezed(english.stdout).contains(squeezed("Parallel jobs (default: all cores).")))
    #expect(!english.stdout.contains("Noter"))
  }

  /// LC_ALL wins over LANG, and --lang, which names the program's language too, over both.
  @Test func theLanguageIsChosenAsForEveryOtherMessage() {
    let run = Run.activator(["check", "--help"], environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "es_ES.UTF-8"])
    #expect(run.stdout.contains("Revisar encuestas"), "\(run.stdout)")
    let requested = Run.activator(["report", "--lang", "pt-br", "--help"], environment: ["LANG": "fr_FR.UTF-8"])
    #expect(requested.stdout.contains("Escrever um relatório"), "\(requested.stdout)")
  }

  /// Every command's help, in every language, shows every `cli.help.<command>.*` text of that
  /// language: none missing from a catalogue, none left in English, none unused.
  @Test(arguments: locales)
  func everyCommandsHelpIsInTheLanguage(locale: String, language: String) throws {
    let commands = try PackagingTests.subcommands()
    #expect(commands.count >= 12, "\(commands)")
    var shown = Set<MessageKey>()
    for command in [nil] + commands.map(Optional.some) {
      let run = help(command.map { [$0] } ?? [], locale: locale)
      #expect(run.status == 0, "\(command ?? "activator"): \(run.stderr)")
      let name = command ?? "activator"
      let output = squeezed(run.stdout)
      let own = MessageKey.allCases.filter { $0.rawValue.hasPrefix("cli.help.\(name).") }
      #expect(own.contains(.cliHelpActivatorAbstract) == (name == "activator"))
      #expect(!own.isEmpty, "no help texts for \(name)")
      for key in MessageKey.allCases where key.rawValue.hasPrefix("cli.help.") {
        if output.contains(squeezed(Message(key).text(language))) { shown.insert(key) }
      }
      for key in own {
        #expect(output.contains(squeezed(Message(key).text(language))), "\(name) [\(language)]: \(key.rawValue)")
      }
      if language != "en" {
        #expect(!run.stdout.contains(Message(own[0]).text("en")), "\(name) [\(language)] shows English")
      }
    }
    let unshown = MessageKey.allCases.filter { $0.rawValue.hasPrefix("cli.help.") && !shown.contains($0) }
    #expect(unshown.isEmpty, "[\(language)] help texts no command shows: \(unshown.map(\.rawValue))")
  }
}
