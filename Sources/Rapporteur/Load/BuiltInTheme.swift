/// The theme inside the binary (`Sources/Rapporteur/Theme/`, embedded by SwiftPM): every
/// template, the interface strings and the assets, so that a project needs only `content/`.
enum BuiltInTheme {
    /// The files by their path in the theme. SwiftPM names an embedded file by its name alone,
    /// so no two files of the theme may share a name; a test checks that every file is listed.
    static let files: [(path: String, bytes: [UInt8])] = [
        ("404.mustache", PackageResources._04_mustache),
        ("chapter.mustache", PackageResources.chapter_mustache),
        ("glossary.mustache", PackageResources.glossary_mustache),
        ("home.mustache", PackageResources.home_mustache),
        ("landing.mustache", PackageResources.landing_mustache),
        ("layout.mustache", PackageResources.layout_mustache),
        ("search.mustache", PackageResources.search_mustache),
        ("table-page.mustache", PackageResources.table_page_mustache),
        ("print.mustache", PackageResources.print_mustache),
        ("tables-index.mustache", PackageResources.tables_index_mustache),
        ("library.mustache", PackageResources.library_mustache),
        ("library-year.mustache", PackageResources.library_year_mustache),
        ("library-series.mustache", PackageResources.library_series_mustache),
        ("partials/report-summary.mustache", PackageResources.report_summary_mustache),
        ("partials/figure.mustache", PackageResources.figure_mustache),
        ("partials/table.mustache", PackageResources.table_mustache),
        ("partials/tables-nav.mustache", PackageResources.tables_nav_mustache),
        ("partials/tables-pager.mustache", PackageResources.tables_pager_mustache),
        ("strings.yaml", PackageResources.strings_yaml),
        ("assets/favicon.svg", PackageResources.favicon_svg),
        ("assets/print.css", PackageResources.print_css),
        ("assets/highlight.js", PackageResources.highlight_js),
        ("assets/search.js", PackageResources.search_js),
        ("assets/search-filters.js", PackageResources.search_filters_js),
        ("assets/site.js", PackageResources.site_js),
        ("assets/nav.css", PackageResources.nav_css),
        ("assets/nav.js", PackageResources.nav_js),
        ("assets/glossary.js", PackageResources.glossary_js),
        ("assets/style.css", PackageResources.style_css),
        ("assets/tables.css", PackageResources.tables_css),
        ("assets/tables.js", PackageResources.tables_js),
    ]
}
