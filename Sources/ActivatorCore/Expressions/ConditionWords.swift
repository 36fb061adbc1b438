/// A skip-logic condition in plain words, for people who fill in a survey ("only if question 12
/// is answered “yes”") rather than the expression an author wrote (`!('none' in barriers)`).
///
/// The forms surveys use are put into words: a yes/no answer, an option ticked or chosen, a
/// number compared with a figure, a choice's level, and `&&`, `||` and `!` over them. For
/// anything else it gives nil, and the caller shows the expression itself.
package enum ConditionWords {
  /// The condition `source` in `language`; `naming` says how a question is referred to (its
  /// number in a template, its text on a screen).
  package static func describe(
    _ source: String, survey: Survey, language: String, naming: @escaping (Int) -> MessageArgument
  ) -> String? {
    guard let syntax = try? Parser.parse(source) else { return nil }
    let words = Words(survey: survey, t: Localizer(language), naming: naming)
    return words.describe(syntax)?.text(language)
  }

  struct Words {
    let survey: Survey
    let t: Localizer
    let naming: (Int) -> MessageArgument

    func describe(_ syntax: Syntax) -> Message? {
      switch syntax {
      case .identifier(let id, _):
        guard let slot = survey.questionIndex[id], survey.questions[slot].kind.expressionType(slot: slot) == .bool
        else {
          return nil
        }
        return Message(.conditionYes, ["question": naming(slot)])
      case .unary("!", let operand, _):
        return negated(operand)
      case .binary("&&", let left, let right, _), .binary("||", let left, let right, _):
        guard case .binary(let op, _, _, _) = syntax else { return nil }
        return joined(op, left, right)
      case .binary("in", .literal(.string(let value), _), .identifier(let id, _), _):
        guard let (slot, label) = option(value, of: id) else { return nil }
        return Message(.conditionTicked, ["question": naming(slot), "option": .quoted(label)])
      case .binary(let op, let left, let right, _):
        return comparison(op, left, right)
      default:
        return nil
      }
    }

    /// `a && b`, `a || b`. An operand that joins its own parts with the other operator keeps
    /// its grouping in words ("either A or B, and C" for `(A || B) && C`), so that the reader
    /// cannot take "A or B and C" for `A || (B && C)`.
    func joined(_ op: String, _ left: Syntax, _ right: Syntax) -> Message? {
      var grouped = false
      func part(_ side: Syntax) -> Message? {
        guard let words = describe(side) else { return nil }
        guard case .binary(let inner, _, _, _) = side, inner != op, inner == "&&" || inner == "||" else { return words }
        grouped = true
        return Message(inner == "&&" ? .conditionGroupAll : .conditionGroupAny, ["parts": .message(words)])
      }
      guard let a = part(left), let b = part(right) else { return nil }
      if grouped {
        return Message(
          op == "&&" ? .conditionAndGrouped : .conditionOrGrouped, ["first": .message(a), "second": .message(b)])
      }
      let both: [MessageArgument] = [.message(a), .message(b)]
      return Message(.conditionJoin, ["parts": op == "&&" ? .list(both) : .alternatives(both)])
    }

    func negated(_ syntax: Syntax) -> Message? {
      switch syntax {
      case .identifier(let id, _):
        guard describe(syntax) != nil, let slot = survey.questionIndex[id] else { return nil }
        return Message(.conditionNo, ["question": naming(slot)])
      case .binary("in", .literal(.string(let value), _), .identifier(let id, _), _):
        guard let (slot, label) = option(value, of: id) else { return nil }
        return Message(.conditionNotTicked, ["question": naming(slot), "option": .quoted(label)])
      default:
        return describe(syntax).map { Message(.conditionNot, ["condition": .message($0)]) }
      }
    }

    /// `q == 'adopted'`, `q > 0`, `level(q) >= 3`.
    func comparison(_ op: String, _ left: Syntax, _ right: Syntax) -> Message? {
      let keys: [String: MessageKey] = [
        "==": .conditionEqual, "!=": .conditionNotEqual, ">": .conditionMore, ">=": .conditionAtLeast,
        "<": .conditionLess, "<=": .conditionAtMost,
      ]
      guard let key = keys[op] else { return nil }
      switch (left, right) {
      case (.identifier(let id, _), .literal(.string(let value), _)):
        guard op == "==" || op == "!=", let (slot, label) = option(value, of: id) else { return nil }
        return Message(key, ["question": naming(slot), "value": .quoted(label), "unit": ""])
      case (.identifier(let id, _), .literal(let literal, _)):
        guard let slot = survey.questionIndex[id], let number = Self.number(literal) else { return nil }
        let unit = AnswerParser.unitHint(survey.questions[slot], count: number)
        return Message(key, ["question": naming(slot), "value": .figure(number, grouped: true), "unit": unit])
      case (.call("level", nil, let arguments, _, _), .literal(.int(let level), _)):
        guard arguments.count == 1, case .identifier(let id, _) = arguments[0], let slot = survey.questionIndex[id],
          let option = survey.questions[slot].options.first(where: { $0.level == level })
        else { return nil }
        let levelKeys: [String: MessageKey] = [
          ">=": .conditionLevelAtLeast, "<=": .conditionLevelAtMost, "==": .conditionEqual,
        ]
        guard let levelKey = levelKeys[op] else { return nil }
        return Message(
          levelKey, ["question": naming(slot), "value": .quoted(option.label.text(t.language)), "unit": ""])
      default:
        return nil
      }
    }

    func option(_ value: String, of id: String) -> (Int, String)? {
      guard let slot = survey.questionIndex[id], let index = survey.questions[slot].optionIndex(value) else {
        return nil
      }
      return (slot, survey.questions[slot].options[index].label.text(t.language))
    }

    static func number(_ literal: Syntax.Literal) -> Double? {
      switch literal {
      case .int(let n): Double(n)
      case .double(let d): d
      default: nil
      }
    }
  }
}
