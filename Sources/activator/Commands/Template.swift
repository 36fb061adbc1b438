import ActivatorCore
import ActivatorTerminal
import ArgumentParser

struct Template: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a blank answers file with every question, its options, unit, range and help as comments.",
    discussion: """
      For officials who fill the survey in an editor and e-mail it back. A filled template validates and scores with no edits beyond the answers.

      With --schema, writes instead a JSON Schema of this survey's answers files (question ids, options, ranges), for editors that complete and check YAML as it is typed.
      """)

  @OptionGroup var sources: SourceOptions

  @Option(name: .long, help: ArgumentHelp("Language of the comments (default: LANG, else the survey's first).", valueName: "code"))
  var lang: String?

  @Option(name: .long, help: ArgumentHelp("Fill in the city name.", valueName: "name"))
  var city: String?

  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
  var out: String?

  @Flag(name: .long, help: "Write a JSON Schema of the survey's answers files instead of a template.")
  var schema = false

  @OptionGroup var overwrite: ForceOption

  func run() throws {
    let workspace = try sources.workspace()
    let survey = try sources.chosenSurvey(workspace)
    let language = try Languages.pick(lang, survey: survey)
    let text: String
    if schema {
      text = AnswersSchema.json(for: survey, language: language)
    } else {
      let sheet = AnswerSheet.blank(for: survey, language: language, city: City(name: city ?? ""), path: out ?? "-")
      text = AnswersWriter.write(sheet, survey: survey, mode: .template)
    }
    if let out {
      try guardOutput(out, option: "--out", inputs: [String](), force: overwrite.force)
      do {
        try FileReading.writeAtomically(out, text)
      } catch {
        Console.error(Message(.cliFileProblem, ["problem": .text(error.text(Console.language))]))
        throw ExitCode(2)
      }
      Console.err(Console.say(Message(.cliWrote, ["path": .text(InertText.line(out))])) + "\n")
    } else {
      Console.out(text)
    }
  }
}

enum Languages {
  /// `--lang` if given (it must be one of the survey's), else LANG/LC_ALL when the survey has it,
  /// else the survey's default language.
  static func pick(_ requested: String?, survey: Survey) throws -> String {
    if let requested {
      guard survey.languages.contains(requested) else {
        throw ValidationError(
          Console.say(Message(.cliSurveyLanguages, ["survey": .text(survey.reference), "languages": .text(survey.languages.joined(separator: ", ")), "requested": .text(requested)])))
      }
      return requested
    }
    if let system = Console.systemLanguage, survey.languages.contains(system) { return system }
    return survey.defaultLanguage
  }
}
