import ActivatorYAML

extension AnswersLoader {
  /// `evidence:`: per question id, where the figure comes from (`source`, free text) and which
  /// year it describes (`year`).
  static func readEvidence(_ node: YAMLNode, survey: Survey, file: SourceFile, _ reader: NodeReader) -> [Int: Evidence]
  {
    guard let pairs = node.mapping else {
      if !node.isNull {
        reader.error(
          "wrong-type",
          Message(
            .answersExpectedEvidenceAsMapping,
            ["shape": .text("question_id: {source: …, year: …}"), "found": NodeReader.found(node)]), node)
      }
      return [:]
    }
    var evidence: [Int: Evidence] = [:]
    var given = [YAMLMark?](repeating: nil, count: survey.questions.count)
    for pair in pairs {
      let id = pair.key.scalar ?? "?"
      guard let slot = reader.questionSlot(id, in: survey, at: pair.key, unknown: .answersUnknownQuestionEvidence),
        reader.firstEntry(slot, id: id, key: pair.key, seen: &given, twice: .answersEvidenceGivenTwice),
        let fields = reader.fields(
          pair.value, Message(.whatEvidenceFor, ["id": .text(id)]), allowed: ["source", "year"])
      else { continue }
      let source = fields.optional("source").flatMap {
        reader.string($0, Message(.whatEvidenceSource, ["id": .text(id)]), allowEmpty: true)
      }
      let year = fields.optional("year").flatMap {
        reader.int($0, Message(.whatEvidenceYear, ["id": .text(id)]), in: 1000...9999)
      }
      let item = Evidence(source: source.flatMap { $0.isEmpty ? nil : $0 }, year: year)
      if !item.isEmpty { evidence[slot] = item }
    }
    return evidence
  }

  /// Reports the problems that read several answers (`AnswerChecks`), at the answer or at its
  /// evidence entry.
  static func reportCrossChecks(
    _ sheet: AnswerSheet, survey: Survey, evidenceNode: YAMLNode?, file: SourceFile, _ reader: NodeReader
  ) {
    for problem in AnswerChecks.problems(sheet, survey: survey) {
      let id = survey.questions[problem.slot].id
      let entry = problem.inEvidence ? evidenceNode?.mapping?.first(where: { $0.key.scalar == id })?.value : nil
      if let entry {
        reader.error(problem.code, problem.message, entry)
      } else {
        reader.log.error(
          problem.code, problem.message,
          at: sheet.location(of: problem.slot) ?? file.location(YAMLMark(line: 1, column: 1)))
      }
    }
  }
}
