import Foundation
import Integrity
import Markdown
import Model
import Support

/// Builds a site from a project folder: load everything, check it, render every page. Pages go
/// to an `OutputSink` as they are made: into memory, or straight into a staging folder that
/// replaces the output folder only when the build succeeded.
public enum SiteBuilder {
    /// Builds the project at `root`. Throws every problem found when there is any error.
    ///
    /// With `output`, files are written there (atomically, see `StagingFolder`) and the result's
    /// `files` is empty; without it, the result holds them. A process that exits right after the
    /// build passes `freesMemory: false`: freeing every chapter's tree took a 10,000-page site
    /// 0.4 s, and the system reclaims the memory at exit anyway (as compilers do).
    public static func build(
        root: URL, baseURL: String? = nil, integrity: IntegrityLevel = .warnings, writingTo output: URL? = nil,
        freesMemory: Bool = true
    ) throws(SiteError) -> BuildResult {
        var timings = PhaseTimer()
        let staging = try output.map { output throws(SiteError) in try StagingFolder(for: output, writing: timings.writing) }
        let run: (build: Build, output: Build.Output, warnings: [Diagnostic])
        do throws(SiteError) {
            run = try Build.run(root: root, baseURL: baseURL, integrity: integrity, into: OutputSink(staging: staging), timings: &timings)
        } catch {
            staging?.discard()
            throw error
        }
        try timings.measure("swap") { () throws(SiteError) in try staging?.commit() }
        if !freesMemory { _ = Unmanaged.passRetained(Leftovers(project: run.build.project, index: run.output.index)) }
        return BuildResult(
            files: run.output.files,
            fileCount: run.output.paths.count,
            warnings: run.warnings,
            pagesPerLanguage: run.output.pagesPerLanguage,
            tableCount: run.build.project.tables.count,
            coverage: run.output.coverage,
            timings: timings.phases,
            workTimings: timings.work)
    }
}

/// What `SiteBuilder.build(freesMemory: false)` leaves to the system.
private final class Leftovers {
    let project: Project
    let index: [String: [String: ExpandedChapter]]

    init(project: Project, index: [String: [String: ExpandedChapter]]) {
        self.project = project
        self.index = index
    }
}

/// Whether a build compares the two languages' facts (`IntegrityCheck`), and how it reports
/// differences. The comparison costs more than the rest of a build, so `rapporteur build` and
/// `serve` leave it to `check` unless asked with `--strict`.
public enum IntegrityLevel: Sendable {
    case off, warnings, errors
}

/// One run of the build steps over a loaded project.
struct Build {
    let project: Project
    let urls: SiteURLs
    let integrity: IntegrityLevel
    var config: SiteConfig { project.config }

    init(project: Project, integrity: IntegrityLevel = .warnings) {
        self.project = project
        self.integrity = integrity
        self.urls = SiteURLs(baseURL: project.config.baseURL, basePath: project.config.basePath)
    }

    /// What a run made: the chapters as rendered, the files kept in memory (if any), every
    /// output path and every page's links, sorted by path.
    struct Output {
        var index: [String: [String: ExpandedChapter]]
        var files: [OutputFile]
        var paths: [String]
        var pages: [LinkChecker.Page]
        var pagesPerLanguage: [(language: String, pages: Int)]
        var coverage: [CoverageLine]
    }

    /// Loads the project at `root` and runs every step into `sink`. Throws every error found;
    /// else returns the run's output and its warnings.
    static func run(
        root: URL, baseURL: String?, integrity: IntegrityLevel, into sink: OutputSink, deferSearch: Bool = false,
        timings: inout PhaseTimer
    ) throws(SiteError) -> (build: Build, output: Output, warnings: [Diagnostic]) {
        var log = DiagnosticLog()
        let parsing = timings.parsing
        guard let project = timings.measure("load", { Project.load(root: root, baseURL: baseURL, parsing: parsing, log: &log) }),
            !log.hasErrors
        else {
            throw SiteError(log.sorted)
        }
        let build = Build(project: project, integrity: integrity)
        let output = build.run(into: sink, deferSearch: deferSearch, log: &log, timings: &timings)
        if log.hasErrors { throw SiteError(log.sorted.filter { $0.severity == .error }) }
        return (build, output, log.sorted.filter { $0.severity == .warning })
    }

    /// Runs every step. With `deferSearch`, the search indexes are left for the caller to make
    /// when they are asked for (`LiveSite`).
    func run(into sink: OutputSink, deferSearch: Bool = false, log: inout DiagnosticLog, timings: inout PhaseTimer) -> Output {
        let index = timings.measure("resolve") {
            let index = outlineAndExpand(log: &log)
            checkTranslations(index, log: &log)
            checkTableSources(index, log: &log)
            return index
        }
        if integrity != .off {
            timings.measure("integrity") {
                let outlines = index.mapValues { $0.mapValues(\.outline) }
                let check = IntegrityCheck(report: project.report, outlines: outlines)
                log.append(contentsOf: check.diagnostics(strict: integrity == .errors))
            }
        }
        let pages = PageBuilder(build: self, index: index)
        // The search indexes (a thread per language, so under two cores' worth) are made while
        // pages render; "search" times what is left of them after.
        let search = deferSearch ? nil : Parallelism.start { [self] in sink.put(searchIndexFiles(index)) }
        timings.measure("render") { pages.render(into: sink, log: &log) }
        sink.put(dataFiles())
        timings.measure("search") { search?.wait() }
        sink.put(copyAssets(log: &log))
        let sitemap = urls.absolute(urls.basePath + Self.sitemapFile)
        sink.put(OutputFile(path: Self.robotsFile, text: "User-agent: *\nAllow: /\n\nSitemap: \(sitemap)\n"))
        sink.put(OutputFile(path: Self.sitemapFile, text: Sitemap(pages: pages.sitemapEntries(), urls: urls).xml()))
        let output = sink.collected()
        timings.measure("check") {
            checkDuplicatePaths(output.paths, log: &log)
            // The output check is a safety net for links templates make; source errors come first.
            if !log.hasErrors {
                LinkChecker(paths: Set(output.paths), pages: output.pages, basePath: urls.basePath).check(output.pages, log: &log)
            }
        }
        let counts = config.languages.map { language in
            (language: language.code, pages: output.paths.filter { $0.hasPrefix(language.urlSegment + "/") && $0.hasSuffix(".html") }.count)
        }
        // The coverage summary is for `check`, which also runs the integrity comparison.
        return Output(
            index: index, files: output.files, paths: output.paths, pages: output.pages, pagesPerLanguage: counts,
            coverage: integrity == .off ? [] : Coverage(project: project, index: index).lines())
    }
}

// MARK: - Steps

extension Build {
    static let robotsFile = "robots.txt"
    static let sitemapFile = "sitemap.xml"

    /// The paths of the files a run writes besides its HTML pages.
    func filesBesidePages() -> [String] {
        [Self.robotsFile, Self.sitemapFile] + project.assets.map { urls.outputFile(of: urls.asset($0)) }
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

    func copyAssets(log: inout DiagnosticLog) -> [OutputFile] {
        let folder = project.root.appendingPathComponent("Templates/assets")
        return project.assets.compactMap { path in
            do {
                return OutputFile(
                    path: urls.outputFile(of: urls.asset(path)), data: try Data(contentsOf: folder.appendingPathComponent(path)))
            } catch {
                log.error("cannot read the asset: \(error.localizedDescription)", at: SourceLocation(file: "Templates/assets/" + path))
                return nil
            }
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
