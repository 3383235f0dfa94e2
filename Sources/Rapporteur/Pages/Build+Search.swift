import Search
import Support

extension Build {
    /// The search files of each language (see `SearchFiles`): over its chapters (section by
    /// section) and its table pages, in `<lang>/search/`.
    func searchIndexFiles(_ index: [String: [String: ExpandedChapter]]) -> [OutputFile] {
        config.languages.parallelMap { language in
            var search = SearchIndex(language: language.code)
            var chapters: [(title: String, url: String)] = []
            for chapter in project.chapters[language.code] ?? [] {
                guard let expanded = index[language.code]?[chapter.fileName] else { continue }
                let url = urls.chapter(chapter.slug, language)
                search.add(chapter, blocks: expanded.blocks, url: url)
                chapters.append((chapter.title, url))
            }
            let tablesLabel = project.templates.strings[language.code]?["tables"] ?? ""
            for table in project.tables {
                search.add(
                    table, label: tablesLabel, url: urls.table(table.name, language), language: language, languages: config.languageCodes)
            }
            let glossary = project.report.glossary(in: language.code, fallback: config.languageCodes)
            let help = SearchHelp(
                chapters: chapters, glossary: glossary.map { ($0.terms, $0.expansion) },
                glossaryURL: glossary.isEmpty ? "" : urls.table(config.glossary.table, language))
            let files = SearchFiles(index: search, synonyms: project.searchSynonyms.groups[language.code] ?? [], help: help)
            return ([files.manifest] + files.files).map {
                OutputFile(path: urls.outputFile(of: urls.searchFile($0.name, language)), data: $0.data)
            }
        }.flatMap { $0 }
    }
}
