package import ActivatorYAML

/// A yes/no question: `yes` or `no` (`true`/`false` too, and `sí` in Spanish files).
package struct YesNoKind: QuestionKind {
  package init() {}

  package var name: String { "yes_no" }

  package func parse(_ node: YAMLNode, for question: Question, reader: NodeReader) -> AnswerParser.Parsed {
    if let text = node.scalar {
      switch AnswerWords.folded(text) {
      case "yes", "true", "sí", "si": return .value(.bool(true))
      case "no", "false": return .value(.bool(false))
      default: break
      }
    }
    reader.error(
      "wrong-type",
      Message(
        .answerYesNo,
        [
          "subject": AnswerParser.subject(question, reader), "codes": AnswerParser.codesHint(question, reader),
          "found": NodeReader.shown(node),
        ]),
      node)
    return .invalid
  }

  package func fastReader(for question: Question) -> FastAnswerReader { Fast() }

  final class Fast: FastAnswerReader {
    // The spellings the loader's lowercasing accepts that are common enough to be worth it;
    // any other spelling goes to the loader.
    override func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
      if equalsAny(bytes, ["yes", "Yes", "YES", "true", "True", "TRUE", "si", "Si", "SI", "sí", "Sí", "SÍ"]) {
        return .bool(true)
      }
      if equalsAny(bytes, ["no", "No", "NO", "false", "False", "FALSE"]) { return .bool(false) }
      return nil
    }
  }

  package func expressionType(slot: Int) -> ExprType { .bool }

  package func prompt(for question: Question, current: AnswerValue?, language: String) -> Prompt {
    let items = [
      Prompt.Item(Localizer(language)(.valueYes).capitalizedFirst, token: "y"),
      Prompt.Item(Localizer(language)(.valueNo).capitalizedFirst, token: "n"),
    ]
    var selected: [Int] = []
    if case .bool(let yes)? = current { selected = [yes ? 0 : 1] }
    return Prompt(kind: .select, question: "", items: items, selected: selected)
  }

  package func answer(choosing indices: [Int], for question: Question, language: String) -> Result<
    AnswerValue, AnswerProblem
  > {
    .success(.bool(indices.first == 0))
  }

  package func templateHint(for question: Question, language: String) -> TemplateHint {
    TemplateHint(Localizer(language)(.kindYesNoTemplate))
  }

  package func answerSchema(for question: Question, into writer: JSONWriter) {
    writer.key("anyOf") {
      writer.array {
        writer.object { writer.key("type", "boolean") }
        writer.object {
          // What `parse` accepts: yes, no, true, false and sí in any letter case.
          writer.key("type", "string")
          writer.key("pattern", #"^\s*([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Ss][IiÍí])\s*$"#)
        }
      }
    }
  }
}
