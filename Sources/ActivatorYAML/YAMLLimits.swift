/// Bounds on what one document may cost to read. Files that come from outside (answers files)
/// are read with `.untrusted`; files written by authors with `.authored`.
package struct YAMLLimits: Sendable, Hashable {
  /// Largest accepted file, in bytes.
  package var maxBytes: Int
  /// Deepest nesting of collections.
  package var maxDepth: Int
  /// Most nodes the document may stand for, counting every node an alias expands to.
  package var maxNodes: Int
  /// Longest scalar, in bytes.
  package var maxScalarBytes: Int
  /// Most alias references (`*name`) in one document.
  package var maxAliases: Int

  package init(maxBytes: Int, maxDepth: Int, maxNodes: Int, maxScalarBytes: Int, maxAliases: Int) {
    self.maxBytes = maxBytes
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxScalarBytes = maxScalarBytes
    self.maxAliases = maxAliases
  }

  /// For files from outside the organisation: an answers file is a few kilobytes.
  package static let untrusted = YAMLLimits(
    maxBytes: 2 << 20, maxDepth: 32, maxNodes: 50_000, maxScalarBytes: 64 << 10, maxAliases: 100)

  /// For surveys, rule plugins and catalogs written by authors.
  package static let authored = YAMLLimits(
    maxBytes: 16 << 20, maxDepth: 64, maxNodes: 1_000_000, maxScalarBytes: 1 << 20,
    maxAliases: 10_000)
}
