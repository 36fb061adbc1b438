/// The syntax tree of an expression; every node knows its span in the source text.
indirect enum Syntax: Sendable {
  case literal(Literal, Range<Int>)
  case identifier(String, Range<Int>)
  case list([Syntax], Range<Int>)
  case unary(String, Syntax, Range<Int>)
  case binary(String, Syntax, Syntax, Range<Int>)
  case conditional(Syntax, Syntax, Syntax, Range<Int>)
  /// `name(args)` when `target` is nil, else `target.name(args)` (methods and macros).
  case call(String, target: Syntax?, [Syntax], Range<Int>, nameRange: Range<Int>)
  case index(Syntax, Syntax, Range<Int>)
  case member(Syntax, String, Range<Int>)

  enum Literal: Sendable, Equatable {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case null
  }

  var range: Range<Int> {
    switch self {
    case .literal(_, let r), .identifier(_, let r), .list(_, let r), .unary(_, _, let r),
      .binary(_, _, _, let r), .conditional(_, _, _, let r), .call(_, _, _, let r, _),
      .index(_, _, let r), .member(_, _, let r):
      return r
    }
  }

  var children: [Syntax] {
    switch self {
    case .literal, .identifier: []
    case .list(let items, _): items
    case .unary(_, let operand, _): [operand]
    case .binary(_, let left, let right, _): [left, right]
    case .conditional(let condition, let then, let otherwise, _): [condition, then, otherwise]
    case .call(_, let target, let args, _, _): (target.map { [$0] } ?? []) + args
    case .index(let target, let index, _): [target, index]
    case .member(let target, _, _): [target]
    }
  }

  /// The leftmost node more than `limit` levels below the root, if any. Iterative: the tree may
  /// be deep (a chain `a + b + c + …` leans one level per operator).
  func node(deeperThan limit: Int) -> Syntax? {
    var pending: [(Syntax, Int)] = [(self, 1)]
    while let (node, level) = pending.popLast() {
      if level > limit { return node }
      for child in node.children.reversed() { pending.append((child, level + 1)) }
    }
    return nil
  }
}

/// A recursive-descent parser for the CEL subset documented in docs/rules.md.
struct Parser {
  static let maxDepth = 48
  /// Levels of the syntax tree, which checking and evaluation walk recursively: a bound that
  /// keeps their stacks small on any thread (a debug build overflows an 8 MB stack near 800).
  static let maxTreeDepth = 100
  static let maxLength = 4_000

  private var tokens: [Token]
  private var index = 0
  private var depth = 0

