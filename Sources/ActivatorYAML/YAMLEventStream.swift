internal import CYAML

/// libyaml's events one at a time, without building nodes: for readers that know the shape
/// of what they read and want no allocation per value (the batch fast path for answers files).
///
/// Scalars are handed out as byte buffers that stay valid until the next call to `next()`.
package final class YAMLEventStream {
  package enum Event {
    case mappingStart
    case mappingEnd
    case sequenceStart
    case sequenceEnd
    /// A scalar: its bytes (NUL-terminated by libyaml, the NUL not included), style and start.
    case scalar(UnsafeBufferPointer<UInt8>, ScalarStyle, YAMLMark)
    /// Stream and document boundaries.
    case boundary
    /// Something a fast reader does not handle: an alias, an anchor or tag, a second document.
    case unusual
    case end
    /// libyaml refused the input.
    case failure
  }

  // On the heap: libyaml's string reader keeps a pointer to the parser itself.
  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
  // One stream is read by one thread; dynamic exclusivity checks on every event cost 1-2%.
  @exclusivity(unchecked) private var holding = false
  @exclusivity(unchecked) private var documents = 0
  @exclusivity(unchecked) package private(set) var depth = 0
  /// Where the last event started.
  @exclusivity(unchecked) package private(set) var mark = YAMLMark(line: 1, column: 1)
  private let maxDepth: Int
  private let marks: MarkMapper

  /// Starts reading `bytes`, which must stay valid while the stream is used.
  package init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.maxDepth = maxDepth
    marks = MarkMapper(bytes)
    parser.initialize(to: yaml_parser_t())
    event.initialize(to: yaml_event_t())
    yaml_parser_initialize(parser)
    yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
  }

  deinit {
    if holding { yaml_event_delete(event) }
    yaml_parser_delete(parser)
    parser.deallocate()
    event.deallocate()
  }

  package func next() -> Event {
    if holding {
      yaml_event_delete(event)
      holding = false
    }
    guard yaml_parser_parse(parser, event) != 0 else { return .failure }
    holding = true
    let event = self.event.pointee
    mark = marks(event.start_mark)
    switch event.type {
    case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
      return .boundary
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      return documents > 1 ? .unusual : .boundary
    case YAML_STREAM_END_EVENT:
      return .end
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      if scalar.anchor != nil || scalar.tag != nil { return .unusual }
      let style: ScalarStyle
      switch scalar.style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: style = .literal
      case YAML_FOLDED_SCALAR_STYLE: style = .folded
      default: style = .plain
      }
      return .scalar(UnsafeBufferPointer(start: scalar.value, count: scalar.length), style, mark)
    case YAML_MAPPING_START_EVENT:
      if event.data.mapping_start.anchor != nil || event.data.mapping_start.tag != nil { return .unusual }
      depth += 1
      return depth > maxDepth ? .unusual : .mappingStart
    case YAML_SEQUENCE_START_EVENT:
      if event.data.sequence_start.anchor != nil || event.data.sequence_start.tag != nil { return .unusual }
      depth += 1
      return depth > maxDepth ? .unusual : .sequenceStart
    case YAML_MAPPING_END_EVENT:
      depth -= 1
      return .mappingEnd
    case YAML_SEQUENCE_END_EVENT:
      depth -= 1
      return .sequenceEnd
    default:
      return .unusual
    }
  }

  /// Skips the value that starts with `event` (a scalar, or a whole collection).
  package func skip(_ event: Event) -> Bool {
    switch event {
    case .scalar: return true
    case .mappingStart, .sequenceStart:
      let target = depth - 1
      while true {
        switch next() {
        case .mappingEnd, .sequenceEnd: if depth == target { return true }
        case .failure, .unusual, .end: return false
        default: continue
        }
      }
    default: return false
    }
  }
}
