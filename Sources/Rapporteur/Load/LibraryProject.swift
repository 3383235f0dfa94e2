import Foundation
import Model
import Search
import Support

/// Everything a build reads from a library's folder: the library, a `Project` per report (each
/// shown with the one theme), and the project of the library's own pages.
struct LibraryProject: Sendable {
    var library: Library
    /// The library's own pages (homes, meetings, search): its settings, no chapters.
    var site: Project
    /// The reports' projects, in the library's order (newest first).
    var reports: [Project]

    /// Reads the library at `root`; all problems found are logged.
    static func load(root: URL, baseURL: String?, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog) -> LibraryProject? {
        guard let library = Library.load(root: root, baseURL: baseURL, parsing: parsing, log: &log) else { return nil }
        for report in library.reports where SiteURLs.libraryFolders.contains(report.id) {
            log.error(
                "a report cannot be called '\(report.id)': the library's own pages use that address",
                at: SourceLocation(file: report.report.folder))
        }
        let siteReport = Report(config: library.config, tables: [], chapters: [:], root: root)
        guard let site = Project.load(report: siteReport, root: root, log: &log) else { return nil }
        let reports = library.reports.map { entry in
            Project(
                report: entry.report, theme: site.theme, templates: site.templates,
                figureImages: FigureImages.load(root: root, folder: FigureImages.folder(of: entry.report), log: &log),
                searchSynonyms: site.searchSynonyms)
        }
        return LibraryProject(library: library, site: site, reports: reports)
    }
}
