import Foundation
import Testing

@testable import Search

/// The split search index: chunks a query term maps to, their budget, names that change with
/// content, and the folding of character variants.
@Suite struct SearchFilesTests {
    /// Sections enough for many chunks: English and Chinese words, a heading each.
    static func sections(count: Int, changing changed: Int? = nil) -> [SearchIndex.Section] {
        let words = ["spectrum", "broadband", "cybersecurity", "meeting", "economy", "workshop", "資安", "電信", "臺灣", "會議", "頻譜", "寬頻"]
        return (0..<count).map { number in
            let text = (0..<40).map { words[($0 * 7 + number * 3) % words.count] + "\(number % 13)" }.joined(separator: " ")
            return SearchIndex.Section(
                chapter: "Chapter \(number / 5)", heading: "Heading \(words[number % words.count])", url: "/en/c\(number / 5)/#s\(number)",
                text: number == changed ? text + " changed" : text, kind: number % 10 == 9 ? .table : .prose)
        }
    }

    static func json(_ file: SearchFiles.File) throws -> Any { try JSONSerialization.jsonObject(with: file.data) }

    static func file(_ files: SearchFiles, _ name: String) throws -> SearchFiles.File {
        try #require(files.files.first { $0.name == name }, "\(name) is not among the files")
    }

    /// The chunk a term is in, as `search.js` finds it: the last whose first term is not after it.
    static func chunk(of term: String, in chunks: [(firstTerm: String, name: String)]) -> String {
        chunks.last { !term.unicodeScalars.lexicographicallyPrecedes($0.firstTerm.unicodeScalars) }?.name ?? chunks[0].name
    }

    @Test func everyTermIsInTheChunkTheManifestNames() throws {
        let index = SearchIndex(language: "en", sections: Self.sections(count: 300))
        let files = SearchFiles(index: index)
        #expect(files.chunks.count > 10, "enough text for many chunks")
        let manifest = try #require(try Self.json(files.manifest) as? [String: Any])
        let listed = try #require(manifest["chunks"] as? [[String]])
        #expect(listed.map { "terms-\($0[1]).json" } == files.chunks.map(\.name), "the manifest lists each chunk by its hash")
        #expect(listed.map { $0[0] } == files.chunks.map(\.firstTerm))
        let postings = index.postings()
        for (term, sections) in postings {
            let chunk = try #require(try Self.json(Self.file(files, Self.chunk(of: term, in: files.chunks))) as? [String: String])
            let list = try #require(chunk[term], "\(term) is not in the chunk the manifest names")
            var written: [UInt8] = []
            SearchFiles.writePostings(sections, into: &written)
            #expect(list == String(decoding: written, as: UTF8.self))
        }
        #expect(postings.contains { $0.term == "台" }, "a single character is a term, with the postings of the pairs that hold it")
    }

    @Test func postingsAreDifferencesWithCountsAndHeadingMarks() {
        var written: [UInt8] = []
        SearchFiles.writePostings([(3, 1, false), (10, 6, true), (11, 1, false), (1_000, 2, false)], into: &written)
        #expect(String(decoding: written, as: UTF8.self) == "3 7:6* 1 989:2")
        // Every number of digits, up to the largest section and count.
        let powers = (0...9).map { (0..<$0).reduce(1) { power, _ in power * 10 } }
        let numbers = (powers.map { Int32($0) } + powers.dropLast().map { Int32(9 * $0) } + [Int32.max]).sorted()
        for number in numbers {
            written.removeAll()
            SearchFiles.writePostings([(number, number, false)], into: &written)
            #expect(String(decoding: written, as: UTF8.self) == (number == 1 ? "1" : "\(number):\(number)"))
        }
    }

    @Test func chunksKeepToTheirBudget() throws {
        let index = SearchIndex(language: "en", sections: Self.sections(count: 300))
        let files = SearchFiles(index: index)
        let chunks = try files.chunks.map { try Self.file(files, $0.name) }
        let total = chunks.reduce(0) { $0 + $1.data.count }
        let budget = SearchFiles.chunkBudget(totalBytes: total)
        #expect(budget >= 2_048)
        for chunk in chunks.dropLast() {
            // A chunk closes with the entry that takes it to its budget: without that entry it is under.
            let entries = try #require(try Self.json(chunk) as? [String: String])
            let largest = entries.map { $0.key.utf8.count + $0.value.utf8.count + 6 }.max() ?? 0
            #expect(chunk.data.count - largest < budget, "\(chunk.name): \(chunk.data.count) bytes")
            #expect(chunk.data.count >= budget - 16, "\(chunk.name) closed early: \(chunk.data.count) bytes")
        }
        #expect(SearchFiles.chunkBudget(totalBytes: 24_000_000) == 15_491, "sqrt(10 × total)")
    }

