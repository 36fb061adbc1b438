/// The city's situation as its answers state it: what recommendations are fitted to. Every
/// field is nil (or empty) when the survey does not ask it or the answer is not known, so
/// nothing is ever inferred from an unknown answer.
public struct CityContext: Sendable, Equatable {
  public var priorityPillar: Int?
  /// Options of the barriers question the city chose (indices).
  public var barriers: [Int] = []
  /// The biggest barrier, as an option index of the barriers question.
  public var topBarrier: Int?
  public var income: IncomeGroup?
  public var size: CitySize?
  /// The number of residents, when the size comes from one.
  public var population: Double?

  public init() {}

  public func eases(_ barrier: Int) -> Bool { barriers.contains(barrier) || topBarrier == barrier }
}

/// How to read a `CityContext` from prepared answer values, compiled from the plugins' `context:`
/// blocks against the survey.
public struct ContextPlan: Sendable {
  /// A choice question and the value each of its options stands for.
  public struct Choice<T: Sendable>: Sendable {
    public var slot: Int
    public var byOption: [T?]

    func read(_ values: [Value]) -> T? {
      guard case .choice(_, let option) = values[slot], Int(option) < byOption.count else { return nil }
      return byOption[Int(option)]
    }
  }

  public enum Size: Sendable {
    /// A number of residents.
    case residents(Int)
    case classes(Choice<CitySize>)
  }

  public var priorityPillar: Choice<Int>?
  /// The multi-choice question the barriers are chosen in.
  public var barriers: Int?
  /// The biggest-barrier question, each option mapped to the barriers question's option.
  public var topBarrier: Choice<Int>?
  public var income: Choice<IncomeGroup>?
  public var size: Size?
  /// Solutions that ease each barrier (by option of the barriers question).
  public private(set) var easing: [[Int]] = []
  /// The same as a table the ranking reads for every city: whether the solution (second index)
  /// eases the barrier (first index).
  public private(set) var eases: [[Bool]] = []

  mutating func setEasing(_ easing: [[Int]], solutions: Int) {
    self.easing = easing
    eases = easing.map { eased in
      var row = [Bool](repeating: false, count: solutions)
      for solution in eased where solution < solutions { row[solution] = true }
      return row
    }
  }

  public init() {}

  public func read(_ values: [Value]) -> CityContext {
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
  public var asksIncome: Bool { income != nil }
  public var asksSize: Bool { size != nil }
}
