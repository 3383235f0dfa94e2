import Foundation
import Testing

@testable import Rapporteur
@testable import Search

/// The search index: how text becomes terms, and what the build writes for each language.
@Suite struct SearchTests {
    // MARK: - Terms

    @Test func chineseRunsGiveBigrams() {
        // Each character in its folded (Simplified) form: see `CharacterVariants`.
        #expect(SearchTokenizer.terms(of: "資安會議") == ["资安", "安会", "会议"])
        #expect(SearchTokenizer.terms(of: "相互承認") == ["相互", "互承", "承认"])
    }

    @Test func aChineseCharacterStandingAloneIsItsOwnTerm() {
        #expect(SearchTokenizer.terms(of: "見圖 3") == ["见图"])
        #expect(SearchTokenizer.terms(of: "圖 3、表") == ["图", "表"])
    }

    @Test func punctuationAndScriptChangesSeparateTerms() {
        #expect(SearchTokenizer.terms(of: "出席APEC電信會議，資安") == ["出席", "apec", "电信", "信会", "会议", "资安"])
        #expect(SearchTokenizer.terms(of: "（ＡＰＥＣ）") == ["apec"], "full-width letters are normalised")
    }

    @Test(arguments: ["ＡＰＥＣ ＴＥＬ５３：資安（相互承認）", "Sebastián Sánchez — Việt Nam’s “MTC” • 5°", "ﬁle ½ Ⅻ ㈱ x\u{A0}y", "TEL53 會議 10,000 件"])
    func theFastNormalisationIsNFKC(text: String) {
        #expect(Self.normalized(text) == text.precomposedStringWithCompatibilityMapping.lowercased())
    }

