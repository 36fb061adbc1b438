package import ActivatorCore

extension Questionnaire {
  // MARK: - Jump list

  func jump() -> Int? {
    var items: [Prompt.Item] = []
    var slots: [Int?] = []
    var selected: [Int] = []
    for section in survey.sections {
      let visible = section.questions.filter { session.relevant[$0] }
      guard !visible.isEmpty else { continue }
      items.append(Prompt.Item(section.title.text(language), role: .header))
      slots.append(nil)
      for slot in visible {
        let question = survey.questions[slot]
        let mark = session.sheet.review.contains(slot) ? "⚑" : session.isAnswered(slot) ? "✓" : "·"
        items.append(Prompt.Item("\(mark) \(question.text.text(language))", token: question.id))
        if selected.isEmpty && !session.isAnswered(slot) { selected = [items.count - 1] }
        slots.append(slot)
      }
    }
    let prompt = Prompt(
      kind: .select, question: t(.questionnaireGoWhichQuestionAnsweredNot), items: items, selected: selected,
      allowsNavigation: false)
    let result = driver.ask(prompt, context: context(section: t(.questionnaireJump), slot: nil)) { _ in nil }
    if case .selected(let picked) = result, let index = picked.first, index < slots.count { return slots[index] }
    return nil
  }

  // MARK: - Targets

  /// A target stage per pillar: each stage with its description, the stage the answers reach
  /// today where the rules could be loaded, and help on what a target does.
  func askTargets() -> PromptResult {
    let section = t(.questionnaireTargetsOptional)
    let today = currentStages?(session.sheet) ?? nil
    var index = 0
    while index < survey.pillars.count {
      let pillar = survey.pillars[index]
      let reached = today.flatMap { index < $0.count ? $0[index] : nil }
      var items = survey.stages.map { stage in
        var label = "\(stage.level) \(stage.name.text(language))"
        if stage.level == reached { label += " " + t(.questionnaireStageToday) }
        var item = Prompt.Item(label, token: String(stage.level))
        item.detail = stage.description?.text(language)
        return item
      }
      items.append(Prompt.Item(t(.questionnaireNoTarget), token: "-"))
      let current = session.sheet.targets[index].flatMap { level in survey.stages.firstIndex { $0.level == level } }
      var question = t(.questionnaireWhichStageDoesCityAim, ["pillar_name": .text(pillar.name.text(language))])
      if let reached {
        question +=
          " "
          + t(
            .questionnaireStageReachedToday,
            ["stage": .text(survey.stageName(reached, language)), "level": .count(reached)])
      }
      let prompt = Prompt(
        kind: .select, question: question, help: t(.questionnaireTargetsHelp), items: items,
        selected: [current ?? items.count - 1])
      let result = driver.ask(prompt, context: context(section: section, slot: nil)) { _ in nil }
      switch result {
      case .selected(let picked):
        let choice = picked.first ?? items.count - 1
        let level = choice < survey.stages.count ? survey.stages[choice].level : nil
        let changed = level != session.sheet.targets[index]
        session.setTarget(index, level)
        if let stop = savedOrRecovered() { return stop }
        if changed, let stop = confirmReopening() { return stop }
        index += 1
      case .back:
        if index == 0 { return .back }
        index -= 1
      default:
        return result
      }
    }
    return .selected([0])
  }

  // MARK: - Review

  /// Answers flagged after a later change, among the questions skip logic still asks: an answer
  /// kept aside for a hidden question is not offered, and comes back if the question does.
  func reviewSlots() -> [Int] { session.sheet.review.filter { session.relevant[$0] } }

  func askReview() -> PromptResult {
    let flagged = reviewSlots()
    let missing = survey.questions.indices.filter {
      session.relevant[$0] && !session.isAnswered($0) && survey.questions[$0].required
    }
    if flagged.isEmpty && missing.isEmpty { return .selected([0]) }
    var items = [Prompt.Item(t(.questionnaireFinish), token: "finish")]
    for slot in flagged {
      items.append(Prompt.Item("⚑ " + survey.questions[slot].text.text(language), token: survey.questions[slot].id))
    }
    var question = t(.questionnaireSomeAnswersMayNeedSecond)
    if !flagged.isEmpty {
      question += " " + t(.questionnaireTheseWereAffectedByLater)
    }
    if !missing.isEmpty {
      question += " " + t(.questionnaireRequiredUnanswered, ["count": .count(missing.count)])
    }
    let prompt = Prompt(kind: .select, question: question, items: items, selected: [0])
    return driver.ask(prompt, context: context(section: t(.questionnaireReview), slot: nil)) { _ in nil }
  }
}
