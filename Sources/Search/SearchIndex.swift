import Foundation
import Model

/// The search index of one language: the sections a search can find, and the terms of each.
///
/// `SearchFiles` writes it as the files `assets/search.js` reads: a manifest, postings in chunks
/// and the sections' text in fragments. A term in a heading counts `headingWeight` times, and its
/// posting says so, so sections about a subject come before passing mentions.
package struct SearchIndex {
    /// A part of a page that a search result links to.
    package struct Section: Equatable {
        /// What the section is: prose ranks above table rows (the glossary is a table).
        package enum Kind: Equatable, Sendable {
            case prose, table
        }

        /// The chapter's title (or "Tables" for a table page).
        package var chapter: String
        /// The section's heading: the chapter title for the text before the first heading.
        package var heading: String
        /// The page path with the heading's `#anchor`.
        package var url: String
        /// The section's text as UTF-8, without markup, for matching phrases and showing an
        /// excerpt: kept as it is gathered, since its terms are read from the bytes and only an
        /// excerpt of it is written (making a `String` of it all would check every byte again).
        package var utf8: [UInt8]
        package var kind: Kind
        /// The report the section belongs to in a library of reports; empty for a one-report site.
        package var report: String
        /// What a result says of `report`: its title, meeting and year.
        package var reportLabel = ""

        package init(chapter: String, heading: String, url: String, text: String, kind: Kind = .prose, report: String = "") {
            self.chapter = chapter
            self.heading = heading
            self.url = url
            self.utf8 = Array(text.utf8)
            self.kind = kind
            self.report = report
        }
    }

    package static let headingWeight = 5

    package var language: String
    package var sections: [Section] = []

    package init(language: String, sections: [Section] = []) {
        self.language = language
        self.sections = sections
    }

    /// A term's occurrences in a section: `count` weighs those in the heading `headingWeight` times.
    package typealias Posting = (section: Int32, count: Int32, inHeading: Bool)

    /// The postings of every term, the terms in UTF-8 byte order (code point order), each term's
    /// sections in order. A CJK character has the postings of every term that holds it: the text's
    /// terms have a character alone only where it stands alone, and a query of one character must
    /// also find it inside longer runs, from the one chunk that holds the character.
    package func postings() -> [(term: String, sections: ArraySlice<Posting>)] {
        var terms = SearchTerms(rules: SearchRules(language: language))
        // Each term's posting in the last section it was seen in, and its earlier ones in
        // `finished`, a list per term: the postings, most of the index's memory, are never grouped
        // or copied whole.
        var latest: [Posting] = []
        var finished: [[Posting]] = []
        var numbers: [Int] = []
        // The characters of each term that is a pair, posted with it (see `SearchTerms.appendCharacters`).
        var held: [SearchTerms.Characters] = []
        for section in sections.indices {
            numbers.removeAll(keepingCapacity: true)
            terms.appendTerms(of: sections[section].heading, to: &numbers)
            let headingTerms = numbers.count
            sections[section].utf8.withUnsafeBufferPointer { terms.appendTerms(ofUTF8: $0, to: &numbers) }
            terms.appendCharacters(to: &held)
            // A term seen for the first time has no posting yet (section -1).
            latest += repeatElement((section: -1, count: 0, inHeading: false) as Posting, count: terms.count - latest.count)
            finished += repeatElement([], count: terms.count - finished.count)
            let section = Int32(section)
            latest.withUnsafeMutableBufferPointer { latest in
                finished.withUnsafeMutableBufferPointer { finished in
                    held.withUnsafeBufferPointer { held in
                        for (index, term) in numbers.enumerated() {
                            let inHeading = index < headingTerms
                            Self.post(term, section: section, inHeading: inHeading, latest: latest, finished: finished)
                            let characters = held[term]
                            guard characters.first >= 0 else { continue }
                            Self.post(Int(characters.first), section: section, inHeading: inHeading, latest: latest, finished: finished)
                            guard characters.second >= 0 else { continue }
                            Self.post(Int(characters.second), section: section, inHeading: inHeading, latest: latest, finished: finished)
                        }
                    }
                }
            }
        }
        for term in latest.indices { finished[term].append(latest[term]) }
        // Sorted as numbers compared by their bytes: moving and comparing `String`s costs more.
        return terms.numbersInByteOrder().map { (terms.text(of: $0), finished[$0][...]) }
    }

    /// Counts an occurrence of `term` in `section` into its latest posting, moving the one before
    /// to the term's `finished` when it was another section's.
    @inline(__always)
    private static func post(
        _ term: Int, section: Int32, inHeading: Bool, latest: UnsafeMutableBufferPointer<Posting>,
        finished: UnsafeMutableBufferPointer<[Posting]>
    ) {
        if latest[term].section != section {
            if latest[term].section >= 0 { finished[term].append(latest[term]) }
            latest[term] = (section, 0, false)
        }
        if inHeading {
            latest[term].count += Int32(headingWeight)
            latest[term].inHeading = true
        } else {
            latest[term].count += 1
        }
    }
}
