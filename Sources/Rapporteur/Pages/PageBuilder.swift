import Foundation
import Markdown
import Model
import Support

/// Renders every HTML page: the landing page, the language homes, chapters, table pages, search pages, 404.
///
/// Template data is explicit dictionaries; the keys are documented in `Theme/README.md`.
struct PageBuilder {
    let build: Build
    let index: [String: [String: ExpandedChapter]]
    /// Renders tables for the table pages, as for tables embedded in chapters.
    let pipeline: ChapterPipeline
    /// What chapters may link to by the site's own addresses: made from `jobs()` the first time
    /// a chapter has such a link, so that a rebuild in `serve` does not list the whole site.
    private let siteFiles = Once<SiteFiles>()
    /// The chapters' bodies, rendered once for their pages and the print editions.
    private let bodies = ChapterBodies()
    /// The chapter list's items by the chapter's address, rendered once for every chapter page.
    private let navigationItems = OnceByKey<String, Result<ChapterNavigationItem, SiteError>>()

    init(build: Build, index: [String: [String: ExpandedChapter]]) {
        self.build = build
        self.index = index
        pipeline = ChapterPipeline(build: build, index: index)
    }

    var project: Project { build.project }
    var config: SiteConfig { build.config }
    var urls: SiteURLs { build.urls }
    private var languages: [String] { config.languageCodes }

    /// The theme's interface strings in `language`.
    func strings(_ language: Language) -> [String: String] {
        var strings = project.templates.strings[language.code] ?? [:]
        // A library's search covers every report.
        if build.library != nil, let label = strings["searchLabelLibrary"] { strings["searchLabel"] = label }
        return strings
    }

    /// A page in one language and the same page in the others, for alternates and the switch.
    struct Page {
        var path: String
        var language: Language?
        /// The page's path per language code, where the page exists in that language.
        var alternates: [String: String]
        var xDefault: String
    }

    /// Chapter navigation lists every chapter of a report-sized site; a larger one gets the
    /// chapters around this one and a link to the full list, so pages stay small.
    static let fullNavigationLimit = 60
    static let navigationWindow = 10

    /// One page to render; pages are independent, so they are rendered on all cores.
    enum Job: Sendable {
        case landing, notFound
        case home(Language)
        case chapter(Language, position: Int)
        case table(Table, Language)
        case tablesIndex(Language)
        case search(Language)
        case printEdition(Language)
        /// A library's home in a language: its reports by year and by series.
        case libraryHome(Language)
        /// A library's reports of one year.
        case year(Int, Language)
        /// A meeting series: its meetings by number and the reports on each.
        case series(MeetingSeries, Language)
    }

    /// Every page of the site; in a library, of this build's part of it.
    func jobs() -> [Job] {
        if let library = build.library {
            return build.isLibraryReport ? reportJobs() : libraryJobs(library.library)
        }
        return [.landing, .notFound] + reportJobs()
    }

    /// The pages of a report: its homes, chapters, tables, print editions (and search, when the
    /// report is the whole site).
    private func reportJobs() -> [Job] {
        var jobs: [Job] = []
        for language in config.languages {
            jobs.append(.home(language))
            jobs += (project.chapters[language.code] ?? []).indices.map { .chapter(language, position: $0) }
            jobs += project.tables.map { .table($0, language) }
            if !project.tables.isEmpty { jobs.append(.tablesIndex(language)) }
            if !build.isLibraryReport { jobs.append(.search(language)) }
            if project.hasPrintEdition(language) { jobs.append(.printEdition(language)) }
        }
        return jobs
    }

    /// Renders `jobs` (every page by default) into `sink`, each as soon as it is made.
    func render(_ jobs: [Job]? = nil, into sink: OutputSink, log: inout DiagnosticLog) {
        Self.render([self], jobs: (jobs ?? self.jobs()).map { (0, $0) }, into: sink, log: &log)
    }

