/// The city's situation as its answers state it: what recommendations are fitted to. Every
/// field is nil (or empty) when the survey does not ask it or the answer is not known, so
/// nothing is ever inferred from an unknown answer.
package struct CityContext: Sendable, Equatable {
  package var priorityPillar: Int?
  /// Options of the barriers question the city chose (indices).
  package var barriers: [Int] = []
  /// The biggest barrier, as an option index of the barriers question.
  package var topBarrier: Int?
  package var income: IncomeGroup?
  package var size: CitySize?
  /// The number of residents, when the size comes from one.
  package var population: Double?

  package init() {}

  package func eases(_ barrier: Int) -> Bool { barriers.contains(barrier) || topBarrier == barrier }
}

/// How to read a `CityContext` from prepared answer values, compiled from the plugins' `context:`
/// blocks against the survey.
package struct ContextPlan: Sendable {
  /// A choice question and the value each of its options stands for.
  package struct Choice<T: Sendable>: Sendable {
    package var slot: Int
    package var byOption: [T?]

    func read(_ values: [Value]) -> T? {
      guard case .choice(_, let option) = values[slot], Int(option) < byOption.count else { return nil }
      return byOption[Int(option)]
    }
  }

  package enum Size: Sendable {
    /// A number of residents.
    case residents(Int)
    case classes(Choice<CitySize>)
  }

  package var priorityPillar: Choice<Int>?
  /// The multi-choice question the barriers are chosen in.
  package var barriers: Int?
  /// The biggest-barrier question, each option mapped to the barriers question's option.
  package var topBarrier: Choice<Int>?
  package var income: Choice<IncomeGroup>?
  package var size: Size?
  /// Solutions that ease each barrier (by option of the barriers question).
  package private(set) var easing: [[Int]] = []
  /// The same as a table the ranking reads for every city: whether the solution (second index)
  /// eases the barrier (first index).
  package private(set) var eases: [[Bool]] = []

  mutating func setEasing(_ easing: [[Int]], solutions: Int) {
    self.easing = easing
    eases = easing.map { eased in
      var row = [Bool](repeating: false, count: solutions)
      for solution in eased where solution < solutions { row[solution] = true }
      return row
    }
  }

  package init() {}

  package func read(_ values: [Value]) -> CityContext {
    var context = CityContext()
    context.priorityPillar = priorityPillar?.read(values)
    if let slot = barriers, case .list(let items) = values[slot] {
      for case .choice(_, let option) in items { context.barriers.append(Int(option)) }
    }
    context.topBarrier = topBarrier?.read(values)
    context.income = income?.read(values)
    switch size {
    case .residents(let slot):
      if let residents = values[slot].numberValue, residents >= 0 {
        context.population = residents
        context.size = CitySize(population: residents)
      }
    case .classes(let choice): context.size = choice.read(values)
    case nil: break
    }
    return context
  }

  /// Whether the survey asks at all, so a report can tell "not asked" from "not known".
  package var asksIncome: Bool { income != nil }
  package var asksSize: Bool { size != nil }
}
