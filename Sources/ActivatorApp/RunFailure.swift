import ActivatorCore

/// How a run ends before its work is done, once what went wrong has been said on stderr.
package enum RunFailure: Error, Equatable {
  /// Ends with this exit status (1 findings or failed files, 2 a fatal problem, 130 interrupted).
  case exit(Int32)
  /// The command line asked for something impossible: the sentence is shown as a usage error,
  /// with the pointer to `--help`, and the run ends with status 2.
  case usage(String)
}

/// What the program's output is asked as: words for people or JSON for tools.
package enum TextOrJSON: String, Sendable, CaseIterable {
  case text, json
}

/// The environment the process was started with.
package enum ProcessEnvironment {
  package static var all: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}
