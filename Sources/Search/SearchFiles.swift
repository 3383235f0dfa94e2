import Foundation
import Model
import Support

/// The files of one language's search, as `assets/search.js` reads them, so that a query fetches
/// a few kilobytes rather than the whole index. All are compact JSON in `<lang>/search/`:
///
/// - `index.json`, the manifest, the one file with a stable name:
///   `{"language":"en","sections":412,"tables":[400],"chunks":[["","0a1b2c3d4e5f"],["apec","…"]],
///   "fragments":"fragments-<hash>/","perFragment":2,"variants":"variants-<hash>.json","synonyms":[["viet nam","vietnam"]],
///   "help":"help-<hash>.json"}`, in a library also `"reports":"reports-<hash>.json"` (`SearchReports`).
///   `tables` are the table pages' sections (ranked below prose).
/// - `terms-<hash>.json`, a chunk of the postings: `{"apec":"0:7* 3 12"}`. A term is in the chunk
///   of the manifest's `chunks` whose first term is the last one not after it (code point order).
///   A posting is a section number, written as its difference from the one before; `:n` when the
///   term's count is not 1, `*` when it is in the section's heading.
/// - `fragments-<hash>/<n>.json`: sections `n * perFragment` up to the next file's, each
///   `{"chapter","heading","url","text"}` (and `"report"`, `"reportLabel"`: its title, meeting and year, in a library), the text
///   cut at `fragmentTextBytes`. The folder's name is the hash of all of them.
/// - `variants-<hash>.json`: `{"pairs":"臺台灣湾"}`, each character followed by its folded form,
///   for the characters whose folded form the site uses (see `CharacterVariants`).
/// - `help-<hash>.json`: what a search that finds nothing shows (`SearchHelp`).
///
/// Every name but the manifest's carries a hash of its content, so a host can cache it forever.
package struct SearchFiles {
    /// Files in the search folder, by name relative to it.
    package struct File: Equatable {
        package var name: String
        package var data: Data
    }

    package static let manifestName = "index.json"
    /// The section text a result can show: enough for an excerpt, not the whole of a long table.
    package static let fragmentTextBytes = 1_000
    /// How large a fragment file is: 1 KB (a section or two: what 8 results fetch stays small),
    /// larger on a large site so there are about 1,024 files a language, up to 4 KB (8 results
    /// then fetch 32 KB at most). Every file written costs the build more than its bytes do.
    package static func fragmentFileBytes(totalBytes: Int) -> Int { min(4_096, max(1_024, totalBytes / 1_024)) }
    /// No chunk is planned below this size (a chunk with one long posting list is larger).
    static let smallestChunkBudget = 2_048

    package private(set) var manifest = File(name: manifestName, data: Data())
    package private(set) var files: [File] = []
    /// The first term of each chunk and the chunk's file name, as the manifest lists them.
    package private(set) var chunks: [(firstTerm: String, name: String)] = []

    package init(index: SearchIndex, synonyms: [[String]] = [], help: SearchHelp = SearchHelp(), reports: SearchReports? = nil) {
        let postings = SearchIndex.addingCharacters(to: index.postings(), sectionCount: index.sections.count)
        writeChunks(postings)
        let fragments = writeFragments(index.sections)
        let characters = Set(postings.compactMap { entry in entry.term.unicodeScalars.count == 1 ? entry.term.unicodeScalars.first : nil })
        let variants = CharacterVariants.pairs(foldingInto: characters)
        var variantsName: String?
        if !variants.isEmpty {
            var pairs = ""
            for pair in variants { pairs.unicodeScalars += [pair.character, pair.folded] }
            variantsName = add("variants", Self.object([("pairs", Self.string(pairs))]))
        }
        let helpName = add("help", help.json())
        let reportsName = reports.map { add("reports", $0.json()) }

        var json: [UInt8] = []
        json += "{\"language\":".utf8
        JSONValue.writeString(index.language, into: &json)
        json += ",\"sections\":\(index.sections.count),\"tables\":[".utf8
        json += index.sections.indices.filter { index.sections[$0].kind == .table }.map(String.init).joined(separator: ",").utf8
        json += "],\"chunks\":[".utf8
        for (number, chunk) in chunks.enumerated() {
            json += (number == 0 ? "[" : ",[").utf8
            JSONValue.writeString(chunk.firstTerm, into: &json)
            json += ",\"\(Self.hash(ofName: chunk.name))\"]".utf8
        }
        json += "],\"fragments\":".utf8
        JSONValue.writeString(fragments.folder, into: &json)
        json += ",\"perFragment\":\(fragments.perFile)".utf8
        if let variantsName {
            json += ",\"variants\":".utf8
            JSONValue.writeString(variantsName, into: &json)
        }
        json += ",\"synonyms\":".utf8
        json += Self.array(synonyms.map { group in Self.array(group.map(Self.string)) })
        json += ",\"help\":".utf8
        JSONValue.writeString(helpName, into: &json)
        if let reportsName {
            json += ",\"reports\":".utf8
            JSONValue.writeString(reportsName, into: &json)
        }
        json += "}\n".utf8
        manifest = File(name: Self.manifestName, data: Data(json))
    }

    // MARK: - Chunks

    /// The chunk size at which a two-term query's chunks weigh about what the manifest's list of
    /// chunks does (about 20 bytes a chunk), which makes their sum least: `sqrt(10 × total)`.
    package static func chunkBudget(totalBytes: Int) -> Int {
        max(smallestChunkBudget, Int(Double(10 * totalBytes).squareRoot()))
    }

    private mutating func writeChunks(_ postings: [(term: String, sections: ArraySlice<SearchIndex.Posting>)]) {
        // Every entry (`"term":"postings"`) is written once, end to end, then cut into chunks.
        var entries: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(postings.count)
        for (term, sections) in postings {
            JSONValue.writeString(term, into: &entries)
            entries += ":\"".utf8
            Self.writePostings(sections, into: &entries)
            entries.append(UInt8(ascii: "\""))
            ends.append(entries.count)
        }
        let budget = Self.chunkBudget(totalBytes: entries.count)
        var first = 0
        var start = 0
        for number in postings.indices where ends[number] - start >= budget || number == postings.count - 1 {
            var json: [UInt8] = [UInt8(ascii: "{")]
            var entryStart = start
            for entry in first...number {
                if entry > first { json.append(UInt8(ascii: ",")) }
                json += entries[entryStart..<ends[entry]]
                entryStart = ends[entry]
            }
            json += "}\n".utf8
            chunks.append((postings[first].term, add("terms", json)))
            first = number + 1
            start = ends[number]
        }
    }

    /// `0:7* 3 12`: each section as its difference from the one before, `:count` when the count is
    /// not 1, `*` when the term is in the heading.
    static func writePostings(_ sections: ArraySlice<SearchIndex.Posting>, into json: inout [UInt8]) {
        var previous: Int32 = 0
        for (index, posting) in sections.enumerated() {
            if index > 0 { json.append(UInt8(ascii: " ")) }
            appendDecimal(posting.section - previous, to: &json)
            if posting.count != 1 {
                json.append(UInt8(ascii: ":"))
                appendDecimal(posting.count, to: &json)
            }
            if posting.inHeading { json.append(UInt8(ascii: "*")) }
            previous = posting.section
        }
    }

    /// Digits written directly: there are millions of postings, and a `String` each is slow.
    private static func appendDecimal(_ number: Int32, to json: inout [UInt8]) {
        var divisor: Int32 = 1
        while number / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            json.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }

    // MARK: - Fragments

    private mutating func writeFragments(_ sections: [SearchIndex.Section]) -> (folder: String, perFile: Int) {
        let entries = sections.map { section in
            var pairs = [
                ("chapter", Self.string(section.chapter)), ("heading", Self.string(section.heading)), ("url", Self.string(section.url)),
                ("text", Self.string(Self.prefix(of: section.text, bytes: Self.fragmentTextBytes))),
            ]
            if !section.report.isEmpty {
                pairs += [("report", Self.string(section.report)), ("reportLabel", Self.string(section.reportLabel))]
            }
            return Self.object(pairs)
        }
        let total = entries.reduce(0) { $0 + $1.count }
        let perFile = max(1, Int((Double(Self.fragmentFileBytes(totalBytes: total) * entries.count) / Double(max(total, 1))).rounded()))
        var hasher = FNV1a()
        var files: [(number: Int, data: [UInt8])] = []
        for start in stride(from: 0, to: entries.count, by: perFile) {
            let data = Self.array(entries[start..<min(start + perFile, entries.count)])
            hasher.add(data)
            files.append((start / perFile, data))
        }
        let folder = "fragments-\(Self.name(hasher.value))/"
        for file in files { self.files.append(File(name: folder + "\(file.number).json", data: Data(file.data))) }
        return (folder, perFile)
    }

    /// The start of `text` up to `bytes` of UTF-8, not cutting a character.
    static func prefix(of text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: bytes)
        while end.samePosition(in: text.unicodeScalars) == nil { end = text.utf8.index(before: end) }
        return String(text.unicodeScalars[..<end])
    }

    // MARK: - Names and JSON

    /// Adds a file named `<kind>-<hash>.json` and returns its name.
    private mutating func add(_ kind: String, _ json: [UInt8]) -> String {
        var hasher = FNV1a()
        hasher.add(json)
        let name = "\(kind)-\(Self.name(hasher.value)).json"
        files.append(File(name: name, data: Data(json)))
        return name
    }

    /// 12 hexadecimal digits (48 bits) of a hash: no two of a site's files share them in practice.
    private static func name(_ hash: UInt64) -> String {
        let digits = String(hash >> 16, radix: 16)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// The hash in a chunk's name, `terms-<hash>.json`, which is all the manifest lists of it.
    private static func hash(ofName name: String) -> Substring { name.dropFirst("terms-".count).dropLast(".json".count) }

    static func string(_ text: String) -> [UInt8] {
        var json: [UInt8] = []
        JSONValue.writeString(text, into: &json)
        return json
    }

    static func array(_ items: some Collection<[UInt8]>) -> [UInt8] {
        [UInt8(ascii: "[")] + Array(items.joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "]")]
    }

    static func object(_ pairs: [(String, [UInt8])]) -> [UInt8] {
        var json: [UInt8] = [UInt8(ascii: "{")]
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            JSONValue.writeString(key, into: &json)
            json.append(UInt8(ascii: ":"))
            json += value
        }
        json.append(UInt8(ascii: "}"))
        return json
    }
}
