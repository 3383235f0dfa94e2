import Foundation
import Integrity
import Model
import Support

/// One run of the build steps over a loaded project.
struct Build {
    let project: Project
    let urls: SiteURLs
    let integrity: IntegrityLevel
    /// The report's print edition as PDF per language code (`rapporteur pdf`), written beside the
    /// pages and linked from each home; empty for a plain build.
    let pdfs: [String: Data]
    /// The library this build is part of: a report of it (`urls.report` set) or its own pages.
    let library: LibraryContext?
    /// The tables as rendered by this build's chapters, pages and print editions.
    let renderedTables: RenderedTables
    var config: SiteConfig { project.config }

    /// `pdfs` are the PDFs `rapporteur pdf` printed, by their path in the output folder
    /// (`report.en.pdf`, `data/tel54/report.en.pdf` in a library): the build keeps its report's.
    init(
        project: Project, integrity: IntegrityLevel = .warnings, pdfs: [String: Data] = [:], urls: SiteURLs? = nil,
        library: LibraryContext? = nil, renderedTables: RenderedTables = RenderedTables()
    ) {
        let urls = urls ?? SiteURLs(baseURL: project.config.baseURL, basePath: project.config.basePath)
        self.project = project
        self.integrity = integrity
        self.pdfs = Dictionary(
            uniqueKeysWithValues: project.config.languages.compactMap { language in
                pdfs[urls.outputFile(of: urls.pdf(language))].map { (language.code, $0) }
            })
        self.urls = urls
        self.library = library
        self.renderedTables = renderedTables
    }

    /// The build of one report of a library: its pages, tables and files, not the site's.
    var isLibraryReport: Bool { library != nil && urls.report != nil }
    /// The build of a library's own pages: its homes, meetings, years, search and feed.
    var isLibrarySite: Bool { library != nil && urls.report == nil }

    /// What a run made: the chapters as rendered, the files kept in memory (if any), every
    /// output path and every page's links, sorted by path.
    struct Output {
        var index: [String: [String: ExpandedChapter]]
        var files: [OutputFile]
        var paths: [String]
        var pages: [LinkChecker.PageLinks]
        var pagesPerLanguage: [(language: String, pages: Int)]
        var coverage: [CoverageLine]
    }

    /// Loads the project at `root` and runs every step into `sink`. Throws every error found;
    /// else returns the run's output and its warnings.
    static func run(
        root: URL, baseURL: String?, integrity: IntegrityLevel, pdfs: [String: Data] = [:], into sink: OutputSink,
        deferSearch: Bool = false, timings: inout PhaseTimer
    ) throws(SiteError) -> (build: Build, output: Output, warnings: [Diagnostic]) {
        var log = DiagnosticLog()
        let project = try load(timings: &timings, log: &log) { parsing, log in
            Project.load(root: root, baseURL: baseURL, parsing: parsing, log: &log)
        }
        let build = Build(project: project, integrity: integrity, pdfs: pdfs)
        let output = build.run(into: sink, deferSearch: deferSearch, log: &log, timings: &timings)
        if log.hasErrors { throw SiteError(log.sorted.filter { $0.severity == .error }) }
        return (build, output, log.sorted.filter { $0.severity == .warning })
    }

    /// What `load` read (given the parsing timer), timed as the "load" phase; throws every
    /// problem logged when one is an error.
    static func load<Loaded>(
        timings: inout PhaseTimer, log: inout DiagnosticLog, _ load: (WorkTimer, inout DiagnosticLog) -> Loaded?
    ) throws(SiteError) -> Loaded {
        let parsing = timings.parsing
        guard let loaded = timings.measure("load", { load(parsing, &log) }), !log.hasErrors else { throw SiteError(log.sorted) }
        return loaded
    }

    /// Runs every step. With `deferSearch`, the search indexes are left for the caller to make
    /// when they are asked for (`LiveSite`).
    func run(into sink: OutputSink, deferSearch: Bool = false, log: inout DiagnosticLog, timings: inout PhaseTimer) -> Output {
        let index = resolve(log: &log, timings: &timings)
        let pages = PageBuilder(build: self, index: index)
        // The search indexes (a thread per language, so under two cores' worth) are made while
        // pages render; "search" times what is left of them after.
        let search = deferSearch ? nil : Parallelism.start { [self] in sink.put(searchIndexFiles([(self, index)])) }
        timings.measure("render") { pages.render(into: sink, log: &log) }
        sink.put(reportFiles(log: &log))
        timings.measure("search") { search?.wait() }
        sink.put(siteFiles(sitemap: pages.sitemapEntries()))
        return finish(sink.collected(), index: index, log: &log, timings: &timings)
    }

    /// Ids for headings, tables and figures expanded, and the checks of the sources that need them.
    func resolve(log: inout DiagnosticLog, timings: inout PhaseTimer) -> [String: [String: ExpandedChapter]] {
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
        return index
    }

    /// A report's files besides its pages: its tables' data, citations, PDFs and figures.
    func reportFiles(log: inout DiagnosticLog) -> [OutputFile] {
        dataFiles() + citationFiles() + pdfFiles() + figureFiles(log: &log)
    }

    /// The site's files besides its pages: the theme's assets, robots.txt and the sitemap.
    func siteFiles(sitemap entries: [PageBuilder.Page]) -> [OutputFile] {
        let sitemap = urls.absolute(urls.basePath + Self.sitemapFile)
        return copyAssets() + [
            OutputFile(path: Self.robotsFile, text: "User-agent: *\nAllow: /\n\nSitemap: \(sitemap)\n"),
            OutputFile(path: Self.sitemapFile, text: Sitemap(pages: entries, urls: urls).xml()),
        ]
    }

    /// Checks what was written (no two sources on one file, every link found) and counts it.
    func finish(
        _ output: OutputSink.Collected, index: [String: [String: ExpandedChapter]], log: inout DiagnosticLog, timings: inout PhaseTimer
    )
        -> Output
    {
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
