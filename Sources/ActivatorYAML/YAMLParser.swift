internal import CYAML

/// Reads one YAML document into a positioned node tree, straight from libyaml's events.
///
/// libyaml parses without recursion, and so does the tree builder here (an explicit stack), so
/// hostile nesting cannot overflow the call stack; `YAMLLimits` stops it long before memory
/// could matter.
package enum YAMLParser {
  /// Parses `bytes` (UTF-8, or UTF-16 with a byte-order mark) into the root node.
  ///
  /// - Returns: the root node, or `nil` when the stream holds no document (an empty file).
  /// - Throws: `YAMLError` with the position of the first problem.
  package static func parse(_ bytes: [UInt8], limits: YAMLLimits = .authored) throws(YAMLError)
    -> YAMLNode?
  {
    if bytes.count > limits.maxBytes {
      throw YAMLError(
        .limit, .fileTooLarge(size: bytes.count, limit: limits.maxBytes), at: YAMLMark(line: 1, column: 1))
    }
    let result: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
      var builder = TreeBuilder(limits: limits, bytes: buffer)
      return builder.run()
    }
    return try result.get()
  }
}

private struct Frame {
  enum Kind { case sequence, mapping }
  var kind: Kind
  var tag: String?
  var anchor: String?
  var start: YAMLMark
  var items: [YAMLNode] = []
  var pairs: [YAMLPair] = []
  var pendingKey: YAMLNode?
  /// Nodes below this collection, aliases expanded; kept to price later aliases to it.
  var nodeCount = 1
}

private struct TreeBuilder {
  let limits: YAMLLimits
  let bytes: UnsafeBufferPointer<UInt8>
  let marks: MarkMapper
  var stack: [Frame] = []
  var anchors: [String: (node: YAMLNode, count: Int)] = [:]
  var totalNodes = 0
  var aliasCount = 0
  var root: YAMLNode?
  var documents = 0

  init(limits: YAMLLimits, bytes: UnsafeBufferPointer<UInt8>) {
    self.limits = limits
    self.bytes = bytes
    marks = MarkMapper(bytes)
  }

