/// Turns the paths given to `activator score` into the sorted list of files to score.
package enum BatchInput {
  package static let extensions = [".yaml", ".yml", ".json"]

  /// Files are taken as given; folders are walked recursively for `*.yaml`, `*.yml` and
  /// `*.json` (hidden entries skipped, symbolic-link loops detected, rule plugin folders and
  /// workspaces skipped with a warning, the `dataFolders` in use skipped with one note); `-`
  /// reads one path per line through `readStandardInput`, which appends them to the list it is
  /// given. The result is sorted byte-wise and without repeats.
  package static func expand(
    _ arguments: [String], skipping dataFolders: [String] = [], readStandardInput: (inout PathList) -> Void
  ) -> (files: PathList, problems: [Diagnostic]) {
    var files = PathList()
    var problems: [Diagnostic] = []
    var visited = Set<FileReading.Identity>()
    // By identity, so that `score .` and `score /abs/path` skip the same folders.
    let inUse = Set(dataFolders.compactMap(FileReading.identity))
    var skipped: [String] = []
    func walk(_ folder: String, depth: Int) {
      guard let identity = FileReading.identity(folder) else {
        problems.append(Diagnostic(.error, "unreadable", FileReading.problem(errno), at: .file(folder)))
        return
      }
      guard visited.insert(identity).inserted else {
        problems.append(Diagnostic(.warning, "symlink-loop", Message(.batchFolderVisited), at: .file(folder)))
        return
      }
      guard depth < 64 else {
        problems.append(Diagnostic(.error, "too-deep", Message(.batchTooDeep), at: .file(folder)))
        return
      }
      let entries: [(name: String, kind: FileReading.Kind)]
      do {
        entries = try FileReading.entries(folder)
      } catch {
        problems.append(Diagnostic(.error, "unreadable", error.message, at: .file(folder)))
        return
      }
      for (name, listedKind) in entries where !name.hasPrefix(".") {
        let path = PluginLoader.join(folder, name)
        // The directory says what most entries are; links and odd types need a stat.
        switch listedKind == .other ? FileReading.kind(path) : listedKind {
        case .directory:
          if !inUse.isEmpty, let identity = FileReading.identity(path), inUse.contains(identity) {
            skipped.append(path)
          } else if FileReading.kind(PluginLoader.join(path, "plugin.yaml")) == .file {
            problems.append(Diagnostic(.warning, "plugin-folder", Message(.batchPluginFolder), at: .file(path)))
          } else if isWorkspace(path) {
            problems.append(Diagnostic(.warning, "workspace-folder", Message(.batchWorkspaceFolder), at: .file(path)))
          } else {
            walk(path, depth: depth + 1)
          }
        case .file where extensions.contains(where: name.hasSuffix): files.append(path)
        case .missing, .other:
          // A dangling or looping symbolic link, a FIFO, a socket: reading it reports exactly why.
          if extensions.contains(where: name.hasSuffix) { files.append(path) }
        default: break
        }
      }
    }
    for argument in arguments {
      if argument == "-" {
        readStandardInput(&files)
        continue
      }
      switch FileReading.kind(argument) {
      case .directory: walk(argument, depth: 0)
      default: files.append(argument)  // reading it reports what is wrong with it
      }
    }
    if let first = skipped.first {
      problems.append(
        Diagnostic(
          .note, "data-folder", Message(.batchDataFoldersSkipped, ["folders": .list(skipped.map { .text($0) })]),
          at: .file(first)))
    }
    files.sortAndRemoveDuplicates()
    return (files, problems)
  }

  /// A folder with its own `Surveys/` and `Rules/` is an author's workspace (docs/authoring.md): its
  /// surveys and rule files are not answers, and its answers belong to its own survey, scored from
  /// inside it. A folder given on the command line is walked whatever it holds.
  static func isWorkspace(_ folder: String) -> Bool {
    FileReading.kind(PluginLoader.join(folder, "Surveys")) == .directory
      && FileReading.kind(PluginLoader.join(folder, "Rules")) == .directory
  }
}
