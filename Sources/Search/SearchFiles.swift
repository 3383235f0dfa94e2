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
        let postings = index.postings()
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
        var entries = Entries()
        for (term, sections) in postings {
            JSONValue.writeString(term, into: &entries.bytes)
            entries.bytes += ":\"".utf8
            Self.writePostings(sections, into: &entries.bytes)
            entries.bytes.append(UInt8(ascii: "\""))
            entries.end()
        }
        let budget = Self.chunkBudget(totalBytes: entries.bytes.count)
        var first = 0
        for number in postings.indices where entries.ends[number + 1] - entries.ends[first] >= budget || number == postings.count - 1 {
            chunks.append((postings[first].term, add("terms", entries.joined(first...number, open: "{", close: "}\n"))))
            first = number + 1
        }
    }

    /// `0:7* 3 12`: each section as its difference from the one before, `:count` when the count is
    /// not 1, `*` when the term is in the heading.
    static func writePostings(_ sections: ArraySlice<SearchIndex.Posting>, into json: inout [UInt8]) {
        // Into a buffer of the most a posting can take, then appended whole: there are millions of
        // postings, and appending byte by byte checks the array's capacity at each byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: sections.count * maxPostingBytes) { buffer in
            var end = 0
            func write(_ byte: UInt8) {
                buffer[end] = byte
                end += 1
            }
            func writeDecimal(_ number: Int32) {
                let number = UInt32(number)
                guard number >= 10 else {  // most counts, and most differences between sections
                    write(UInt8(ascii: "0") + UInt8(number))
                    return
                }
                var divisor: UInt32 = 10
                while number / divisor >= 10 { divisor *= 10 }
                while divisor > 0 {
                    write(UInt8(ascii: "0") + UInt8(number / divisor % 10))
                    divisor /= 10
                }
            }
            var previous: Int32 = 0
            for posting in sections {
                if end > 0 { write(UInt8(ascii: " ")) }
                writeDecimal(posting.section - previous)
                if posting.count != 1 {
                    write(UInt8(ascii: ":"))
                    writeDecimal(posting.count)
                }
                if posting.inHeading { write(UInt8(ascii: "*")) }
                previous = posting.section
            }
            json += UnsafeBufferPointer(rebasing: buffer[..<end])
        }
    }

    /// A space, two numbers of up to 10 digits, `:` and `*`.
    private static let maxPostingBytes = 24

    // MARK: - Fragments

    private mutating func writeFragments(_ sections: [SearchIndex.Section]) -> (folder: String, perFile: Int) {
        var entries = Entries()
        for section in sections {
            // The keys as static bytes, with no array of fields: there is an entry for every section.
            Self.writeField("{\"chapter\":", section.chapter, into: &entries.bytes)
            Self.writeField(",\"heading\":", section.heading, into: &entries.bytes)
            Self.writeField(",\"url\":", section.url, into: &entries.bytes)
            entries.bytes += ",\"text\":".utf8
            Self.prefix(of: section.utf8, bytes: Self.fragmentTextBytes).withUnsafeBufferPointer {
                JSONValue.writeString(utf8: $0, into: &entries.bytes)
            }
            if !section.report.isEmpty {
                Self.writeField(",\"report\":", section.report, into: &entries.bytes)
                Self.writeField(",\"reportLabel\":", section.reportLabel, into: &entries.bytes)
            }
            entries.bytes.append(UInt8(ascii: "}"))
            entries.end()
        }
        let total = entries.bytes.count
        let perFile = max(1, Int((Double(Self.fragmentFileBytes(totalBytes: total) * sections.count) / Double(max(total, 1))).rounded()))
        var hasher = FNV1a()
        var files: [(number: Int, data: Data)] = []
        for start in stride(from: 0, to: sections.count, by: perFile) {
            // Each file's bytes are made `Data` at once: a copy of them all would otherwise be held
            // until the folder, named by all of them, is known.
            let data = Data(entries.joined(start...(min(start + perFile, sections.count) - 1), open: "[", close: "]"))
            hasher.add(data)
            files.append((start / perFile, data))
        }
        let folder = "fragments-\(Self.name(hasher.value))/"
        for file in files { self.files.append(File(name: folder + "\(file.number).json", data: file.data)) }
        return (folder, perFile)
    }

    /// Writes `key` (with what comes before it and the colon) and `value` as a JSON string.
    private static func writeField(_ key: StaticString, _ value: String, into json: inout [UInt8]) {
        json += UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        JSONValue.writeString(value, into: &json)
    }

    /// The start of the UTF-8 text `utf8` up to `bytes`, not cutting a character.
    static func prefix(of utf8: [UInt8], bytes: Int) -> ArraySlice<UInt8> {
        guard utf8.count > bytes else { return utf8[...] }
        var end = bytes
        while utf8[end] & 0xC0 == 0x80 { end -= 1 }  // a continuation byte, inside a character
        return utf8[..<end]
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

    /// JSON values written end to end into one buffer, then joined in files by ranges of them.
    private struct Entries {
        var bytes: [UInt8] = []
        /// Entry `n` is `bytes[ends[n]..<ends[n + 1]]`.
        private(set) var ends = [0]

        /// Ends the entry written since the last one.
        mutating func end() { ends.append(bytes.count) }

        /// The entries of `range`, separated by commas, between `open` and `close`.
        func joined(_ range: ClosedRange<Int>, open: String, close: String) -> [UInt8] {
            var json = Array(open.utf8)
            json.reserveCapacity(ends[range.upperBound + 1] - ends[range.lowerBound] + range.count + close.utf8.count)
            for entry in range {
                if entry > range.lowerBound { json.append(UInt8(ascii: ",")) }
                json += bytes[ends[entry]..<ends[entry + 1]]
            }
            json += close.utf8
            return json
        }
    }

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
