/// Where Activator finds its surveys, rule plugins and other shipped data. This is the one
/// place that decides it; the README ("Where things are found"), `activator --help` and
/// `activator paths` describe what it does.
///
/// Places, best first:
/// 1. `--survey FILE` and `--rules DIR` (given by the caller) replace everything below.
/// 2. `$ACTIVATOR_HOME`: a folder holding `Surveys/` and/or `Rules/`.
/// 3. The current folder, when it holds `Surveys/` or `Rules/` (an author's project).
/// 4. The user's own surveys and plugins: `$XDG_DATA_HOME/activator/surveys` and `…/rules`
///    (default `~/.local/share/activator`).
/// 5. System-wide ones: `activator/surveys` and `activator/rules` under each folder of
///    `$XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`).
/// 6. The installed data: `share/activator` beside the executable's folder
///    (`/usr/share/activator` for `/usr/bin/activator`; an unpacked tarball finds its own).
/// 7. A source checkout: the executable's parent folders (`.build/debug/activator` finds the
///    repository it was built in).
///
/// The shipped `Surveys/` and `Rules/` are each taken from the first of 2, 3, 6 and 7 that holds
/// them; the user's and system-wide surveys and plugins (4 and 5) are added to them, as plugins
/// always add to each other. When two places hold a plugin with the same id, or the same
/// version of a survey, the better place wins and the other is shadowed (`activator paths`
/// shows which).
package struct DataLocations: Sendable {
  package enum Origin: Int, Sendable, Comparable, CaseIterable {
    case option, environment, project, user, system, installed, checkout

    package static func < (a: Origin, b: Origin) -> Bool { a.rawValue < b.rawValue }

    /// How `activator paths` and error messages name the place.
    package var label: Message {
      switch self {
      case .option: Message(.originOption)
      case .environment: Message(.originEnvironment)
      case .project: Message(.originProject)
      case .user: Message(.originUser)
      case .system: Message(.originSystem)
      case .installed: Message(.originInstalled)
      case .checkout: Message(.originCheckout)
      }
    }
  }

  /// A folder and why it is searched.
  package struct Place: Sendable, Hashable {
    package var origin: Origin
    package var path: String

    package init(_ origin: Origin, _ path: String) {
      self.origin = origin
      self.path = path
    }
  }

  /// What is looked for: surveys or rule plugins.
  package enum Kind: Sendable {
    case surveys, rules

    /// The folder's name in a data home (`Surveys/`, as in the repository) and among added
    /// surveys and plugins (`surveys/`, lower case as XDG folders are).
    var homeFolder: String { self == .surveys ? "Surveys" : "Rules" }
    var addedFolder: String { self == .surveys ? "surveys" : "rules" }
  }

  /// Folders that may hold the shipped data (`Surveys/`, `Rules/` and other data folders), best first.
  package let homes: [Place]
  /// Folders whose `surveys/` and `rules/` add to the shipped ones: the user's, then system-wide.
  package let additions: [Place]
  /// `$ACTIVATOR_HOME` when set.
  package let environmentHome: String?

  /// - Parameters:
  ///   - executable: the running executable's real path (symbolic links resolved).
  ///   - environment: the process environment (`ACTIVATOR_HOME`, `XDG_DATA_HOME`, `XDG_DATA_DIRS`, `HOME`).
  package init(executable: String?, environment: [String: String], currentFolder: String = ".") {
    let home = environment["ACTIVATOR_HOME"].flatMap { $0.isEmpty ? nil : $0 }
    environmentHome = home
    var homes: [Place] = []
    if let home { homes.append(Place(.environment, home)) }
    homes.append(Place(.project, currentFolder))
    var installed: String?
    if let executable, let binFolder = Self.parent(executable), let prefix = Self.parent(binFolder) {
      installed = PluginLoader.join(prefix, "share/activator")
      homes.append(Place(.installed, PluginLoader.join(prefix, "share/activator")))
      var folder = binFolder
      for _ in 0..<5 {
        homes.append(Place(.checkout, folder))
        guard let up = Self.parent(folder) else { break }
        folder = up
      }
    }
    self.homes = homes

    var additions: [Place] = []
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      additions.append(Place(.user, data + "/activator"))
    } else if let user = environment["HOME"], user.hasPrefix("/") {
      additions.append(Place(.user, PluginLoader.join(user, ".local/share/activator")))
    }
    // XDG: an unset or empty XDG_DATA_DIRS means its default; relative entries are ignored.
    let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
    for folder in dataDirs.split(separator: ":") where folder.hasPrefix("/") {
      let path = PluginLoader.join(String(folder), "activator")
      // The installed data folder is searched as such, not a second time as additions.
      if let installed, Self.normalized(path) == Self.normalized(installed) { continue }
      additions.append(Place(.system, path))
    }
    self.additions = additions
  }

  /// Only `home` (as if it were `$ACTIVATOR_HOME`), with no user or system-wide additions:
  /// for tests and tools that must not depend on the machine's set-up.
  package init(home: String) {
    environmentHome = home
    homes = [Place(.environment, home)]
    additions = []
  }

  /// The locations of the running process: its executable (from /proc/self/exe, so that a
  /// command found on PATH or through a symbolic link still finds its data) and environment.
  package static func forProcess(environment: [String: String], argumentZero: String? = CommandLine.arguments.first)
    -> DataLocations
  {
    DataLocations(executable: executablePath(argumentZero: argumentZero), environment: environment)
  }

  /// The first home that holds `name`: `Surveys`, `Rules`, or any other shipped data folder.
  package func home(holding name: String) -> Place? {
    homes.first { FileReading.kind(PluginLoader.join($0.path, name)) == .directory }
  }

  /// The folders surveys or plugins are loaded from by default, best first: the shipped ones
  /// and the existing added ones.
  package func folders(_ kind: Kind) -> [Place] {
    var found: [Place] = []
    if let home = home(holding: kind.homeFolder) {
      found.append(Place(home.origin, PluginLoader.join(home.path, kind.homeFolder)))
    }
    for place in additions {
      let folder = PluginLoader.join(place.path, kind.addedFolder)
      if FileReading.kind(folder) == .directory { found.append(Place(place.origin, folder)) }
    }
    return found.sorted { $0.origin < $1.origin }
  }

  /// The `Surveys/` and `Rules/` folders in use from the homes (`$ACTIVATOR_HOME`, the current
  /// folder, an installation or a checkout): what they hold is never answers.
  package var dataFolders: [String] {
    [Kind.surveys, .rules].compactMap { kind in
      home(holding: kind.homeFolder).map { PluginLoader.join($0.path, kind.homeFolder) }
    }
  }

  /// Every folder searched for `kind`, found or not, best first (for messages and `activator paths`).
  package func searched(_ kind: Kind) -> [Place] {
    let shipped = homes.map { Place($0.origin, PluginLoader.join($0.path, kind.homeFolder)) }
    let added = additions.map { Place($0.origin, PluginLoader.join($0.path, kind.addedFolder)) }
    return (shipped + added).sorted { $0.origin < $1.origin }
  }

  /// Where a user installs their own plugins or surveys (nil without `HOME` or `XDG_DATA_HOME`).
  package func userFolder(_ kind: Kind) -> String? {
    additions.first { $0.origin == .user }.map { PluginLoader.join($0.path, kind.addedFolder) }
  }

  /// The running executable's real path; `argumentZero` when /proc is not mounted.
  static func executablePath(argumentZero: String?) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if count > 0 {
      return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    guard let argumentZero, argumentZero.contains("/"), let resolved = realpath(argumentZero, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The folder holding `path`, or nil at the root.
  static func parent(_ path: String) -> String? {
    guard let slash = path.lastIndex(of: "/") else { return nil }
    let folder = String(path[..<slash])
    return folder.isEmpty ? nil : folder
  }

  static func normalized(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
