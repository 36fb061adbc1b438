import ActivatorCore
import Testing

/// A questionnaire session on a fixture survey in one language, as the session golden tests drive
/// it: line mode with the answers piped in, one sitting at a time, and the full-screen terminal on
/// a pty. Each language's test says what is typed; this says how.
struct Sitting {
  static let golden = Binary.root + "/Tests/Golden/questionnaire/"
  let folder = Binary.temporaryFolder()
  let survey: String
  let rules: String
  let language: String
  let city: String

  init(fixture name: String, language: String, city: String) {
    survey = Binary.fixture("questionnaire/\(name).yaml")
    rules = Binary.fixture("questionnaire/\(name)-rules")
    self.language = language
    self.city = city
  }

  /// One sitting in line mode: a new file, or `--resume` of one (which reads its language from
  /// the file).
  func lines(_ input: [String], out: String, resume: Bool) -> Run {
    let target = resume ? ["--resume", out] : ["--lang", language, "--out", out, "--city", city]
    return Run.activator(
      ["survey", "--survey", survey, "--rules", rules] + target, stdin: input.joined(separator: "\n") + "\n",
      cwd: folder)
  }

  /// The full-screen terminal, on a new file or resuming one.
  func terminal(out: String, resume: Bool = false, columns: Int = 100, rows: Int = 32) -> PTYProcess {
    let target = resume ? ["--resume", out] : ["--lang", language, "--out", out, "--city", city]
    return PTYProcess(
      ["survey", "--survey", survey, "--rules", rules] + target, cwd: folder, columns: columns, rows: rows)
  }

  func file(_ name: String) -> String { Binary.read(folder + "/" + name) ?? "" }

  /// An answers file without the moment it was completed.
  func undated(_ name: String) -> String { file(name).replacing(/completed: [^\n]*/, with: "completed: DATE") }

  /// The transcript of a sitting as a person reads it: what was printed, then what went to stderr.
  static func transcript(_ run: Run) -> String {
    "status \(run.status)\n--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
  }
}

extension PTYProcess {
  /// Waits for `text` and records a failure, with the screen, when it does not come.
  func expect(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(waitFor(text), "not on the screen: \(text)\n\(screen.text)", sourceLocation: sourceLocation)
  }

  /// Waits for the question, then types the answer and presses Enter.
  func answer(_ question: String, typing text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expect(question, sourceLocation: sourceLocation)
    send(text)
    press(.enter)
  }
}
