package import ActivatorCore
import ActivatorTerminal

/// Scoring one answers file, and the rules a survey's answers are scored with.
package enum Scoring {
  /// Loads one answers file and scores it, in `language` when given (one of the survey's;
  /// another is warned about and the survey's first is used). Problems are printed; a file that
  /// cannot be read ends the run with status 1. Plugins are chosen by the version the file was
  /// answered for, as a batch chooses them.
  package static func assess(_ path: String, workspace: Workspace, language: String?) throws -> Assessment {
    let log = DiagnosticLog()
    guard let (sheet, survey) = AnswersLoader.load(path, registry: workspace.registry, log: log) else {
      Diagnostics.print(log.sorted)
      throw RunFailure.exit(1)
    }
    Diagnostics.print(log.sorted.filter { $0.severity != .error })
    let program = try self.program(
      for: survey, answeredVersion: sheet.surveyVersion, answersPath: path, workspace: workspace)
    for plugin in workspace.pluginsRejecting(survey.id, version: sheet.surveyVersion) {
      Console.err(
        "\(InertText.line(path)): warning: "
          + Console.say(
            Message(
              .cliPluginRejects,
              [
                "plugin": .text(plugin.id), "survey": .text(survey.id),
                "version": .text(sheet.surveyVersion.description),
              ]))
          + "\n")
    }
    let assessment = Scorer.assess(sheet, with: program)
    guard let language else { return assessment }
    return assessment.in(language: Languages.output(language, survey: survey))
  }

  /// The program that scores answers to `survey` (written for `answeredVersion`), or exit 2 when
  /// no plugin accepts them: the error a batch gives for each such file, followed by where rules
  /// were looked for and how to point at them.
  package static func program(
    for survey: Survey, answeredVersion: SemanticVersion? = nil, answersPath: String? = nil, workspace: Workspace
  ) throws -> Program {
    let version = answeredVersion ?? survey.version
    if let missing = Workspace.missingRules(for: survey.id, version: version, plugins: workspace.plugins) {
      let location = answersPath.map { SourceLocation(file: $0, line: 1, column: 1) } ?? survey.location
      Diagnostics.print([Diagnostic(.error, "no-rules", missing, at: location)])
      try failForMissingRules(workspace)
    }
    guard let program = workspace.program(for: survey, answeredVersion: version) else {
      Diagnostics.print(workspace.log.sorted)
      throw RunFailure.exit(2)
    }
    return program
  }

  /// The metric columns of a batch, report or diff over `survey`'s answers, from the program
  /// that scores its current version. Without such a program the default is no columns (each
  /// file then says why it cannot be scored); metrics asked for by id are a usage error when the
  /// rules lack them.
  package static func metricColumns(_ selection: MetricSelection, survey: Survey, workspace: Workspace) throws
    -> [MetricColumn]
  {
    // From the batch's programs, not `Workspace.program(for:)`: a failure there would go to the
    // workspace's log unseen, while the batch's cache keeps it for every file that reports it.
    guard case .program(let program) = workspace.batchPrograms.program(for: survey, answeredVersion: survey.version)
    else {
      if selection.firstID == nil { return [] }
      throw RunFailure.usage(
        Console.say(MetricSelectionError(id: selection.firstID ?? "", ambiguous: false, known: []).message))
    }
    do {
      return try selection.columns(program)
    } catch {
      throw RunFailure.usage(Console.say(error.message))
    }
  }

  /// After the `no-rules` error(s): where rules were looked for, how to give them; exit 2 (the
  /// set-up is wrong, not the answers files).
  package static func failForMissingRules(_ workspace: Workspace) throws -> Never {
    for note in workspace.missingRulesNotes { Console.note(note) }
    throw RunFailure.exit(2)
  }
}

extension Assessment {
  /// The same result presented in another language.
  func `in`(language: String) -> Assessment {
    var sheet = self.sheet
    sheet.language = language
    return Scorer.assess(sheet, with: program)
  }
}

/// The language of a survey's output, decided here for every command (`LanguageChoice` holds the
/// rule; the environment and the warnings are the process's).
package enum Languages {
  /// What people read: `requested` (`--lang`) when the survey has it, else the system's language
  /// when the survey has it, else the survey's first. A requested language the survey lacks is
  /// warned about.
  package static func output(_ requested: String?, survey: Survey) -> String {
    let chosen = LanguageChoice.output(requested: requested, survey: survey, environment: ProcessEnvironment.all)
    if let requested, LanguageChoice.inSurvey(requested, survey) == nil {
      Console.warning(
        Message(
          .cliLanguageNotInSurvey,
          [
            "language": .text(requested), "survey": .text(survey.reference),
            "languages": .text(survey.languages.joined(separator: ", ")),
            "using": .text(chosen),
          ]))
    }
    return chosen
  }

  /// For what is written in the survey's language (a template, a questionnaire): `requested`
  /// must be one of the survey's (a usage error otherwise); without it, as `output`.
  package static func strict(_ requested: String?, survey: Survey) throws -> String {
    if let requested, LanguageChoice.inSurvey(requested, survey) == nil {
      throw RunFailure.usage(
        Console.say(
          Message(
            .cliSurveyLanguages,
            [
              "survey": .text(survey.reference), "languages": .text(survey.languages.joined(separator: ", ")),
              "requested": .text(requested),
            ])))
    }
    return output(requested, survey: survey)
  }
}
