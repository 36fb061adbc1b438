import ActivatorCore

/// The recommendation part of the JSON result: the city context read, every recommendation
/// with the factors of its rank, what was set aside and why, and the WeGO next steps.
extension AssessmentJSON {
  static func recommendations(_ a: Assessment, options: Options, _ texts: JSONTexts, into writer: JSONWriter) {
    let program = a.program
    let language = a.language
    writer.key("context") { context(a, texts, into: writer) }
    writer.key("recommendations") {
      writer.array {
        // By index, in place: copying the list or a recommendation retains each of its arrays.
        let recommendations = a.recommendations
        for rank in 0..<min(options.recommendationLimit ?? .max, recommendations.count) {
          let solution = recommendations[rank].solution
          writer.object {
            writer.key("rank", rank + 1)
            writer.key("id", texts.solutionIDs, solution)
            writer.key("name", texts.solutionNames, solution)
            writer.key("city", texts.solutionCities, solution)
            writer.key("pillar", texts.pillarIDs, recommendations[rank].pillar)
            writer.key("score", recommendations[rank].score)
            writer.key("fits_stage", recommendations[rank].fits)
            writer.key("factors") {
              writer.array {
                for factor in recommendations[rank].factors {
                  writer.object {
                    writer.key("kind", factor.kind.rawValue)
                    writer.key("points", factor.points)
                    writer.key("about")
                    subject(factor, a, texts, into: writer)
                  }
                }
              }
            }
            writer.key("check_first", texts.solutionNeeds[solution], at: recommendations[rank].uncheckedNeeds)
            writer.key("reasons") {
              writer.array {
                for reason in recommendations[rank].reasons {
                  writer.object {
                    writer.key("criterion", texts.criterionIDs, reason.criterion)
                    writer.key("outcome", reason.outcome.name)
                    writer.key("gap", reason.gap.name)
                  }
                }
              }
            }
          }
        }
      }
    }
    if options.criteria { writer.key("set_aside") { setAside(a, texts, into: writer) } }
    writer.key("next_steps") {
      writer.array {
        // Read in place: a copy of a `Programme` would retain and release each of its fields.
        let programmes = program.programmes
        for step in a.nextSteps {
          let programme = step.programme
          writer.object {
            writer.key("id", texts.programmeIDs, programme)
            writer.key("step", programmes[programme].step.rawValue)
            writer.key("name", texts.programmeNames, programme)
            writer.key("status", programmes[programme].status.rawValue)
            writer.key("because", strings: step.because.map { $0.text(language) })
          }
        }
      }
    }
    writer.key("programmes_set_aside") {
      writer.array {
        for item in a.programmesSetAside {
          writer.object {
            writer.key("id", texts.programmeIDs, item.programme)
            writer.key("reason", item.reason.name)
          }
        }
      }
    }
  }

  static func context(_ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    let barrierOptions = a.program.context.barriers.map { a.program.optionValues[$0] } ?? []
    writer.object {
      writer.key("priority_pillar", texts.pillarIDs, a.context.priorityPillar)
      writer.key("barriers", strings: a.context.barriers.map { barrierOptions[$0] })
      writer.key("top_barrier", a.context.topBarrier.map { barrierOptions[$0] })
      writer.key("income_group", a.context.income?.rawValue)
      writer.key("city_size", a.context.size?.rawValue)
    }
  }

  static func setAside(_ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    writer.array {
      for item in a.setAside {
        let solution = item.solution
        writer.object {
          writer.key("id", texts.solutionIDs, solution)
          writer.key("pillar", texts.pillarIDs, item.pillar)
          writer.key("reasons", strings: item.reasons.map(\.name))
          var needs: [Int] = []
          for reason in item.reasons {
            if case .needsMissing(let list) = reason { needs += list }
            if case .needsUnknown(let list) = reason { needs += list }
          }
          writer.key("needs", texts.solutionNeeds[solution], at: needs)
          writer.key("criteria", texts.criterionIDs, at: item.criteria)
          writer.key("first", texts.criterionIDs, at: item.first)
        }
      }
    }
  }

  /// What a factor is about, as an id: a pillar, a barrier, a solution, an income group, a size, or a count.
  /// What a ranking factor is about, as a JSON string: an id, an option's value, a group, or a
  /// number (a count or a stage) written as its digits; texts the program repeats come escaped.
  static func subject(_ factor: RankingFactor, _ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    switch factor.kind {
    case .priorityPillar: writer.string(texts.pillarIDs, factor.subject)
    case .topBarrier, .barrier:
      let program = a.program
      // The option's value from the program's table: reading it through the survey copied the question.
      writer.string(program.context.barriers.map { program.optionValues[$0][factor.subject] } ?? "")
    case .prepares: writer.string(texts.solutionIDs, factor.subject)
    case .incomeFit: writer.string(IncomeGroup.allCases[factor.subject].rawValue)
    case .sizeFit: writer.string(CitySize.allCases[factor.subject].rawValue)
    case .nextStage, .foundation, .later, .stageFit, .belowStage, .target: writer.string(digitsOf: factor.subject)
    case .deployed: writer.string("")
    }
  }
}
