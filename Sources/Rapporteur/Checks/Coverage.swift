import Markdown

/// The translation-coverage summary: for each chapter and table, how much each language has.
struct Coverage {
    let project: Project
    let index: [String: [String: ExpandedChapter]]

    func lines() -> [CoverageLine] {
        let languages = project.config.languages
        let fileNames = Set(languages.flatMap { index[$0.code]?.keys.map { $0 } ?? [] }).sorted()
        var lines = fileNames.map { fileName in
            CoverageLine(
                item: "chapter \(fileName)",
                counts: languages.map { language in
                    guard let chapter = index[language.code]?[fileName] else { return (language.code, 0, 0, 0) }
                    let text = chapter.outline.map(\.text).joined(separator: " ") + " " + Self.text(of: chapter.chapter.blocks)
                    return (language.code, chapter.outline.count, Self.words(in: text), 0)
                })
        }
        for table in project.tables {
            lines.append(
                CoverageLine(
                    item: "table \(table.name)",
                    counts: languages.map { language in
                        var cells = 0
                        var words = 0
                        for row in table.rows {
                            for value in row.values {
                                guard case .text(let text) = value, let string = text.text(in: language.code) else { continue }
                                cells += 1
                                words += Self.words(in: string)
                            }
                        }
                        return (language.code, 0, words, cells)
                    }))
        }
        return lines
    }

    /// Words, counting each Chinese character as one (as word counts of Chinese text do).
    static func words(in text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isIdeographic {
                count += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return count
    }

    /// The text of the paragraphs, in block quotes and lists too, a space between two (only its
    /// words are counted).
    private static func text(of blocks: [Markdown.Block]) -> String {
        var paragraphs: [String] = []
        Walker.walk(blocks) { event in
            switch event {
            case .enterBlock(.paragraph(let inlines, _)):
                paragraphs.append(inlines.plainText)
                return .skipChildren
            case .enterBlock(.heading): return .skipChildren
            default: return .visitChildren
            }
        }
        return paragraphs.joined(separator: " ")
    }
}
