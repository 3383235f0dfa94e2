import Markdown

extension Build {
    /// One search index per language, over its chapters (section by section) and its table pages.
    func searchIndexFiles(_ index: [String: [String: ExpandedChapter]]) -> [OutputFile] {
        config.languages.parallelMap { language in
            var search = SearchIndex(language: language.code)
            for chapter in project.chapters[language.code] ?? [] {
                guard let expanded = index[language.code]?[chapter.fileName] else { continue }
                search.add(expanded, url: urls.chapter(chapter.slug, language))
            }
            let tablesLabel = project.templates.strings[language.code]?["tables"] ?? ""
            for table in project.tables {
                search.add(
                    table, label: tablesLabel, url: urls.table(table.name, language), language: language, languages: config.languageCodes)
            }
            return OutputFile(path: urls.outputFile(of: urls.searchIndex(language)), text: search.json())
        }
    }
}

// MARK: - Sections

extension SearchIndex {
    /// Adds a chapter as sections: the text before its first heading under the chapter's title,
    /// then one section per heading with an id. Tables and figures are left out (tables are
    /// found through their own pages).
    mutating func add(_ expanded: ExpandedChapter, url: String) {
        let chapter = expanded.chapter
        var current = Section(chapter: chapter.title, heading: chapter.title, url: url, text: "")
        var parts = [chapter.description]
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(_, let content, let id?, _):
                    finish(current, parts)
                    current = Section(chapter: chapter.title, heading: content.plainText.trimmed, url: url + "#" + id, text: "")
                    parts = []
                case .heading(_, let content, nil, _), .paragraph(let content, _): parts.append(content.plainText)
                case .codeBlock(_, let literal, _): parts.append(literal)
                case .blockQuote(let children): walk(children)
                case .list(_, let items): items.forEach(walk)
                case .htmlBlock, .thematicBreak, .generated: break
                }
            }
        }
        walk(expanded.blocks)
        finish(current, parts)
    }

    /// Adds a table page as one section: its caption, description, facts, cells and notes.
    mutating func add(_ table: Table, label: String, url: String, language: Language, languages: [String]) {
        let code = language.code
        var parts = [table.description?.text(in: code, fallback: languages) ?? ""]
        for fact in table.facts {
            parts.append(fact.label.text(in: code, fallback: languages))
            parts.append(table.display(fact.value, currency: fact.currency, statuses: [], in: language, fallback: languages) ?? "")
        }
        for row in table.rows {
            for (value, column) in zip(row.values, table.columns) {
                parts.append(table.display(value, column: column, in: language, fallback: languages) ?? "")
            }
        }
        parts += table.notes.map { $0.text(in: code, fallback: languages) }
        finish(Section(chapter: label, heading: table.caption.text(in: code, fallback: languages), url: url, text: ""), parts)
    }

    private mutating func finish(_ section: Section, _ parts: [String]) {
        var section = section
        section.text = Self.collapsingWhitespace(parts.joined(separator: " "))
        sections.append(section)
    }

    /// Runs of white space as one space, without leading or trailing space.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                || (scalar.value > 0x7F && scalar.properties.isWhitespace)
            {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
