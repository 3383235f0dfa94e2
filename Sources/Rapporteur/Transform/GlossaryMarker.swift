import Foundation
import Markdown
import Model
import Support

/// Marks up the acronyms of the glossary table (`content/tables/glossary.yaml`, columns `acronym`
/// and `expansion`) as `<abbr title>` on their first use in a chapter, in the chapter's language,
/// and the expansion in brackets after its first use where it fits (the interface string
/// `glossaryExpansion`), unless the text already spells it out: a title is a tooltip that touch
/// screens never show.
///
/// Works on the Markdown tree: only text inlines are marked, never the text of links, images,
/// code or headings, and never program-generated blocks (tables, figures). An acronym matches
/// whole: it is not preceded or followed by an ASCII letter or digit, so `TEL` is not found in
/// `TEL53`; at one place the longest acronym wins, so `MRA-ETR` is not read as `MRA`.
/// A cell such as `4K, 8K` names several acronyms with one expansion.
struct GlossaryMarker {
    /// An acronym and its expansion in the marker's language.
    struct Term: Hashable {
        var acronym: String
        var expansion: String
    }

    /// A term with the UTF-8 bytes of its acronym, compared at each candidate place, the forms
    /// of its expansion that count as spelling it out, lowercased once here, and the text that
    /// spells it out after the acronym.
    private struct Entry {
        var term: Term
        var bytes: [UInt8]
        var spelledForms: [CanonicalText]
        var spelling: String

        init(term: Term, expansionFormat: String) {
            self.term = term
            bytes = Array(term.acronym.utf8)
            spelling = expansionFormat.replacingOccurrences(of: "{expansion}", with: term.expansion)
            let expansion = term.expansion
            // Whole, or without its part in brackets (`third generation` for `third generation (mobile communications)`).
            let short = expansion.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? expansion
            let forms = [expansion, short].filter { !$0.isEmpty }.map { $0.lowercased() }
            spelledForms = (forms.count == 2 && forms[0] == forms[1] ? [forms[0]] : forms).map(CanonicalText.init)
        }
    }

    /// The acronyms by their first word (letters and digits), longest first.
    private let termsByFirstWord: [String: [Entry]]
    /// The bytes that start some acronym's first word, by byte value: a word starting with any
    /// other byte (most words) is skipped without making a string of it.
    private let startsFirstWord: [Bool]
    /// How the expansion follows the acronym, `{expansion}` standing for it: ` ({expansion})`;
    /// empty, the expansion is only the title.
    private let expansionFormat: String

    init(terms: [Term], expansionFormat: String) {
        self.expansionFormat = expansionFormat
        var byWord: [String: [Entry]] = [:]
        var starts = [Bool](repeating: false, count: 256)
        for term in terms where !term.acronym.isEmpty && !term.expansion.isEmpty {
            let word = Self.firstWord(of: term.acronym.utf8)
            byWord[word, default: []].append(Entry(term: term, expansionFormat: expansionFormat))
            if let first = word.utf8.first { starts[Int(first)] = true }
        }
        termsByFirstWord = byWord.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
        startsFirstWord = starts
    }

    /// The site's glossary in `language`; empty when the site has none.
    /// Made by `shared` when given, so that the reports of a library that share a glossary share its marker.
    init(project: Project, language: Language, shared: SharedMarkers? = nil) {
        let terms = project.report.glossary(in: language.code, fallback: project.config.languageCodes).flatMap { row in
            row.terms.split(separator: ",").map { Term(acronym: $0.trimmingCharacters(in: .whitespaces), expansion: row.expansion) }
        }
        let format = project.templates.strings[language.code]?["glossaryExpansion"] ?? " ({expansion})"
        self =
            shared.map { Self.marker(terms: terms, expansionFormat: format, from: $0) }
            ?? GlossaryMarker(terms: terms, expansionFormat: format)
    }

    /// The marker of `terms` in `shared`, made there the first time they are asked for.
    static func marker(terms: [Term], expansionFormat: String, from shared: SharedMarkers) -> GlossaryMarker {
        shared.value(Glossary(terms: terms, expansionFormat: expansionFormat)) {
            GlossaryMarker(terms: terms, expansionFormat: expansionFormat)
        }
    }

    /// What a marker is made of: the reports of a library that have the same share one marker.
    struct Glossary: Hashable {
        let terms: [Term]
        let expansionFormat: String
    }

    /// Markers by what they are made of, for a whole library: made once per glossary and
    /// language, rather than once per report for its outlines and again for its pages.
    typealias SharedMarkers = OnceByKey<Glossary, GlossaryMarker>

