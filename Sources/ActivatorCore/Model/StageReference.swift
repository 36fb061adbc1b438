package import ActivatorYAML

/// A stage as an author writes it, by level (`3`) or by id (`established`), wherever a file
/// names a stage: criteria, ladder steps and their recommendations, catalog stage fits,
/// fixtures, answers' targets. Plugins and catalogs are read before the survey they apply to is
/// known, so a reference is resolved against the survey when the rules are compiled.
package enum StageReference: Sendable, Hashable {
  case level(Int)
  case id(String)
}

extension NodeReader {
  /// A stage written as a whole number or a stage id; nil (reported) for anything else.
  package func stageReference(_ node: YAMLNode, _ what: Message) -> Located<StageReference>? {
    guard let text = node.scalar, !node.isNull else {
      error("wrong-type", Message(.stageExpected, ["what": .message(what), "found": NodeReader.found(node)]), node)
      return nil
    }
    let trimmed = text.trimmingSpaces
    if let level = Int(trimmed) { return Located(.level(level), at: location(node)) }
    guard Identifier.problem(trimmed, dashes: false) == nil else {
      error("wrong-type", Message(.stageExpected, ["what": .message(what), "found": NodeReader.shown(node)]), node)
      return nil
    }
    return Located(.id(trimmed), at: location(node))
  }
}

extension Survey {
  /// The level `reference` names in this survey, or why it names none: an unknown id (with the
  /// nearest) or a level the survey does not have, each listing the survey's stages.
  package func stageLevel(_ stage: StageReference) -> Result<Int, StageProblem> {
    switch stage {
    case .level(let level):
      guard stages.contains(where: { $0.level == level }) else {
        return .failure(
          StageProblem(
            code: "out-of-range",
            message: Message(
              .stageNoSuchLevel, ["level": .text(String(level)), "survey": .text(reference), "stages": stageList])))
      }
      return .success(level)
    case .id(let id):
      guard let named = stages.first(where: { $0.id == id }) else {
        return .failure(
          StageProblem(
            code: "unknown-stage",
            message: Message(
              .stageUnknownId,
              [
                "id": .text(id), "hint": DidYouMean.hint(id, from: stages.map(\.id)), "survey": .text(reference),
                "stages": stageList,
              ])))
      }
      return .success(named.level)
    }
  }

  /// The level of a located reference, reported to `log` when it names no stage.
  package func stageLevel(_ stage: Located<StageReference>, log: DiagnosticLog) -> Int? {
    switch stageLevel(stage.value) {
    case .success(let level): return level
    case .failure(let problem):
      log.error(problem.code, problem.message, at: stage.location)
      return nil
    }
  }

  /// `ladder@developing` as `ladder@2`: a criterion of a ladder step may be named by the stage's
  /// id as well as its level. Other ids are returned as they are.
  package func canonicalCriterionID(_ id: String) -> String {
    guard let at = id.lastIndex(of: "@") else { return id }
    let stageID = String(id[id.index(after: at)...])
    guard let stage = stages.first(where: { $0.id == stageID }) else { return id }
    return String(id[...at]) + String(stage.level)
  }

  /// "1 initiating, 2 developing, 3 established…": every stage, for messages.
  var stageList: MessageArgument {
    .list(stages.map { .text("\($0.level) \($0.id)") })
  }
}

/// Why a stage reference names no stage of a survey.
package struct StageProblem: Error, Sendable {
  package var code: String
  package var message: Message
}