    /// Renders every page of `builders` (a library's reports and its own pages) on all cores at
    /// once, so that no report waits for the slowest page of the one before it.
    static func render(_ builders: [PageBuilder], into sink: OutputSink, log: inout DiagnosticLog) {
        let jobs = builders.indices.flatMap { builder in builders[builder].jobs().map { (builder, $0) } }
        render(builders, jobs: jobs, into: sink, log: &log)
    }

    /// `jobs` name their builder by its index: a builder is large, and a site has thousands of pages.
    private static func render(
        _ builders: [PageBuilder], jobs: [(builder: Int, job: Job)], into sink: OutputSink, log: inout DiagnosticLog
    ) {
        _ = jobs.parallelMap(log: &log) { entry, pageLog in
            if let file = builders[entry.builder].render(entry.job, log: &pageLog) { sink.put(file) }
        }
    }

    /// The page a job makes.
    func page(_ job: Job) -> Page {
        switch job {
        case .landing: landingPage()
        case .notFound: Page(path: urls.basePath + "404.html", language: nil, alternates: [:], xDefault: urls.landing)
        case .home(let language): homePage(language)
        case .chapter(let language, let position): chapterPage((project.chapters[language.code] ?? [])[position])
        case .table(let table, let language): tablePage(table, language: language)
        case .tablesIndex(let language): tablesIndexPage(language)
        case .search(let language): searchPage(language)
        case .printEdition(let language): printPage(language)
        case .libraryHome, .year, .series: libraryPage(job)
        }
    }

    /// The output file a job writes.
    func outputPath(_ job: Job) -> String { urls.outputFile(of: page(job).path) }

    private func render(_ job: Job, log: inout DiagnosticLog) -> OutputFile? {
        let page = page(job)
        let template: String
        let context: [String: Any]
        switch job {
        case .landing: (template, context) = ("landing", landingContext(page))
        case .notFound: (template, context) = ("404", notFoundContext())
        case .home(let language): (template, context) = ("home", homeContext(page, language: language, log: &log))
        case .chapter(let language, let position):
            let chapters = project.chapters[language.code] ?? []
            guard let expanded = index[language.code]?[chapters[position].fileName] else { return nil }
            (template, context) = ("chapter", chapterContext(page, expanded: expanded, chapters: chapters, position: position, log: &log))
        case .table(let table, let language):
            var tableContext = tablePageContext(page, table: table, language: language)
            if let glossary = glossaryContext(table, language: language, log: &log) {
                tableContext["glossary"] = glossary
                template = "glossary"
            } else {
                tableContext["table"] = tablePageTable(table, language: language, log: &log)
                template = "table-page"
            }
            context = tableContext
        case .tablesIndex(let language): (template, context) = ("tables-index", tablesIndexContext(page, language: language))
        case .search(let language): (template, context) = ("search", searchContext(page, language: language))
        case .printEdition(let language): (template, context) = ("print", printContext(page, language: language))
        case .libraryHome, .year, .series: (template, context) = libraryContext(job, page: page)
        }
        let outputPath = urls.outputFile(of: page.path)
        guard let html = log.collect({ () throws(SiteError) in try project.templates.renderPage(template, context, for: outputPath) })
        else {
            return nil
        }
        return OutputFile(path: outputPath, data: html)
    }

    /// A chapter's body for its page and, without the heading links, its language's print edition:
    /// rendered once when the language has a print edition.
    func chapterBody(_ expanded: ExpandedChapter) -> ChapterBodies.Body {
        let chapter = expanded.chapter
        let make = { [self] () -> ChapterBodies.Body in
            var log = DiagnosticLog()
            let html = bodyHTML(expanded, index: index, headingLinks: true, log: &log)
            return ChapterBodies.Body(html: html, diagnostics: log.diagnostics)
        }
        guard project.hasPrintEdition(chapter.language) else { return make() }
        return bodies.body(language: chapter.language.code, fileName: chapter.fileName, make: make)
    }

