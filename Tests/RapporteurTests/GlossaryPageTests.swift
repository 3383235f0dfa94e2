import Foundation
import Testing

@testable import Rapporteur

/// The glossary's own page: every language's expansion in each row, an A-Z jump list, a filter
/// box that is hidden without JavaScript, and source links named by chapter and section.
@Suite struct GlossaryPageTests {
    static let glossary = """
        caption: {zh-Hant: 縮寫對照表, en: Glossary}
        columns:
        - id: acronym
          label: {zh-Hant: 縮寫, en: Acronym}
          type: text
        - id: expansion
          label: {zh-Hant: 全稱, en: Expansion}
          type: text
        - id: notes
          label: {zh-Hant: 附註, en: Notes}
          type: text
        rows:
        - acronym: 4K, 8K
          expansion: {zh-Hant: 4K、8K 超高畫質, en: ultra-high-definition}
        - acronym: APEC
          expansion: {zh-Hant: 亞太經濟合作, en: Asia-Pacific Economic Cooperation}
          notes: {zh-Hant: 見 <APEC> 網站, en: "See the <APEC> site"}
          source: plenary#opening
        - acronym: TEL
          expansion: {en: Telecommunications and Information Working Group}
          source: plenary
        """

    static func pages() throws -> (chinese: String, english: String, plenary: (zh: String, en: String)) {
        let project = try TestProject()
        try project.write("content/tables/glossary.yaml", Self.glossary)
        let result = try project.build()
        let title = { (html: String) -> String in
            let start = html.range(of: "<h1>")!.upperBound
            return String(html[start..<html.range(of: "</h1>", range: start..<html.endIndex)!.lowerBound])
        }
        return (
            try result.text("zh-hant/tables/glossary/index.html"), try result.text("en/tables/glossary/index.html"),
            (title(try result.text("zh-hant/plenary/index.html")), title(try result.text("en/plenary/index.html")))
        )
    }

    @Test func eachRowShowsEveryLanguagesExpansionInItsOwnLanguage() throws {
        let pages = try Self.pages()
        #expect(
            pages.chinese.contains(
                "<tr><th scope=\"row\"><span lang=\"en\">APEC</span></th><td>亞太經濟合作</td><td lang=\"en\">Asia-Pacific Economic Cooperation</td>"
            ))
        #expect(pages.chinese.contains("<th scope=\"col\">全稱（English）</th>"))
        #expect(
            pages.english.contains("<th scope=\"row\">APEC</th><td>Asia-Pacific Economic Cooperation</td><td lang=\"zh-Hant\">亞太經濟合作</td>"))
        #expect(pages.english.contains("<th scope=\"col\">Expansion (中文)</th>"))
        // Latin inside the Chinese expansion, on the English page too.
        #expect(pages.english.contains("<td lang=\"zh-Hant\"><span lang=\"en\">4K</span>、<span lang=\"en\">8K</span> 超高畫質</td>"))
        // A missing translation is a dash, not the other language's text passed off as this one's.
        #expect(pages.chinese.contains("<th scope=\"row\"><span lang=\"en\">TEL</span></th><td>—</td><td lang=\"en\">Telecommunications"))
        #expect(pages.english.contains("See the &lt;<span lang=\"en\">APEC</span>&gt; site") == false)
        #expect(pages.english.contains("See the &lt;APEC&gt; site"))
    }

    @Test func rowsAreGroupedByInitialWithAJumpList() throws {
        let page = try Self.pages().english
        #expect(
            page.contains(
                "<li><a href=\"#letter-09\">0–9</a></li>\n<li><a href=\"#letter-a\">A</a></li>\n<li><a href=\"#letter-t\">T</a></li>"))
        #expect(page.contains("<tbody id=\"letter-a\">\n<tr class=\"glossary-letter\"><th scope=\"rowgroup\" colspan=\"5\">A</th></tr>"))
        // Without JavaScript there is no filter to use: it stays hidden, and every row is there.
        #expect(page.contains("<div class=\"glossary-filter\" hidden>"))
        #expect(page.components(separatedBy: "<th scope=\"row\">").count == 4)
    }

    @Test func sourceLinksSayWhereTheyLead() throws {
        let pages = try Self.pages()
        #expect(pages.english.contains("<a href=\"/en/plenary/#opening\">\(pages.plenary.en) › Opening</a>"))
        #expect(pages.english.contains("<a href=\"/en/plenary/\">\(pages.plenary.en)</a>"))
        #expect(pages.chinese.contains("<a href=\"/zh-hant/plenary/#opening\">\(pages.plenary.zh) › "))
        #expect(!pages.chinese.contains("見報告") && !pages.english.contains("In the report"))
    }

    @Test func otherTablesKeepTheTablePage() throws {
        let result = try TestProject().build()
        let page = try result.text("en/tables/funding/index.html")
        #expect(!page.contains("glossary-letters"))
    }
}
