extension SearchIndex {
    /// The postings with every CJK character of a two-character term given the postings of all the
    /// terms that hold it. The text's terms have a character alone only where it stands alone; a
    /// query of one character must also find it inside longer runs, from the one chunk that holds
    /// the character. Terms stay in UTF-8 byte order.
    package static func addingCharacters(
        to postings: [(term: String, sections: ArraySlice<Posting>)], sectionCount: Int
    ) -> [(term: String, sections: ArraySlice<Posting>)] {
        var holders: [Unicode.Scalar: [Int]] = [:]
        var result: [(term: String, sections: ArraySlice<Posting>)] = []
        for (number, entry) in postings.enumerated() {
            let scalars = Array(entry.term.unicodeScalars)
            guard let first = scalars.first, SearchTokenizer.isCJK(first) else {
                result.append(entry)
                continue
            }
            holders[first, default: []].append(number)
            if let second = scalars.dropFirst().first, second != first { holders[second, default: []].append(number) }
            if scalars.count > 1 { result.append(entry) }  // a character alone is in its merged postings
        }
        // Counts per section, dense: a common character is in most sections.
        var counts = [Int32](repeating: 0, count: sectionCount)
        var inHeading = [Bool](repeating: false, count: sectionCount)
        var touched: [Int32] = []
        for (character, terms) in holders {
            for term in terms {
                for posting in postings[term].sections {
                    let section = Int(posting.section)
                    if counts[section] == 0 { touched.append(posting.section) }
                    counts[section] += posting.count
                    inHeading[section] = inHeading[section] || posting.inHeading
                }
            }
            touched.sort()
            let merged = touched.map { (section: $0, count: counts[Int($0)], inHeading: inHeading[Int($0)]) }
            result.append((String(character), merged[...]))
            for section in touched {
                counts[Int(section)] = 0
                inHeading[Int(section)] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        return result.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }
}
