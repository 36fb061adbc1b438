package import ActivatorYAML

/// Reads migration files (`migration:` first, beside the surveys) and checks them against the two
/// surveys they join.
package enum MigrationLoader {
  static let keys = LoaderKeys.migration
  static let ruleKeys = LoaderKeys.migrationRule

  /// Whether a parsed file is a migration rather than a survey.
  package static func isMigration(_ root: YAMLNode) -> Bool {
    root.mapping?.contains { $0.key.scalar == "migration" } == true
  }

  package static func load(_ file: SourceFile, _ root: YAMLNode, log: DiagnosticLog) -> Migration? {
    let reader = NodeReader(file: file, log: log)
    let errorsBefore = log.errorCount
    reader.checkTags(root, expressions: false)
    guard let fields = reader.fields(root, Message(.whatMigration), allowed: keys) else { return nil }
    let survey = fields.required("migration", reader).flatMap {
      reader.identifier($0, Message(.whatSurveyId2), dashes: true)
    }
    let from = fields.required("from", reader).flatMap { reader.versionRange($0, Message(.whatMigrationFrom)) }
    let to = fields.required("to", reader).flatMap { reader.version($0, Message(.whatMigrationTo)) }
    var questions: [String: MigrationRule] = [:]
    if let node = fields.required("questions", reader) {
      if let pairs = node.mapping {
        for pair in pairs {
          guard let id = reader.identifier(pair.key, Message(.whatQuestionId2)) else { continue }
          if questions[id] != nil {
            reader.error("duplicate-key", Message(.migrationListedTwice, ["id": .text(id)]), pair.key)
            continue
          }
          if let rule = self.rule(pair.value, id: id, reader) { questions[id] = rule }
        }
      } else if !node.isNull {
        reader.error("wrong-type", Message(.migrationQuestionsMapping), node)
      }
    }
    guard log.errorCount == errorsBefore, let survey, let from, let to else { return nil }
    return Migration(survey: survey, from: from, to: to, questions: questions, location: reader.location(root))
  }

  static func rule(_ node: YAMLNode, id: String, _ reader: NodeReader) -> MigrationRule? {
    guard let fields = reader.fields(node, Message(.whatMigrationOf, ["id": .text(id)]), allowed: ruleKeys) else {
      return nil
    }
    var rule = MigrationRule(location: reader.location(node))
    rule.to = fields.optional("to").flatMap { n in
      reader.identifier(n, Message(.whatQuestionId2)).map { Located($0, at: reader.location(n)) }
    }
    rule.carry = fields.optional("carry").flatMap { reader.bool($0, Message(.whatKeyNamed, ["key": "carry"])) } ?? true
    rule.review = fields.optional("review").flatMap { reader.bool($0, Message(.whatReview)) } ?? false
    rule.noteOn = fields.optional("note_on").flatMap { n in
      reader.identifier(n, Message(.whatQuestionId2)).map { Located($0, at: reader.location(n)) }
    }
    rule.note = fields.optional("note").flatMap { reader.localized($0, Message(.whatNoteOn, ["id": .text(id)])) }
    if let node = fields.optional("values"), let pairs = node.mapping {
      for pair in pairs {
        guard let old = pair.key.scalar, let new = pair.value.scalar else {
          reader.error("wrong-type", Message(.migrationValuesMapping, ["example": .text("{\"no\": 0}")]), pair.key)
          continue
        }
        rule.values[old] = new
      }
    }
    if !rule.carry && rule.to != nil, let key = fields.keys["to"] {
      reader.error("migration", Message(.migrationNotCarriedHasNoTo, ["id": .text(id)]), key)
    }
    if !rule.carry && rule.noteOn == nil && rule.note == nil {
      reader.error("migration", Message(.migrationNotCarriedNeedsNote, ["id": .text(id)]), node)
    }
    return rule
  }

  /// Checks a migration against its surveys: every id it names exists, and every question of the
  /// old survey that the new one does not ask has an entry, so no answer is dropped unseen.
  package static func check(_ migration: Migration, registry: SurveyRegistry, log: DiagnosticLog) {
    guard let new = registry.versions(of: migration.survey).first(where: { $0.version == migration.to }) else {
      log.error(
        "migration",
        Message(
          .migrationTargetNotLoaded,
          ["migration": .text(migration.reference), "survey": .text("\(migration.survey) \(migration.to)")]),
        at: migration.location)
      return
    }
    let olds = registry.versions(of: migration.survey).filter { migration.from.contains($0.version) }
    if olds.isEmpty {
      log.error(
        "migration",
        Message(
          .migrationSourceNotLoaded, ["migration": .text(migration.reference), "survey": .text(migration.survey)]),
        at: migration.location)
    }
    for (id, rule) in migration.questions.sorted(by: { $0.key < $1.key }) {
      if !olds.contains(where: { $0.questionIndex[id] != nil }) {
        log.error(
          "unknown-question",
          Message(
            .migrationNotAQuestionOf,
            ["id": .text(id), "survey": .text("\(migration.survey) \(migration.from.text)"), "hint": ""]),
          at: rule.location)
      }
      for language in new.languages
      where rule.note != nil && !(rule.note?.translations.contains { $0.language == language } ?? false) {
        log.error(
          "missing-translation",
          Message(
            .migrationNoteMissingLanguage,
            ["id": .text(id), "language": .text(language), "survey": .text(new.reference)]),
          at: rule.location)
      }
      for reference in [rule.to, rule.noteOn].compactMap({ $0 }) where new.questionIndex[reference.value] == nil {
        log.error(
          "unknown-question",
          Message(
            .migrationNotAQuestionOf,
            [
              "id": .text(reference.value), "survey": .text(new.reference),
              "hint": DidYouMean.hint(reference.value, from: new.questionIndex.keys),
            ]),
          at: reference.location)
      }
    }
    for old in olds {
      for question in old.questions
      where new.questionIndex[question.id] == nil && migration.questions[question.id] == nil {
        log.error(
          "migration-incomplete",
          Message(
            .migrationIncomplete,
            [
              "id": .text(question.id), "old": .text(old.reference), "new": .text(new.reference),
              "migration": .text(migration.reference),
            ]),
          at: migration.location)
      }
    }
  }
}
