import Foundation
import Model
import Search
import Support

/// Everything a build reads from a project folder: the report, and the theme it is shown with.
struct Project: Sendable {
    var report: Report
    var theme: Theme
    var templates: TemplateLibrary
    /// The files under `content/figures/` and their sizes.
    var figureImages: FigureImages = .none
    /// `content/search-synonyms.yaml`, applied by the search page.
    var searchSynonyms = SearchSynonyms()

    /// The theme's static files, as paths under `assets/` (`style.css`).
    var assets: [String] { theme.assets }

    var config: SiteConfig { report.config }
    var tables: [Table] { report.tables }
    var chapters: [String: [Chapter]] { report.chapters }
    var summaries: [String: Chapter] { report.summaries }
    var root: URL { report.root }

    func table(named name: String) -> Table? { report.table(named: name) }

    /// A print edition is the whole report on one page: for a report (its chapters up to this
    /// many in a language), not for a site of thousands of pages, which it would double.
    static let printEditionLimit = 200

    /// Whether `language` gets a print edition.
    func hasPrintEdition(_ language: Language) -> Bool { (chapters[language.code] ?? []).count <= Self.printEditionLimit }

    /// The chapter with `slug` in `language`, else in the default language.
    func chapter(slug: String, language: Language) -> Chapter? { report.chapter(slug: slug, language: language) }

    /// The project with `chapter` in place of the loaded chapter of the same language and file name.
    func replacing(_ chapter: Chapter) -> Project {
        Project(
            report: report.replacing(chapter), theme: theme, templates: templates, figureImages: figureImages,
            searchSynonyms: searchSynonyms)
    }
}

// MARK: - Loading

extension Project {
    /// Reads the project at `root`: the report, then the theme (built in, with the project's
    /// `Templates/` over it); all problems found are logged.
    static func load(root: URL, baseURL: String?, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog) -> Project? {
        guard let report = Report.load(root: root, baseURL: baseURL, parsing: parsing, log: &log) else { return nil }
        return load(report: report, root: root, log: &log)
    }

    /// The project of a loaded report: the theme, its templates, the search synonyms and figures.
    static func load(report: Report, root: URL, log: inout DiagnosticLog) -> Project? {
        let theme = Theme.load(project: root, log: &log)
        let templates = log.collect { () throws(SiteError) in
            try TemplateLibrary.load(theme, languages: report.config.languageCodes)
        }
        let synonyms = log.collect { () throws(SiteError) in
            try SearchSynonyms.load(root: root, languages: report.config.languageCodes)
        }
        guard let templates, let synonyms else { return nil }
        return Project(
            report: report, theme: theme, templates: templates,
            figureImages: FigureImages.load(root: root, folder: FigureImages.folder(of: report), log: &log),
            searchSynonyms: synonyms)
    }
}