    @Test func namesChangeWithContentAndTheManifestKeepsItsName() throws {
        let before = SearchFiles(index: SearchIndex(language: "en", sections: Self.sections(count: 300)))
        let again = SearchFiles(index: SearchIndex(language: "en", sections: Self.sections(count: 300)))
        let after = SearchFiles(index: SearchIndex(language: "en", sections: Self.sections(count: 300, changing: 150)))
        #expect(before.files == again.files && before.manifest == again.manifest, "the same sections give the same files")
        #expect(after.manifest.name == before.manifest.name)
        let changedChunk = Self.chunk(of: "chang", in: after.chunks)
        #expect(!before.files.contains { $0.name == changedChunk }, "the chunk with the new term has a new name")
        let kept = Set(before.chunks.map(\.name)).intersection(after.chunks.map(\.name))
        #expect(kept.count > before.chunks.count / 2, "chunks that did not change keep their names")
        let folder = { (files: SearchFiles) in files.files.first { $0.name.hasPrefix("fragments-") }!.name.split(separator: "/")[0] }
        #expect(folder(before) != folder(after), "the fragments' folder is named by all of them")
    }

    @Test func fragmentsHoldWhatResultsShowAndTheirReport() throws {
        var sections = Self.sections(count: 4)
        sections[1].report = "tel53"
        sections[2].text = String(repeating: "臺灣 ", count: 1_000)
        let files = SearchFiles(index: SearchIndex(language: "en", sections: sections))
        let manifest = try #require(try Self.json(files.manifest) as? [String: Any])
        let perFragment = try #require(manifest["perFragment"] as? Int)
        let folder = try #require(manifest["fragments"] as? String)
        #expect(manifest["tables"] as? [Int] == [], "no table among the first sections")
        var entries: [[String: String]] = []
        for file in 0..<(4 + perFragment - 1) / perFragment {
            entries += try #require(try Self.json(Self.file(files, "\(folder)\(file).json")) as? [[String: String]])
        }
        #expect(entries.map { $0["url"] } == sections.map(\.url))
        #expect(entries[0]["report"] == nil && entries[1]["report"] == "tel53")
        let text = try #require(entries[2]["text"])
        #expect(text.utf8.count <= SearchFiles.fragmentTextBytes && text.hasPrefix("臺灣 臺灣"), "cut at a character, not mid-way")
    }

    // MARK: - Variants

    @Test func traditionalSimplifiedAndVariantFormsFoldTogether() {
        #expect(CharacterVariants.fold("臺") == "台")
        #expect(CharacterVariants.fold("灣") == "湾")
        #expect(CharacterVariants.fold("台") == "台")
        #expect(CharacterVariants.fold("a") == "a")
        let terms = ["臺灣", "台灣", "台湾"].map(SearchTokenizer.terms(of:))
        #expect(terms[0] == ["台湾"] && terms[1] == terms[0] && terms[2] == terms[0])
        #expect(SearchTokenizer.terms(of: "電信會議") == SearchTokenizer.terms(of: "电信会议"))
    }

    /// To remake `CharacterVariants+Table.swift` after an ICU update, print the pairs where
    /// `icuTable()` differs from the identity, 20 a line.
    @Test func theVariantTableIsICUs() {
        let icu = CharacterVariants.icuTable()
        #expect(icu.count == CharacterVariants.table.count)
        let differences = zip(icu, CharacterVariants.table).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(
            differences.isEmpty,
            "\(differences.count) characters differ from ICU's Hant-Hans, the first at offset \(differences.first ?? 0)")
    }

    @Test func theManifestShipsOnlyThePairsTheSiteNeeds() throws {
        let files = SearchFiles(
            index: SearchIndex(language: "zh-Hant", sections: [SearchIndex.Section(chapter: "章", heading: "臺灣", url: "/", text: "電信")]))
        let manifest = try #require(try Self.json(files.manifest) as? [String: Any])
        let variantsName = try #require(manifest["variants"] as? String)
        let variants = try #require(try Self.json(Self.file(files, variantsName)) as? [String: String])
        let pairs = Array(try #require(variants["pairs"]))
        let map = Dictionary(stride(from: 0, to: pairs.count - 1, by: 2).map { (pairs[$0], pairs[$0 + 1]) }) { first, _ in first }
        #expect(map["臺"] == "台" && map["灣"] == "湾" && map["電"] == "电")
        #expect(map["會"] == nil, "會 is not on the site: its pair is not shipped")
        #expect(Set(map.values) == Set(["台", "湾", "电"]), "only pairs into the site's own characters")
    }

    // MARK: - Synonyms

    @Test func synonymsAreReadPerLanguageAndListedInTheManifest() throws {
        let synonyms = try SearchSynonyms.parse(
            "en:\n  - [Viet Nam, Vietnam]\nzh-Hant:\n  - [越南, Vietnam]\n", languages: ["zh-Hant", "en"])
        #expect(synonyms.groups == ["en": [["Viet Nam", "Vietnam"]], "zh-Hant": [["越南", "Vietnam"]]])
        let files = SearchFiles(index: SearchIndex(language: "en"), synonyms: synonyms.groups["en"] ?? [])
        #expect(String(decoding: files.manifest.data, as: UTF8.self).contains("\"synonyms\":[[\"Viet Nam\",\"Vietnam\"]]"))
    }

    @Test(arguments: [
        ("en:\n  - [Vietnam]\n", "content/search-synonyms.yaml:2:5", "two or more"),
        ("fr:\n  - [a, b]\n", "content/search-synonyms.yaml:1:1", "unknown key 'fr'"),
    ])
    func aBadSynonymsFileIsAnErrorAtItsLine(text: String, location: String, message: String) {
        do {
            _ = try SearchSynonyms.parse(text, languages: ["zh-Hant", "en"])
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains(location), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
