extension SearchIndex {
    /// The postings with every CJK character of a two-character term given the postings of all the
    /// terms that hold it. The text's terms have a character alone only where it stands alone; a
    /// query of one character must also find it inside longer runs, from the one chunk that holds
    /// the character. Terms stay in UTF-8 byte order.
    package static func addingCharacters(
        to postings: [(term: String, sections: ArraySlice<Posting>)], sectionCount: Int
    ) -> [(term: String, sections: ArraySlice<Posting>)] {
        var holders: [Unicode.Scalar: [Int]] = [:]
        var others: [(term: String, sections: ArraySlice<Posting>)] = []
        for (number, entry) in postings.enumerated() {
            var scalars = entry.term.unicodeScalars.makeIterator()
            guard let first = scalars.next(), SearchTokenizer.isCJK(first) else {
                others.append(entry)
                continue
            }
            holders[first, default: []].append(number)
            let second = scalars.next()
            if let second, second != first { holders[second, default: []].append(number) }
            if second != nil { others.append(entry) }  // a character alone is in its merged postings
        }
        // Counts per section, dense: a common character is in most sections. Read through buffer
        // pointers: every posting of every pair is added here twice, once for each character.
        var counts = [Int32](repeating: 0, count: sectionCount)
        var inHeading = [Bool](repeating: false, count: sectionCount)
        var touched: [Int32] = []
        var characters: [(term: String, sections: ArraySlice<Posting>)] = []
        counts.withUnsafeMutableBufferPointer { counts in
            inHeading.withUnsafeMutableBufferPointer { inHeading in
                // In code point order, which is UTF-8 byte order.
                for (character, terms) in holders.sorted(by: { $0.key.value < $1.key.value }) {
                    for term in terms {
                        for posting in postings[term].sections {
                            let section = Int(posting.section)
                            if counts[section] == 0 { touched.append(posting.section) }
                            counts[section] += posting.count
                            inHeading[section] = inHeading[section] || posting.inHeading
                        }
                    }
                    // A common character is in most sections: reading the counts in order is then
                    // cheaper than sorting the sections it is in.
                    if touched.count > sectionCount / 16 {
                        touched = (0..<Int32(sectionCount)).filter { counts[Int($0)] > 0 }
                    } else {
                        touched.sort()
                    }
                    var merged: [Posting] = []
                    merged.reserveCapacity(touched.count)
                    for section in touched {
                        merged.append((section, counts[Int(section)], inHeading[Int(section)]))
                        counts[Int(section)] = 0
                        inHeading[Int(section)] = false
                    }
                    characters.append((String(character), merged[...]))
                    touched.removeAll(keepingCapacity: true)
                }
            }
        }
        return merging(others, characters)
    }

    /// Two lists of postings in UTF-8 byte order of their terms, as one in that order.
    private static func merging(
        _ first: [(term: String, sections: ArraySlice<Posting>)], _ second: [(term: String, sections: ArraySlice<Posting>)]
    ) -> [(term: String, sections: ArraySlice<Posting>)] {
        var result: [(term: String, sections: ArraySlice<Posting>)] = []
        result.reserveCapacity(first.count + second.count)
        var firstIndex = 0
        var secondIndex = 0
        while firstIndex < first.count || secondIndex < second.count {
            if secondIndex == second.count
                || (firstIndex < first.count && first[firstIndex].term.utf8.lexicographicallyPrecedes(second[secondIndex].term.utf8))
            {
                result.append(first[firstIndex])
                firstIndex += 1
            } else {
                result.append(second[secondIndex])
                secondIndex += 1
            }
        }
        return result
    }
}