    /// NFKC and lower case as `SearchTerms` makes them: by `fastFold` when it takes every scalar.
    static func normalized(_ text: String) -> String {
        guard text.unicodeScalars.allSatisfy({ SearchTokenizer.fastFold($0) != nil }) else {
            return text.precomposedStringWithCompatibilityMapping.lowercased()
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.lazy.map { SearchTokenizer.fastFold($0)! }))
    }

    @Test func theFastFoldAgreesWithFoundationForEveryScalarItTakes() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), let folded = SearchTokenizer.fastFold(scalar) else { continue }
            let expected = String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased()
            #expect(String(Character(folded)) == expected, "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 27_000)
    }

    @Test func englishWordsAreLowerCasedStemmedAndFiltered() {
        #expect(SearchTokenizer.terms(of: "The Meetings of the economies") == ["meet", "economi"])
        #expect(SearchTokenizer.terms(of: "IT and a TEL53 meeting") == ["it", "tel53", "meet"], "it is kept: it is also IT")
        #expect(SearchTokenizer.terms(of: "Wi-Fi") == ["wi", "fi"])
    }

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("caress", "caress"),
        ("feed", "feed"), ("agreed", "agree"), ("plastered", "plaster"), ("bled", "bled"),
        ("motoring", "motor"), ("sing", "sing"), ("conflated", "conflate"), ("troubled", "trouble"),
        ("sized", "size"), ("hopping", "hop"), ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"),
        ("fizzed", "fizz"), ("failing", "fail"), ("filing", "file"), ("happy", "happi"), ("sky", "sky"),
        ("economies", "economi"), ("economy", "economi"), ("meetings", "meet"), ("meeting", "meet"),
        ("recognition", "recognition"), ("tel53", "tel53"), ("us", "us"),
    ])
    func englishStemmingFollowsPortersStepOne(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    // MARK: - Index

    static let sections = [
        SearchIndex.Section(
            chapter: "Plenary", heading: "Opening", url: "/en/plenary/#opening", text: "The meeting opened. Meetings </script> followed."),
        SearchIndex.Section(chapter: "Plenary", heading: "Meetings", url: "/en/plenary/#meetings", text: "Economies met."),
    ]

    @Test func postingsCountOccurrencesAndWeighHeadings() throws {
        let index = SearchIndex(language: "en", sections: Self.sections)
        let postings = Dictionary(
            uniqueKeysWithValues: index.postings().map {
                ($0.term, $0.sections.map { [Int($0.section), Int($0.count), $0.inHeading ? 1 : 0] })
            })
        #expect(postings["meet"] == [[0, 2, 0], [1, SearchIndex.headingWeight, 1]])
        #expect(postings["open"] == [[0, SearchIndex.headingWeight + 1, 1]])
        #expect(postings["economi"] == [[1, 1, 0]])
        #expect(postings["the"] == nil)
        let terms = index.postings().map(\.term)
        #expect(terms == terms.sorted())
    }

    // MARK: - The built site

    @Test func theBuildWritesSearchFilesAndASearchPagePerLanguage() throws {
        let result = try TestProject().build()
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(result.text("zh-hant/search/index.json").utf8)) as? [String: Any])
        #expect(manifest["language"] as? String == "zh-Hant")
        let count = try #require(manifest["sections"] as? Int)
        let perFragment = try #require(manifest["perFragment"] as? Int)
        let folder = try #require(manifest["fragments"] as? String)
        var sections: [[String: String]] = []
        for file in 0..<(count + perFragment - 1) / perFragment {
            let data = Data(try result.text("zh-hant/search/\(folder)\(file).json").utf8)
            sections += try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        }
        #expect(sections.count == count)
        let urls = sections.compactMap { $0["url"] }
        #expect(urls.contains("/zh-hant/plenary/"), "the text before the first heading is under the chapter's own address")
        #expect(urls.contains("/zh-hant/plenary/#economy-reports"))
        let tables = try #require(manifest["tables"] as? [Int])
        #expect(tables.map { urls[$0] }.contains("/zh-hant/tables/funding/"), "table pages are found too, and known as tables")
        let opening = try #require(sections.first { $0["url"] == "/zh-hant/plenary/#opening" })
        #expect(opening["chapter"] == "大會")
        #expect(opening["heading"] == "開幕式")
        #expect(opening["text"] == "主辦經濟體致詞，見下節與圖 1。", "figures and link targets are left out, link text kept")
        #expect(opening["report"] == nil, "a one-report site names no report")
        let help = try result.text("zh-hant/search/" + (try #require(manifest["help"] as? String)))
        #expect(help.contains("\"url\":\"/zh-hant/plenary/\""), "the help lists the chapters")

        for language in ["zh-hant", "en"] {
            let page = try result.text("\(language)/search/index.html")
            #expect(page.contains("id=\"search-results\""))
            #expect(page.contains("data-index=\"/\(language)/search/index.json\""))
            #expect(page.contains("search.js"))
            #expect(
                try result.text("\(language)/index.html").contains(
                    "<form class=\"site-search\" role=\"search\" action=\"/\(language)/search/\" method=\"get\">"))
            #expect(try result.text("\(language)/plenary/index.html").contains("highlight.js"), "a chapter marks what a result matched")
        }
        let sitemap = try result.text("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/zh-hant/search/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/en/search/</loc>"))
    }

    /// A report of many chapters lists the first ones when nothing is found, then a link to all.
    @Test func theHelpOfALongReportEndsWithALinkToAllItsChapters() throws {
        let project = try TestProject(fixture: "valid")
        for number in 1...30 {
            let file = String(format: "%02d-extra-%d.md", number + 10, number)
            try project.write("content/en/" + file, "---\ntitle: Extra \(number)\n---\n\nText \(number).\n")
            try project.write("content/zh-Hant/" + file, "---\ntitle: 附加 \(number)\n---\n\n內文 \(number)。\n")
        }
        let result = try project.build()
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(result.text("en/search/index.json").utf8)) as? [String: Any])
        let helpFile = try #require(manifest["help"] as? String)
        let help = try #require(
            try JSONSerialization.jsonObject(with: Data(result.text("en/search/" + helpFile).utf8)) as? [String: Any])
        let chapters = try #require(help["chapters"] as? [[String: String]])
        #expect(chapters.count == Build.entriesInSearchHelp + 1)
        #expect(chapters.first?["url"] == "/en/plenary/")
        #expect(chapters.last == ["title": "All chapters", "url": "/en/#chapters"])
        #expect(!chapters.contains { $0["url"] == "/en/extra-30/" }, "the last chapters are left to the report's home")
    }

    @Test func searchWorksUnderASubPath() throws {
        let result = try TestProject().build(baseURL: "https://example.org/tel53/")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(result.text("en/search/index.json").utf8)) as? [String: Any])
        let folder = try #require(manifest["fragments"] as? String)
        #expect(try result.text("en/search/\(folder)0.json").contains("\"url\":\"/tel53/en/"))
        #expect(try result.text("en/search/index.html").contains("data-index=\"/tel53/en/search/index.json\""))
    }
}

/// Search rules chosen by language code.
@Suite struct SearchRulesTests {
    private func terms(_ text: String, _ language: String) -> [String] {
        var terms = SearchTerms(rules: SearchRules(language: language))
        var numbers: [Int] = []
        terms.appendTerms(of: text, to: &numbers)
        return numbers.map(terms.text(of:))
    }

    @Test func onlyEnglishIsStemmedAndLosesItsFunctionWords() {
        #expect(terms("The meetings of APEC", "en") == ["meet", "apec"])
        #expect(terms("The meetings of APEC", "en-GB") == ["meet", "apec"])
        #expect(terms("The meetings of APEC", "zh-Hant") == ["the", "meetings", "of", "apec"])
        #expect(terms("Las reuniones de APEC", "es") == ["las", "reuniones", "de", "apec"])
    }

    @Test func accentsAndCaseAreFoldedInEveryLanguage() {
        #expect(terms("Économie numérique", "fr") == ["economie", "numerique"])
        #expect(terms("Économies", "en") == ["economi"])
        #expect(terms("Économies", "fr") == ["economies"])
    }

    @Test func cjkKanaAndHangulAreReadAsCharacterPairs() {
        #expect(terms("資安會議", "zh-Hant") == ["资安", "安会", "会议"])
        #expect(terms("会議です", "ja") == ["会议", "议で", "です"])
        #expect(terms("정보통신", "ko") == ["정보", "보통", "통신"])
    }
}
