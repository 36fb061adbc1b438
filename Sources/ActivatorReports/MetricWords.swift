package import ActivatorCore

extension Localizer {
  /// A metric's value in words with its unit: "42%", "12.5 days", "Yes", or why it is not known
  /// ("not applicable", never "not applicable%"). Every format shows metrics through here.
  package func metricValue(_ result: MetricResult, _ a: Assessment) -> String {
    let value: String
    switch result.value {
    case .unknown(let why): return ValueText.reason(why, language)
    case .double(let number): value = ValueText.number(number, language)
    case .int(let number): value = ValueText.number(Double(number), language)
    case .bool(let flag): return self(flag ? .valueYes : .valueNo)
    case .choice(let question, _):
      return ValueText.answer(result.value, slot: Int(question), survey: a.survey, language: language)
    default: value = ValueText.code(result.value, survey: a.survey)
    }
    return ValueText.withUnit(value, unit: a.program.metrics[result.metric].unit.map { text($0) })
  }
}
