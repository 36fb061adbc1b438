package import ActivatorCore

/// Everything a city's report shows, worked out once and already in the report's language, so
/// the HTML and Markdown renderers only lay it out and can never disagree on content.
package struct CityReport: Sendable {
  /// One criterion as the report lists it.
  package struct CriterionLine: Sendable {
    package var id: String
    package var stage: Int
    package var title: String
    /// What it is about in a few words, where a list names many criteria: the short labels of the
    /// pillar's questions it reads ("Online procedures"), else its title.
    package var label: String
    /// The rule author's explanation for this outcome (why it matters, what is missing).
    package var finding: String?
    /// The answers the criterion read, as "question: answer".
    package var answers: [String]
    package var outcome: Outcome
    package var weight: Double
    /// For the highest met step of a ladder listed alone: the lowest stage its steps start at.
    package var fromStage: Int? = nil
    /// For an unmet criterion of the next stage that is close: its status with how far the
    /// answer is from the threshold, in the direction that counts ("not met: 27%, 3 points short
    /// of 30%").
    package var nearMiss: String? = nil
  }

  package struct StageRow: Sendable {
    package var stage: Int
    package var name: String
    package var met: Int
    package var criteria: Int
    package var share: Double
    package var passed: Bool
  }

  package struct NextStage: Sendable {
    package var stage: Int
    package var name: String
    package var neededCount: Int
    package var candidates: [CriterionLine]
  }

  package struct PillarSection: Sendable {
    package var id: String
    package var name: String
    package var description: String?
    package var stage: Int
    package var stageName: String
    package var score: Double
    package var potential: Int
    package var coverage: Double
    package var confidence: Confidence
    package var target: Int?
    package var evidence: [StageRow]
    package var strengths: [CriterionLine]
    package var gaps: [CriterionLine]
    package var unknowns: [CriterionLine]
    package var notApplicable: [CriterionLine]
    package var next: NextStage?
    /// Notes the respondent wrote on this pillar's questions, and problems with its answers.
    package var findings: [String]
    /// Whether a stage is named; when not, `need` says why and what to find out.
    package var assessed: Bool = true
    package var need: String?
    /// Outcomes shown beside the stage ("Households with fixed broadband: 9% (2019)").
    package var outcomes: [String] = []
  }

  package struct RecommendationItem: Sendable {
    package var rank: Int
    package var id: String
    package var name: String
    package var city: String
    package var country: String?
    package var year: Int?
    package var pillar: String
    package var problem: String
    package var solution: String
    /// A web address safe to link to, if the catalog gives one.
    package var source: String?
    package var verified: Bool
    /// Why it is recommended: each ranking factor in plain words, then the gaps it addresses.
    package var reasons: [String]
    package var score: Int
    package var fits: Bool
    package var stageRange: String
    /// Needs no answer shows (a law, a partner): to check before starting.
    package var checkFirst: [String]
    /// Its number in the report's list of sources (`sources`), when it has a source.
    package var sourceNumber: Int? = nil
    /// The first gap it works towards (a criterion's title).
    package var towards: String? = nil
  }

  package struct NextStepItem: Sendable {
    package var name: String
    package var step: String
    package var description: String
    package var because: [String]
    /// Whom WeGO offers it to, and whether it still runs.
    package var notes: [String]
    package var source: String?
    package var sourceNumber: Int? = nil
  }

  /// A figure the city gave, with what it counts and where it comes from: one row of the annex,
  /// whose column headings name each part once.
  package struct FigureItem: Sendable {
    /// "Short label → answer (2019, more than 3 years old)"; the definition says what it counts.
    package var figure: String
    package var definition: String?
    /// The indicator the question follows ("ISO 37122:2019, 9.2 …").
    package var indicator: String?
    /// Who usually holds the figure and the source the city named, each labelled.
    package var sources: [String]
  }

  package struct MetricItem: Sendable {
    package var title: String
    package var value: String
  }

  package struct Provenance: Sendable {
    package var file: String
    package var survey: String
    package var surveyVersion: String
    package var answeredVersion: String
    package var surveyHash: String
    package var rules: [(id: String, version: String, hash: String)]
    package var rulesHash: String
    package var engine: String
    package var date: String
  }

  package var language: String
  package var title: String
  package var city: String
  package var country: String?
  package var region: String?
  package var respondent: String?
  package var completed: String?
  package var surveyTitle: String
  package var threshold: Double
  /// How a pillar reaches a stage and what score and coverage mean.
  package var method: String
  /// Said beside the overall stage: what it is and how to read it.
  package var overallNote: String
  package var topStage: Int
  package var stageNames: [String]
  package var overall: Int?
  package var overallName: String?
  /// The overall stage with what it rests on, or why there is none.
  package var overallText: String
  /// "from 5 of 6 pillars" when the overall stage rests on fewer than all.
  package var overallBasis: String?
  /// Whether any pillar has a stage (else the overall line says why there is none).
  package var hasPillars: Bool
  /// How old the figures are, when the survey asks for their year and there is more to say than
  /// the year itself (figures older than the limit, or no year given).
  package var dataAge: String?
  /// "Figures of 2025" and "6 of 6 pillars assessed", said in the summary's header.
  package var dataYear: String?
  package var pillarsAssessed: String
  package var pillars: [PillarSection]
  package var recommendations: [RecommendationItem]
  package var roadmap: [RoadmapStep]
  package var nextSteps: [NextStepItem]
  /// The summary page's three most important next steps and its strongest pillar.
  package var summarySteps: [SummaryStep]
  package var strongest: String?
  /// "Report of 1 December 2026".
  package var dated: String
  /// Metrics not already shown beside a pillar's stage (outcomes are).
  package var metrics: [MetricItem]
  /// Every web source the report cites, once, in the order first cited; items refer to them
  /// by number.
  package var sources: [String] = []
  /// Every number the city gave, with its definition and sources (the report's annex).
  package var figures: [FigureItem]
  package var answerSummary: String
  package var notes: [String]
  package var provenance: Provenance

  /// - Parameters:
  ///   - recommendationLimit: how many recommendations to detail.
  ///   - date: the report's date, `YYYY-MM-DD` (see `ReportDate`).
  package init(_ a: Assessment, recommendationLimit: Int = 10, date: String) {
    let t = Localizer(a.language)
    let survey = a.survey
    let program = a.program
    language = a.language
    city = a.sheet.city.name.isEmpty ? a.sheet.path : a.sheet.city.name
    country = a.sheet.city.country.flatMap { $0.isEmpty ? nil : Regions.countryName($0, language: a.language) }
    region = a.sheet.city.region.flatMap { $0.isEmpty ? nil : Regions.name($0, language: a.language) }
    respondent = a.sheet.respondent.map {
      [$0.name, $0.role].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
    if respondent?.isEmpty == true { respondent = nil }
    completed = a.sheet.completed.map(t.date)
    surveyTitle = survey.title.text(a.language)
    title = t(.reportPageTitle, ["name": .text(city), "survey": .text(surveyTitle)])
    threshold = program.threshold
    method = StageWords(a).method
    overallNote = StageWords(a).overallNote
    topStage = survey.topStage
    stageNames = (1...max(1, survey.topStage)).map { survey.stageName($0, a.language) }
    overall = a.overall
    overallName = a.overall.map { survey.stageName($0, a.language) }
    overallText = t.overall(a)
    overallBasis = t.overallBasis(a)
    hasPillars = a.overallBasis.pillars > 0
    dataYear = t.dataYear(a)
    pillarsAssessed = t.pillarsAssessed(a)
    // The header names the year already; the sentence stays where it warns of old or missing years.
    dataAge = a.dataYear == nil || a.dataYearIsOld || !a.oldFigures.isEmpty ? t.dataAge(a) : nil

    pillars = Self.pillarSections(a, t)
    recommendations = Self.recommendationItems(a, t, limit: recommendationLimit)
    roadmap = Self.roadmap(a, t)
    summarySteps = Self.summarySteps(a, t)
    strongest = Self.strongest(pillars, t)
    dated = t(.reportSummaryDate, ["date": .text(t.date(date))])
    nextSteps = Self.nextStepItems(a, t)
    metrics = Self.metricItems(a, t)
    figures = Self.figures(a, t)
    let counts = a.counts
    // One message per count, each agreeing with its own number ("1 respondida", "2 omitidas").
    let count = { (key: MessageKey, n: Int) in MessageArgument.message(Message(key, ["count": .count(n)])) }
    answerSummary = t(
      .reportAnswerCounts,
      [
        "answered": count(.validateAnswered, counts.answered), "dont_know": count(.validateDontKnow, counts.dontKnow),
        "not_applicable": count(.validateNotApplicable, counts.notApplicable),
        "unanswered": count(.validateUnanswered, counts.unanswered),
        "skipped": count(.reportSkippedByLogic, counts.skipped),
      ])
    notes = a.issues.filter { issue in
      issue.kind != .requiredUnanswered && issue.slot.flatMap { survey.questions[$0].pillar } == nil
    }
    .map { t($0.message) }
    provenance = Provenance(
      file: a.sheet.path, survey: survey.id, surveyVersion: survey.version.description,
      answeredVersion: a.sheet.surveyVersion.description, surveyHash: program.surveyHash,
      rules: program.plugins.map { ($0.id, $0.version.description, $0.hash) }, rulesHash: program.hash,
      engine: Engine.version,
      date: t.date(date))
    numberSources()
  }

  /// Gives every cited web address one number, in the order first cited, so a printout lists
  /// each address once at the end and the items refer to it.
  mutating func numberSources() {
    var numbers: [String: Int] = [:]
    func number(_ source: String?) -> Int? {
      guard let source else { return nil }
      if let known = numbers[source] { return known }
      sources.append(source)
      numbers[source] = sources.count
      return sources.count
    }
    for index in recommendations.indices { recommendations[index].sourceNumber = number(recommendations[index].source) }
    for index in nextSteps.indices { nextSteps[index].sourceNumber = number(nextSteps[index].source) }
  }

  static func criterionLine(_ a: Assessment, _ t: Localizer, _ index: Int) -> CriterionLine {
    let criterion = a.program.criteria[index]
    let outcome = a.outcomes[index]
    var finding = outcome == .met ? criterion.met : outcome == .unmet ? criterion.unmet : nil
    if finding == nil && outcome == .error, let error = a.errors[index] {
      finding = LocalizedText([(a.language, t.label(.reportCouldNotBeEvaluated) + t(error.message))])
    }
    return CriterionLine(
      id: criterion.qualifiedID, stage: criterion.stage, title: t.text(criterion.title), label: label(a, t, index),
      finding: finding.map { t.text($0) },
      answers: criterion.condition.reads.map { Self.answer(a, $0, t) }, outcome: outcome, weight: criterion.weight)
  }

  /// A criterion in a few words: the labels of the questions of its own pillar it reads (a
  /// profile figure such as the population is read by many and says nothing of the topic), else
  /// of every question it reads, else its title. A question without a short label names only the
  /// steps of a ladder on it (they share it, and are listed as one); any other criterion keeps
  /// its title, shorter than a question's full text and saying what is needed.
  static func label(_ a: Assessment, _ t: Localizer, _ index: Int) -> String {
    let criterion = a.program.criteria[index]
    let reads = criterion.condition.reads
    let own = reads.filter { a.survey.questions[$0].pillar == criterion.pillar }
    var labels: [String] = []
    for slot in own.isEmpty ? reads : own {
      let question = a.survey.questions[slot]
      guard question.short != nil || criterion.ladder != nil else { continue }
      if !labels.contains(t.question(slot, a)) { labels.append(t.question(slot, a)) }
    }
    return labels.isEmpty ? t.text(criterion.title) : labels.joined(separator: " · ")
  }

  static func pillarSections(_ a: Assessment, _ t: Localizer) -> [PillarSection] {
    let survey = a.survey
    let program = a.program
    let line = { (index: Int) in criterionLine(a, t, index) }
    return a.pillars.map { result in
      let definition = survey.pillars[result.pillar]
      let indices = program.criteriaByPillar[result.pillar].flatMap { $0 }
      let evidence = result.evidence.map { item in
        let members = program.criteriaByPillar[result.pillar][item.stage]
        return StageRow(
          stage: item.stage, name: survey.stageName(item.stage, a.language),
          met: members.count { a.outcomes[$0] == .met },
          criteria: members.count, share: item.share, passed: item.passed)
      }
      let next = result.next.map { gap in
        NextStage(
          stage: gap.stage, name: survey.stageName(gap.stage, a.language), neededCount: gap.neededCount,
          candidates: nearMissLines(a, t, gap.candidates))
      }
      var section = PillarSection(
        id: definition.id, name: t.text(definition.name), description: definition.description.map { t.text($0) },
        stage: result.stage, stageName: survey.stageName(result.stage, a.language), score: result.score,
        potential: result.potential, coverage: result.coverage, confidence: result.confidence, target: result.target,
        evidence: evidence,
        strengths: indices.filter { a.outcomes[$0] == .met }.map(line),
        gaps: indices.filter { a.outcomes[$0] == .unmet }.map(line),
        unknowns: indices.filter { a.outcomes[$0] == .unknown || a.outcomes[$0] == .error }.map(line),
        notApplicable: indices.filter { a.outcomes[$0] == .notApplicable }.map(line),
        next: result.assessed ? next : nil, findings: pillarFindings(a, t, result.pillar))
      section.assessed = result.assessed
      section.need = result.assessed ? nil : t.assessmentNeed(result, a, limit: 6)
      section.outcomes = a.outcomes(of: result.pillar).map { t.outcome($0, a) }
      return section
    }
  }

  /// The next stage's criteria, each close one with its near miss in words.
  static func nearMissLines(_ a: Assessment, _ t: Localizer, _ candidates: [Int]) -> [CriterionLine] {
    let words = StageWords(a)
    let misses = Dictionary(
      words.nearMissFacts(candidates).map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
    return candidates.map { index in
      var line = criterionLine(a, t, index)
      line.nearMiss = misses[index].map { words.words($0, status: StatusMark.unmet.words(t)) }
      return line
    }
  }

  /// The respondent's notes on a pillar's questions, and the problems with its answers.
  static func pillarFindings(_ a: Assessment, _ t: Localizer, _ pillar: Int) -> [String] {
    let survey = a.survey
    var findings: [String] = []
    for (slot, note) in a.sheet.notes.sorted(by: { $0.key < $1.key }) where survey.questions[slot].pillar == pillar {
      findings.append("\(t.question(slot, a)) — \(note)")
    }
    for issue in a.issues where issue.kind != .requiredUnanswered {
      if let slot = issue.slot, survey.questions[slot].pillar == pillar { findings.append(t(issue.message)) }
    }
    let unanswered = a.issues.count { issue in
      issue.kind == .requiredUnanswered && issue.slot.map { survey.questions[$0].pillar == pillar } == true
    }
    if unanswered > 0 {
      findings.append(t(.reportUnansweredRequiredQuestionSThis, ["unanswered": "\(unanswered)"]))
    }
    return findings
  }

  static func recommendationItems(_ a: Assessment, _ t: Localizer, limit: Int) -> [RecommendationItem] {
    let program = a.program
    let words = RecommendationWords(a)
    return a.recommendations.prefix(limit).enumerated().map { rank, recommendation in
      let solution = program.solutions[recommendation.solution]
      return RecommendationItem(
        rank: rank + 1, id: solution.id, name: t.text(solution.name), city: t.text(solution.city),
        country: solution.country.map { t.text($0) }, year: solution.year,
        pillar: t.text(a.survey.pillars[recommendation.pillar].name), problem: t.text(solution.problem),
        solution: t.text(solution.solution), source: solution.source.flatMap(Markup.safeURL),
        verified: solution.verified,
        reasons: recommendation.factors.map { words.factor($0, of: recommendation) }
          + recommendation.reasons.prefix(3).map { reason in
            let criterion = program.criteria[reason.criterion]
            return "\(t.text(criterion.title)) — \(t.outcome(reason.outcome)), \(t.gap(reason.gap))"
          },
        score: recommendation.score, fits: recommendation.fits, stageRange: "\(solution.stageMin)–\(solution.stageMax)",
        checkFirst: recommendation.uncheckedNeeds.map { t.text(solution.needs[$0].text) },
        towards: recommendation.reasons.first.map { t.text(program.criteria[$0.criterion].title) })
    }
  }

  static func nextStepItems(_ a: Assessment, _ t: Localizer) -> [NextStepItem] {
    let words = RecommendationWords(a)
    return a.nextSteps.map { step in
      let programme = a.program.programmes[step.programme]
      return NextStepItem(
        name: t.text(programme.name), step: t.step(programme.step), description: t.text(programme.description),
        because: step.because.map { t.text($0) }, notes: words.programmeNotes(programme),
        source: programme.source.flatMap(Markup.safeURL))
    }
  }

  /// The metrics, less the outcomes each pillar's section shows beside its stage.
  static func metricItems(_ a: Assessment, _ t: Localizer) -> [MetricItem] {
    let shown = Set(a.survey.pillars.indices.flatMap { a.outcomes(of: $0).map(\.metric) })
    return a.metrics.filter { !shown.contains($0.metric) }.map { result in
      MetricItem(title: t.text(a.program.metrics[result.metric].title), value: t.metricValue(result, a))
    }
  }

  /// "Question → answer", the question by its short label where it has one, with the figure's
  /// year where it has its own or the data is old.
  static func answer(_ a: Assessment, _ slot: Int, _ t: Localizer) -> String {
    let survey = a.survey
    let question = t.question(slot, a)
    var answer = "\(question) → \(ValueText.answer(a.values[slot], slot: slot, survey: survey, language: a.language))"
    if !a.values[slot].isUnknown, let year = a.sheet.evidence[slot]?.year ?? (a.dataYearIsOld ? a.dataYear : nil) {
      answer += a.isOld(year) ? " (\(year), \(t.old(a)))" : " (\(year))"
    }
    return answer
  }

  /// The numbers the city gave (not the data year, said in the header), each by its short label
  /// with what it counts, the indicator it follows, who usually holds it and the source the city
  /// named.
  static func figures(_ a: Assessment, _ t: Localizer) -> [FigureItem] {
    let survey = a.survey
    return survey.questions.indices.compactMap { slot in
      let question = survey.questions[slot]
      // Numbers only: what a choice means its label says; a year is not a figure of its own.
      guard question.kind.name != "year", !a.values[slot].isUnknown else { return nil }
      switch a.sheet.values[slot] {
      case .integer?, .decimal?: break
      default: return nil
      }
      var sources: [String] = []
      if let holder = question.dataSource { sources.append(t(.reportFigureHolder, ["holder": .text(t.text(holder))])) }
      if let source = a.sheet.evidence[slot]?.source {
        sources.append(t(.reportFigureCitySource, ["source": .text(source)]))
      }
      return FigureItem(
        figure: answer(a, slot, t), definition: question.definition.map { t.text($0) }, indicator: question.source,
        sources: sources)
    }
  }

  /// The next stage's criteria, each with the rule author's explanation where it is not met and
  /// the same text was not given to a criterion above it (the steps of one ladder share theirs).
  package static func nextStageRows(_ next: NextStage) -> [(line: CriterionLine, explanation: String?)] {
    var given = Set<String>()
    return next.candidates.map { line in
      guard line.outcome == .unmet || line.outcome == .error, let finding = line.finding,
        given.insert(finding).inserted
      else { return (line, nil) }
      return (line, finding)
    }
  }

  /// The unmet criteria of the stages the pillar has reached (a stage needs a share of its
  /// criteria's weight, not all of them): the city must still be told each one, with the answer
  /// it read and the rule author's explanation, given once (not again when the next stage's table
  /// or a criterion above gave the same text).
  package static func reachedGaps(_ pillar: PillarSection) -> [(line: CriterionLine, explanation: String?)] {
    guard pillar.assessed else { return [] }
    var given = Set(pillar.next.map { nextStageRows($0).compactMap(\.explanation) } ?? [])
    return pillar.gaps.filter { $0.stage <= pillar.stage }.map { line in
      guard let finding = line.finding, given.insert(finding).inserted else { return (line, nil) }
      return (line, finding)
    }
  }

  /// The pillar's gaps beyond the next stage: named by label with the stages that lack them
  /// (`collapsed`), for the reader to see how far the later stages are, not to act on yet.
  package static func otherGaps(_ pillar: PillarSection) -> [CriterionLine] {
    let shown = Set(pillar.next?.candidates.map(\.id) ?? [])
    return pillar.gaps.filter { !shown.contains($0.id) && (!pillar.assessed || $0.stage > pillar.stage) }
  }

  /// The met criteria, beside the next stage's (its table marks those met).
  package static func otherStrengths(_ pillar: PillarSection) -> [CriterionLine] {
    let shown = Set(pillar.next?.candidates.map(\.id) ?? [])
    return pillar.strengths.filter { !shown.contains($0.id) }
  }

  /// The criteria not known, beside the next stage's: listed by label, what the city would have
  /// to find out.
  package static func otherUnknowns(_ pillar: PillarSection) -> [CriterionLine] {
    let shown = Set(pillar.next?.candidates.map(\.id) ?? [])
    return pillar.unknowns.filter { !shown.contains($0.id) }
  }

  /// Labels in order of first appearance, each once.
  package static func labels(_ lines: [CriterionLine]) -> [String] {
    var seen = Set<String>()
    return lines.map(\.label).filter { seen.insert($0).inserted }
  }
}

extension CityReport {
  /// "Title (stage 3)" or, for the highest of several met steps, "Title (stages 2–4)".
  package static func stepped(_ line: CriterionLine, _ t: Localizer) -> String {
    let stages = line.fromStage.map {
      t(.reportStagesFrom, ["from": .text(String($0)), "to": .text(String(line.stage))])
    }
    return line.title + " (" + (stages ?? t(.diffStage) + " \(line.stage)") + ")"
  }

  /// Criteria by what they are about: one item per label (the steps of a ladder, or the
  /// thresholds of one figure, read the same question), at the highest of their stages and marked
  /// with the lowest ("Online procedures (stages 2–3)"); the stage gates give the counts.
  static func collapsed(_ lines: [CriterionLine]) -> [CriterionLine] {
    var highest: [String: CriterionLine] = [:]
    var lowest: [String: Int] = [:]
    for line in lines {
      if highest[line.label].map({ line.stage > $0.stage }) ?? true { highest[line.label] = line }
      lowest[line.label] = min(lowest[line.label] ?? line.stage, line.stage)
    }
    return lines.compactMap { line in
      guard highest[line.label]?.id == line.id else { return nil }
      var shown = line
      shown.title = line.label
      if let from = lowest[line.label], from < line.stage { shown.fromStage = from }
      return shown
    }
  }
}

/// The date printed on reports: `SOURCE_DATE_EPOCH` when set (reproducible builds' convention,
/// used by the golden tests), else today, in UTC.
package enum ReportDate {
  package static func today(environment: [String: String]) -> String {
    let seconds: Int
    if let epoch = environment["SOURCE_DATE_EPOCH"], let value = Int(epoch), value >= 0 {
      seconds = value
    } else {
      seconds = time(nil)
    }
    return format(seconds)
  }

  /// `YYYY-MM-DD` for seconds since 1970 (civil-from-days, no calendar library needed).
  package static func format(_ seconds: Int) -> String {
    let days = seconds / 86_400
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
