import Model
import Search
import Support

extension Build {
    /// How many chapters (in a library, newest reports) a search that finds nothing lists. A
    /// longer report's list ends with a link to all its chapters, so the list stays a few KB.
    static let entriesInSearchHelp = 20

    /// The search files of each language (see `SearchFiles`): over the chapters (section by
    /// section) and table pages of `reports` (this build's own, or every report of a library), in
    /// `<lang>/search/`.
    func searchIndexFiles(_ reports: [(build: Build, index: [String: [String: ExpandedChapter]])]) -> [OutputFile] {
        config.languages.parallelMap { language in
            var search = SearchIndex(language: language.code)
            var chapters: [(title: String, url: String)] = []
            var glossary: [(terms: String, expansion: String)] = []
            var glossaryURL = ""
            var filters: [SearchReports.Report] = []
            for (build, index) in reports where build.config.languages.contains(language) {
                let project = build.project
                let urls = build.urls
                let first = search.sections.count
                for chapter in project.chapters[language.code] ?? [] {
                    guard let expanded = index[language.code]?[chapter.fileName] else { continue }
                    let url = urls.chapter(chapter.slug, language)
                    search.add(chapter, blocks: expanded.blocks, url: url)
                    if urls.report == nil { chapters.append((chapter.title, url)) }
                }
                let tablesLabel = project.templates.strings[language.code]?["tables"] ?? ""
                for table in project.tables {
                    search.add(
                        table, label: tablesLabel, url: urls.table(table.name, language), language: language,
                        languages: build.config.languageCodes)
                }
                if let report = urls.report {
                    let title = build.config.title.text(in: language.code, fallback: build.config.languageCodes)
                    // A search that finds nothing in a library lists the newest reports.
                    if chapters.count < Self.entriesInSearchHelp { chapters.append((title, urls.home(language))) }
                    let label = resultLabel(report, title: title, in: language)
                    for section in first..<search.sections.count {
                        search.sections[section].report = report
                        search.sections[section].reportLabel = label
                    }
                    if let filter = searchFilter(report, title: title, sections: first..<search.sections.count, in: language) {
                        filters.append(filter)
                    }
                }
                if glossary.isEmpty {
                    glossary = project.report.glossary(in: language.code, fallback: build.config.languageCodes)
                    glossaryURL = glossary.isEmpty ? "" : urls.table(config.glossary.table, language)
                }
            }
            if chapters.count > Self.entriesInSearchHelp {
                let all = project.templates.strings[language.code]?["allChapters"] ?? ""
                chapters = chapters.prefix(Self.entriesInSearchHelp) + [(all, urls.home(language) + "#chapters")]
            }
            let help = SearchHelp(chapters: chapters, glossary: glossary.map { ($0.terms, $0.expansion) }, glossaryURL: glossaryURL)
            let files = SearchFiles(
                index: search, synonyms: project.searchSynonyms.groups[language.code] ?? [], help: help,
                reports: library == nil ? nil : SearchReports(reports: filters))
            return ([files.manifest] + files.files).map {
                OutputFile(path: urls.outputFile(of: urls.searchFile($0.name, language)), data: $0.data)
            }
        }.flatMap { $0 }
    }

    /// What the search's filters offer of a library's report whose sections are `sections`.
    private func searchFilter(_ id: String, title: String, sections: Range<Int>, in language: Language) -> SearchReports.Report? {
        guard let library = library?.library, let entry = library.report(id) else { return nil }
        let series = entry.settings.meeting.series
        return (
            id: id, title: title, series: series,
            seriesName: library.series(series)?.name.text(in: language.code, fallback: config.languageCodes) ?? series,
            year: entry.settings.year, sections: sections
        )
    }

    /// What a library's search result says of its report: "TITLE · APEC TEL 54 · 2016".
    private func resultLabel(_ id: String, title: String, in language: Language) -> String {
        guard let context = library, let entry = context.library.report(id) else { return title }
        let meeting = entry.settings.meeting
        let name = context.meeting(MeetingReference(series: meeting.series, number: meeting.number), in: language).name
        return [title, name, String(entry.settings.year)].joined(separator: " · ")
    }
}
