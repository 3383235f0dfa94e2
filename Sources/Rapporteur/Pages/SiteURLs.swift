import Model

/// The addresses of the site's pages: paths start with the base path, so the site works at a
/// domain root and under a sub-path; `absolute` gives canonical and alternate URLs.
struct SiteURLs: Sendable {
    /// `https://example.org/tel53/`
    let baseURL: String
    /// `/tel53/`
    let basePath: String
    /// The report whose pages these are, in a library of reports (`tel54`); nil for a one-report site.
    var report: String? = nil

    /// The addresses of a report of the library, under `/<lang>/<report>/`.
    func forReport(_ id: String) -> SiteURLs { SiteURLs(baseURL: baseURL, basePath: basePath, report: id) }

    /// The folder of the report's files beside its pages (`data/`, `figures/`): `tel54/` in a library.
    private var reportFolder: String { report.map { $0 + "/" } ?? "" }

    var landing: String { basePath }
    /// The home of a language: of the site, or in a library of the library.
    func siteHome(_ language: Language) -> String { basePath + language.urlSegment + "/" }
    /// The report's home in a language.
    func home(_ language: Language) -> String { siteHome(language) + reportFolder }
    func chapter(_ slug: String, _ language: Language) -> String { home(language) + slug + "/" }
    func tablesIndex(_ language: Language) -> String { home(language) + "tables/" }
    func table(_ name: String, _ language: Language) -> String { tablesIndex(language) + name + "/" }
    func data(_ name: String, _ format: String) -> String { basePath + "data/" + reportFolder + name + "." + format }
    func asset(_ path: String) -> String { basePath + "assets/" + path }
    /// A figure's image, `content/figures/PATH` copied to `figures/PATH`.
    func figure(_ path: String) -> String { basePath + "figures/" + reportFolder + path }

    /// The full URL of a site path.
    func absolute(_ path: String) -> String {
        baseURL + path.dropFirst(basePath.count)
    }

    /// The output file of a page path: `/tel53/en/plenary/` is `en/plenary/index.html`.
    func outputFile(of path: String) -> String {
        let relative = String(path.dropFirst(basePath.count))
        return relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
    }
}
