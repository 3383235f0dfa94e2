import Model
import Support

// MARK: - Pages

extension PageBuilder {
    func tablePage(_ table: Table, language: Language) -> Page {
        let config = build.config
        let alternates = Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, build.urls.table(table.name, $0)) })
        return Page(
            path: build.urls.table(table.name, language), language: language, alternates: alternates,
            xDefault: build.urls.table(table.name, config.defaultLanguage))
    }

    func tablesIndexPage(_ language: Language) -> Page {
        let config = build.config
        let alternates = Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, build.urls.tablesIndex($0)) })
        return Page(
            path: build.urls.tablesIndex(language), language: language, alternates: alternates,
            xDefault: build.urls.tablesIndex(config.defaultLanguage))
    }

    /// The pager's link to the tables index, which follows the last chapter; nil without tables.
    func tablesIndexLink(_ language: Language) -> [String: String]? {
        guard !build.project.tables.isEmpty else { return nil }
        return ["title": strings(language)["tables"] ?? "", "href": build.urls.tablesIndex(language)]
    }
}

// MARK: - Template data

extension PageBuilder {
    /// A table's page, the table apart: the chapter list, a breadcrumb (home, tables, this table)
    /// and the previous and next pages (the tables index before the first table).
    func tablePageContext(_ page: Page, table: Table, language: Language) -> [String: Any] {
        let tables = build.project.tables
        let languageCodes = build.config.languageCodes
        let caption = table.caption.text(in: language.code, fallback: languageCodes)
        var context = layoutContext(
            page, language: language, title: caption, description: table.description?.text(in: language.code, fallback: languageCodes) ?? ""
        )
        context.merge(tablesNavigation(language)) { _, new in new }
        let position = tables.firstIndex { $0.name == table.name } ?? 0
        context["previous"] = position > 0 ? tableLink(tables[position - 1], language) : tablesIndexLink(language)
        if position + 1 < tables.count { context["next"] = tableLink(tables[position + 1], language) }
        return context
    }

    /// A table page's `table`: the data of `partials/table`, and `rendered`, the table as that
    /// partial renders it, once for the chapters that show it, this page and the print edition.
    func tablePageTable(_ table: Table, language: Language, log: inout DiagnosticLog) -> [String: Any] {
        let strings = project.templates.strings[language.code] ?? [:]
        let anchor = "table-" + table.name
        var context = pipeline.tableContext(table, anchor: anchor, language: language, strings: strings)
        if case .generated(let html) = pipeline.render(table, anchor: anchor, language: language, strings: strings, log: &log) {
            context["rendered"] = ContentHTML(line: html)
        }
        return context
    }

    /// `/<lang>/tables/`: every table with its description and data downloads; after the last
    /// chapter and before the first table.
    func tablesIndexContext(_ page: Page, language: Language) -> [String: Any] {
        let languageCodes = build.config.languageCodes
        var context = layoutContext(
            page, language: language, title: strings(language)["tables"] ?? "", description: strings(language)["tablesIntro"] ?? "")
        context.merge(tablesNavigation(language)) { _, new in new }
        context["isIndex"] = true
        context["tables"] = build.project.tables.map { table in
            var entry: [String: Any] = [
                "caption": table.caption.text(in: language.code, fallback: languageCodes), "href": build.urls.table(table.name, language),
                "json": build.urls.data(table.name, "json"), "csv": build.urls.data(table.name, "csv"),
            ]
            if let description = table.description { entry["description"] = description.text(in: language.code, fallback: languageCodes) }
            return entry
        }
        if let last = build.project.chapters[language.code]?.last {
            context["previous"] = ["title": last.title, "href": build.urls.chapter(last.slug, language)]
        }
        if let first = build.project.tables.first { context["next"] = tableLink(first, language) }
        return context
    }
}

private extension PageBuilder {
    func tableLink(_ table: Table, _ language: Language) -> [String: String] {
        [
            "title": table.caption.text(in: language.code, fallback: build.config.languageCodes),
            "href": build.urls.table(table.name, language),
        ]
    }

    /// What the table pages and the tables index show around the content: the chapter list
    /// (`nav`, as on chapter pages, none of it current) and the tables index (`tablesIndex`).
    func tablesNavigation(_ language: Language) -> [String: Any] {
        let chapters = build.project.chapters[language.code] ?? []
        // A large site lists the last chapters, which the tables follow, as chapter pages list a window.
        let shown = chapters.count > Self.fullNavigationLimit ? chapters.suffix(Self.navigationWindow) : chapters[...]
        var navigation: [String: Any] = [
            "nav": shown.map { ["title": $0.title, "href": build.urls.chapter($0.slug, language), "current": false] },
            "tablesIndex": build.urls.tablesIndex(language),
        ]
        if shown.count < chapters.count { navigation["navPartial"] = true }
        return navigation
    }
}
