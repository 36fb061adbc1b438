/// A JSON Schema for the answers files of one survey, for editors: every question id with its
/// text as the description and what its kind accepts (`QuestionKind.answerSchema`), the
/// survey's languages and pillars. The general shape of an answers file is in
/// docs/schemas/answers.schema.json; this one adds what only the survey knows, and leaves the
/// loader the final word (`activator validate`).
package enum AnswersSchema {
  package static func json(for survey: Survey, language: String) -> String {
    let writer = JSONWriter(pretty: true)
    writer.object {
      writer.key("$schema", "https://json-schema.org/draft/2020-12/schema")
      writer.key("title", "\(survey.title.text(language)) (\(survey.reference))")
      writer.key("description", "Answers to \(survey.reference), written by 'activator template --schema'.")
      writer.key("type", "object")
      writer.key("required", strings: ["survey", "survey_version", "city", "answers"])
      writer.key("properties") {
        writer.object {
          writer.key("survey") { writer.object { writer.key("const", survey.id) } }
          writer.key("language") { writer.object { writer.key("enum", strings: survey.languages) } }
          writer.key("answers") { answers(survey, language: language, into: writer) }
          writer.key("targets") { targets(survey, into: writer) }
          writer.key("notes") {
            writer.object {
              writer.key("type", strings: ["object", "null"])
              writer.key("propertyNames") { writer.object { writer.key("enum", strings: survey.questions.map(\.id)) } }
            }
          }
          writer.key("evidence") { evidence(survey, into: writer) }
        }
      }
    }
    return writer.finish() + "\n"
  }

  /// `evidence:` per question id: a source text and a four-digit year.
  static func evidence(_ survey: Survey, into writer: JSONWriter) {
    writer.object {
      writer.key("type", strings: ["object", "null"])
      writer.key("propertyNames") { writer.object { writer.key("enum", strings: survey.questions.map(\.id)) } }
      writer.key("additionalProperties") {
        writer.object {
          writer.key("type", "object")
          writer.key("additionalProperties", false)
          writer.key("properties") {
            writer.object {
              writer.key("source") { writer.object { writer.key("type", strings: ["string", "null"]) } }
              writer.key("year") {
                writer.object {
                  writer.key("type", strings: ["integer", "null"])
                  writer.key("minimum", 1000)
                  writer.key("maximum", 9999)
                }
              }
            }
          }
        }
      }
    }
  }

  static func answers(_ survey: Survey, language: String, into writer: JSONWriter) {
    writer.object {
      writer.key("type", strings: ["object", "null"])
      writer.key("additionalProperties", false)
      writer.key("properties") {
        writer.object {
          for question in survey.questions {
            writer.key(named: question.id) { answer(question, language: language, into: writer) }
          }
        }
      }
    }
  }

  /// What the kind accepts, or an allowed missing-data code, or nothing yet.
  static func answer(_ question: Question, language: String, into writer: JSONWriter) {
    writer.object {
      writer.key("description", question.text.text(language))
      writer.key("anyOf") {
        writer.array {
          writer.object { question.kind.answerSchema(for: question, into: writer) }
          let codes = MissingCode.allCases.filter { question.allowed.contains($0) }.map(\.rawValue)
          if !codes.isEmpty {
            writer.object {
              writer.key("type", "string")
              writer.key("description", "One of: " + codes.joined(separator: ", ") + AnswerWords.schemaNote)
              writer.key("pattern", AnswerWords.schemaPattern(codes))
            }
          }
          writer.object { writer.key("type", "null") }
        }
      }
    }
  }

  static func targets(_ survey: Survey, into writer: JSONWriter) {
    let stages = survey.stages.map { String($0.level) } + survey.stages.map(\.id)
    writer.object {
      writer.key("type", strings: ["object", "null"])
      writer.key("additionalProperties", false)
      writer.key("properties") {
        writer.object {
          for pillar in survey.pillars {
            writer.key(named: pillar.id) {
              writer.object {
                writer.key("anyOf") {
                  writer.array {
                    writer.object {
                      writer.key("type", "integer")
                      writer.key("minimum", 1)
                      writer.key("maximum", survey.topStage)
                    }
                    writer.object { writer.key("enum", strings: stages) }
                    writer.object { writer.key("type", "null") }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