  static let reserved: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
    "package", "namespace", "return", "var", "void", "while",
  ]

  static func parse(_ text: String) throws(ExpressionError) -> Syntax {
    let length = text.unicodeScalars.count
    if length > maxLength {
      throw ExpressionError(
        code: "too-long",
        message: Message(.exprExpressionCharactersLongAt, ["length": "\(length)", "max_length": "\(maxLength)"]),
        range: 0..<1)
    }
    var lexer = Lexer(text)
    var parser = Parser(tokens: try lexer.tokenize())
    if parser.tokens.count == 1 {
      throw ExpressionError(code: "syntax", message: Message(.exprExpectedExpressionFoundNothing), range: 0..<0)
    }
    let expression = try parser.expression()
    if parser.current.kind != .end {
      throw parser.unexpected(Message(.syntaxOperatorOrEnd))
    }
    // Nesting is counted while parsing; chains of operators are loops there but still make a
    // level each in the tree, which checking and evaluation walk recursively.
    if let deep = expression.node(deeperThan: maxTreeDepth) {
      throw ExpressionError(
        code: "too-deep",
        message: Message(.syntaxTooDeep, ["limit": .number(Double(maxTreeDepth))]),
        range: deep.range)
    }
    return expression
  }

  private init(tokens: [Token]) {
    self.tokens = tokens
  }

  private var current: Token { tokens[index] }

  private mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  private func isSymbol(_ symbol: String) -> Bool {
    current.kind == .symbol(symbol)
  }

  private mutating func accept(_ symbol: String) -> Bool {
    if isSymbol(symbol) {
      _ = advance()
      return true
    }
    return false
  }

  private mutating func expect(_ symbol: String, _ what: Message) throws(ExpressionError) -> Token {
    guard isSymbol(symbol) else { throw unexpected(what) }
    return advance()
  }

  private func unexpected(_ expected: Message) -> ExpressionError {
    let found: Message
    switch current.kind {
    case .end: found = Message(.syntaxEnd)
    case .identifier(let name): found = Message(.syntaxQuoted, ["text": .text(name)])
    case .int(let n): found = Message(.syntaxNumber, ["number": .text(String(n))])
    case .double(let d): found = Message(.syntaxNumber, ["number": .text("\(d)")])
    case .string(let s): found = Message(.syntaxText, ["text": .text(s)])
    case .symbol(let s): found = Message(.syntaxQuoted, ["text": .text(s)])
    }
    return ExpressionError(
      code: "syntax", message: Message(.exprExpectedFound, ["expected": .message(expected), "found": .message(found)]),
      range: current.range)
  }

  private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maxDepth {
      throw ExpressionError(
        code: "too-deep", message: Message(.exprExpressionNestedMoreThan, ["max_depth": "\(Self.maxDepth)"]),
        range: current.range)
    }
    return try body(&self)
  }

  // Expr = Or ["?" Or ":" Expr]
  mutating func expression() throws(ExpressionError) -> Syntax {
    try nested { (p: inout Parser) throws(ExpressionError) -> Syntax in
      let condition = try p.or()
      guard p.accept("?") else { return condition }
      let then = try p.or()
      _ = try p.expect(":", Message(.syntaxConditionalColon))
      let otherwise = try p.expression()
      return .conditional(condition, then, otherwise, condition.range.lowerBound..<otherwise.range.upperBound)
    }
  }

  private mutating func or() throws(ExpressionError) -> Syntax {
    var left = try and()
    while isSymbol("||") {
      _ = advance()
      let right = try and()
      left = .binary("||", left, right, left.range.lowerBound..<right.range.upperBound)
    }
    return left
  }

  private mutating func and() throws(ExpressionError) -> Syntax {
    var left = try relation()
    while isSymbol("&&") {
      _ = advance()
      let right = try relation()
      left = .binary("&&", left, right, left.range.lowerBound..<right.range.upperBound)
    }
    return left
  }

  private static let relations: Set<String> = ["==", "!=", "<", "<=", ">", ">="]

  private mutating func relation() throws(ExpressionError) -> Syntax {
    var left = try addition()
    while true {
      let op: String
      if case .symbol(let s) = current.kind, Self.relations.contains(s) {
        op = s
      } else if current.kind == .identifier("in") {
        op = "in"
      } else {
        return left
      }
      _ = advance()
      let right = try addition()
      left = .binary(op, left, right, left.range.lowerBound..<right.range.upperBound)
    }
  }

  private mutating func addition() throws(ExpressionError) -> Syntax {
    var left = try multiplication()
    while isSymbol("+") || isSymbol("-") {
      guard case .symbol(let op) = advance().kind else { break }
      let right = try multiplication()
      left = .binary(op, left, right, left.range.lowerBound..<right.range.upperBound)
    }
    return left
  }

  private mutating func multiplication() throws(ExpressionError) -> Syntax {
    var left = try unary()
    while isSymbol("*") || isSymbol("/") || isSymbol("%") {
      guard case .symbol(let op) = advance().kind else { break }
      let right = try unary()
      left = .binary(op, left, right, left.range.lowerBound..<right.range.upperBound)
    }
    return left
  }

  private mutating func unary() throws(ExpressionError) -> Syntax {
    if isSymbol("!") || isSymbol("-") {
      let token = advance()
      guard case .symbol(let op) = token.kind else { return try member() }
      if op == "-", let smallest = smallestInt(after: token) { return smallest }
      let operand = try nested { (p: inout Parser) throws(ExpressionError) -> Syntax in try p.unary() }
      // Fold negative number literals so that -9223372036854775808 and -1.5 are plain literals.
      if op == "-", case .literal(let literal, let r) = operand {
        switch literal {
        case .int(let n) where n != Int.min: return .literal(.int(-n), token.range.lowerBound..<r.upperBound)
        case .double(let d): return .literal(.double(-d), token.range.lowerBound..<r.upperBound)
        default: break
        }
      }
      return .unary(op, operand, token.range.lowerBound..<operand.range.upperBound)
    }
    return try member()
  }

  /// `-9223372036854775808`: the one whole number whose digits alone do not fit an int. Only a
  /// literal directly after the '-' counts (`-(9223372036854775808)` is out of range, as in CEL).
  private mutating func smallestInt(after minus: Token) -> Syntax? {
    guard case .int(let magnitude) = current.kind, magnitude == UInt64(Int.max) + 1, index + 1 < tokens.count else {
      return nil
    }
    let following = tokens[index + 1].kind
    guard following != .symbol("."), following != .symbol("[") else { return nil }
    let literal = advance()
    return .literal(.int(Int.min), minus.range.lowerBound..<literal.range.upperBound)
  }

  private mutating func member() throws(ExpressionError) -> Syntax {
    var target = try primary()
    while true {
      if accept(".") {
        let nameToken = advance()
        guard case .identifier(let name) = nameToken.kind else {
          index -= 1
          throw unexpected(Message(.syntaxNameAfterDot))
        }
        if isSymbol("(") {
          _ = advance()
          let args = try arguments(")")
          let close = tokens[index - 1].range.upperBound
          target = .call(name, target: target, args, target.range.lowerBound..<close, nameRange: nameToken.range)
        } else {
          target = .member(target, name, target.range.lowerBound..<nameToken.range.upperBound)
        }
      } else if isSymbol("[") {
        _ = advance()
        let subscriptExpression = try expression()
        let close = try expect("]", Message(.syntaxClosingIndex))
        target = .index(target, subscriptExpression, target.range.lowerBound..<close.range.upperBound)
      } else {
        return target
      }
    }
  }

  private mutating func arguments(_ closing: String) throws(ExpressionError) -> [Syntax] {
    var args: [Syntax] = []
    if accept(closing) { return args }
    while true {
      args.append(try expression())
      if accept(closing) { return args }
      guard accept(",") else { throw unexpected(Message(.syntaxCommaOr, ["closing": .text(closing)])) }
      if accept(closing) { return args }  // trailing comma
    }
  }

  private mutating func primary() throws(ExpressionError) -> Syntax {
    let token = current
    switch token.kind {
    case .int(let magnitude):
      _ = advance()
      guard let n = Int(exactly: magnitude) else {
        throw Lexer.outOfRange(String(magnitude), token.range)
      }
      return .literal(.int(n), token.range)
    case .double(let d):
      _ = advance()
      return .literal(.double(d), token.range)
    case .string(let s):
      _ = advance()
      return .literal(.string(s), token.range)
    case .identifier(let name):
      _ = advance()
      switch name {
      case "true": return .literal(.bool(true), token.range)
      case "false": return .literal(.bool(false), token.range)
      case "null": return .literal(.null, token.range)
      case "in":
        throw ExpressionError(code: "syntax", message: Message(.exprNeedsValueOnIts), range: token.range)
      default: break
      }
      if Self.reserved.contains(name) {
        throw ExpressionError(
          code: "syntax", message: Message(.exprReservedWord, ["name": "\(name)"]), range: token.range)
      }
      if isSymbol("(") {
        _ = advance()
        let args = try arguments(")")
        let close = tokens[index - 1].range.upperBound
        return .call(name, target: nil, args, token.range.lowerBound..<close, nameRange: token.range)
      }
      return .identifier(name, token.range)
    case .symbol("("):
      _ = advance()
      let inner = try expression()
      _ = try expect(")", Message(.syntaxQuoted, ["text": ")"]))
      return inner
    case .symbol("["):
      _ = advance()
      let items = try arguments("]")
      return .list(items, token.range.lowerBound..<tokens[index - 1].range.upperBound)
    case .symbol("{"):
      throw ExpressionError(code: "unsupported", message: Message(.exprMapsNotPartRule), range: token.range)
    default:
      throw unexpected(Message(.syntaxValue))
    }
  }
}
