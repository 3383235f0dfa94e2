/// The search index of one language: the sections a search can find, and the terms of each.
///
/// Written as JSON for `Templates/assets/search.js`:
///
/// ```json
/// {
///   "language": "en",
///   "sections": [{"chapter": "Plenary", "heading": "Opening", "url": "/en/plenary/#opening", "text": "..."}],
///   "terms": {"meet": "0:3 4 17:2"}
/// }
/// ```
///
/// `terms` maps every term (see `SearchTokenizer`) to the sections that hold it, as section
/// numbers separated by spaces, each with `:count` when the term occurs more than once. A term in
/// a heading counts `headingWeight` times, so sections about a subject come before passing mentions.
struct SearchIndex {
    /// A part of a page that a search result links to.
    struct Section: Equatable {
        /// The chapter's title (or "Tables" for a table page).
        var chapter: String
        /// The section's heading: the chapter title for the text before the first heading.
        var heading: String
        /// The page path with the heading's `#anchor`.
        var url: String
        /// The section's text, without markup, for matching phrases and showing an excerpt.
        var text: String
    }

    static let headingWeight = 5

    var language: String
    var sections: [Section] = []

    /// The postings of every term, in section order.
    func postings() -> [(term: String, sections: [(section: Int, count: Int)])] {
        var postings: [String: [(section: Int, count: Int)]] = [:]
        func add(_ term: String, section: Int, weight: Int) {
            postings[term, default: []].withLastOrNew(section: section) { $0 += weight }
        }
        for (number, section) in sections.enumerated() {
            for term in SearchTokenizer.terms(of: section.heading) { add(term, section: number, weight: Self.headingWeight) }
            for term in SearchTokenizer.terms(of: section.text) { add(term, section: number, weight: 1) }
        }
        // Dictionaries iterate in a different order in every process: sort for identical builds.
        // UTF-8 byte order is code point order.
        return postings.map { ($0.key, $0.value) }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }

    /// The index as JSON, the same bytes for the same sections.
    func json() -> String {
        let sectionValues = sections.map { section in
            JSONValue.object([
                ("chapter", .string(section.chapter)), ("heading", .string(section.heading)),
                ("url", .string(section.url)), ("text", .string(section.text)),
            ])
        }
        let terms = postings().map { term, sections in
            (term, JSONValue.string(sections.map { $0.count == 1 ? "\($0.section)" : "\($0.section):\($0.count)" }.joined(separator: " ")))
        }
        return JSONValue.object([("language", .string(language)), ("sections", .array(sectionValues)), ("terms", .object(terms))])
            .serialized()
    }
}

extension Array where Element == (section: Int, count: Int) {
    /// Updates the count of `section` when it is the last one listed, else lists it with 0 first:
    /// sections are added in order, so a term's postings stay sorted and unique.
    fileprivate mutating func withLastOrNew(section: Int, _ update: (inout Int) -> Void) {
        if last?.section != section { append((section, 0)) }
        update(&self[count - 1].count)
    }
}
