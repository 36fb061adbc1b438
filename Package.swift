// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

// Linux with glibc only: Sources/ActivatorCore/Support/Platform.swift is the one place that
// names the C library (docs/architecture.md, "Platform").
let package = Package(
  name: "Activator",
  products: [
    .executable(name: "activator", targets: ["activator"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // Debian's libyaml-dev, read at the event level (docs/architecture.md).
    .systemLibrary(
      name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]),
    .target(name: "ActivatorYAML", dependencies: ["CYAML"], swiftSettings: strict),
    .target(name: "ActivatorCore", dependencies: ["ActivatorYAML"], swiftSettings: strict),
    .target(name: "ActivatorReports", dependencies: ["ActivatorCore"], swiftSettings: strict),
    .target(name: "ActivatorTerminal", dependencies: ["ActivatorCore", "ActivatorReports"], swiftSettings: strict),
    // What each command does (its run), so that the executable only parses arguments.
    .target(
      name: "ActivatorApp", dependencies: ["ActivatorCore", "ActivatorReports", "ActivatorTerminal"],
      swiftSettings: strict),
    .executableTarget(
      name: "activator",
      dependencies: [
        "ActivatorCore", "ActivatorReports", "ActivatorTerminal", "ActivatorApp",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    // libFuzzer entry points (Tests/Fuzz/run builds them with -sanitize=fuzzer); the hardening
    // tests replay the corpus through the same targets.
    .target(
      name: "FuzzTargets", dependencies: ["ActivatorCore", "ActivatorReports"], path: "Tests/Fuzz/FuzzTargets",
      swiftSettings: strict),
    .systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
    .executableTarget(
      name: "activator-fuzz", dependencies: ["ActivatorCore", "FuzzTargets", "CLibFuzzer"], path: "Tests/Fuzz/Driver",
      swiftSettings: strict),
    .testTarget(name: "ActivatorYAMLTests", dependencies: ["ActivatorYAML"], swiftSettings: strict),
    .testTarget(
      name: "ActivatorCoreTests", dependencies: ["ActivatorCore", "ActivatorYAML", "ActivatorReports", "FuzzTargets"],
      swiftSettings: strict),
    .testTarget(
      name: "ActivatorReportsTests", dependencies: ["ActivatorReports", "ActivatorYAML"], swiftSettings: strict),
    .testTarget(name: "ActivatorTerminalTests", dependencies: ["ActivatorTerminal"], swiftSettings: strict),
    // Runs the built `activator` as a subprocess, on pipes and on a pseudo-terminal.
    .testTarget(name: "ActivatorCLITests", dependencies: ["ActivatorCore"], swiftSettings: strict),
  ]
)
