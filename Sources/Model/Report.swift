import Foundation
import Support

/// A report as read from its project folder: settings, tables and chapters, checked.
package struct Report: Sendable {
    package var config: SiteConfig
    /// Tables by name, sorted.
    package var tables: [Table]
    /// Chapters per language code, ordered by their `NN`; drafts left out.
    package let chapters: [String: [Chapter]]
    /// The report at a glance (`content/CODE/_index.md`) per language code, shown on its home.
    package let summaries: [String: Chapter]
    package var root: URL
    /// The folder of the report's sources under `root`: `content` for a one-report site,
    /// `content/reports/ID` for a report of a library.
    package var folder: String
    /// Chapters per language code and slug (slugs are unique within a language).
    private let chaptersBySlug: [String: [String: Chapter]]

    package init(
        config: SiteConfig, tables: [Table], chapters: [String: [Chapter]], summaries: [String: Chapter] = [:], root: URL,
        folder: String = Report.siteFolder
    ) {
        self.config = config
        self.folder = folder
        self.tables = tables
        self.chapters = chapters
        self.summaries = summaries
        self.root = root
        chaptersBySlug = chapters.mapValues { list in Dictionary(list.map { ($0.slug, $0) }) { first, _ in first } }
    }

    package func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// The report with `chapter` in place of the loaded chapter of the same language and file name.
    package func replacing(_ chapter: Chapter) -> Report {
        var chapters = chapters
        chapters[chapter.language.code] = chapters[chapter.language.code]?.map { $0.fileName == chapter.fileName ? chapter : $0 }
        return Report(config: config, tables: tables, chapters: chapters, summaries: summaries, root: root, folder: folder)
    }

    /// The folder of a one-report site's sources.
    package static let siteFolder = "content"

    /// The path of a file of the report's sources, as diagnostics name it (`content/tables`).
    package func path(_ relative: String) -> String { folder + "/" + relative }

    /// The chapter with `slug` in `language`, else in the default language.
    package func chapter(slug: String, language: Language) -> Chapter? {
        chaptersBySlug[language.code]?[slug] ?? chaptersBySlug[config.defaultLanguage.code]?[slug]
    }
}

// MARK: - Loading

extension Report {
    /// Reads the report of the project at `root`; all problems found are logged, and loading goes
    /// on past them so that one run reports as many as it can.
    package static func load(root: URL, baseURL: String?, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog) -> Report? {
        guard let config = SiteConfig.load(root: root, baseURL: baseURL, log: &log) else { return nil }
        return load(config: config, folder: siteFolder, root: root, parsing: parsing, log: &log)
    }

    /// Reads the tables and chapters under `folder` (a path under `root`) with `config`'s languages.
    package static func load(
        config: SiteConfig, folder: String, root: URL, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog,
        extraTables: [Table] = []
    ) -> Report {
        let content = root.appendingPathComponent(folder)
        var tables = loadTables(
            content.appendingPathComponent("tables"), folder: folder + "/tables", root: root,
            languages: config.languageCodes, log: &log)
        for extra in extraTables {
            if let own = tables.firstIndex(where: { $0.name == extra.name }) {
                // Rows hold their values by column position: they add up only over the same columns.
                guard tables[own].columns.map(\.id) == extra.columns.map(\.id), tables[own].columns.map(\.type) == extra.columns.map(\.type)
                else {
                    log.error(
                        "this table adds rows to \(extra.file), so it needs its columns (\(extra.columns.map(\.id).joined(separator: ", "))), in that order",
                        at: SourceLocation(file: tables[own].file))
                    continue
                }
                tables[own].rows = extra.rows + tables[own].rows
            } else {
                tables.append(extra)
            }
        }
        tables.sort { $0.name < $1.name }
        let loaded = loadChapters(content, folder: folder, root: root, languages: config.languages, parsing: parsing, log: &log)
        let chapters = loaded.mapValues { list in list.filter { !$0.isSummary } }
        let summaries = loaded.compactMapValues { list in list.first(where: \.isSummary) }
        let report = Report(config: config, tables: tables, chapters: chapters, summaries: summaries, root: root, folder: folder)
        report.checkGlossary(log: &log)
        return report
    }

