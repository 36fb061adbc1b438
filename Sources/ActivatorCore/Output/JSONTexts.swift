import Synchronization

/// A text already written as a JSON string, quotes and escapes included.
package struct EscapedJSON: Sendable {
  let bytes: [UInt8]

  package init(_ text: String) {
    bytes = JSONWriter.escapedString(text)
  }
}

/// The texts of one program in one language that every JSON result repeats: ids, names and
/// titles. A batch writes the same few hundred of them for every city; escaped here once, a row
/// copies their bytes instead of looking each one up, retaining it and scanning it for escapes
/// again (docs/performance.md, issue 15 item 10).
package final class JSONTexts: Sendable {
  package let pillarIDs: [EscapedJSON]
  package let questionIDs: [EscapedJSON]
  package let criterionIDs: [EscapedJSON]
  /// By level; the level's number where the survey names no such stage (as `Survey.stageName`).
  private let stageNames: [EscapedJSON]
  package let metricIDs: [EscapedJSON]
  package let metricTitles: [EscapedJSON]
  package let metricUnits: [EscapedJSON?]
  package let solutionIDs: [EscapedJSON]
  package let solutionNames: [EscapedJSON]
  package let solutionCities: [EscapedJSON]
  package let solutionNeeds: [[EscapedJSON]]
  package let programmeIDs: [EscapedJSON]
  package let programmeNames: [EscapedJSON]
  /// Where the result comes from: the survey's id, version and hash, the rule set's hash, and
  /// each plugin's id, version and hash.
  package let surveyID: EscapedJSON
  package let surveyVersion: EscapedJSON
  package let surveyHash: EscapedJSON
  package let rulesHash: EscapedJSON
  package let pluginIDs: [EscapedJSON]
  package let pluginVersions: [EscapedJSON]
  package let pluginHashes: [EscapedJSON]

  init(_ program: Program, language: String) {
    let survey = program.survey
    pillarIDs = survey.pillars.map { EscapedJSON($0.id) }
    questionIDs = survey.questions.map { EscapedJSON($0.id) }
    criterionIDs = program.criteria.map { EscapedJSON($0.qualifiedID) }
    stageNames = (0...survey.topStage).map { EscapedJSON(survey.stageName($0, language)) }
    metricIDs = program.metrics.map { EscapedJSON($0.qualifiedID) }
    metricTitles = program.metrics.map { EscapedJSON($0.title.text(language)) }
    metricUnits = program.metrics.map { $0.unit.map { EscapedJSON($0.text(language)) } }
    solutionIDs = program.solutions.map { EscapedJSON($0.id) }
    solutionNames = program.solutions.map { EscapedJSON($0.name.text(language)) }
    solutionCities = program.solutions.map { EscapedJSON($0.city.text(language)) }
    solutionNeeds = program.solutions.map { $0.needs.map { EscapedJSON($0.text.text(language)) } }
    programmeIDs = program.programmes.map { EscapedJSON($0.id) }
    programmeNames = program.programmes.map { EscapedJSON($0.name.text(language)) }
    surveyID = EscapedJSON(survey.id)
    surveyVersion = EscapedJSON(survey.version.description)
    surveyHash = EscapedJSON(program.surveyHash)
    rulesHash = EscapedJSON(program.hash)
    pluginIDs = program.plugins.map { EscapedJSON($0.id) }
    pluginVersions = program.plugins.map { EscapedJSON($0.version.description) }
    pluginHashes = program.plugins.map { EscapedJSON($0.hash) }
  }

  /// The stage's name, as `Survey.stageName` gives it.
  package func stageName(_ level: Int) -> EscapedJSON {
    stageNames.indices.contains(level) ? stageNames[level] : EscapedJSON(String(level))
  }
}

/// A program's `JSONTexts`, one per language, built when a result in that language is first
/// written (a batch mostly asks for one or two languages).
final class JSONTextCache: Sendable {
  private let byLanguage = Mutex<[String: JSONTexts]>([:])

  func texts(_ program: Program, _ language: String) -> JSONTexts {
    if let texts = byLanguage.withLock({ $0[language] }) { return texts }
    // Built outside the lock: two workers may both build the first one; either is the same.
    let texts = JSONTexts(program, language: language)
    return byLanguage.withLock { cache in
      if let first = cache[language] { return first }
      cache[language] = texts
      return texts
    }
  }
}

extension Program {
  /// Ids, names and titles of this program as JSON strings in `language`.
  package func jsonTexts(_ language: String) -> JSONTexts {
    jsonTextCache.texts(self, language)
  }
}
