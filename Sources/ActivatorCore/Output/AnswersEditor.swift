package import ActivatorYAML

/// Rewrites an answers file that already exists by editing it in place: only the values that
/// changed are replaced, inserted or removed, so comments, `x-` keys, notes, the layout and
/// everything else the official or an editor put there stay as they were (issue 11, defect 5).
///
/// A file whose layout does not allow an edit in place (a value in a block list, a mapping that
/// would become empty) is written afresh by `AnswersWriter`, with its `x-` keys copied over.
/// Either way the result is read back and must give exactly the answers asked for.
package struct AnswersEditor {
  package let file: SourceFile
  package let root: YAMLNode
  package let original: AnswerSheet
  package let survey: Survey

  package init(file: SourceFile, root: YAMLNode, original: AnswerSheet, survey: Survey) {
    self.file = file
    self.root = root
    self.original = original
    self.survey = survey
  }

  /// The file's text with `sheet`'s answers; the original bytes when nothing differs.
  package func text(for sheet: AnswerSheet) -> [UInt8] {
    let before = Self.fields(original, survey)
    let after = Self.fields(sheet, survey)
    if before == after { return file.bytes }
    if let edited = editInPlace(before: before, after: after), reads(edited, as: sheet) { return edited }
    let fresh = Array(AnswersWriter.write(sheet, survey: survey, mode: .answers).utf8) + extensionEntries()
    if reads(fresh, as: sheet) { return fresh }
    return Array(AnswersWriter.write(sheet, survey: survey, mode: .answers).utf8)
  }

  // MARK: - What a sheet says, field by field

  /// Every value of `sheet` as the YAML it is written as, by its path of keys.
  static func fields(_ sheet: AnswerSheet, _ survey: Survey) -> [[String]: String] {
    var fields: [[String]: String] = [["language"]: YAMLWriter.scalar(sheet.language)]
    fields[["started"]] = sheet.started.map(YAMLWriter.scalar)
    fields[["completed"]] = sheet.completed.map(YAMLWriter.scalar)
    fields[["city", "name"]] = YAMLWriter.scalar(sheet.city.name)
    fields[["city", "country"]] = sheet.city.country.map(YAMLWriter.scalar)
    fields[["city", "region"]] = sheet.city.region.map(YAMLWriter.scalar)
    if let respondent = sheet.respondent {
      fields[["respondent", "name"]] = respondent.name.map(YAMLWriter.scalar)
      fields[["respondent", "role"]] = respondent.role.map(YAMLWriter.scalar)
      fields[["respondent", "organisation"]] = respondent.organisation.map(YAMLWriter.scalar)
      fields[["respondent", "email"]] = respondent.email.map(YAMLWriter.scalar)
    }
    for (slot, value) in sheet.values.enumerated() {
      if let value {
        fields[["answers", survey.questions[slot].id]] = AnswersWriter.render(value, survey.questions[slot])
      }
    }
    for (pillar, stage) in sheet.targets { fields[["targets", survey.pillars[pillar].id]] = String(stage) }
    for (slot, note) in sheet.notes { fields[["notes", survey.questions[slot].id]] = YAMLWriter.doubleQuoted(note) }
    for (slot, item) in sheet.evidence { fields[["evidence", survey.questions[slot].id]] = AnswersWriter.render(item) }
    if !sheet.review.isEmpty { fields[["review"]] = YAMLWriter.flowList(sheet.review.map { survey.questions[$0].id }) }
    return fields
  }

  /// Where a key goes among its siblings: top-level keys in the order the writer puts them
  /// (`completed:` added on finishing goes after `started:`, not above `survey:`), questions in
  /// survey order, everything else last.
  func rank(_ path: [String]) -> Int {
    if path.count == 1 { return Self.topLevelOrder.firstIndex(of: path[0]) ?? Int.max }
    guard path.count == 2, ["answers", "notes", "evidence"].contains(path[0]), let slot = survey.questionIndex[path[1]]
    else { return Int.max }
    return slot
  }

  /// The top-level keys as `AnswersWriter` writes them.
  static let topLevelOrder = [
    "survey", "survey_version", "language", "city", "respondent", "started", "completed", "answers", "targets", "notes",
    "evidence",
    "review",
  ]

  // MARK: - Editing in place

  struct Edit {
    var range: Range<Int>
    var text: String
  }

  func editInPlace(before: [[String]: String], after: [[String]: String]) -> [UInt8]? {
    guard root.mapping != nil, !isFlow(root) else { return nil }
    var edits: [Edit] = []
    let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    // Inserts into the same place keep the survey's order.
    for path in changed.sorted(by: { (rank($0), $0.joined(separator: "/")) < (rank($1), $1.joined(separator: "/")) }) {
      guard let edit = edit(path, to: after[path], pending: changed, after: after) else { return nil }
      edits.append(contentsOf: edit)
    }
    var bytes = file.bytes
    // From the end, so that earlier offsets stay valid; stable for inserts at one offset.
    for edit in edits.enumerated().sorted(by: {
      ($0.element.range.lowerBound, $0.offset) > ($1.element.range.lowerBound, $1.offset)
    }) {
      bytes.replaceSubrange(edit.element.range, with: Array(edit.element.text.utf8))
    }
    return bytes
  }

  /// The edits that give `path` the value `value` (nil: remove it).
  func edit(_ path: [String], to value: String?, pending: Set<[String]>, after: [[String]: String]) -> [Edit]? {
    var mapping = root
    for (depth, key) in path.enumerated() {
      guard let pairs = mapping.mapping else { return nil }
      guard let pair = pairs.first(where: { $0.key.scalar == key }) else {
        guard let value else { return [] }  // already absent
        if depth == path.count - 1 { return insert(key, value, into: mapping, path: path) }
        // A missing parent mapping (no `targets:` yet): added at the end, with every child.
        guard depth == 0, path.count == 2, mapping.start == root.start else { return nil }
        return appendBlock(key, children: after.filter { $0.key.count == 2 && $0.key[0] == key }, first: path)
      }
      if depth == path.count - 1 {
        guard let value else { return remove(pair, from: mapping) }
        return replace(pair.value, with: value)
      }
      mapping = pair.value
    }
    return nil
  }

  func replace(_ node: YAMLNode, with value: String) -> [Edit]? {
    guard let start = offset(node.start), let end = offset(node.end), start <= end else { return nil }
    switch node.content {
    case .scalar(_, let style):
      if style == .literal || style == .folded {
        // A block scalar ends after its last line break; keep one.
        return [Edit(range: start..<end, text: value + lineBreak)]
      }
      let empty = start == end
      return [Edit(range: start..<end, text: empty && byte(before: start) == UInt8(ascii: ":") ? " " + value : value)]
    case .sequence, .mapping:
      // Only a flow collection can be replaced by the flow list written in its place.
      guard isFlow(node) else { return nil }
      return [Edit(range: start..<end, text: value)]
    }
  }

  func remove(_ pair: YAMLPair, from mapping: YAMLNode) -> [Edit]? {
    guard let pairs = mapping.mapping, pairs.count > 1 else { return nil }  // an empty mapping reads differently
    guard let keyStart = offset(pair.key.start), let valueEnd = offset(pair.value.end) else { return nil }
    if isFlow(mapping) {
      // `key: value` and the comma on one side of it.
      if let next = pairs.firstIndex(where: { $0.key.start == pair.key.start }).flatMap({
        $0 + 1 < pairs.count ? pairs[$0 + 1] : nil
      }),
        let nextStart = offset(next.key.start)
      {
        return [Edit(range: keyStart..<nextStart, text: "")]
      }
      var from = keyStart
      while from > 0, let previous = byte(before: from), previous == UInt8(ascii: " ") || previous == UInt8(ascii: ",")
      { from -= 1 }
      return [Edit(range: from..<valueEnd, text: "")]
    }
    guard let lineStart = lineStart(containing: keyStart), onlySpaces(lineStart..<keyStart) else { return nil }
    return [Edit(range: lineStart..<lineEnd(from: valueEnd), text: "")]
  }

  func insert(_ key: String, _ value: String, into mapping: YAMLNode, path: [String]) -> [Edit]? {
    guard let pairs = mapping.mapping else { return nil }
    let entry = YAMLWriter.scalar(key) + ": " + value
    if isFlow(mapping) {
      guard let end = offset(mapping.end), end > 0 else { return nil }
      return [Edit(range: end - 1..<end - 1, text: pairs.isEmpty ? entry : ", " + entry)]
    }
    guard let first = pairs.first, let firstKey = offset(first.key.start),
      let lineStart = lineStart(containing: firstKey),
      onlySpaces(lineStart..<firstKey)
    else { return nil }
    let indent = String(repeating: " ", count: firstKey - lineStart)
    // After the last sibling that comes earlier in the survey, else before the first one.
    let myRank = rank(path)
    let earlier = pairs.last { pair in
      pair.key.scalar.map { rank(Array(path.dropLast()) + [$0]) < myRank } ?? false
    }
    if let earlier, let end = offset(earlier.value.end) {
      let at = lineEnd(from: end)
      return [Edit(range: at..<at, text: (at > 0 && !endsLine(at) ? lineBreak : "") + indent + entry + lineBreak)]
    }
    return [Edit(range: lineStart..<lineStart, text: indent + entry + lineBreak)]
  }

  /// A top-level mapping that the file does not have yet, at its end.
  func appendBlock(_ key: String, children: [[String]: String], first: [String]) -> [Edit]? {
    // Written once, with all its children, when the first of them is edited.
    guard
      children.keys.min(by: { (rank($0), $0.joined(separator: "/")) < (rank($1), $1.joined(separator: "/")) }) == first
    else { return [] }
    let end = file.bytes.count
    var text = end > 0 && !endsLine(end) ? lineBreak : ""
    text += YAMLWriter.scalar(key) + ":" + lineBreak
    for (path, value) in children.sorted(by: { (rank($0.key), $0.key[1]) < (rank($1.key), $1.key[1]) }) {
      text += "  " + YAMLWriter.scalar(path[1]) + ": " + value + lineBreak
    }
    return [Edit(range: end..<end, text: text)]
  }

  // MARK: - Bytes

  var lineBreak: String { file.bytes.contains(0x0D) && file.bytes.contains(0x0A) ? "\r\n" : "\n" }

  func offset(_ mark: YAMLMark) -> Int? { file.lines.byteOffset(line: mark.line, column: mark.column, in: file.bytes) }

  func byte(before offset: Int) -> UInt8? { offset > 0 && offset <= file.bytes.count ? file.bytes[offset - 1] : nil }

  func isFlow(_ node: YAMLNode) -> Bool {
    guard let start = offset(node.start), start < file.bytes.count else { return false }
    return file.bytes[start] == UInt8(ascii: "{") || file.bytes[start] == UInt8(ascii: "[")
  }

  func lineStart(containing offset: Int) -> Int? {
    var index = offset
    while index > 0, file.bytes[index - 1] != 0x0A, file.bytes[index - 1] != 0x0D { index -= 1 }
    return index
  }

  /// Just past the line break that ends the line holding `offset` (or the end of the file);
  /// `offset` itself when it already starts a line.
  func lineEnd(from offset: Int) -> Int {
    if offset > 0 && endsLine(offset) { return offset }
    var index = offset
    while index < file.bytes.count, file.bytes[index] != 0x0A, file.bytes[index] != 0x0D { index += 1 }
    if index < file.bytes.count, file.bytes[index] == 0x0D { index += 1 }
    if index < file.bytes.count, file.bytes[index] == 0x0A { index += 1 }
    return index
  }

  func endsLine(_ offset: Int) -> Bool { byte(before: offset) == 0x0A || byte(before: offset) == 0x0D }

  func onlySpaces(_ range: Range<Int>) -> Bool { file.bytes[range].allSatisfy { $0 == 0x20 } }

  // MARK: - Safety net

  /// The file's top-level `x-` entries, verbatim, for a file written afresh.
  func extensionEntries() -> [UInt8] {
    var out: [UInt8] = []
    for pair in root.mapping ?? [] where pair.key.scalar?.hasPrefix("x-") == true {
      guard let start = offset(pair.key.start), let lineStart = lineStart(containing: start),
        let end = offset(pair.value.end)
      else { continue }
      out += file.bytes[lineStart..<lineEnd(from: end)]
      if !(out.last == 0x0A || out.last == 0x0D) { out.append(0x0A) }
    }
    return out
  }

  /// Whether `bytes` read back as `sheet`, answers and details alike.
  func reads(_ bytes: [UInt8], as sheet: AnswerSheet) -> Bool {
    let log = DiagnosticLog()
    guard let (source, node) = Document.parse(SourceFile(path: file.path, bytes: bytes), limits: .untrusted, log: log),
      let (reread, _) = AnswersLoader.load(source, node, registry: SurveyRegistry([survey]), log: log), !log.hasErrors
    else { return false }
    func filled(_ respondent: Respondent?) -> Respondent? { respondent == Respondent() ? nil : respondent }
    return reread.values == sheet.values && reread.city == sheet.city
      && filled(reread.respondent) == filled(sheet.respondent)
      && reread.targets == sheet.targets && reread.notes == sheet.notes && reread.evidence == sheet.evidence
      && reread.review == sheet.review
      && reread.completed == sheet.completed && reread.started == sheet.started && reread.language == sheet.language
  }
}