  mutating func run() -> Result<YAMLNode?, YAMLError> {
    // On the heap: libyaml's string reader keeps a pointer to the parser itself, which a Swift
    // local passed with `&` does not guarantee to keep in place.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) != 0 else {
      return .failure(YAMLError(.unsupported, .cannotStart, at: YAMLMark(line: 1, column: 1)))
    }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) != 0 else {
        return .failure(parserError(parser.pointee))
      }
      let outcome: Result<Bool, YAMLError>
      do throws(YAMLError) {
        outcome = .success(try handle(&event))
      } catch {
        outcome = .failure(error)
      }
      yaml_event_delete(&event)
      switch outcome {
      case .failure(let error): return .failure(error)
      case .success(true): return .success(root)
      case .success(false): continue
      }
    }
  }

  /// Handles one event; returns true at the end of the stream.
  mutating func handle(_ event: inout yaml_event_t) throws(YAMLError) -> Bool {
    let start = mark(event.start_mark)
    switch event.type {
    case YAML_STREAM_START_EVENT, YAML_NO_EVENT:
      return false
    case YAML_STREAM_END_EVENT:
      return true
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        throw YAMLError(.unsupported, .secondDocument, at: start)
      }
      return false
    case YAML_DOCUMENT_END_EVENT:
      return false
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      if scalar.length > limits.maxScalarBytes {
        throw YAMLError(.limit, .valueTooLong(length: scalar.length, limit: limits.maxScalarBytes), at: start)
      }
      let text = String(
        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      var node = YAMLNode(
        content: .scalar(text, style(scalar.style)), tag: string(scalar.tag), start: start,
        end: mark(event.end_mark))
      node.viaAlias = false
      try count(1, at: start)
      if let anchor = string(scalar.anchor) { anchors[anchor] = (node, 1) }
      try append(node, nodes: 1)
      return false
    case YAML_ALIAS_EVENT:
      let name = string(event.data.alias.anchor) ?? ""
      aliasCount += 1
      if aliasCount > limits.maxAliases {
        throw YAMLError(.limit, .tooManyAliases(limit: limits.maxAliases), at: start)
      }
      guard var (node, nodes) = anchors[name] else {
        throw YAMLError(.syntax, .unknownAlias(name: name), at: start)
      }
      try count(nodes, at: start)
      node.viaAlias = true
      try append(node, nodes: nodes)
      return false
    case YAML_SEQUENCE_START_EVENT:
      try push(.sequence, tag: event.data.sequence_start.tag, anchor: event.data.sequence_start.anchor, at: start)
      return false
    case YAML_MAPPING_START_EVENT:
      try push(.mapping, tag: event.data.mapping_start.tag, anchor: event.data.mapping_start.anchor, at: start)
      return false
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return false }
      let content: YAMLNode.Content =
        frame.kind == .sequence ? .sequence(frame.items) : .mapping(frame.pairs)
      let node = YAMLNode(content: content, tag: frame.tag, start: frame.start, end: mark(event.end_mark))
      if let anchor = frame.anchor { anchors[anchor] = (node, frame.nodeCount) }
      try append(node, nodes: frame.nodeCount)
      return false
    default:
      return false
    }
  }

  mutating func push(
    _ kind: Frame.Kind, tag: UnsafeMutablePointer<yaml_char_t>?,
    anchor: UnsafeMutablePointer<yaml_char_t>?, at start: YAMLMark
  ) throws(YAMLError) {
    if stack.count >= limits.maxDepth {
      throw YAMLError(.limit, .tooDeep(limit: limits.maxDepth), at: start)
    }
    try count(1, at: start)
    stack.append(Frame(kind: kind, tag: string(tag), anchor: string(anchor), start: start))
  }

  mutating func count(_ nodes: Int, at mark: YAMLMark) throws(YAMLError) {
    totalNodes += nodes
    if totalNodes > limits.maxNodes {
      throw YAMLError(.limit, .tooManyValues(limit: limits.maxNodes), at: mark)
    }
  }

  mutating func append(_ node: YAMLNode, nodes: Int) throws(YAMLError) {
    guard !stack.isEmpty else {
      root = node
      return
    }
    let top = stack.count - 1
    stack[top].nodeCount += nodes
    switch stack[top].kind {
    case .sequence:
      stack[top].items.append(node)
    case .mapping:
      if let key = stack[top].pendingKey {
        stack[top].pairs.append(YAMLPair(key: key, value: node))
        stack[top].pendingKey = nil
      } else {
        stack[top].pendingKey = node
      }
    }
  }

  func parserError(_ parser: yaml_parser_t) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
    if parser.error == YAML_READER_ERROR {
      let at = marks.exact(byte: parser.problem_offset)
      var message = problem
      if parser.problem_value != -1 && problem.contains("octet") {
        message += " (byte 0x\(String(parser.problem_value, radix: 16, uppercase: true)))"
      } else if problem.contains("control characters") {
        message += " (byte 0x\(String(parser.problem_value, radix: 16, uppercase: true)))"
      }
      return YAMLError(.encoding, .unreadable(problem: message), at: at)
    }
    let problemMark = marks.exact(parser.problem_mark)
    if let context = parser.context.map({ String(cString: $0) }) {
      let contextMark = marks.exact(parser.context_mark)
      // An unclosed '[' or '{' is noticed only where the flow collection should have ended;
      // point at the bracket itself when that is on an earlier line (as YAML counts lines).
      if context.hasPrefix("while parsing a flow"), parser.context_mark.line < parser.problem_mark.line {
        let bracket = context.contains("mapping") ? "{" : "["
        let closing = context.contains("mapping") ? "}" : "]"
        return YAMLError(.syntax, .unclosed(bracket: bracket, closing: closing, noticed: problemMark), at: contextMark)
      }
      return YAMLError(.syntax, .syntax(problem: problem, context: context, contextMark: contextMark), at: problemMark)
    }
    return YAMLError(.syntax, .syntax(problem: problem, context: nil, contextMark: nil), at: problemMark)
  }

  func mark(_ mark: yaml_mark_t) -> YAMLMark { marks(mark) }

  func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }
}
