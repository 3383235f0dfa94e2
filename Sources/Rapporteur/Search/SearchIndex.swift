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
        var postings: [SearchTokenizer.Term: [(section: Int, count: Int)]] = [:]
        for (number, section) in sections.enumerated() {
            SearchTokenizer.forEachTerm(of: section.heading) { postings[$0, default: []].add(section: number, weight: Self.headingWeight) }
            SearchTokenizer.forEachTerm(of: section.text) { postings[$0, default: []].add(section: number, weight: 1) }
        }
        // Dictionaries iterate in a different order in every process: sort for identical builds.
        // UTF-8 byte order is code point order.
        return postings.map { ($0.key.text, $0.value) }.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }

    /// `0:3 4 17:2`: section numbers, each with `:count` when the term occurs more than once.
    static func postingList(_ sections: [(section: Int, count: Int)]) -> String {
        var list = ""
        list.reserveCapacity(sections.count * 4)
        for (index, posting) in sections.enumerated() {
            if index > 0 { list.append(" ") }
            list.append(String(posting.section))
            if posting.count != 1 {
                list.append(":")
                list.append(String(posting.count))
            }
        }
        return list
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
            (term, JSONValue.string(Self.postingList(sections)))
        }
        return JSONValue.object([("language", .string(language)), ("sections", .array(sectionValues)), ("terms", .object(terms))])
            .serialized()
    }
}

extension Array where Element == (section: Int, count: Int) {
    /// Adds `weight` to the count of `section`: sections are added in order, so a term's postings
    /// stay sorted and unique.
    fileprivate mutating func add(section: Int, weight: Int) {
        if last?.section == section {
            self[count - 1].count += weight
        } else {
            append((section, weight))
        }
    }
}
