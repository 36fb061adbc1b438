/// A key press, decoded from the bytes a terminal sends.
package enum Key: Equatable, Sendable {
  case char(Character)
  case up, down, left, right, home, end, pageUp, pageDown
  case enter, tab, backTab, backspace, delete, escape
  /// Control plus a letter (`ctrl("c")` for Ctrl-C).
  case ctrl(Character)
  case unknown
}

/// Decodes terminal input bytes into keys: UTF-8 characters, control keys and the common
/// escape sequences of xterm-compatible terminals (both CSI and SS3 forms).
package struct KeyDecoder: Sendable {
  private var pending: [UInt8] = []

  package init() {}

  /// Keys complete in `bytes` (plus what was left over from the last call). A lone escape at
  /// the end of the input is an Escape key press.
  package mutating func feed(_ bytes: [UInt8]) -> [Key] {
    pending += bytes
    var keys: [Key] = []
    var index = 0
    while index < pending.count {
      let byte = pending[index]
      switch byte {
      case 0x1B:
        if index + 1 >= pending.count {
          keys.append(.escape)
          index += 1
          continue
        }
        let (key, length) = escapeSequence(from: index)
        if length == 0 {
          // Incomplete sequence: wait for more bytes.
          pending.removeFirst(index)
          return keys
        }
        keys.append(key)
        index += length
      case 0x0D, 0x0A:
        keys.append(.enter)
        index += 1
      case 0x09:
        keys.append(.tab)
        index += 1
      case 0x7F, 0x08:
        keys.append(.backspace)
        index += 1
      case 0x01...0x1A:
        keys.append(.ctrl(Character(Unicode.Scalar(byte + 0x60))))
        index += 1
      case 0x00..<0x20:
        keys.append(.unknown)
        index += 1
      default:
        let length = utf8Length(byte)
        if length == 0 {
          keys.append(.unknown)
          index += 1
          continue
        }
        if index + length > pending.count {
          pending.removeFirst(index)
          return keys
        }
        let text = String(decoding: pending[index..<index + length], as: UTF8.self)
        keys.append(text.first.map { .char($0) } ?? .unknown)
        index += length
      }
    }
    pending.removeAll()
    return keys
  }

  private func utf8Length(_ lead: UInt8) -> Int {
    switch lead {
    case 0x20..<0x80: 1
    case 0xC2..<0xE0: 2
    case 0xE0..<0xF0: 3
    case 0xF0..<0xF5: 4
    default: 0
    }
  }

  /// Decodes an escape sequence at `start`; length 0 means it is not complete yet.
  private func escapeSequence(from start: Int) -> (Key, Int) {
    let introducer = pending[start + 1]
    guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
      // Alt plus a key: report the key.
      return (.unknown, 2)
    }
    var end = start + 2
    while end < pending.count {
      let byte = pending[end]
      if (0x40...0x7E).contains(byte) {
        let body = String(decoding: pending[(start + 2)..<end], as: UTF8.self)
        let final = Character(Unicode.Scalar(byte))
        return (key(final: final, body: body), end - start + 1)
      }
      end += 1
      if end - start > 16 { return (.unknown, end - start) }
    }
    return (.unknown, 0)
  }

  private func key(final: Character, body: String) -> Key {
    switch final {
    case "A": return .up
    case "B": return .down
    case "C": return .right
    case "D": return .left
    case "H": return .home
    case "F": return .end
    case "Z": return .backTab
    case "~":
      switch body.split(separator: ";").first {
      case "1", "7": return .home
      case "4", "8": return .end
      case "3": return .delete
      case "5": return .pageUp
      case "6": return .pageDown
      default: return .unknown
      }
    default: return .unknown
    }
  }
}
