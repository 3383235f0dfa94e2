import Foundation
import Model

/// The search index of one language: the sections a search can find, and the terms of each.
///
/// Written as JSON for the theme's `assets/search.js`:
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
package struct SearchIndex {
    /// A part of a page that a search result links to.
    package struct Section: Equatable {
        /// The chapter's title (or "Tables" for a table page).
        package var chapter: String
        /// The section's heading: the chapter title for the text before the first heading.
        package var heading: String
        /// The page path with the heading's `#anchor`.
        package var url: String
        /// The section's text, without markup, for matching phrases and showing an excerpt.
        package var text: String

        package init(chapter: String, heading: String, url: String, text: String) {
            self.chapter = chapter
            self.heading = heading
            self.url = url
            self.text = text
        }
    }

    package static let headingWeight = 5

    package var language: String
    package var sections: [Section] = []

    package init(language: String, sections: [Section] = []) {
        self.language = language
        self.sections = sections
    }

    package typealias Posting = (section: Int32, count: Int32)

    /// The postings of every term, the terms in UTF-8 byte order (code point order), each term's
    /// sections in order.
    package func postings() -> [(term: String, sections: ArraySlice<Posting>)] {
        var terms = SearchTerms(rules: SearchRules(language: language))
        // Each term's posting in the last section it was seen in; its earlier ones are in
        // `finished`. Few terms, so `latest` stays in the cache, and `finished` is only appended to.
        var latest: [Posting] = []
        var finished: [(term: Int32, posting: Posting)] = []
        finished.reserveCapacity(sections.reduce(0) { $0 + $1.text.utf8.count } / 4)  // a guess, to save copies as it grows
        var numbers: [Int] = []
        for section in sections.indices {
            numbers.removeAll(keepingCapacity: true)
            terms.appendTerms(of: sections[section].heading, to: &numbers)
            let headingTerms = numbers.count
            terms.appendTerms(of: sections[section].text, to: &numbers)
            let section = Int32(section)
            for (index, term) in numbers.enumerated() {
                if term == latest.count {
                    latest.append((section, 0))
                } else if latest[term].section != section {
                    finished.append((Int32(term), latest[term]))
                    latest[term] = (section, 0)
                }
                latest[term].count += index < headingTerms ? Int32(Self.headingWeight) : 1
            }
        }
        finished += latest.enumerated().map { (Int32($0), $1) }
        // Group the postings by term with a counting sort, which keeps each term's in section order.
        var starts = [Int](repeating: 0, count: latest.count + 1)
        for (term, _) in finished { starts[Int(term) + 1] += 1 }
        for term in latest.indices { starts[term + 1] += starts[term] }
        var ends = starts
        var grouped = [Posting](repeating: (0, 0), count: finished.count)
        for (term, posting) in finished {
            grouped[ends[Int(term)]] = posting
            ends[Int(term)] += 1
        }
        return latest.indices.map { (terms.text(of: $0), grouped[starts[$0]..<starts[$0 + 1]]) }
            .sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
    }

    /// The index as UTF-8 JSON, the same bytes for the same sections: what `JSONValue` would write,
    /// written directly, as the index of a large site is tens of megabytes.
    package func json() -> Data {
        let postings = postings()
        let estimatedSize = sections.reduce(0) { $0 + $1.text.utf8.count + 200 } + postings.reduce(0) { $0 + 20 + $1.sections.count * 8 }
        var data = Data(capacity: estimatedSize)
        // Written into a chunk that is moved to `data` when full: small appends to `Data` are slow,
        // and so is copying all of it at the end.
        var json: [UInt8] = []
        func flush(ifOver limit: Int) {
            guard json.count > limit else { return }
            data.append(contentsOf: json)
            json.removeAll(keepingCapacity: true)
        }
        json += "{\n  \"language\": ".utf8
        JSONValue.writeString(language, into: &json)
        json += ",\n  \"sections\": ".utf8
        if sections.isEmpty { json += "[]".utf8 }
        for (number, section) in sections.enumerated() {
            json += number == 0 ? "[\n    {\n      \"chapter\": ".utf8 : ",\n    {\n      \"chapter\": ".utf8
            JSONValue.writeString(section.chapter, into: &json)
            json += ",\n      \"heading\": ".utf8
            JSONValue.writeString(section.heading, into: &json)
            json += ",\n      \"url\": ".utf8
            JSONValue.writeString(section.url, into: &json)
            json += ",\n      \"text\": ".utf8
            JSONValue.writeString(section.text, into: &json)
            json += "\n    }".utf8
            if number == sections.count - 1 { json += "\n  ]".utf8 }
            flush(ifOver: 1 << 16)
        }
        json += ",\n  \"terms\": ".utf8
        if postings.isEmpty { json += "{}".utf8 }
        // Room to write any posting list in, 22 bytes (` 2147483647:2147483647`) for each posting.
        var room = [UInt8](repeating: 0, count: 22 * (postings.lazy.map(\.sections.count).max() ?? 0))
        for (index, (term, sections)) in postings.enumerated() {
            json += index == 0 ? "{\n    ".utf8 : ",\n    ".utf8
            JSONValue.writeString(term, into: &json)
            json += ": \"".utf8
            Self.writePostingList(sections, into: &json, room: &room)
            json.append(UInt8(ascii: "\""))
            if index == postings.count - 1 { json += "\n  }".utf8 }
            flush(ifOver: 1 << 16)
        }
        json += "\n}\n".utf8
        flush(ifOver: 0)
        return data
    }

    /// `0:3 4 17:2`: section numbers, each with `:count` when the term occurs more than once.
    private static func writePostingList(_ sections: ArraySlice<Posting>, into json: inout [UInt8], room: inout [UInt8]) {
        // Written in place, then appended at once: there are millions of postings.
        let end = room.withUnsafeMutableBufferPointer { room in
            var end = 0
            for (index, posting) in sections.enumerated() {
                if index > 0 {
                    room[end] = UInt8(ascii: " ")
                    end += 1
                }
                writeDecimal(posting.section, into: room, at: &end)
                if posting.count != 1 {
                    room[end] = UInt8(ascii: ":")
                    end += 1
                    writeDecimal(posting.count, into: room, at: &end)
                }
            }
            return end
        }
        json += room[..<end]
    }

    private static func writeDecimal(_ number: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, at end: inout Int) {
        var digits = 1
        var rest = number
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        rest = number
        for offset in (0..<digits).reversed() {
            buffer[end + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        end += digits
    }
}
