import Foundation
import Markdown
import Testing

@testable import Integrity
@testable import Rapporteur
@testable import Support

/// Acronyms of the glossary marked up as `<abbr title>` on first use in a chapter.
@Suite struct GlossaryTests {
    static let marker = GlossaryMarker(
        terms: [
            .init(acronym: "APEC", expansion: "Asia-Pacific Economic Cooperation"),
            .init(acronym: "TEL", expansion: "Telecommunications and Information Working Group"),
            .init(acronym: "MRA", expansion: "Mutual Recognition Arrangement"),
            .init(acronym: "MRA-ETR", expansion: "MRA for Equivalence of Technical Requirements"),
            .init(acronym: "R&D", expansion: "research & \"development\" <R&D>"),
        ], expansionFormat: "")
    static let position = SourcePosition(line: 1, column: 1)

    static func paragraph(_ inlines: Inline...) -> Block { .paragraph(inlines, position) }

    @Test func onlyTheFirstUseInAChapterIsMarked() {
        let marked = Self.marker.mark([Self.paragraph(.text("APEC and APEC")), Self.paragraph(.text("APEC again"))])
        #expect(
            marked == [
                Self.paragraph(.abbreviation("APEC", title: "Asia-Pacific Economic Cooperation"), .text(" and APEC")),
                Self.paragraph(.text("APEC again")),
            ])
    }

    @Test func acronymsBesideChineseTextAreFound() {
        let marked = Self.marker.mark([Self.paragraph(.text("出席APEC TEL會議"))])
        #expect(
            marked == [
                Self.paragraph(
                    .text("出席"), .abbreviation("APEC", title: "Asia-Pacific Economic Cooperation"), .text(" "),
                    .abbreviation("TEL", title: "Telecommunications and Information Working Group"), .text("會議"))
            ])
    }

    @Test func onlyWholeAcronymsMatchAndTheLongestWins() {
        let marked = Self.marker.mark([Self.paragraph(.text("TEL53, APECs, MRA-ETR then MRA"))])
        #expect(
            marked == [
                Self.paragraph(
                    .text("TEL53, APECs, "), .abbreviation("MRA-ETR", title: "MRA for Equivalence of Technical Requirements"),
                    .text(" then "), .abbreviation("MRA", title: "Mutual Recognition Arrangement"))
            ])
    }

    @Test func linksCodeAndHeadingsAreLeftAlone() {
        let link = Inline.link(destination: "https://apec.org", title: "", content: [.text("APEC")], Self.position)
        let blocks: [Block] = [
            .heading(level: 2, content: [.text("APEC")], id: "apec", Self.position),
            Self.paragraph(link, .code("APEC"), .text(" then "), .emphasis([.text("APEC")])),
            .codeBlock(info: "", literal: "APEC", Self.position),
            .generated("<td>APEC</td>"),
        ]
        let marked = Self.marker.mark(blocks)
        #expect(marked[0] == blocks[0])
        #expect(
            marked[1]
                == Self.paragraph(
                    link, .code("APEC"), .text(" then "), .emphasis([.abbreviation("APEC", title: "Asia-Pacific Economic Cooperation")])))
        #expect(marked[2...] == blocks[2...])
    }

    @Test func listsAndQuotesAreMarkedInReadingOrder() {
        let marked = Self.marker.mark([
            .blockQuote([Self.paragraph(.text("TEL"))]),
            .list(ListStyle(start: nil, isTight: true), items: [[Self.paragraph(.text("TEL and MRA"))]]),
        ])
        #expect(
            marked == [
                .blockQuote([Self.paragraph(.abbreviation("TEL", title: "Telecommunications and Information Working Group"))]),
                .list(
                    ListStyle(start: nil, isTight: true),
                    items: [[Self.paragraph(.text("TEL and "), .abbreviation("MRA", title: "Mutual Recognition Arrangement"))]]),
            ])
    }

    @Test func theFirstUseIsSpelledOutUnlessTheTextAlreadyDoes() {
        let marker = GlossaryMarker(
            terms: [
                .init(acronym: "NCC", expansion: "國家通訊傳播委員會"), .init(acronym: "3G", expansion: "third generation (mobile communications)"),
            ], expansionFormat: "（{expansion}）")
        let marked = marker.mark([
            Self.paragraph(.text("國家通訊傳播委員會(NCC)主持")), Self.paragraph(.text("NCC 與 3G")), Self.paragraph(.text("Third generation 3G")),
        ])
        #expect(
            marked == [
                Self.paragraph(.text("國家通訊傳播委員會("), .abbreviation("NCC", title: "國家通訊傳播委員會"), .text(")主持")),
                Self.paragraph(
                    .text("NCC 與 "), .abbreviation("3G", title: "third generation (mobile communications)"),
                    .text("（third generation (mobile communications)）")),
                Self.paragraph(.text("Third generation 3G")),
            ])
    }

    @Test func reportsShareAMarkerOnlyForTheSameTermsAndFormat() {
        let markers = GlossaryMarker.SharedMarkers()
        let cafe = [GlossaryMarker.Term(acronym: "CR", expansion: "Café Rules")]
        let text = [Self.paragraph(.text("A CR"))]
        let marked = { (marker: GlossaryMarker) in marker.mark(text) }
        #expect(
            marked(GlossaryMarker.marker(terms: cafe, expansionFormat: " ({expansion})", from: markers))
                == marked(GlossaryMarker(terms: cafe, expansionFormat: " ({expansion})")))
        // Another glossary, or the same in another language's format, is marked as its own.
        let other = [GlossaryMarker.Term(acronym: "CR", expansion: "Code Review")]
        #expect(
            marked(GlossaryMarker.marker(terms: other, expansionFormat: " ({expansion})", from: markers))
                == [Self.paragraph(.text("A "), .abbreviation("CR", title: "Code Review"), .text(" (Code Review)"))])
        #expect(
            marked(GlossaryMarker.marker(terms: cafe, expansionFormat: "（{expansion}）", from: markers))
                == [Self.paragraph(.text("A "), .abbreviation("CR", title: "Café Rules"), .text("（Café Rules）"))])
    }

    @Test func anExpansionSpelledOutInAnotherCanonicalFormIsFound() {
        let marker = GlossaryMarker(terms: [.init(acronym: "CR", expansion: "Café Rules")], expansionFormat: " ({expansion})")
        // Decomposed é in the text, precomposed in the glossary; then an ASCII text that does not spell it out.
        let marked = marker.mark([Self.paragraph(.text("The cafe\u{301} rules: CR.")), Self.paragraph(.text("A CR"))])
        #expect(
            marked == [
                Self.paragraph(.text("The cafe\u{301} rules: "), .abbreviation("CR", title: "Café Rules"), .text(".")),
                Self.paragraph(.text("A CR")),
            ])
        let ascii = GlossaryMarker(terms: [.init(acronym: "CR", expansion: "Cafe Rules")], expansionFormat: " ({expansion})")
        #expect(
            ascii.mark([Self.paragraph(.text("CR and cafe rules")), Self.paragraph(.text("the CR"))]) == [
                Self.paragraph(.abbreviation("CR", title: "Cafe Rules"), .text(" and cafe rules")), Self.paragraph(.text("the CR")),
            ])
        #expect(
            ascii.mark([Self.paragraph(.text("CR and cafe"))]) == [
                Self.paragraph(.abbreviation("CR", title: "Cafe Rules"), .text(" (Cafe Rules)"), .text(" and cafe"))
            ])
    }

    @Test func anExpansionWaitsForAPlaceOutsideNamesAndBrackets() {
        let marker = GlossaryMarker(
            terms: [.init(acronym: "MRA", expansion: "Mutual Recognition Arrangement")], expansionFormat: " ({expansion})")
        let marked = marker.mark([
            Self.paragraph(.text("The CA & MRA Task Force")), Self.paragraph(.text("MRA （相互承認）")),
            Self.paragraph(.text("an MRA was signed; the MRA")),
        ])
        #expect(
            marked == [
                Self.paragraph(.text("The CA & "), .abbreviation("MRA", title: "Mutual Recognition Arrangement"), .text(" Task Force")),
                Self.paragraph(.text("MRA （相互承認）")),
                Self.paragraph(.text("an "), .text("MRA"), .text(" (Mutual Recognition Arrangement)"), .text(" was signed; the MRA")),
            ])
    }

    @Test func anExpansionWaitsForAPlaceOutsideCompounds() {
        let marker = GlossaryMarker(terms: [.init(acronym: "CA", expansion: "符合性評鑑")], expansionFormat: "（{expansion}）")
        let marked = marker.mark([Self.paragraph(.text("CA&MRA 會議與 CA/MRA，再談 CA 的做法"))])
        #expect(
            marked == [
                Self.paragraph(
                    .abbreviation("CA", title: "符合性評鑑"), .text("&MRA 會議與 CA/MRA，再談 "), .text("CA"), .text("（符合性評鑑）"),
                    .text(" 的做法"))
            ])
    }

    @Test func theTitleIsEscaped() {
        let html = HTMLRenderer().render(Self.marker.mark([Self.paragraph(.text("R&D"))]))
        #expect(html == "<p><abbr title=\"research &amp; &quot;development&quot; &lt;R&amp;D&gt;\">R&amp;D</abbr></p>\n")
    }

    // MARK: - From the glossary table

    static let glossary = """
        caption: {zh-Hant: 縮寫對照表, en: Glossary}
        columns:
        - id: acronym
          label: {zh-Hant: 縮寫, en: Acronym}
          type: text
        - id: expansion
          label: {zh-Hant: 全稱, en: Expansion}
          type: text
        rows:
        - acronym: APEC
          expansion: {zh-Hant: 亞太經濟合作, en: Asia-Pacific Economic Cooperation}
        - acronym: 4K, 8K
          expansion: {zh-Hant: 超高畫質, en: ultra-high-definition}
        """

    @Test func theBuildMarksAcronymsInThePagesLanguage() throws {
        let project = try TestProject()
        try project.write("content/tables/glossary.yaml", Self.glossary)
        try project.replace("content/zh-Hant/01-plenary.md", "主辦經濟體致詞", with: "APEC 主辦經濟體(APEC)致詞")
        try project.replace("content/en/01-plenary.md", "The host economy spoke;", with: "The host economy spoke of 4K and 8K;")
        let result = try project.build()
        let chinese = try result.text("zh-hant/plenary/index.html")
        // The first use is spelled out for readers without a mouse; the acronym is English.
        #expect(
            chinese.contains(
                "<p><abbr title=\"亞太經濟合作\"><span lang=\"en\">APEC</span></abbr>（亞太經濟合作） 主辦經濟體(<span lang=\"en\">APEC</span>)致詞"))
        #expect(chinese.components(separatedBy: "<abbr").count == 2, "one mark: not the second use, nor the figure's caption")
        #expect(chinese.contains("APEC TEL53 大會"))
        let english = try result.text("en/plenary/index.html")
        #expect(
            english.contains(
                "spoke of <abbr title=\"ultra-high-definition\">4K</abbr> (ultra-high-definition) and <abbr title=\"ultra-high-definition\">8K</abbr>;"
            ), "one expansion spelled out for two acronyms")
        #expect(!english.contains("<abbr title=\"亞太經濟合作\">"))
    }

    @Test func siteYAMLNamesTheGlossaryTableAndItsColumns() throws {
        let project = try TestProject()
        let terms = Self.glossary.replacingOccurrences(of: "id: acronym", with: "id: term")
            .replacingOccurrences(of: "id: expansion", with: "id: meaning")
            .replacingOccurrences(of: "- acronym:", with: "- term:").replacingOccurrences(of: "  expansion:", with: "  meaning:")
        try project.write("content/tables/terms.yaml", terms)
        try project.write(
            "content/site.yaml", try project.read("content/site.yaml") + "glossary: {table: terms, term: term, expansion: meaning}\n")
        try project.replace("content/en/01-plenary.md", "The host economy spoke;", with: "The host economy spoke of 4K;")
        let english = try project.build().text("en/plenary/index.html")
        #expect(english.contains("<abbr title=\"ultra-high-definition\">4K</abbr>"))
    }

    @Test func aGlossaryNamedButMissingIsAnErrorAndNoneIsFine() throws {
        let project = try TestProject()
        #expect(throws: Never.self, "the valid fixture has no glossary") { try project.build() }
        try project.write("content/site.yaml", try project.read("content/site.yaml") + "glossary: {table: terms}\n")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("content/site.yaml:"))
        #expect(error.description.contains("glossary: there is no content/tables/terms.yaml"))
    }
}
