import Foundation
import Model
import Support

/// Words that mean the same to a reader, per language, from `content/search-synonyms.yaml`:
///
/// ```yaml
/// en:
///   - [Viet Nam, Vietnam]
///   - [Chinese Taipei, Taiwan]
/// zh-Hant:
///   - [越南, Viet Nam]
/// ```
///
/// A query holding one of a group's entries also finds the sections that hold another
/// (`assets/search.js` applies them, folding them as it folds queries; the manifest lists them).
package struct SearchSynonyms: Sendable, Equatable {
    package static let file = "content/search-synonyms.yaml"

    /// The groups of each language code, as written.
    package var groups: [String: [[String]]] = [:]

    package init(groups: [String: [[String]]] = [:]) {
        self.groups = groups
    }

    /// Reads the synonyms of the project at `root`; no file means none.
    package static func load(root: URL, languages: [String]) throws(SiteError) -> SearchSynonyms {
        let url = root.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return SearchSynonyms() }
        return try parse(try SourceFile.read(url, as: file), languages: languages)
    }

    package static func parse(_ text: String, languages: [String]) throws(SiteError) -> SearchSynonyms {
        let yaml = YAMLReader(file: file)
        let root = try yaml.parse(text)
        var synonyms = SearchSynonyms()
        if yaml.isNull(root) { return synonyms }
        let pairs = try yaml.mapping(root, "the search synonyms")
        try yaml.refuseUnknownKeys(pairs, allowed: languages, in: "the search synonyms (a site language code)")
        for (language, value, _) in pairs {
            for groupNode in try yaml.sequence(value, "the synonyms of \(language)") {
                let group = try yaml.sequence(groupNode, "a group of synonyms").map { node throws(SiteError) in
                    try yaml.string(node, "a synonym").trimmed
                }
                guard group.count >= 2, !group.contains(where: \.isEmpty) else {
                    throw yaml.error("a group of synonyms needs two or more words, none empty", at: groupNode)
                }
                synonyms.groups[language, default: []].append(group)
            }
        }
        return synonyms
    }
}