    private static func loadTables(_ folder: URL, folder path: String, root: URL, languages: [String], log: inout DiagnosticLog)
        -> [Table]
    {
        let listing = FileTree.files(under: folder, within: root)
        listing.logRefusedLinks(in: path, log: &log)
        return listing.files.filter { !$0.contains("/") }.compactMap { fileName -> Table? in
            let file = path + "/" + fileName
            guard fileName.hasSuffix(".yaml") else {
                log.warning("ignored: tables are .yaml files", at: SourceLocation(file: file))
                return nil
            }
            let name = String(fileName.dropLast(".yaml".count))
            guard Slug.isValid(name) else {
                log.error("a table's file name must be ASCII a-z 0-9 - followed by .yaml", at: SourceLocation(file: file))
                return nil
            }
            return log.collect { () throws(SiteError) in
                try Table.load(
                    name: name, text: try SourceFile.read(folder.appendingPathComponent(fileName), as: file), file: file,
                    languages: languages)
            }
        }
    }

    /// Every language's chapters (`FOLDER/CODE/*.md`), ordered by their `NN`; drafts left out.
    private static func loadChapters(
        _ content: URL, folder: String, root: URL, languages: [Language], parsing: WorkTimer, log: inout DiagnosticLog
    ) -> [String: [Chapter]] {
        let files = languages.flatMap { language in
            let listing = FileTree.files(under: content.appendingPathComponent(language.code), within: root)
            listing.logRefusedLinks(in: folder + "/" + language.code, log: &log)
            return listing.files.map { (language: language, name: $0) }
        }
        // Reading and parsing are independent per file: every language's on all cores at once,
        // checked in language and file order.
        let loaded = files.parallelMap { file -> Result<Chapter, SiteError>? in
            let path = "\(folder)/\(file.language.code)/\(file.name)"
            guard file.name.hasSuffix(".md"), !file.name.contains(Character("/")) else { return nil }
            let url = content.appendingPathComponent(file.language.code).appendingPathComponent(file.name)
            return Result { () throws(SiteError) in
                let text = try SourceFile.read(url, as: path)
                return try parsing.measure { () throws(SiteError) in
                    try Chapter.load(text: text, file: path, fileName: file.name, language: file.language)
                }
            }
        }
        var chapters = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, [Chapter]()) })
        var slugs: [String: String] = [:]
        for (file, result) in zip(files, loaded) {
            let path = "\(folder)/\(file.language.code)/\(file.name)"
            switch result {
            case nil:
                log.warning("ignored: chapters are .md files directly in \(folder)/\(file.language.code)/", at: SourceLocation(file: path))
            case .failure(let error):
                log.append(contentsOf: error)
            case .success(let chapter):
                let key = file.language.code + "/" + chapter.slug
                if let other = slugs[key] {
                    log.error("duplicate slug '\(chapter.slug)': \(other) has it too", at: SourceLocation(file: path, line: 1, column: 1))
                    continue
                }
                slugs[key] = chapter.file
                if !chapter.isDraft { chapters[file.language.code, default: []].append(chapter) }
            }
        }
        return chapters.mapValues { $0.sorted { ($0.order, $0.fileName) < ($1.order, $1.fileName) } }
    }
}

// MARK: - Glossary

extension Report {
    /// The glossary's rows in `language` (else in the first of `fallback` that has them): the
    /// terms of a row (one cell may name several, `4K, 8K`) and their expansion. Empty when the
    /// site has no glossary.
    package func glossary(in language: String, fallback: [String] = []) -> [(terms: String, expansion: String)] {
        let role = config.glossary
        guard let table = table(named: role.table), let term = table.columns.firstIndex(where: { $0.id == role.term }),
            let expansion = table.columns.firstIndex(where: { $0.id == role.expansion })
        else { return [] }
        let read = { (text: LocalizedText) in fallback.isEmpty ? text.text(in: language) : text.text(in: language, fallback: fallback) }
        return table.rows.compactMap { row in
            guard case .text(let terms) = row.values[term], case .text(let text) = row.values[expansion],
                let names = read(terms), let full = read(text)
            else { return nil }
            return (names, full)
        }
    }

    /// The glossary `site.yaml` names must exist; a glossary table must have its two text columns.
    func checkGlossary(log: inout DiagnosticLog) {
        let role = config.glossary
        guard let table = table(named: role.table) else {
            if let location = role.location {
                log.error("glossary: there is no \(path("tables/\(role.table).yaml"))", at: location)
            }
            return
        }
        for column in [role.term, role.expansion] where !table.columns.contains(where: { $0.id == column && $0.type == .text }) {
            log.error(
                "the glossary needs a text column '\(column)' (or name its columns in site.yaml's glossary)",
                at: role.location ?? SourceLocation(file: table.file))
        }
    }
}
