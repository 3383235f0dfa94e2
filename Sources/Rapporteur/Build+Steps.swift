import Foundation
import Markdown
import Model
import Support

extension Build {
    static let robotsFile = "robots.txt"
    static let sitemapFile = "sitemap.xml"

    /// The paths of the files a run writes besides its HTML pages.
    func filesBesidePages() -> [String] {
        [Self.robotsFile, Self.sitemapFile] + project.assets.map { urls.outputFile(of: urls.asset($0)) }
            + project.figureImages.paths.map { urls.outputFile(of: urls.figure($0)) }
            + project.tables.flatMap { table in ["json", "csv"].map { urls.outputFile(of: urls.data(table.name, $0)) } }
            + config.languages.map { urls.outputFile(of: urls.searchIndex($0)) }
    }

    /// Gives headings their ids (default language first, so translations can take its ids) and
    /// renders table and figure blocks. Returns the chapters per language code and file name.
    func outlineAndExpand(log: inout DiagnosticLog) -> [String: [String: ExpandedChapter]] {
        let pipeline = ChapterPipeline(project: project, urls: urls)
        var index: [String: [String: ExpandedChapter]] = [:]
        for language in config.languages {
            let originals = index[config.defaultLanguage.code] ?? [:]
            // Chapters of one language are independent: expanded on all cores, logged in order.
            let expanded = (project.chapters[language.code] ?? []).parallelMap { chapter in
                var chapterLog = DiagnosticLog()
                let result = expand(chapter, original: originals[chapter.fileName], pipeline: pipeline, log: &chapterLog)
                return (result, chapterLog.diagnostics)
            }
            for (_, diagnostics) in expanded { log.append(contentsOf: diagnostics) }
            index[language.code] = Dictionary(uniqueKeysWithValues: expanded.map { ($0.0.chapter.fileName, $0.0) })
        }
        return index
    }

    /// One chapter with heading ids, tables and figures; a translation takes the ids of its
    /// `original` (the default language's chapter with its file name).
    func expand(_ chapter: Chapter, original: ExpandedChapter?, pipeline: ChapterPipeline, log: inout DiagnosticLog) -> ExpandedChapter {
        if !config.allowsRawHTML {
            for position in chapter.rawHTML {
                log.warning(
                    "raw HTML is left out of the page (shown as <!-- raw HTML omitted -->); write Markdown, or set allowRawHTML: true in site.yaml",
                    at: chapter.location(position))
            }
        }
        let isOriginal = chapter.language.code == config.defaultLanguage.code
        let outlined = Outliner(chapter: chapter, counterpartIDs: isOriginal ? nil : original?.outline.map(\.id)).run(log: &log)
        return pipeline.expand(chapter, outlined: outlined, log: &log)
    }

    /// A chapter without its translation is a warning; so is a translation of nothing, and table
    /// text given in one language only (the integrity check reports that itself when it runs).
    func checkTranslations(_ index: [String: [String: ExpandedChapter]], log: inout DiagnosticLog) {
        let defaultLanguage = config.defaultLanguage
        for chapter in project.chapters[defaultLanguage.code] ?? [] {
            for language in config.languages.dropFirst() where index[language.code]?[chapter.fileName] == nil {
                log.warning(
                    "no \(language.code) translation yet (content/\(language.code)/\(chapter.fileName))",
                    at: SourceLocation(file: chapter.file, line: 1, column: 1))
            }
        }
        for language in config.languages.dropFirst() {
            for chapter in project.chapters[language.code] ?? [] where index[defaultLanguage.code]?[chapter.fileName] == nil {
                log.warning(
                    "no \(defaultLanguage.code) original with this file name", at: SourceLocation(file: chapter.file, line: 1, column: 1))
            }
        }
        guard integrity == .off else { return }
        for table in project.tables {
            for row in table.rows {
                for case (let column, .text(let text)) in zip(table.columns, row.values) {
                    let missing = text.missing(in: config.languageCodes)
                    if !missing.isEmpty {
                        log.warning("'\(column.id)' has no \(missing.joined(separator: ", ")) text", at: row.location)
                    }
                }
            }
        }
    }

    /// Every row's `source` names a chapter and heading that exist.
    func checkTableSources(_ index: [String: [String: ExpandedChapter]], log: inout DiagnosticLog) {
        let chapters = Dictionary((index[config.defaultLanguage.code] ?? [:]).values.map { ($0.chapter.slug, $0) }) { first, _ in first }
        for table in project.tables {
            for source in table.rows.compactMap(\.source) {
                guard let chapter = chapters[source.slug] else {
                    log.error("source: no chapter has the slug '\(source.slug)'", at: source.location)
                    continue
                }
                if let anchor = source.anchor, !chapter.anchors.contains(anchor) {
                    log.error("source: missing anchor '#\(anchor)' in \(chapter.chapter.file)", at: source.location)
                }
            }
        }
    }

    /// The theme's static files, read when the theme was loaded.
    func copyAssets() -> [OutputFile] {
        project.assets.compactMap { path in
            project.theme.files["assets/" + path].map { OutputFile(path: urls.outputFile(of: urls.asset(path)), data: $0.data) }
        }
    }

    /// The files of `content/figures/`, as they are.
    func figureFiles(log: inout DiagnosticLog) -> [OutputFile] {
        project.figureImages.paths.compactMap { path in
            let file = FigureImages.folder + "/" + path
            guard let data = FileManager.default.contents(atPath: project.root.appendingPathComponent(file).path) else {
                log.error("cannot read the file", at: SourceLocation(file: file))
                return nil
            }
            return OutputFile(path: urls.outputFile(of: urls.figure(path)), data: data)
        }
    }

    /// Each table as JSON and CSV.
    func dataFiles() -> [OutputFile] {
        project.tables.flatMap { table in
            [
                OutputFile(path: urls.outputFile(of: urls.data(table.name, "json")), text: table.json(languages: config.languageCodes)),
                OutputFile(path: urls.outputFile(of: urls.data(table.name, "csv")), data: table.csv(languages: config.languageCodes)),
            ]
        }
    }

    /// Two sources that map to one output file (`A.md` and `a.md`) would overwrite each other.
    func checkDuplicatePaths(_ paths: [String], log: inout DiagnosticLog) {
        var seen: Set<String> = []
        for path in paths where !seen.insert(path.lowercased()).inserted {
            log.error("two sources make the same output file '\(path)'", at: SourceLocation(file: "public/" + path))
        }
    }
}
