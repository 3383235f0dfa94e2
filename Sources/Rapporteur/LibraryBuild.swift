import Foundation
import Model
import Support

/// One run over a library: every report is resolved first (its headings' ids, so that reports
/// can link to each other), then each report's pages are rendered as a one-report site's are,
/// under `/<lang>/<report>/`, then the library's own pages, search and feed.
struct LibraryBuild {
    let project: LibraryProject
    /// The build of the library's own pages.
    let site: Build
    /// A build per report, in the library's order, each knowing every resolved report.
    let reports: [Build]
    /// Each report's chapters as resolved, in the order of `reports`.
    let indexes: [[String: [String: ExpandedChapter]]]

    /// The reports with their resolved chapters, as the library's search indexes them.
    var resolved: [(build: Build, index: [String: [String: ExpandedChapter]])] { Array(zip(reports, indexes)) }

    /// Loads the library at `root` and runs every step into `sink`. Throws every error found;
    /// else returns the run's output and its warnings. With `deferSearch`, the search indexes
    /// are left for the caller to make when they are asked for (`LiveSite`). `pdfs` are the
    /// reports' printed editions by their output path (`data/tel54/report.en.pdf`), from `rapporteur pdf`.
    static func run(
        root: URL, baseURL: String?, integrity: IntegrityLevel, pdfs: [String: Data] = [:], into sink: OutputSink,
        deferSearch: Bool = false, timings: inout PhaseTimer
    ) throws(SiteError) -> (build: LibraryBuild, output: Build.Output, warnings: [Diagnostic]) {
        var log = DiagnosticLog()
        let project = try Build.load(timings: &timings, log: &log) { parsing, log in
            LibraryProject.load(root: root, baseURL: baseURL, parsing: parsing, log: &log)
        }
        let urls = SiteURLs(baseURL: project.library.config.baseURL, basePath: project.library.config.basePath)
        var context = LibraryContext(library: project.library, urls: urls)
        let unresolved = zip(project.library.reports, project.reports).map { entry, report in
            Build(project: report, integrity: integrity, urls: urls.forReport(entry.id), library: context)
        }
        // Reports resolve independently: on all cores at once, measured as one phase.
        let indexes = timings.measure("resolve") {
            unresolved.parallelMap(log: &log) { build, reportLog in
                var reportTimings = PhaseTimer()
                return build.resolve(log: &reportLog, timings: &reportTimings)
            }
        }
        for (build, index) in zip(unresolved, indexes) {
            context.reports[build.urls.report ?? ""] = .init(project: build.project, urls: build.urls, index: index)
        }
        let run = LibraryBuild(
            project: project, site: Build(project: project.site, integrity: integrity, urls: urls, library: context),
            reports: unresolved.map {
                Build(
                    project: $0.project, integrity: integrity, pdfs: pdfs, urls: $0.urls, library: context,
                    renderedTables: $0.renderedTables)
            },
            indexes: indexes)
        let output = run.render(into: sink, deferSearch: deferSearch, log: &log, timings: &timings)
        if log.hasErrors { throw SiteError(log.sorted.filter { $0.severity == .error }) }
        return (run, output, log.sorted.filter { $0.severity == .warning })
    }

    private func render(into sink: OutputSink, deferSearch: Bool, log: inout DiagnosticLog, timings: inout PhaseTimer) -> Build.Output {
        let search = deferSearch ? nil : Parallelism.start { [site, resolved] in sink.put(site.searchIndexFiles(resolved)) }
        let sitemap = timings.measure("render") { () -> [PageBuilder.Page] in
            let reports = resolved.map { PageBuilder(build: $0.build, index: $0.index) }
            let own = PageBuilder(build: site, index: [:])
            PageBuilder.render(reports + [own], into: sink, log: &log)
            _ = reports.parallelMap(log: &log) { pages, reportLog in sink.put(pages.build.reportFiles(log: &reportLog)) }
            sink.put(site.feedFiles())
            return reports.flatMap { $0.sitemapEntries() } + own.sitemapEntries()
        }
        timings.measure("search") { search?.wait() }
        sink.put(site.siteFiles(sitemap: sitemap))
        var output = site.finish(sink.collected(), index: [:], log: &log, timings: &timings)
        if site.integrity != .off { output.coverage = coverage() }
        return output
    }

    /// The translation coverage of every report, its lines named by the report (`tel54: chapter
    /// 01-summary.md`) and counted in every language of the library (0 where a report lacks one).
    private func coverage() -> [CoverageLine] {
        let languages = site.config.languageCodes
        return resolved.flatMap { build, index in
            Coverage(project: build.project, index: index).lines().map { line in
                CoverageLine(
                    item: (build.urls.report ?? "") + ": " + line.item,
                    counts: languages.map { code in line.counts.first { $0.language == code } ?? (code, 0, 0, 0) })
            }
        }
    }
}
