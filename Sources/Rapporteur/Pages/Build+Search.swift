import Search
import Support

extension Build {
    /// One search index per language, over its chapters (section by section) and its table pages.
    func searchIndexFiles(_ index: [String: [String: ExpandedChapter]]) -> [OutputFile] {
        config.languages.parallelMap { language in
            var search = SearchIndex(language: language.code)
            for chapter in project.chapters[language.code] ?? [] {
                guard let expanded = index[language.code]?[chapter.fileName] else { continue }
                search.add(chapter, blocks: expanded.blocks, url: urls.chapter(chapter.slug, language))
            }
            let tablesLabel = project.templates.strings[language.code]?["tables"] ?? ""
            for table in project.tables {
                search.add(
                    table, label: tablesLabel, url: urls.table(table.name, language), language: language, languages: config.languageCodes)
            }
            return OutputFile(path: urls.outputFile(of: urls.searchIndex(language)), data: search.json())
        }
    }
}
