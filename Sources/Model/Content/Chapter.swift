import Foundation
import Markdown
import Support

/// A chapter as read from `content/<lang>/NN-slug.md`, before links and ids are resolved.
public struct Chapter: Sendable {
    /// The path printed in messages (`content/zh-Hant/04-plenary.md`).
    public var file: String
    /// The file name, which pairs a chapter with its translation (`04-plenary.md`).
    public var fileName: String
    public var language: Language
    /// The `NN` of the file name, which orders the chapters.
    public var order: Int
    public var slug: String
    public var title: String
    public var description: String
    public var isDraft: Bool
    /// Where the chapter sits in the report's numbered outline; nil when it is not numbered.
    public var numbering: ChapterNumbering?
    public var blocks: [Block]
    /// Where the body has raw HTML, which is left out of the page unless the site allows it.
    public var rawHTML: [SourcePosition]
    /// The line of the file where the Markdown body starts, minus one.
    public var bodyLineOffset: Int

    /// The title's section number in the language's scheme (`(五)`); nil when it has none.
    public var titleNumber: String? {
        let path = numbering?.title ?? []
        return path.last.flatMap { language.numbering.label($0, level: path.count) }
    }

    /// The title with its section number (`(五) 各經濟體國情報告`), as lists of chapters show it.
    public var numberedTitle: String { NumberingScheme.titled(titleNumber, title) }

    /// The location in the file of a position in the body.
    package func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line + bodyLineOffset, column: position.column)
    }
}

// MARK: - Loading

extension Chapter {
    /// The file of a language's summary, the report at a glance on its home page (as Hugo's
    /// `_index.md` holds a list page's content).
    package static let summaryFileName = "_index.md"

    /// Whether this is the summary for the home page rather than a chapter with a page.
    package var isSummary: Bool { fileName == Self.summaryFileName }

    /// The order and slug of a chapter's file name (`04-plenary.md`: 4 and `plenary`); the
    /// summary's are 0 and `index`, which no page uses.
    private static func orderAndSlug(of fileName: String, file: String) throws(SiteError) -> (order: Int, slug: String) {
        if fileName == summaryFileName { return (0, "index") }
        let parts = fileName.dropLast(".md".count).split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].count >= 2, let order = Int(parts[0]), parts[0].allSatisfy(\.isNumber) else {
            throw SiteError("a chapter's file name must be NN-slug.md, got '\(fileName)'", at: SourceLocation(file: file))
        }
        return (order, String(parts[1]))
    }

    /// Reads a chapter: front matter, then the body parsed by cmark.
    package static func load(text: String, file: String, fileName: String, language: Language) throws(SiteError) -> Chapter {
        let name = try orderAndSlug(of: fileName, file: file)
        var slug = name.slug
        let frontMatter = try FrontMatter.split(text, file: file)
        let yaml = YAMLReader(file: file, lineOffset: 1)
        let fields = try YAMLMapping(
            try yaml.parse(frontMatter.yaml), "front matter", allowed: ["title", "description", "slug", "draft", "number", "firstSection"],
            yaml: yaml)
        guard let titleNode = fields["title"] else {
            throw SiteError("missing title: the front matter needs 'title'", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let title = try yaml.string(titleNode, "title")
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw yaml.error("missing title: 'title' is empty", at: titleNode)
        }
        if let given = try fields.string("slug") { slug = given }
        guard Slug.isValid(slug) else {
            throw SiteError(
                "slug '\(slug)' must be ASCII a-z 0-9 - (no '/', '.' or spaces)",
                at: fields["slug"].map(yaml.location(of:)) ?? SourceLocation(file: file, line: 1, column: 1))
        }
        let document: Document
        do throws(MarkdownLimit) {
            document = try CommonMark.parse(frontMatter.body)
        } catch {
            let at = error.position
            throw SiteError(
                error.explanation, at: SourceLocation(file: file, line: at.line + frontMatter.bodyLineOffset, column: at.column))
        }
        return Chapter(
            file: file, fileName: fileName, language: language, order: name.order, slug: slug, title: title,
            description: try fields.string("description") ?? "", isDraft: try fields.bool("draft") ?? false,
            numbering: try ChapterNumbering.load(fields, yaml: yaml),
            blocks: document.blocks, rawHTML: document.rawHTML, bodyLineOffset: frontMatter.bodyLineOffset)
    }
}

/// The YAML between the `---` lines at the top of a chapter, and the body after it.
package struct FrontMatter {
    package var yaml: String
    package var body: String
    package var bodyLineOffset: Int

    package static func split(_ text: String, file: String) throws(SiteError) -> FrontMatter {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var lineStart = text.startIndex
        var lineNumber = 0
        var yamlStart = text.startIndex
        // Scans line by line on the UTF-8 view, so a long body is not split and joined again.
        while lineStart < text.endIndex {
            let lineEnd = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            let isFence = Self.isFence(text[lineStart..<lineEnd])
            lineNumber += 1
            if lineNumber == 1 {
                guard isFence else {
                    throw SiteError("missing front matter: a chapter starts with a '---' line, then 'title: ...'", at: start)
                }
                yamlStart = next
            } else if isFence {
                return FrontMatter(yaml: String(text[yamlStart..<lineStart]), body: String(text[next...]), bodyLineOffset: lineNumber)
            }
            lineStart = next
        }
        if lineNumber == 0 {
            throw SiteError("missing front matter: a chapter starts with a '---' line, then 'title: ...'", at: start)
        }
        throw SiteError("front matter is not closed: add a '---' line after it", at: start)
    }

    /// Whether `line` is `---`, with any white space around it.
    package static func isFence(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespacesAndNewlines) == "---"
    }
}