    /// A chapter's HTML, its links resolved against `index`, its headings with links to
    /// themselves where the page has the script that copies them.
    func bodyHTML(
        _ expanded: ExpandedChapter, index linkIndex: [String: [String: ExpandedChapter]], headingLinks: Bool,
        log: inout DiagnosticLog
    ) -> HeadingLinkedHTML {
        let rewriter = LinkRewriter(
            chapter: expanded.chapter, index: linkIndex, project: project, urls: urls,
            siteFiles: { [self] in
                siteFiles.value { SiteFiles(paths: jobs().map(outputPath) + build.filesBesidePages(), index: index, urls: urls) }
            }, library: build.library)
        let language = expanded.chapter.language.code
        let blocks = LanguageParts(language: language, siteLanguages: languages).mark(rewriter.rewrite(expanded.blocks, log: &log))
        let headingLink = headingLinks ? project.templates.strings[language]?["headingLink"] : nil
        return HTMLRenderer(allowsRawHTML: config.allowsRawHTML, headingLinkLabel: headingLink).renderMarkingHeadingLinks(blocks)
    }

    /// Every indexable page (all but the 404 page) with its alternates, for the sitemap.
    func sitemapEntries() -> [Page] {
        jobs().filter { if case .notFound = $0 { false } else { true } }.map(page)
    }
}

// MARK: - Pages

private extension PageBuilder {
    func landingPage() -> Page {
        Page(
            path: urls.landing, language: nil,
            alternates: Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, urls.home($0)) }), xDefault: urls.landing)
    }

    func homePage(_ language: Language) -> Page {
        Page(
            path: urls.home(language), language: language,
            alternates: Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, urls.home($0)) }), xDefault: urls.landing)
    }

    func chapterPage(_ chapter: Chapter) -> Page {
        var alternates: [String: String] = [:]
        for language in config.languages {
            if let other = index[language.code]?[chapter.fileName] {
                alternates[language.code] = urls.chapter(other.chapter.slug, language)
            }
        }
        let path = urls.chapter(chapter.slug, chapter.language)
        return Page(
            path: path, language: chapter.language, alternates: alternates, xDefault: alternates[config.defaultLanguage.code] ?? path)
    }

    func searchPage(_ language: Language) -> Page {
        let alternates = Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, urls.search($0)) })
        return Page(path: urls.search(language), language: language, alternates: alternates, xDefault: urls.search(config.defaultLanguage))
    }
}

// MARK: - Template data

// Not private: the pages of other files (PageBuilder+Tables.swift, PrintEdition.swift) start from `layoutContext`.
extension PageBuilder {
    /// The keys every page template gets.
    func layoutContext(_ page: Page, language: Language, title: String, description: String) -> [String: Any] {
        let strings = strings(language)
        let siteTitle = config.title.text(in: language.code, fallback: languages)
        let alternates: [[String: Any]] =
            config.languages.compactMap { other in
                page.alternates[other.code].map { ["hreflang": other.code, "href": urls.absolute($0)] }
            } + [["hreflang": "x-default", "href": urls.absolute(page.xDefault)]]
        let switches: [[String: Any]] = config.languages.filter { $0 != language }.map { other in
            var entry: [String: Any] = ["lang": other.code, "name": other.name]
            if let href = page.alternates[other.code] { entry["href"] = href }
            entry["missing"] = (project.templates.strings[other.code] ?? [:])["translationMissing"] ?? ""
            return entry
        }
        var context: [String: Any] = [
            "lang": language.code,
            "t": strings,
            "site": [
                "title": siteTitle,
                "subtitle": config.subtitle.text(in: language.code, fallback: languages),
                "home": urls.home(language),
                "landing": urls.landing,
            ],
            "page": [
                "title": title == siteTitle ? title : "\(title) | \(siteTitle)",
                "heading": title,
                "description": description.isEmpty ? config.description.text(in: language.code, fallback: languages) : description,
                "canonical": urls.absolute(page.path),
            ],
            "alternates": alternates,
            "switch": switches,
            "assets": urls.asset(""),
            "search": urls.search(language),
        ]
        context["library"] = libraryLink(language)
        return context
    }
}

