import Foundation
import Model
import Support

/// Everything a build reads from a project folder: the report, its templates and its assets.
struct Project: Sendable {
    var report: Report
    var templates: TemplateLibrary
    /// Static files under `Templates/assets/`, as paths relative to it.
    var assets: [String]

    var config: SiteConfig { report.config }
    var tables: [Table] { report.tables }
    var chapters: [String: [Chapter]] { report.chapters }
    var root: URL { report.root }

    func table(named name: String) -> Table? { report.table(named: name) }

    /// The chapter with `slug` in `language`, else in the default language.
    func chapter(slug: String, language: Language) -> Chapter? { report.chapter(slug: slug, language: language) }

    /// The project with `chapter` in place of the loaded chapter of the same language and file name.
    func replacing(_ chapter: Chapter) -> Project {
        Project(report: report.replacing(chapter), templates: templates, assets: assets)
    }
}

// MARK: - Loading

extension Project {
    /// Reads the project at `root`: the report, then the templates and assets; all problems
    /// found are logged.
    static func load(root: URL, baseURL: String?, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog) -> Project? {
        guard let report = Report.load(root: root, baseURL: baseURL, parsing: parsing, log: &log) else { return nil }
        let templates = log.collect { () throws(SiteError) in
            try TemplateLibrary.load(
                directory: root.appendingPathComponent("Templates"), project: root, displayPath: "Templates",
                languages: report.config.languageCodes)
        }
        let assetListing = FileTree.files(under: root.appendingPathComponent("Templates/assets"), within: root)
        assetListing.logRefusedLinks(in: "Templates/assets", log: &log)
        guard let templates else { return nil }
        return Project(report: report, templates: templates, assets: assetListing.files)
    }
}
