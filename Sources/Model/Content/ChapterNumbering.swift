import Support
import Yams

/// Where a chapter sits in the report's numbered outline, from its front matter, so that its
/// headings carry the report's own section numbers. A web chapter need not be one section of the
/// original: `number: 2.4.5` makes the chapter section 2.4.5 (its `##` headings 2.4.5.1, 2.4.5.2…);
/// `firstSection: 2.4.6` leaves the title unnumbered and makes its first `##` 2.4.6, the next
/// ones 2.4.7… A 0 is a level without a number (`firstSection: 0.1`: a summary sheet numbered
/// from its own 一、). The path is the same in every language; each writes it its own way.
public struct ChapterNumbering: Hashable, Sendable {
    /// The number path of the title, or nil when the title is not numbered.
    public var title: [Int]?
    /// The path of the first `##` heading.
    public var firstSection: [Int]

    public init(title: [Int]?, firstSection: [Int]) {
        self.title = title
        self.firstSection = firstSection
    }

    /// Reads `number` or `firstSection` (at most one of them) of a chapter's front matter.
    package static func load(_ fields: YAMLMapping, yaml: YAMLReader) throws(SiteError) -> ChapterNumbering? {
        switch (fields["number"], fields["firstSection"]) {
        case (nil, nil):
            return nil
        case (let number?, nil):
            let path = try parsePath(number, key: "number", yaml: yaml)
            return ChapterNumbering(title: path, firstSection: path + [1])
        case (nil, let first?):
            return ChapterNumbering(title: nil, firstSection: try parsePath(first, key: "firstSection", yaml: yaml))
        case (_, let first?):
            throw yaml.error("give 'number' (the chapter is a numbered section) or 'firstSection' (its first ## is), not both", at: first)
        }
    }

    private static func parsePath(_ node: Node, key: String, yaml: YAMLReader) throws(SiteError) -> [Int] {
        let text = try yaml.string(node, key)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let path = parts.compactMap { part in part.allSatisfy { $0.isASCII && $0.isNumber } ? Int(part) : nil }
        guard !parts.isEmpty, path.count == parts.count, path.allSatisfy({ (0...9999).contains($0) }), path.last != 0 else {
            throw yaml.error(
                "\(key) is a section number such as 2.4.5 (numbers from 1, 0 for a level without one), got '\(text)'", at: node)
        }
        return path
    }
}
