package import ActivatorCore

/// The machine-readable form of an assessment. Keys are always written in the same order and
/// nothing time-dependent is added, so the same input gives byte-identical output.
package enum AssessmentJSON {
  package struct Options: Sendable {
    /// Include every criterion with the answers it read (for `explain` and tools).
    package var criteria: Bool
    /// How many recommendations to list (nil: all).
    package var recommendationLimit: Int?
    package var pretty: Bool
    /// Metrics also written flat, `"metric_values": {"plugin/id": value}` (batch rows, for tools
    /// that turn each key into a column); unknown values are null.
    package var metricColumns: [MetricColumn] = []

    package init(criteria: Bool = true, recommendationLimit: Int? = nil, pretty: Bool = true) {
      self.criteria = criteria
      self.recommendationLimit = recommendationLimit
      self.pretty = pretty
    }

    package static let full = Options()
    package static let compact = Options(criteria: false, recommendationLimit: 5, pretty: false)
  }

  package static func render(_ assessment: Assessment, options: Options = .full) -> String {
    let writer = JSONWriter(pretty: options.pretty, reserve: options.criteria ? 64 << 10 : 4 << 10)
    write(assessment, options: options, into: writer)
    return writer.finish()
  }

  package static func write(_ a: Assessment, options: Options, into writer: JSONWriter) {
    let program = a.program
    let language = a.language
    let texts = program.jsonTexts(language)
    writer.object {
      writer.key("file", a.sheet.path)
      writer.key("city") {
        writer.object {
          writer.key("name", a.sheet.city.name)
          writer.key("country", a.sheet.city.country)
          writer.key("region", a.sheet.city.region)
        }
      }
      writer.key("language", language)
      writer.key("completed", a.sheet.completed)
      provenance(a, texts, into: writer)
      writer.key("threshold", program.threshold)
      writer.key("overall_stage", a.overall)
      writer.key("overall_basis") {
        writer.object {
          writer.key("assessed", a.overallBasis.assessed)
          writer.key("pillars", a.overallBasis.pillars)
        }
      }
      dataAge(a, texts, into: writer)
      writer.key("pillars") {
        writer.array {
          // By index: `for pillar in a.pillars` copies each result (retaining its arrays).
          for index in a.pillars.indices { pillarObject(a, a.pillars[index], texts, into: writer) }
        }
      }
      if options.criteria { criteria(a, texts, into: writer) }
      writer.key("metrics") {
        writer.array {
          for result in a.metrics { metricObject(a, result, texts, into: writer) }
        }
      }
      if !options.metricColumns.isEmpty { metricValues(a, options.metricColumns, into: writer) }
      recommendations(a, options: options, texts, into: writer)
      answerCounts(a, into: writer)
      issues(a, texts, into: writer)
    }
  }

  static func pillarObject(_ a: Assessment, _ pillar: PillarResult, _ texts: JSONTexts, into writer: JSONWriter) {
    writer.object {
      writer.key("id", texts.pillarIDs, pillar.pillar)
      // A pillar that is not assessed has no stage or score: null, never a number that
      // reads as a result ("lower_bound" says where the known answers alone put it).
      writer.key("assessed", pillar.assessed)
      writer.key("stage", pillar.assessed ? pillar.stage : nil)
      writer.key("stage_name")
      if pillar.assessed { texts.stageName(pillar.stage, into: writer) } else { writer.null() }
      writer.key("score", pillar.assessed ? pillar.score : nil)
      if !pillar.assessed { writer.key("lower_bound_stage", pillar.stage) }
      toAssess(a, pillar, texts, into: writer)
      writer.key("outcomes") {
        writer.array {
          for result in a.outcomes(of: pillar.pillar) { metricObject(a, result, texts, into: writer) }
        }
      }
      writer.key("potential", pillar.potential)
      writer.key("coverage", pillar.coverage)
      writer.key("confidence", pillar.confidence.rawValue)
      writer.key("target", pillar.target)
      writer.key("evidence") {
        writer.array {
          for item in pillar.evidence {
            writer.object {
              writer.key("stage", item.stage)
              writer.key("criteria", item.criteria)
              writer.key("applicable", item.applicable)
              writer.key("met", item.met)
              writer.key("unknown", item.unknown)
              writer.key("excluded", item.excluded)
              writer.key("share", item.share)
              writer.key("passed", item.passed)
            }
          }
        }
      }
      nextStage(a, pillar, texts, into: writer)
    }
  }

  /// What the pillar's next stage asks for, or null at the top.
  static func nextStage(_ a: Assessment, _ pillar: PillarResult, _ texts: JSONTexts, into writer: JSONWriter) {
    guard let next = pillar.next else {
      writer.key("next")
      writer.null()
      return
    }
    writer.key("next") {
      writer.object {
        writer.key("stage", next.stage)
        writer.key("needed_weight", next.neededWeight)
        writer.key("needed_criteria", next.neededCount)
        writer.key("candidates", texts.criterionIDs, at: next.candidates)
        writer.key("near_misses") { nearMisses(a, next.candidates, texts, into: writer) }
      }
    }
  }

  /// Every criterion with its outcome and the answers it read.
  static func criteria(_ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    writer.key("criteria") {
      writer.array {
        for (index, criterion) in a.program.criteria.enumerated() {
          writer.object {
            writer.key("id", texts.criterionIDs, index)
            writer.key("pillar", texts.pillarIDs, criterion.pillar)
            writer.key("stage", criterion.stage)
            writer.key("weight", criterion.weight)
            if let kind = criterion.kind { writer.key("kind", kind.rawValue) }
            writer.key("outcome", a.outcomes[index].name)
            writer.key("title", criterion.title.text(a.language))
            writer.key("condition", criterion.condition.source.text)
            writer.key("reads") {
              writer.array {
                for slot in criterion.condition.reads { answerObject(a, slot, texts, into: writer) }
              }
            }
            if let error = a.errors[index] { writer.key("error", error.message.text(a.language)) }
          }
        }
      }
    }
  }

  static func metricValues(_ a: Assessment, _ columns: [MetricColumn], into writer: JSONWriter) {
    writer.key("metric_values") {
      writer.object {
        for column in columns {
          writer.key(named: column.id)
          if let result = column.result(in: a) {
            ValueText.json(result.value, survey: a.survey, into: writer)
          } else {
            writer.null()
          }
        }
      }
    }
  }

  static func answerCounts(_ a: Assessment, into writer: JSONWriter) {
    writer.key("answers") {
      writer.object {
        writer.key("answered", a.counts.answered)
        writer.key("dont_know", a.counts.dontKnow)
        writer.key("not_applicable", a.counts.notApplicable)
        writer.key("unanswered", a.counts.unanswered)
        writer.key("skipped", a.counts.skipped)
      }
    }
  }

  static func issues(_ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    writer.key("issues") {
      writer.array {
        for issue in a.issues {
          writer.object {
            writer.key("kind", issue.kind.rawValue)
            writer.key("question", texts.questionIDs, issue.slot)
            writer.key("message", issue.message.text(a.language))
          }
        }
      }
    }
  }

  /// Survey, rule set and engine versions with hashes: what makes a result reproducible.
  package static func provenance(_ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    let program = a.program
    writer.key("survey") {
      writer.object {
        writer.key("id", texts.surveyID)
        writer.key("version", texts.surveyVersion)
        // Mostly the survey's own version, whose text is kept; an older one is written here.
        if a.sheet.surveyVersion == program.survey.version {
          writer.key("answered_version", texts.surveyVersion)
        } else {
          writer.key("answered_version", a.sheet.surveyVersion.description)
        }
        writer.key("hash", texts.surveyHash)
      }
    }
    writer.key("rules") {
      writer.object {
        writer.key("hash", texts.rulesHash)
        writer.key("plugins") {
          writer.array {
            for index in program.plugins.indices {
              writer.object {
                writer.key("id", texts.pluginIDs, index)
                writer.key("version", texts.pluginVersions, index)
                writer.key("hash", texts.pluginHashes, index)
              }
            }
          }
        }
      }
    }
    writer.key("engine", Engine.version)
  }

  static func metricObject(_ a: Assessment, _ result: MetricResult, _ texts: JSONTexts, into writer: JSONWriter) {
    // Read in place: a copy of the `Metric` would retain and release each of its fields.
    let metrics = a.program.metrics
    let index = result.metric
    writer.object {
      writer.key("id", texts.metricIDs, index)
      writer.key("title", texts.metricTitles, index)
      if let kind = metrics[index].kind { writer.key("kind", kind.rawValue) }
      writer.key("value")
      ValueText.json(result.value, survey: a.survey, into: writer)
      if case .unknown(let why) = result.value { writer.key("status", ValueText.status(why)) }
      writer.key("unit", texts.metricUnits, index)
      if let year = a.year(reading: metrics[index].expression.reads) { writer.key("year", year) }
    }
  }

  /// For a pillar that is not assessed: why, and the questions to find out first.
  static func toAssess(_ a: Assessment, _ pillar: PillarResult, _ texts: JSONTexts, into writer: JSONWriter) {
    guard let need = pillar.toAssess else { return }
    writer.key("to_assess") {
      writer.object {
        writer.key("reason", need.reason.rawValue)
        writer.key("coverage_floor", a.survey.policy.coverageFloor)
        writer.key("needed_weight", need.neededWeight)
        writer.key("first_gate_criteria", need.firstGateCriteria)
        writer.key("minimum_criteria", need.minimumCriteria)
        writer.key("questions", texts.questionIDs, at: need.questions)
      }
    }
  }

  /// The data's age: the year most figures describe and the figures older than the survey's limit.
  static func dataAge(_ a: Assessment, _ texts: JSONTexts, into writer: JSONWriter) {
    guard a.survey.policy.dataAgeLimit != nil || a.survey.policy.dataYearQuestion != nil else { return }
    writer.key("data_age") {
      writer.object {
        writer.key("survey_year", a.sheet.surveyYear)
        writer.key("data_year", a.dataYear)
        writer.key("limit_years", a.survey.policy.dataAgeLimit)
        writer.key("data_year_old", a.dataYearIsOld)
        writer.key("old_figures") {
          writer.array {
            for figure in a.oldFigures {
              writer.object {
                writer.key("question", texts.questionIDs, figure.slot)
                writer.key("year", figure.year)
                writer.key("source", figure.source)
              }
            }
          }
        }
      }
    }
  }

  static func answerObject(_ a: Assessment, _ slot: Int, _ texts: JSONTexts, into writer: JSONWriter) {
    let survey = a.program.survey
    let value = a.values[slot]
    writer.object {
      writer.key("question", texts.questionIDs, slot)
      writer.key("answer")
      ValueText.json(value, survey: survey, into: writer)
      if case .unknown(let why) = value {
        writer.key("status", ValueText.status(why))
      } else {
        writer.key("status", "answered")
        if let year = a.year(of: slot) { writer.key("year", year) }
      }
    }
  }

  /// The next stage's near misses as reason codes (`short_of_minimum`, `above_maximum`,
  /// `one_level_below`, `one_level_above`), decided where the reports word them (`StageWords`).
  static func nearMisses(_ a: Assessment, _ candidates: [Int], _ texts: JSONTexts, into writer: JSONWriter) {
    writer.array {
      for miss in StageWords.nearMissFacts(a, candidates) {
        writer.object {
          writer.key("criterion", texts.criterionIDs, miss.criterion)
          writer.key("question", texts.questionIDs, miss.question)
          writer.key("reason", miss.side.rawValue)
          writer.key("value", miss.value)
          writer.key("threshold", miss.threshold)
          writer.key("distance", miss.distance)
        }
      }
    }
  }
}
