import Support
import Yams

/// A YAML mapping read by key: the keys it may have, each value read as the type it must be,
/// and every problem a `SiteError` at the line and column of the file.
package struct YAMLMapping {
    /// The mapping itself, where a missing key is reported.
    package let node: Node
    /// The pairs in the order written.
    package let pairs: [(key: String, value: Node, keyNode: Node)]
    private let yaml: YAMLReader
    /// What the mapping is, as messages name it (`a column`, `front matter`).
    private let what: String

    /// Reads `node` as a mapping; a key outside `allowed` (a typo such as `tilte:`) is an error.
    package init(_ node: Node, _ what: String, allowed: [String], yaml: YAMLReader) throws(SiteError) {
        pairs = try yaml.mapping(node, what)
        try yaml.refuseUnknownKeys(pairs, allowed: allowed, in: what)
        self.node = node
        self.yaml = yaml
        self.what = what
    }

    /// The value of `key`, or nil when the mapping does not have it.
    package subscript(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    /// The value of `key`; when it is missing, an error at the mapping saying `message`
    /// (by default "WHAT needs 'KEY'").
    package func required(_ key: String, else message: String? = nil) throws(SiteError) -> Node {
        guard let value = self[key] else { throw yaml.error(message ?? "\(what) needs '\(key)'", at: node) }
        return value
    }

    /// The text of `key`, or nil when it is missing.
    package func string(_ key: String) throws(SiteError) -> String? {
        try self[key].map { node throws(SiteError) in try yaml.string(node, key) }
    }

    /// The text of `key`, which must be there.
    package func requiredString(_ key: String) throws(SiteError) -> String {
        try yaml.string(try required(key), key)
    }

    /// `true` or `false` at `key`, or nil when it is missing.
    package func bool(_ key: String) throws(SiteError) -> Bool? {
        try self[key].map { node throws(SiteError) in try yaml.bool(node, key) }
    }

    /// The list at `key`, or an empty one when it is missing.
    package func sequence(_ key: String) throws(SiteError) -> [Node] {
        try self[key].map { node throws(SiteError) in try yaml.sequence(node, key) } ?? []
    }

    /// Text per language at `key` (see `YAMLReader.localized`), or nil when it is missing.
    package func localized(_ key: String, _ what: String? = nil, languages: [String]) throws(SiteError) -> LocalizedText? {
        try self[key].map { node throws(SiteError) in try yaml.localized(node, what ?? key, languages: languages) }
    }

    /// Text per language at `key`, which must be there.
    package func requiredLocalized(_ key: String, _ what: String? = nil, languages: [String]) throws(SiteError) -> LocalizedText {
        try yaml.localized(try required(key), what ?? key, languages: languages)
    }
}
