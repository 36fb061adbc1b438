import Synchronization

/// A text already written as a JSON string, quotes and escapes included.
package struct EscapedJSON: Sendable {
  let bytes: [UInt8]

  package init(_ text: String) {
    bytes = JSONWriter.escapedString(text)
  }
}

/// Texts already written as JSON strings, quotes and escapes included, kept in one byte array
/// and picked by index. A class, read through its `let` arrays: picking a text out costs no
/// reference count, where an `EscapedJSON` read out of an array is retained and released (some
/// hundred times a row).
package final class EscapedTexts: Sendable {
  let bytes: [UInt8]
  /// Where each text starts in `bytes`, and one past the end of the last.
  let starts: [Int]
  /// Texts that are not there (nil in the list given): written as null.
  let missing: [Bool]

  package convenience init(_ texts: [String]) {
    self.init(optional: texts.map { $0 })
  }

  package init(optional texts: [String?]) {
    var bytes: [UInt8] = []
    var starts = [0]
    starts.reserveCapacity(texts.count + 1)
    for text in texts {
      if let text { bytes += JSONWriter.escapedString(text) }
      starts.append(bytes.count)
    }
    self.bytes = bytes
    self.starts = starts
    missing = texts.map { $0 == nil }
  }

  package var count: Int { missing.count }

  /// Appends text `index` as it was escaped; false (nothing appended) for a missing one.
  @inline(__always)
  func append(_ index: Int, to buffer: inout ByteBuffer) -> Bool {
    guard !missing[index] else { return false }
    bytes.withUnsafeBufferPointer { all in
      buffer.append(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
    }
    return true
  }
}

/// The texts of one program in one language that every JSON result repeats: ids, names and
/// titles. A batch writes the same few hundred of them for every city; escaped here once, a row
/// copies their bytes instead of looking each one up, retaining it and scanning it for escapes
/// again (docs/performance.md, issue 15 item 10).
package final class JSONTexts: Sendable {
  package let pillarIDs: EscapedTexts
  package let questionIDs: EscapedTexts
  package let criterionIDs: EscapedTexts
  /// By level; the level's number where the survey names no such stage (as `Survey.stageName`).
  private let stageNames: EscapedTexts
  package let metricIDs: EscapedTexts
  package let metricTitles: EscapedTexts
  package let metricUnits: EscapedTexts
  package let solutionIDs: EscapedTexts
  package let solutionNames: EscapedTexts
  package let solutionCities: EscapedTexts
  package let solutionNeeds: [EscapedTexts]
  package let programmeIDs: EscapedTexts
  package let programmeNames: EscapedTexts
  /// Where the result comes from: the survey's id, version and hash, the rule set's hash, and
  /// each plugin's id, version and hash.
  package let surveyID: EscapedJSON
  package let surveyVersion: EscapedJSON
  package let surveyHash: EscapedJSON
  package let rulesHash: EscapedJSON
  package let pluginIDs: EscapedTexts
  package let pluginVersions: EscapedTexts
  package let pluginHashes: EscapedTexts

  init(_ program: Program, language: String) {
    let survey = program.survey
    pillarIDs = EscapedTexts(survey.pillars.map(\.id))
    questionIDs = EscapedTexts(survey.questions.map(\.id))
    criterionIDs = EscapedTexts(program.criteria.map(\.qualifiedID))
    stageNames = EscapedTexts((0...survey.topStage).map { survey.stageName($0, language) })
    metricIDs = EscapedTexts(program.metrics.map(\.qualifiedID))
    metricTitles = EscapedTexts(program.metrics.map { $0.title.text(language) })
    metricUnits = EscapedTexts(optional: program.metrics.map { $0.unit?.text(language) })
    solutionIDs = EscapedTexts(program.solutions.map(\.id))
    solutionNames = EscapedTexts(program.solutions.map { $0.name.text(language) })
    solutionCities = EscapedTexts(program.solutions.map { $0.city.text(language) })
    solutionNeeds = program.solutions.map { EscapedTexts($0.needs.map { $0.text.text(language) }) }
    programmeIDs = EscapedTexts(program.programmes.map(\.id))
    programmeNames = EscapedTexts(program.programmes.map { $0.name.text(language) })
    surveyID = EscapedJSON(survey.id)
    surveyVersion = EscapedJSON(survey.version.description)
    surveyHash = EscapedJSON(program.surveyHash)
    rulesHash = EscapedJSON(program.hash)
    pluginIDs = EscapedTexts(program.plugins.map(\.id))
    pluginVersions = EscapedTexts(program.plugins.map(\.version.description))
    pluginHashes = EscapedTexts(program.plugins.map(\.hash))
  }

  /// Writes the stage's name, as `Survey.stageName` gives it.
  package func stageName(_ level: Int, into writer: JSONWriter) {
    if level >= 0 && level < stageNames.count {
      writer.string(stageNames, level)
    } else {
      writer.string(String(level))
    }
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
