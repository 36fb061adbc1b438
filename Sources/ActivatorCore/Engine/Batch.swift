import ActivatorYAML
import Synchronization

/// Programs compiled on first use, shared by the worker threads of a batch. A program that
/// fails to compile is kept as its failure, which every file that needs it then reports.
package final class ProgramCache: Sendable {
  package enum Entry: Sendable {
    case program(Program)
    case failed(Message)
  }

  private let plugins: [Plugin]
  private let entries = Mutex<[String: Entry]>([:])
  /// The last survey and version asked for, and its entry: a batch mostly asks for the same one.
  private let last = Mutex<(String, SemanticVersion, Entry)?>(nil)

  package init(plugins: [Plugin]) {
    self.plugins = plugins
  }

  /// The program that scores answers to `survey` written for `answeredVersion`.
  package func program(for survey: Survey, answeredVersion: SemanticVersion) -> Entry {
    // Compared under the lock: copying the remembered id, version and entry out retained and
    // released each of them for every file.
    let remembered = last.withLock { last -> Entry? in
      guard last?.1 == answeredVersion, last?.0 == survey.id else { return nil }
      return last?.2
    }
    if let remembered { return remembered }
    let entry = lookup(survey, answeredVersion)
    last.withLock { $0 = (survey.id, answeredVersion, entry) }
    return entry
  }

  private func lookup(_ survey: Survey, _ answeredVersion: SemanticVersion) -> Entry {
    let applying = plugins.filter { $0.applies(to: survey.id, version: answeredVersion) }
    let key = survey.reference + "|" + applying.map(\.id).sorted().joined(separator: ",")
    return entries.withLock { cache in
      if let entry = cache[key] { return entry }
      let entry: Entry
      if let missing = Workspace.missingRules(for: survey.id, version: answeredVersion, plugins: plugins) {
        entry = .failed(missing)
      } else {
        let log = DiagnosticLog()
        if let program = ProgramCompiler.compile(
          survey: survey, plugins: plugins, log: log, answeredVersion: answeredVersion, warnUnreachable: false)
        {
          entry = .program(program)
        } else {
          let first = log.sorted.first { $0.severity == .error }
          let detail = first.map {
            MessageArgument.message(
              Message(.batchRulesErrorAt, ["place": .text($0.location.description), "problem": .message($0.content)]))
          }
          entry = .failed(
            Message(
              .batchRulesHaveErrors,
              ["survey": .text(survey.reference), "detail": detail ?? .message(Message(.batchSeeCheck))]))
        }
      }
      cache[key] = entry
      return entry
    }
  }
}

/// What scoring one file gave: formatted output, or the diagnostics that explain why not.
package struct BatchItem: Sendable {
  package var index: Int
  package var path: String
  /// The formatted result (a CSV row, a JSON line…); empty for failed files.
  package var output: [UInt8]
  package var diagnostics: [Diagnostic]
  package var record: CohortRecord?
  package var failed: Bool
  /// Not an answers file but an output of Activator found among the inputs (a results file
  /// written into the folder being scored): left out with a note, neither scored nor failed.
  package var skipped = false
}

package struct BatchOptions: Sendable {
  package var jobs: Int
  package var failFast: Bool
  /// Keep the small per-city record a cohort summary needs.
  package var collectRecords: Bool
  /// How many recommendations each result needs (nil: all).
  package var recommendationLimit: Int?
  package var limits: YAMLLimitsOption
  /// How far workers may run ahead of the in-order writer, in files.
  package var window: Int

  package init(
    jobs: Int, failFast: Bool = false, collectRecords: Bool = true, recommendationLimit: Int? = nil,
    limits: YAMLLimitsOption = .untrusted, window: Int = 2048
  ) {
    self.jobs = max(1, jobs)
    self.recommendationLimit = recommendationLimit
    self.failFast = failFast
    self.collectRecords = collectRecords
    self.limits = limits
    self.window = max(16, window)
  }
}

