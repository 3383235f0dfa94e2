import Foundation
import Markdown
import Model
import Support

/// The part of a chapter under one heading (up to the next heading of any level), or before the
/// first heading: its text, line by line, and its links, tables and figures in order.
package struct ChapterSection: Sendable {
    /// The heading id; `top` for the text before the first heading, `front_matter` for the
    /// title and description.
    package var id: String
    package var location: SourceLocation
    package var lines: [TextLine] = []
    package var items: [StructureItem] = []
    /// The words of `lines`, where the names of the other language are looked up; set by `indexed()`.
    package var keys = NameScanner.Keys("")

    package static let topID = "top"
    /// The title and description (heading ids cannot contain `_`, so it names no heading).
    package static let frontMatterID = "front_matter"

    /// The section with its words indexed once, for all the names looked up in it.
    package func indexed() -> ChapterSection {
        var section = self
        section.keys = NameScanner.Keys(lines.map(\.text).joined(separator: "\n"))
        return section
    }
}

/// One source line of text, as a reader sees it (markup removed), with its numbers and dates.
package struct TextLine: Sendable {
    package let text: String
    package let location: SourceLocation
    /// Scanned once: each line is compared in both directions.
    package let facts: [ScannedFact]
    package let embeddedNumbers: Set<Decimal>

    package init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
        self.facts = FactScanner.facts(in: text)
        self.embeddedNumbers = FactScanner.embeddedNumbers(in: text)
    }

    /// The location of the character `offset` characters into the line.
    package func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: location.file, line: location.line, column: (location.column ?? 1) + offset)
    }
}

/// Something both languages must have in the same order: a link target, a table block, a figure.
package struct StructureItem: Sendable {
    package enum Kind: String, Sendable {
        case link, image, table, figure
    }

    package var kind: Kind
    /// The link target, the table's name or the figure's number.
    package var target: String
    package var location: SourceLocation

    /// `link 05-economy-reports.md#japan`, `table funding`, `figure 3`.
    package var value: String { "\(kind.rawValue) \(target)" }
}

// MARK: - Splitting a chapter

extension ChapterSection {
    /// Splits `chapter` at its `##`-`####` headings, which get the ids of `outline` in order.
    package static func split(_ chapter: Chapter, outline: [OutlineEntry]) -> [ChapterSection] {
        var splitter = Splitter(chapter: chapter, ids: outline.map(\.id))
        Walker.walk(chapter.blocks) { event in
            guard case .enterBlock(let block) = event else { return .visitChildren }
            splitter.add(block)
            // A paragraph's or heading's text is read whole by `add`.
            switch block {
            case .paragraph, .heading: return .skipChildren
            default: return .visitChildren
            }
        }
        return splitter.sections.map { $0.indexed() }
    }
}

private struct Splitter {
    package let chapter: Chapter
    package let ids: [String]
    package var sections: [ChapterSection]
    package var headingIndex = 0

    package init(chapter: Chapter, ids: [String]) {
        self.chapter = chapter
        self.ids = ids
        sections = [ChapterSection(id: ChapterSection.topID, location: SourceLocation(file: chapter.file, line: 1, column: 1))]
    }

    /// Adds a block the walk has reached; the blocks inside block quotes and lists are reached
    /// after them.
    package mutating func add(_ block: Block) {
        switch block {
        case .heading(let level, let content, _, let position):
            if (2...4).contains(level) {
                let id = headingIndex < ids.count ? ids[headingIndex] : Slug.make(from: content.plainText)
                headingIndex += 1
                sections.append(ChapterSection(id: id, location: chapter.location(position)))
            }
            addText(HeadingID.splitExplicitID(content).0, at: position)
        case .paragraph(let content, let position):
            addText(content, at: position)
        case .codeBlock(let info, let literal, let position):
            let words = Block.infoWords(info).map(String.init)
            let location = chapter.location(position)
            if words.first == "table", words.count == 2 {
                append(StructureItem(kind: .table, target: words[1], location: location))
            } else if words.first == "figure" {
                addFigure(literal, at: location)
            }
        case .blockQuote, .list, .htmlBlock, .thematicBreak, .generated:
            break
        }
    }

    /// A figure's number is structure; its caption, source and description are text, on their own lines.
    package mutating func addFigure(_ literal: String, at location: SourceLocation) {
        var discarded = DiagnosticLog()
        let parse = { () throws(SiteError) in try Figure.parse(literal, file: chapter.file, line: location.line ?? 1) }
        guard let figure = discarded.collect(parse) else { return }
        append(StructureItem(kind: .figure, target: String(figure.number), location: location))
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        for (key, text) in [("caption", figure.caption), ("source", figure.source), ("description", figure.description)] {
            guard let text, let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { continue }
            let column = key.count + 3
            sections[sections.count - 1].lines.append(
                TextLine(text: text, location: SourceLocation(file: chapter.file, line: (location.line ?? 1) + index + 1, column: column)))
        }
    }

    /// Text goes line by line; a link restarts the line at its own, exact, position.
    package mutating func addText(_ content: [Inline], at position: SourcePosition) {
        var line = Piece(text: "", location: chapter.location(position))
        Walker.walk(content) { event in
            guard case .enterInline(let inline) = event else { return .visitChildren }
            switch inline {
            case .text(let text), .code(let text), .abbreviation(let text, _, _), .span(let text, _):
                line.text += text
            case .softBreak, .lineBreak:
                let location = line.location
                flush(&line, next: SourceLocation(file: location.file, line: (location.line ?? 1) + 1, column: 1))
            case .html, .emphasis, .strong, .sectionNumber:
                break
            case .link(let destination, _, _, let position), .image(let destination, _, _, let position):
                // The link's text follows on the link's own line.
                let location = chapter.location(position)
                let kind: StructureItem.Kind = if case .link = inline { .link } else { .image }
                append(
                    StructureItem(
                        kind: kind, target: Self.languageNeutral(destination, language: chapter.language.code), location: location))
                flush(&line, next: location)
            }
            return .visitChildren
        }
        flush(&line, next: nil)
    }

    /// A link to another report's chapter in the chapter's own language (`../../tel54/en/01-x.md`)
    /// as both languages write it: with the language folder left out (`../../tel54/*/01-x.md`).
    static func languageNeutral(_ destination: String, language: String) -> String {
        let own = "/" + language + "/"
        guard destination.hasPrefix("../../"), let range = destination.range(of: own) else { return destination }
        let report = destination[destination.index(destination.startIndex, offsetBy: 6)..<range.lowerBound]
        guard !report.isEmpty, !report.contains("/") else { return destination }
        return destination.replacingCharacters(in: range, with: "/*/")
    }

    /// Text being gathered into a `TextLine`.
    package struct Piece {
        package var text: String
        package var location: SourceLocation
    }

    /// Ends the current piece of text and starts the next at `next` (the same line, further on, when nil).
    private mutating func flush(_ line: inout Piece, next: SourceLocation?) {
        if !line.text.trimmed.isEmpty { sections[sections.count - 1].lines.append(TextLine(text: line.text, location: line.location)) }
        let location = next ?? line.location
        line = Piece(text: "", location: location)
    }

    private mutating func append(_ item: StructureItem) {
        sections[sections.count - 1].items.append(item)
    }
}
