/// The files a build will write, known before any is written, so that a chapter's link to an
/// address of the site (`/sitemap.xml`, `/en/plenary/#opening`) is checked at its source line.
struct SiteFiles: Sendable {
    /// Output paths (`en/plenary/index.html`, `data/funding.csv`).
    let paths: Set<String>
    /// The chapter each chapter page shows, by output path.
    let chapters: [String: ExpandedChapter]

    init(paths: some Sequence<String>, index: [String: [String: ExpandedChapter]], urls: SiteURLs) {
        self.paths = Set(paths)
        var chapters: [String: ExpandedChapter] = [:]
        for expanded in index.values.flatMap(\.values) {
            chapters[urls.outputFile(of: urls.chapter(expanded.chapter.slug, expanded.chapter.language))] = expanded
        }
        self.chapters = chapters
    }

    /// The output file a site-absolute path names (`/en/plenary/` is `en/plenary/index.html`),
    /// without its query, percent-decoded.
    static func file(ofAbsolutePath path: Substring) -> String {
        let relative = path.dropFirst()
        return LinkChecker.outputFile(of: relative[..<(relative.firstIndex(of: "?") ?? relative.endIndex)])
    }
}
