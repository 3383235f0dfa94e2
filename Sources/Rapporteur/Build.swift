import Foundation
import Integrity
import Model
import Support

/// One run of the build steps over a loaded project.
struct Build {
    let project: Project
    let urls: SiteURLs
    let integrity: IntegrityLevel
    /// The print edition as PDF per language code (`rapporteur pdf`), written beside the pages
    /// and linked from each home; empty for a plain build.
    let pdfs: [String: Data]
    var config: SiteConfig { project.config }

    init(project: Project, integrity: IntegrityLevel = .warnings, pdfs: [String: Data] = [:]) {
        self.project = project
        self.integrity = integrity
        self.pdfs = pdfs
        self.urls = SiteURLs(baseURL: project.config.baseURL, basePath: project.config.basePath)
    }

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
        let parsing = timings.parsing
        guard let project = timings.measure("load", { Project.load(root: root, baseURL: baseURL, parsing: parsing, log: &log) }),
            !log.hasErrors
        else {
            throw SiteError(log.sorted)
        }
        let build = Build(project: project, integrity: integrity, pdfs: pdfs)
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
        sink.put(citationFiles() + pdfFiles())
        timings.measure("search") { search?.wait() }
        sink.put(copyAssets())
        sink.put(figureFiles(log: &log))
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
