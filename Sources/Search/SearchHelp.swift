import Model

/// What the search page offers when a query finds nothing: the chapters, and the glossary's terms
/// (the nearest one is suggested). Written as `{"chapters":[{"title","url"}],"glossary":[{"term","expansion"}],"glossaryURL"}`.
package struct SearchHelp {
    package var chapters: [(title: String, url: String)]
    package var glossary: [(term: String, expansion: String)]
    /// The glossary's page, where every suggested term links.
    package var glossaryURL: String

    package init(
        chapters: [(title: String, url: String)] = [], glossary: [(term: String, expansion: String)] = [], glossaryURL: String = ""
    ) {
        self.chapters = chapters
        self.glossary = glossary
        self.glossaryURL = glossaryURL
    }

    func json() -> [UInt8] {
        let chapters = chapters.map { SearchFiles.object([("title", SearchFiles.string($0.title)), ("url", SearchFiles.string($0.url))]) }
        let glossary = glossary.map {
            SearchFiles.object([("term", SearchFiles.string($0.term)), ("expansion", SearchFiles.string($0.expansion))])
        }
        return SearchFiles.object([
            ("chapters", SearchFiles.array(chapters)), ("glossary", SearchFiles.array(glossary)),
            ("glossaryURL", SearchFiles.string(glossaryURL)),
        ])
    }
}