/// Which reading limits a batch applies (returned files are untrusted).
package enum YAMLLimitsOption: Sendable { case untrusted, authored }

package struct BatchStats: Sendable {
  package var files = 0
  package var scored = 0
  package var failed = 0
  package var stoppedEarly = false
  /// Outputs of Activator met among the inputs and left out.
  package var skipped = 0
}

/// Scores many answers files on several threads. Results are handed to `deliver` strictly in
/// input order (so output is identical whatever the number of jobs), and workers never run more
/// than a window ahead of delivery, so memory stays flat however many files there are.
package final class BatchRunner: Sendable {
  let registry: SurveyRegistry
  let programs: ProgramCache
  let schemas = Mutex<SchemaCache>(SchemaCache())

  /// Schemas by survey id and answered version; a batch mostly asks for the same one again.
  struct SchemaCache {
    var byKey: [SchemaKey: AnswerSchema?] = [:]
    var last: (SchemaKey, AnswerSchema?)?
  }

  struct SchemaKey: Hashable {
    var id: String
    var version: SemanticVersion
  }
  let options: BatchOptions
  let render: @Sendable (Assessment) -> [UInt8]

  /// - Parameter programs: the programs files are scored with (`Workspace.batchPrograms`, which
  ///   the metric columns are taken from before the batch starts).
  package init(
    registry: SurveyRegistry, programs: ProgramCache, options: BatchOptions,
    render: @escaping @Sendable (Assessment) -> [UInt8]
  ) {
    self.registry = registry
    self.programs = programs
    self.options = options
    self.render = render
  }

  struct State {
    var nextToTake = 0
    var nextToDeliver = 0
    var ready: [Int: BatchItem] = [:]
    var stats = BatchStats()
    var stop = false
  }

  /// Scores `paths` (already sorted) and calls `deliver` once per file, in order, on whichever
  /// thread completed the next file; calls are never concurrent. When `deliver` returns false
  /// (its output cannot be written), the batch stops as `failFast` would.
  package func run(_ paths: PathList, deliver: @escaping @Sendable (BatchItem) -> Bool) -> BatchStats {
    let state = Mutex(State())
    let count = paths.count
    let worker: @Sendable () -> Void = { [self] in
      var buffer: [UInt8] = []
      buffer.reserveCapacity(16 << 10)
      while true {
        // Take the next file, waiting while too far ahead of delivery.
        var index = -1
        while true {
          let (taken, wait) = state.withLock { s -> (Int, Bool) in
            if s.stop || s.nextToTake >= count { return (-1, false) }
            if s.nextToTake - s.nextToDeliver >= options.window { return (-1, true) }
            defer { s.nextToTake += 1 }
            return (s.nextToTake, false)
          }
          if wait {
            usleep(200)
            continue
          }
          index = taken
          break
        }
        if index < 0 { return }
        let item = score(index: index, path: paths[index], buffer: &buffer)
        // Deliver this and any following items that are ready, in order, under the lock.
        state.withLock { s in
          s.ready[item.index] = item
          while let next = s.ready.removeValue(forKey: s.nextToDeliver) {
            if s.stop { break }
            s.nextToDeliver += 1
            s.stats.files += 1
            if next.skipped {
              s.stats.skipped += 1
            } else if next.failed {
              s.stats.failed += 1
            } else {
              s.stats.scored += 1
            }
            let keepGoing = deliver(next)
            if !keepGoing || next.failed && options.failFast {
              s.stop = true
              s.stats.stoppedEarly = s.nextToDeliver < count
            }
          }
        }
      }
    }
    Threads.run(count: min(options.jobs, max(1, count)), worker)
    return state.withLock { $0.stats }
  }

  /// Scores one file. Never throws and never traps on bad input: every problem becomes a
  /// diagnostic of this file.
  func score(index: Int, path: String, buffer: inout [UInt8]) -> BatchItem {
    let log = DiagnosticLog()
    let limits: YAMLLimits = options.limits == .untrusted ? .untrusted : .authored
    var item = BatchItem(index: index, path: path, output: [], diagnostics: [], record: nil, failed: true)
    do {
      try FileReading.read(path, maxBytes: limits.maxBytes, into: &buffer)
    } catch {
      let message = Document.problem(error, limits)
      item.diagnostics = [Diagnostic(.error, error.tooLarge ? "limit" : "unreadable", message, at: .file(path))]
      return item
    }
    let file = SourceFile(path: path, bytes: buffer)
    // Well-formed files are read straight from libyaml's events; anything the fast reader is not
    // sure of goes through the full loader, which reports what is wrong. The sheet goes straight
    // on to be scored, never through a variable or tuple that would copy it.
    if let (sheet, schema) = FastAnswersReader.read(file, limits: limits, schema: schema(id:version:)) {
      assess(sheet, survey: schema.survey, into: &item, log: log)
    } else if let (source, root) = Document.parse(file, limits: limits, log: log),
      let (sheet, survey) = AnswersLoader.load(source, root, registry: registry, log: log)
    {
      assess(sheet, survey: survey, into: &item, log: log)
    } else if let output = ActivatorOutput.kind(of: buffer) {
      item.failed = false
      item.skipped = true
      item.diagnostics = [
        Diagnostic(
          .note, "activator-output", Message(.batchActivatorOutputSkipped, ["what": .message(output)]), at: .file(path))
      ]
    } else {
      item.diagnostics = log.sorted
    }
    return item
  }

  /// Scores one sheet that was read into `item`, or says why its survey has no program.
  private func assess(_ sheet: consuming AnswerSheet, survey: Survey, into item: inout BatchItem, log: DiagnosticLog) {
    switch programs.program(for: survey, answeredVersion: sheet.surveyVersion) {
    case .failed(let message):
      log.error("no-rules", message, at: SourceLocation(file: item.path, line: 1, column: 1))
      item.diagnostics = log.sorted
    case .program(let program):
      let assessment = Scorer.assess(sheet, with: program, recommendationLimit: options.recommendationLimit)
      item.output = render(assessment)
      if options.collectRecords { item.record = CohortRecord(assessment) }
      item.diagnostics = log.sorted
      item.failed = false
    }
  }
}

