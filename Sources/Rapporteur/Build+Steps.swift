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
            + config.languages.flatMap { language in ["bib", "json"].map { urls.outputFile(of: urls.citation(language, $0)) } }
            + config.languages.filter { pdfs[$0.code] != nil }.map { urls.outputFile(of: urls.pdf($0)) }
    }

    /// Gives headings their ids and numbers (default language first, so translations can take
    /// its ids), then renders table and figure blocks, whose notes may cite any chapter's
    /// sections. Returns the chapters per language code and file name.
    func outlineAndExpand(log: inout DiagnosticLog) -> [String: [String: ExpandedChapter]] {
        var outlined: [String: [OutlinedChapter]] = [:]
        for language in config.languagesOriginalFirst {
            let originals = Dictionary(
                uniqueKeysWithValues: (outlined[config.originalLanguage.code] ?? []).map { ($0.chapter.fileName, $0) })
            // Chapters of one language are independent: done on all cores, logged in order.
            outlined[language.code] = (project.chapters[language.code] ?? []).parallelMap { chapter in
                outline(chapter, original: originals[chapter.fileName].map { ($0.chapter, $0.outline) })
            }
        }
        let pipeline = ChapterPipeline(
            build: self,
            citations: outlined.mapValues { chapters in SectionCitations(chapters.map { ($0.chapter, $0.outline) }, urls: urls) })
        var index: [String: [String: ExpandedChapter]] = [:]
        for language in config.languages {
            let expanded = (outlined[language.code] ?? []).parallelMap(log: &log) { chapter, chapterLog in
                chapterLog.append(contentsOf: chapter.diagnostics)
                return pipeline.expand(chapter.chapter, outlined: (chapter.blocks, chapter.outline), log: &chapterLog)
            }
            index[language.code] = Dictionary(uniqueKeysWithValues: expanded.map { ($0.chapter.fileName, $0) })
        }
        return index
    }

    /// One chapter with heading ids, tables and figures; a translation takes the ids of its
    /// `original` (the default language's chapter with its file name).
    func expand(_ chapter: Chapter, original: ExpandedChapter?, pipeline: ChapterPipeline, log: inout DiagnosticLog) -> ExpandedChapter {
        let outlined = outline(chapter, original: original.map { ($0.chapter, $0.outline) })
        log.append(contentsOf: outlined.diagnostics)
        return pipeline.expand(chapter, outlined: (outlined.blocks, outlined.outline), log: &log)
    }

    /// A chapter with its headings' ids and numbers, and the warnings of its raw HTML.
    func outline(_ chapter: Chapter, original: (chapter: Chapter, outline: [OutlineEntry])?) -> OutlinedChapter {
        var log = DiagnosticLog()
        if !config.allowsRawHTML {
            for position in chapter.rawHTML {
                log.warning(
                    "raw HTML is left out of the page (shown as <!-- raw HTML omitted -->); write Markdown, or set allowRawHTML: true in site.yaml",
                    at: chapter.location(position))
            }
        }
        let isOriginal = chapter.language == config.originalLanguage
        var outlined = Outliner(chapter: chapter, counterpartIDs: isOriginal ? nil : original?.outline.map(\.id)).run(log: &log)
        if let numbering = chapter.numbering {
            outlined = SectionNumberer(numbering: numbering, scheme: chapter.language.numbering).run(
                outlined.blocks, outline: outlined.outline)
        }
        if let original, original.chapter.numbering != chapter.numbering {
            log.warning(
                "this chapter's number or firstSection differs from its original's (\(original.chapter.file)): the two languages would number its sections differently",
                at: SourceLocation(file: chapter.file, line: 1, column: 1))
        }
        return OutlinedChapter(chapter: chapter, blocks: outlined.blocks, outline: outlined.outline, diagnostics: log.diagnostics)
    }

    /// A chapter without its translation is a warning; so is a translation of nothing, and table
    /// text given in one language only (the integrity check reports that itself when it runs).
    func checkTranslations(_ index: [String: [String: ExpandedChapter]], log: inout DiagnosticLog) {
        let original = config.originalLanguage
        for chapter in project.chapters[original.code] ?? [] {
            for language in config.translations where index[language.code]?[chapter.fileName] == nil {
                log.warning(
                    "no \(language.code) translation yet (content/\(language.code)/\(chapter.fileName))",
                    at: SourceLocation(file: chapter.file, line: 1, column: 1))
            }
        }
        for language in config.translations {
            for chapter in project.chapters[language.code] ?? [] where index[original.code]?[chapter.fileName] == nil {
                log.warning(
                    "no \(original.code) original with this file name", at: SourceLocation(file: chapter.file, line: 1, column: 1))
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
        let chapters = Dictionary((index[config.originalLanguage.code] ?? [:]).values.map { ($0.chapter.slug, $0) }) { first, _ in first }
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
            let file = FigureImages.folder(of: project.report) + "/" + path
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