    /// `blocks` with the first use of each acronym marked, in document order.
    func mark(_ blocks: [Block]) -> [Block] {
        guard !termsByFirstWord.isEmpty else { return blocks }
        var used: Set<String> = []
        // An expansion is spelled out once a chapter even for several acronyms (`4K, 8K`).
        var spelledOut: Set<String> = []
        return Rewriter.rewrite(blocks, entering: Self.marksInside) { inline, result in
            if case .text(let text) = inline {
                mark(text, used: &used, spelledOut: &spelledOut, into: &result)
            } else {
                result.append(inline)
            }
        }
    }
}

// MARK: - Marking text

private extension GlossaryMarker {
    /// Text is marked in paragraphs, block quotes, lists and emphasis; not in headings, links or
    /// images (code and generated blocks have no text inlines).
    static func marksInside(_ node: Rewriter.Node) -> Bool {
        switch node {
        case .block(.heading), .inline(.link), .inline(.image): false
        default: true
        }
    }

    /// Splits one text inline around the acronyms used for the first time, and those whose
    /// expansion is spelled out here.
    func mark(_ text: String, used: inout Set<String>, spelledOut: inout Set<String>, into result: inout [Inline]) {
        var text = text
        let marked = text.withUTF8 { bytes in
            // The text lowercased, made when an expansion is first looked for in it.
            var lowercased: CanonicalText?
            var marked = false
            var plainStart = 0
            var position = 0
            while position < bytes.count {
                // Only a word starting with one of `startsFirstWord` is looked up.
                guard startsFirstWord[Int(bytes[position])], position == 0 || !Self.isWordByte(bytes[position - 1]) else {
                    position += 1
                    continue
                }
                var wordEnd = position + 1
                while wordEnd < bytes.count && Self.isWordByte(bytes[wordEnd]) { wordEnd += 1 }
                guard
                    let entry = termsByFirstWord[String(decoding: bytes[position..<wordEnd], as: UTF8.self)]?
                        .first(where: { Self.matches($0.bytes, in: bytes, at: position) })
                else {
                    position = wordEnd
                    continue
                }
                let end = position + entry.bytes.count
                let first = used.insert(entry.term.acronym).inserted
                let spellOut = spellsOutHere(entry, in: bytes, lowercased: &lowercased, after: end, spelledOut: &spelledOut)
                if first || spellOut {
                    if plainStart < position { result.append(.text(String(decoding: bytes[plainStart..<position], as: UTF8.self))) }
                    result.append(first ? .abbreviation(entry.term.acronym, title: entry.term.expansion) : .text(entry.term.acronym))
                    if spellOut { result.append(.text(entry.spelling)) }
                    plainStart = end
                    marked = true
                }
                position = end
            }
            if marked && plainStart < bytes.count { result.append(.text(String(decoding: bytes[plainStart...], as: UTF8.self))) }
            return marked
        }
        if !marked { result.append(.text(text)) }
    }

    /// Whether to spell the expansion out after the acronym that ends at `end`: the first time in
    /// the chapter it may stand there, unless the text already spells it out (then never again).
    /// Not inside a name (`MRA Task Force`: a capital follows), a compound (`CA&MRA`, `IPv6/IPv4`)
    /// nor before brackets that may explain it already.
    private func spellsOutHere(
        _ entry: Entry, in bytes: UnsafeBufferPointer<UInt8>, lowercased: inout CanonicalText?, after end: Int,
        spelledOut: inout Set<String>
    ) -> Bool {
        let expansion = entry.term.expansion
        guard !expansionFormat.isEmpty, !spelledOut.contains(expansion) else { return false }
        let haystack = lowercased ?? CanonicalText(String(decoding: bytes, as: UTF8.self).lowercased())
        lowercased = haystack
        if entry.spelledForms.contains(where: haystack.contains) {
            spelledOut.insert(expansion)
            return false
        }
        var next = end
        while next < bytes.count && bytes[next] == UInt8(ascii: " ") { next += 1 }
        if next < bytes.count {
            let following = bytes[next..<min(bytes.count, next + 3)]
            let joins = next == end && (bytes[next] == UInt8(ascii: "&") || bytes[next] == UInt8(ascii: "/"))
            if (65...90).contains(bytes[next]) || bytes[next] == UInt8(ascii: "(") || following.elementsEqual("（".utf8) || joins {
                return false
            }
        }
        spelledOut.insert(expansion)
        return true
    }

    /// Whether `acronym` is at `position` and ends at a word boundary.
    static func matches(_ acronym: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let end = position + acronym.count
        guard end <= bytes.count, bytes[position..<end].elementsEqual(acronym) else { return false }
        return end == bytes.count || !isWordByte(bytes[end])
    }

    /// An ASCII letter or digit: acronyms are ASCII, so UTF-8 bytes of other characters never match.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func firstWord(of bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix { isWordByte($0) }, as: UTF8.self)
    }
}