extension BatchRunner {
  func schema(id: String, version: SemanticVersion) -> AnswerSchema? {
    let key = SchemaKey(id: id, version: version)
    return schemas.withLock { cache in
      // Compared in place: binding the remembered pair copied its id, version and schema out.
      if cache.last?.0 == key, let schema = cache.last?.1 { return schema }
      let schema: AnswerSchema?
      if let found = cache.byKey[key] {
        schema = found
      } else {
        schema = registry.survey(id, compatibleWith: version).map(AnswerSchema.init)
        cache.byKey[key] = schema
      }
      cache.last = (key, schema)
      return schema
    }
  }
}

/// Starts threads and waits for them.
enum Threads {
  final class Box: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  static func run(count: Int, _ body: @escaping @Sendable () -> Void) {
    if count <= 1 {
      body()
      return
    }
    var threads: [pthread_t] = []
    for _ in 0..<count {
      var thread = pthread_t()
      let box = Unmanaged.passRetained(Box(body)).toOpaque()
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      pthread_attr_setstacksize(&attributes, 8 << 20)
      let result = pthread_create(
        &thread, &attributes,
        { raw in
          guard let raw else { return nil }
          let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
          box.body()
          return nil
        }, box)
      pthread_attr_destroy(&attributes)
      if result == 0 {
        threads.append(thread)
      } else {
        Unmanaged<Box>.fromOpaque(box).release()
        body()
      }
    }
    for thread in threads { pthread_join(thread, nil) }
  }
}