private extension PageBuilder {
    func landingContext(_ page: Page) -> [String: Any] {
        let language = config.defaultLanguage
        var context = layoutContext(
            page, language: language, title: config.title.text(in: language.code, fallback: languages), description: "")
        context["languages"] = config.languages.map { language in
            [
                "lang": language.code, "name": language.name, "href": urls.home(language),
                "isDefault": language == config.defaultLanguage, "title": config.title.text(in: language.code, fallback: languages),
                "subtitle": config.subtitle.text(in: language.code, fallback: languages),
                "description": config.description.text(in: language.code, fallback: languages),
                "enter": (project.templates.strings[language.code] ?? [:])["enter"] ?? "",
            ]
        }
        return context
    }

    /// The 404 page says the same in every language, with each language's home and search page.
    func notFoundContext() -> [String: Any] {
        let language = config.defaultLanguage
        let page = Page(path: urls.basePath + "404.html", language: language, alternates: [:], xDefault: urls.landing)
        let titles = config.languages.map { (project.templates.strings[$0.code] ?? [:])["notFoundTitle"] ?? "" }
        var context = layoutContext(page, language: language, title: "404 " + titles.joined(separator: " / "), description: "")
        context["languages"] = config.languages.map { language in
            [
                "lang": language.code, "name": language.name, "href": urls.home(language), "search": urls.search(language),
                "t": strings(language),
            ]
        }
        return context
    }

    func homeContext(_ page: Page, language: Language, log: inout DiagnosticLog) -> [String: Any] {
        let title = config.title.text(in: language.code, fallback: languages)
        var context = layoutContext(page, language: language, title: title, description: "")
        if let summary = project.summaries[language.code] {
            context["summary"] = ["title": summary.title, "body": ContentHTML(html: summaryHTML(summary, log: &log))]
        }
        var facts = config.facts.map { fact in
            ["label": fact.label.text(in: language.code, fallback: languages), "value": fact.display(in: language, fallback: languages)]
        }
        if facts.isEmpty { facts = meetingFacts(language) }
        context["facts"] = facts
        context["hasFacts"] = !facts.isEmpty
        // Titles that carry the report's own numbers need no list numbers of their own.
        context["chaptersNumbered"] = (project.chapters[language.code] ?? []).contains { $0.titleNumber != nil }
        context["chapters"] = (project.chapters[language.code] ?? []).map { chapter in
            ["title": chapter.numberedTitle, "description": chapter.description, "href": urls.chapter(chapter.slug, language)]
        }
        context["tables"] = project.tables.map { table in
            ["caption": table.caption.text(in: language.code, fallback: languages), "href": urls.table(table.name, language)]
        }
        context.merge(publicationContext(language)) { _, new in new }
        context.merge(reportMeetingContext(language)) { _, new in new }
        return context
    }

    func chapterContext(_ page: Page, expanded: ExpandedChapter, chapters: [Chapter], position: Int, log: inout DiagnosticLog) -> [String:
        Any]
    {
        let chapter = expanded.chapter
        let neighbours = (position > 0 ? chapters[position - 1] : nil, position + 1 < chapters.count ? chapters[position + 1] : nil)
        var context = layoutContext(page, language: chapter.language, title: chapter.title, description: chapter.description)
        if let number = chapter.titleNumber { context["sectionNumber"] = number + NumberingScheme.separator(after: number) }
        let body = chapterBody(expanded)
        log.append(contentsOf: body.diagnostics)
        context["body"] = ContentHTML(html: body.html.html)
        let parts = LanguageParts(language: chapter.language.code, siteLanguages: languages)
        context["toc"] = expanded.outline.filter { $0.level <= 3 }.map { entry in
            ["id": entry.id, "text": entry.numberedText, "html": ContentHTML(html: parts.html(entry.numberedText)), "sub": entry.level > 2]
        }
        context["hasToc"] = !expanded.outline.isEmpty
        if let previous = neighbours.0 {
            context["previous"] = ["title": previous.numberedTitle, "href": urls.chapter(previous.slug, chapter.language)]
        }
        if let next = neighbours.1 { context["next"] = ["title": next.numberedTitle, "href": urls.chapter(next.slug, chapter.language)] }
        if neighbours.1 == nil, let tables = tablesIndexLink(chapter.language) { context["next"] = tables }
        var shown = chapters.indices
        if chapters.count > Self.fullNavigationLimit {
            shown = max(0, position - Self.navigationWindow)..<min(chapters.count, position + Self.navigationWindow + 1)
            context["navPartial"] = true
        }
        context["nav"] = shown.map { index in
            [
                "title": chapters[index].numberedTitle, "href": urls.chapter(chapters[index].slug, chapter.language),
                "current": index == position,
            ]
        }
        if project.templates.mentions("navItems") {
            var items = ""
            for index in shown {
                switch navigationItem(chapters, index, language: chapter.language) {
                case .success(let item): items += index == position ? item.current : item.other
                case .failure(let error): log.append(contentsOf: error.diagnostics)
                }
            }
            context["navItems"] = ContentHTML(line: items)
        }
        return context
    }

