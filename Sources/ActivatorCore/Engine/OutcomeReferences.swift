/// The pillars and criteria an already checked expression names through the outcome functions
/// (`stage('mobility')`, `met('gov-strategy-adopted')`): what a next step or a need is about,
/// for placing programmes on the roadmap and for finding the criteria that build a prerequisite.
struct OutcomeReferences {
  private(set) var pillars: [String] = []
  private(set) var criteria: [String] = []

  init(_ text: String) {
    guard let syntax = try? Parser.parse(text) else { return }
    visit(syntax)
  }

  private mutating func visit(_ syntax: Syntax) {
    switch syntax {
    case .literal, .identifier: return
    case .list(let items, _): for item in items { visit(item) }
    case .unary(_, let operand, _): visit(operand)
    case .binary(_, let left, let right, _):
      visit(left)
      visit(right)
    case .conditional(let condition, let yes, let no, _):
      visit(condition)
      visit(yes)
      visit(no)
    case .call(let name, let target, let arguments, _, _):
      if target == nil, arguments.count == 1, case .literal(.string(let text), _) = arguments[0] {
        switch name {
        case "stage", "score", "coverage", "target": if !pillars.contains(text) { pillars.append(text) }
        case "met": if !criteria.contains(text) { criteria.append(text) }
        default: break
        }
      }
      if let target { visit(target) }
      for argument in arguments { visit(argument) }
    case .index(let base, let index, _):
      visit(base)
      visit(index)
    case .member(let base, _, _): visit(base)
    }
  }
}
