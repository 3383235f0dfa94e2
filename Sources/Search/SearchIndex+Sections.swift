import Markdown
import Model
import Support

// MARK: - Sections

extension SearchIndex {
    /// Adds a chapter (its blocks, headings with their ids) as sections: the text before its
    /// first heading under the chapter's title, then one section per heading with an id. Tables
    /// and figures are left out (tables are found through their own pages).
    package mutating func add(_ chapter: Chapter, blocks: [Block], url: String) {
        var current = Section(chapter: chapter.title, heading: chapter.title, url: url, text: "")
        var text = SectionText()
        text.add(chapter.description)
        // A heading's or paragraph's text is read whole, not inline by inline.
        Walker.walk(blocks) { event in
            guard case .enterBlock(let block) = event else { return .visitChildren }
            switch block {
            case .heading(_, let content, let id?, _):
                finish(current, text)
                current = Section(chapter: chapter.title, heading: content.plainText.trimmed, url: url + "#" + id, text: "")
                text = SectionText()
                return .skipChildren
            case .heading(_, let content, nil, _), .paragraph(let content, _):
                text.add(content)
                return .skipChildren
            case .codeBlock(_, let literal, _): text.add(literal)
            case .blockQuote, .list, .htmlBlock, .thematicBreak, .generated: break
            }
            return .visitChildren
        }
        finish(current, text)
    }

    /// Adds a table page as one section: its caption, description, facts, cells and notes.
    package mutating func add(_ table: Table, label: String, url: String, language: Language, languages: [String]) {
        let code = language.code
        var text = SectionText()
        text.add(table.description?.text(in: code, fallback: languages) ?? "")
        for fact in table.facts {
            text.add(fact.label.text(in: code, fallback: languages))
            text.add(fact.display(in: language, fallback: languages))
        }
        for row in table.rows {
            for (value, column) in zip(row.values, table.columns) {
                text.add(table.display(value, column: column, in: language, fallback: languages) ?? "")
            }
        }
        for note in table.notes { text.add(note.text(in: code, fallback: languages)) }
        finish(Section(chapter: label, heading: table.caption.text(in: code, fallback: languages), url: url, text: "", kind: .table), text)
    }

    private mutating func finish(_ section: Section, _ text: SectionText) {
        var section = section
        section.utf8 = text.utf8
        sections.append(section)
    }
}
