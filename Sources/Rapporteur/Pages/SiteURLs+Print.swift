import Model

extension SiteURLs {
    /// The whole report on one page, for printing: `/en/print/`.
    func printEdition(_ language: Language) -> String { home(language) + "print/" }

    /// The print edition as a PDF, at the site's root: `/report.en.pdf`.
    func pdf(_ language: Language) -> String { reportFiles + "report." + language.urlSegment + ".pdf" }

    /// The report's citation in a format (`bib`, `json`): `/report.en.bib`.
    func citation(_ language: Language, _ format: String) -> String { reportFiles + "report." + language.urlSegment + "." + format }

    /// Where a report's PDF and citations are: the site's root, or its data folder in a library.
    private var reportFiles: String { report.map { basePath + "data/" + $0 + "/" } ?? basePath }

    /// The way from a page at `path` back to the site's root (`../../` from `/en/print/`), so
    /// that a page opened from a file (by Chromium, for the PDF) finds its style sheets.
    func relativeRoot(from path: String) -> String {
        String(repeating: "../", count: path.dropFirst(basePath.count).filter { $0 == "/" }.count)
    }
}
