import Markdown
import Model

/// Links the sections a table note cites to those sections. A citation quotes a numbered
/// heading in full, number and text, as reports cite themselves: 大會「(十三) 討論未來會議主辦事宜」,
/// the plenary, "(13) Discussion of the Hosting of Future Meetings". A quotation that is no
/// numbered heading's text stays plain text.
struct SectionCitations: Sendable, Equatable {
    /// The address of each numbered heading and chapter title, by its numbered text.
    private let addresses: [String: String]
    /// Quotation marks that open and close a citation.
    static let quotes: [(open: Character, close: Character)] = [("「", "」"), ("“", "”"), ("\"", "\"")]

    /// The citable sections of every language of `index`, by language code.
    static func byLanguage(_ index: [String: [String: ExpandedChapter]], urls: SiteURLs) -> [String: SectionCitations] {
        index.mapValues { chapters in SectionCitations(chapters.values.map { ($0.chapter, $0.outline) }, urls: urls) }
    }

    /// The citable sections of one language's chapters, each with its outline.
    init(_ chapters: [(chapter: Chapter, outline: [OutlineEntry])], urls: SiteURLs) {
        var addresses: [String: String] = [:]
        for (chapter, outline) in chapters {
            let page = urls.chapter(chapter.slug, chapter.language)
            // A numbered text that two sections share cites neither.
            func add(_ text: String, _ address: String) { addresses[text] = addresses[text] == nil ? address : "" }
            if chapter.titleNumber != nil { add(chapter.numberedTitle, page) }
            for entry in outline where entry.number != nil { add(entry.numberedText, page + "#" + entry.id) }
        }
        self.addresses = addresses.filter { !$0.value.isEmpty }
    }

    /// The numbered texts that cite another section, or none, in `other` than here.
    func changes(from other: SectionCitations) -> Set<String> {
        Set(addresses.keys).union(other.addresses.keys).filter { addresses[$0] != other.addresses[$0] }
    }

    /// `text` as HTML, escaped, with each citation of a section linked to it.
    func html(_ text: String) -> String {
        var html = ""
        var rest = text[...]
        while let (open, close, quoted) = nextCitation(in: rest) {
            HTML.escape(String(rest[..<open]), into: &html)
            HTML.escape(String(rest[open]), into: &html)
            html += "<a href=\""
            HTML.escape(addresses[String(quoted)] ?? "", into: &html)
            html += "\">"
            HTML.escape(String(quoted), into: &html)
            html += "</a>"
            HTML.escape(String(rest[close]), into: &html)
            rest = rest[rest.index(after: close)...]
        }
        HTML.escape(String(rest), into: &html)
        return html
    }

    /// The first quotation in `text` that is a citation: its marks' positions and what they quote.
    private func nextCitation(in text: Substring) -> (String.Index, String.Index, Substring)? {
        var best: (String.Index, String.Index, Substring)?
        for (openMark, closeMark) in Self.quotes {
            var searchFrom = text.startIndex
            while let open = text[searchFrom...].firstIndex(of: openMark) {
                let inside = text.index(after: open)
                guard let close = text[inside...].firstIndex(of: closeMark) else { break }
                if addresses[String(text[inside..<close])] != nil {
                    if best.map({ open < $0.0 }) ?? true { best = (open, close, text[inside..<close]) }
                    break
                }
                searchFrom = openMark == closeMark ? text.index(after: close) : inside
            }
        }
        return best
    }
}
