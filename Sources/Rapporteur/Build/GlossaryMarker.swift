import Foundation
import Markdown

/// Marks up the acronyms of the glossary table (`content/tables/glossary.yaml`, columns `acronym`
/// and `expansion`) as `<abbr title>` on their first use in a chapter, in the chapter's language.
///
/// Works on the Markdown tree: only text inlines are marked, never the text of links, images,
/// code or headings, and never program-generated blocks (tables, figures). An acronym matches
/// whole: it is not preceded or followed by an ASCII letter or digit, so `TEL` is not found in
/// `TEL53`; at one place the longest acronym wins, so `MRA-ETR` is not read as `MRA`.
/// A cell such as `4K, 8K` names several acronyms with one expansion.
struct GlossaryMarker {
    /// An acronym and its expansion in the marker's language.
    struct Term {
        var acronym: String
        var expansion: String
    }

    /// The acronyms by their first word (letters and digits), longest first.
    private let termsByFirstWord: [String: [Term]]

    init(terms: [Term]) {
        var byWord: [String: [Term]] = [:]
        for term in terms where !term.acronym.isEmpty && !term.expansion.isEmpty {
            byWord[Self.firstWord(of: term.acronym.utf8), default: []].append(term)
        }
        termsByFirstWord = byWord.mapValues { $0.sorted { $0.acronym.utf8.count > $1.acronym.utf8.count } }
    }

    /// The glossary of `project` in `language`; empty when there is no glossary table or it
    /// lacks the `acronym` or `expansion` column.
    init(project: Project, language: Language) {
        guard let table = project.table(named: "glossary"),
            let acronymColumn = table.columns.firstIndex(where: { $0.id == "acronym" }),
            let expansionColumn = table.columns.firstIndex(where: { $0.id == "expansion" })
        else {
            self.init(terms: [])
            return
        }
        let languages = project.config.languageCodes
        let terms = table.rows.flatMap { row -> [Term] in
            guard case .text(let acronyms) = row.values[acronymColumn], case .text(let expansion) = row.values[expansionColumn] else {
                return []
            }
            let title = expansion.text(in: language.code, fallback: languages)
            return acronyms.text(in: language.code, fallback: languages)
                .split(separator: ",")
                .map { Term(acronym: $0.trimmingCharacters(in: .whitespaces), expansion: title) }
        }
        self.init(terms: terms)
    }

    /// `blocks` with the first use of each acronym marked.
    func mark(_ blocks: [Block]) -> [Block] {
        guard !termsByFirstWord.isEmpty else { return blocks }
        var used: Set<String> = []
        return blocks.map { mark($0, used: &used) }
    }
}

// MARK: - Walking the tree

private extension GlossaryMarker {
    func mark(_ block: Block, used: inout Set<String>) -> Block {
        switch block {
        case .paragraph(let inlines, let position):
            return .paragraph(mark(inlines, used: &used), position)
        case .blockQuote(let children):
            return .blockQuote(children.map { mark($0, used: &used) })
        case .list(let style, let items):
            return .list(style, items: items.map { $0.map { mark($0, used: &used) } })
        case .heading, .codeBlock, .htmlBlock, .thematicBreak, .generated:
            return block
        }
    }

    func mark(_ inlines: [Inline], used: inout Set<String>) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            switch inline {
            case .text(let text): return mark(text, used: &used)
            case .emphasis(let children): return [.emphasis(mark(children, used: &used))]
            case .strong(let children): return [.strong(mark(children, used: &used))]
            case .softBreak, .lineBreak, .code, .html, .link, .image, .abbreviation: return [inline]
            }
        }
    }

    /// Splits one text inline around the acronyms used for the first time.
    func mark(_ text: String, used: inout Set<String>) -> [Inline] {
        let bytes = Array(text.utf8)
        var result: [Inline] = []
        var plainStart = 0
        var position = 0
        while position < bytes.count {
            guard Self.isWordByte(bytes[position]), position == 0 || !Self.isWordByte(bytes[position - 1]) else {
                position += 1
                continue
            }
            let word = Self.firstWord(of: bytes[position...])
            guard let term = termsByFirstWord[word]?.first(where: { matches($0.acronym, in: bytes, at: position) }) else {
                position += word.utf8.count
                continue
            }
            let end = position + term.acronym.utf8.count
            if used.insert(term.acronym).inserted {
                if plainStart < position { result.append(.text(String(decoding: bytes[plainStart..<position], as: UTF8.self))) }
                result.append(.abbreviation(term.acronym, title: term.expansion))
                plainStart = end
            }
            position = end
        }
        if result.isEmpty { return [.text(text)] }
        if plainStart < bytes.count { result.append(.text(String(decoding: bytes[plainStart...], as: UTF8.self))) }
        return result
    }

    /// Whether `acronym` is at `position` and ends at a word boundary.
    func matches(_ acronym: String, in bytes: [UInt8], at position: Int) -> Bool {
        let pattern = Array(acronym.utf8)
        let end = position + pattern.count
        guard end <= bytes.count, bytes[position..<end].elementsEqual(pattern) else { return false }
        return end == bytes.count || !Self.isWordByte(bytes[end])
    }

    /// An ASCII letter or digit: acronyms are ASCII, so UTF-8 bytes of other characters never match.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func firstWord(of bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix { isWordByte($0) }, as: UTF8.self)
    }
}
