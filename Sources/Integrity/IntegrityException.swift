import Foundation
import Model
import Support

/// A difference between the languages that is correct, from `content/integrity-exceptions.yaml`:
///
/// ```yaml
/// - chapter: economy-reports      # a chapter's slug, or tables/NAME
///   section: australia            # a heading id (top: before the first heading), or a table's column
///   value: "1.6 億"               # as written, or as the warning normalises it (160000000)
///   reason: The original gives AUD 160 million as 1.6 億 in one place and 1.6 千萬 in another.
///   language: en                  # optional: only for this translation (a site with several)
/// ```
package struct IntegrityException: Sendable {
    package var chapter: String
    package var section: String
    package var value: String
    package var reason: String
    /// The translation it is for; nil for every translation.
    package var language: String?
    package var location: SourceLocation

    package static let fileName = "integrity-exceptions.yaml"
    package static let file = "content/" + fileName

    package func covers(_ finding: Finding) -> Bool {
        chapter == finding.scope && section == finding.section && (value == finding.value || value == finding.written)
            && (language == nil || language == finding.translation)
    }

    /// Reads the exceptions of the report whose sources are in `folder` under `root`; no file
    /// means no exceptions.
    package static func load(root: URL, folder: String = "content") throws(SiteError) -> [IntegrityException] {
        let file = folder + "/" + fileName
        let url = root.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try parse(try SourceFile.read(url, as: file), file: file)
    }

    package static func parse(_ text: String, file: String = file) throws(SiteError) -> [IntegrityException] {
        let yaml = YAMLReader(file: file)
        let root = try yaml.parse(text)
        if case .mapping(let mapping) = root, mapping.isEmpty { return [] }
        var exceptions: [IntegrityException] = []
        for entry in try yaml.sequence(root, "the exceptions file") {
            let keys = ["chapter", "section", "value", "reason"]
            let fields = try YAMLMapping(entry, "an exception", allowed: keys + ["language"], yaml: yaml)
            var values: [String: String] = [:]
            for key in keys {
                let node = try fields.required(key, else: "an exception needs \(keys.joined(separator: ", ")): '\(key)' is missing")
                let text = try yaml.string(node, key).trimmed
                guard !text.isEmpty else { throw yaml.error("an exception's '\(key)' is empty", at: node) }
                values[key] = text
            }
            exceptions.append(
                IntegrityException(
                    chapter: values["chapter"]!, section: values["section"]!, value: values["value"]!, reason: values["reason"]!,
                    language: try fields.string("language"), location: yaml.location(of: entry)))
        }
        return exceptions
    }
}