    /// The item of `chapters[index]` in the chapter list, as the page shown and as another.
    private func navigationItem(_ chapters: [Chapter], _ index: Int, language: Language) -> Result<ChapterNavigationItem, SiteError> {
        let href = urls.chapter(chapters[index].slug, language)
        return navigationItems.value(href) {
            Result { () throws(SiteError) in
                let item: [String: Any] = ["title": chapters[index].numberedTitle, "href": href]
                let render = { (current: Bool) throws(SiteError) in
                    try project.templates.render("partials/chapter-nav-item", item.merging(["current": current]) { $1 })
                }
                return ChapterNavigationItem(current: try render(true), other: try render(false))
            }
        }
    }

    /// The body of a language's summary, through the steps a chapter takes; its headings take
    /// the ids of the default language's summary, as a translated chapter's do.
    func summaryHTML(_ summary: Chapter, log: inout DiagnosticLog) -> String {
        let original = project.summaries[config.originalLanguage.code].map { original in
            (chapter: original, outline: build.outline(original, original: nil).outline)
        }
        let outlined = build.outline(summary, original: summary.language == config.originalLanguage ? nil : original)
        log.append(contentsOf: outlined.diagnostics)
        let expanded = pipeline.expand(summary, outlined: (outlined.blocks, outlined.outline), log: &log)
        var withSummary = index
        withSummary[summary.language.code, default: [:]][summary.fileName] = expanded
        return bodyHTML(expanded, index: withSummary, headingLinks: false, log: &log).html
    }

    /// The glossary page's data when `table` is the site's glossary: the data of
    /// `partials/glossary-table`, `rendered` (the table as that partial renders it, once for the
    /// reports of a library that show it alike) and its downloads.
    func glossaryContext(_ table: Table, language: Language, log: inout DiagnosticLog) -> [String: Any]? {
        guard table.name == config.glossary.table else { return nil }
        let page = GlossaryPage(
            table: table, role: config.glossary, language: language, languages: config.languages, index: index, project: project, urls: urls
        )
        let strings = project.templates.strings[language.code] ?? [:]
        guard var data = page.context(strings: strings) else { return nil }
        data["t"] = strings
        let name = "partials/glossary-table"
        let html = log.collect { [data] () throws(SiteError) in
            if let shared = build.library?.renders { return try shared.render(name, data, with: project.templates) }
            return try project.templates.render(name, data)
        }
        data["rendered"] = ContentHTML(line: html ?? "")
        data["csv"] = urls.data(table.name, "csv")
        data["json"] = urls.data(table.name, "json")
        return data
    }

    func searchContext(_ page: Page, language: Language) -> [String: Any] {
        let strings = project.templates.strings[language.code] ?? [:]
        var context = layoutContext(page, language: language, title: strings["search"] ?? "", description: "")
        context["searchIndex"] = urls.searchIndex(language)
        return context
    }
}
