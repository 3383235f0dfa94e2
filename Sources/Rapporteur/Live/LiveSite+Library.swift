import Foundation
import Model
import Support

/// `serve` on a library: an edit of one report's chapters or tables rebuilds that report's pages
/// alone, as long as its chapters keep their files, slugs and anchors (other reports may link
/// to them) and its `report.yaml` is untouched (the library's pages list it); anything else
/// rebuilds the whole library.
extension LiveSite {
    /// The report whose files alone changed, by its index in `library.reports`; nil otherwise.
    func editedReport(_ changes: Set<String>, in library: LibraryBuild) -> Int? {
        let prefix = Library.reportsFolder + "/"
        let ids = Set(
            changes.map { path -> String? in
                guard path.hasPrefix(prefix), !path.hasSuffix("/" + ReportSettings.fileName) else { return nil }
                let id = path.dropFirst(prefix.count).prefix { $0 != "/" }
                return id.count < path.count - prefix.count ? String(id) : nil
            })
        guard ids.count == 1, let id = ids.first ?? nil else { return nil }
        return library.reports.firstIndex { $0.urls.report == id }
    }

    /// Rebuilds the report at `position` of `library`; nil when the edit needs a whole build.
    func rebuild(_ position: Int, in library: LibraryBuild, _ state: State) throws(SiteError) -> SiteUpdate? {
        var log = DiagnosticLog()
        let old = library.reports[position]
        let report = Report.load(
            config: old.config, folder: old.project.report.folder, root: root, log: &log,
            extraTables: library.project.library.glossary.map { [$0] } ?? [])
        if log.hasErrors { throw SiteError(log.sorted.filter { $0.severity == .error }) }
        guard Self.sameFiles(report, old.project.report) else { return nil }
        var project = old.project
        project.report = report
        project.figureImages = FigureImages.load(root: root, folder: FigureImages.folder(of: report), log: &log)
        guard var context = old.library else { return nil }
        var timings = PhaseTimer()
        let resolving = Build(project: project, integrity: .off, urls: old.urls, library: context)
        let index = resolving.resolve(log: &log, timings: &timings)
        let before = library.indexes[position]
        let moved = index.contains { language, chapters in chapters.contains { $0.value.anchors != before[language]?[$0.key]?.anchors } }
        guard !moved else { return nil }
        context.reports[old.urls.report ?? ""] = .init(project: project, urls: old.urls, index: index)
        let build = Build(project: project, integrity: .off, urls: old.urls, library: context, renderedTables: resolving.renderedTables)
        let sink = OutputSink()
        PageBuilder(build: build, index: index).render(into: sink, log: &log)
        sink.put(build.reportFiles(log: &log))
        let folder = report.folder + "/"
        return try keep(
            sink.collected(), of: Scope(build: build, index: index, position: position), state, log: &log,
            redoing: { $0.hasPrefix(folder) })
    }

    /// Whether a reloaded report has the chapters (language, file, slug) and tables it had:
    /// then its pages and files keep their paths.
    private static func sameFiles(_ new: Report, _ old: Report) -> Bool {
        let files = { (report: Report) in
            report.chapters.flatMap { language, chapters in chapters.map { "\(language)/\($0.fileName)/\($0.slug)" } }.sorted()
        }
        return files(new) == files(old) && new.tables.map(\.name) == old.tables.map(\.name)
            && new.summaries.keys.sorted() == old.summaries.keys.sorted()
    }
}
