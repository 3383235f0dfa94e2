import Foundation
import Model
import Testing

@testable import Rapporteur

/// The print edition of the valid fixture site: the whole report on one page, in order, with ids
/// unique and every in-report link pointing inside the page.
@Suite struct PrintEditionTests {
    let result: BuildResult
    let zh: String
    let en: String

    init() throws {
        result = try TestProject().build()
        zh = try result.text("zh-hant/print/index.html")
        en = try result.text("en/print/index.html")
    }

    /// The position of each of `parts` in `html`, failing when one is missing.
    private func positions(of parts: [String], in html: String) -> [Int] {
        parts.map { part in
            guard let range = html.range(of: part) else {
                Issue.record("missing \(part)")
                return -1
            }
            return html.distance(from: html.startIndex, to: range.lowerBound)
        }
    }

    @Test func holdsTheCoverContentsChaptersAndTablesInReadingOrder() {
        let parts = [
            "class=\"print-cover\"", "<h1>測試會議報告</h1>", "class=\"print-contents\"",
            "<div class=\"print-chapter chapter-body\" id=\"plenary\">", "<div class=\"print-chapter chapter-body\" id=\"spsg\">",
            "class=\"print-tables\"", "id=\"print-table-funding\"", "id=\"table-funding\"",
        ]
        let found = positions(of: parts, in: zh)
        #expect(found == found.sorted(), "\(zip(parts, found).map { "\($0.0) at \($0.1)" })")
        #expect(zh.contains("<li><a href=\"#plenary\">") && zh.contains("<li><a href=\"#spsg\">"), "the contents list every chapter")
        #expect(zh.contains("<li><a href=\"#print-table-funding\">"), "and every table")
        // The English report has the plenary only (spsg is not translated).
        #expect(en.contains("id=\"plenary\"") && !en.contains("id=\"spsg\""))
    }

    @Test func idsAreUniqueOnThePage() {
        for html in [zh, en] {
            let ids = LinkChecker.attributeValues("id", in: html)
            var all: [String] = []
            var rest = Substring(html)
            while let range = rest.range(of: " id=\"") {
                let value = rest[range.upperBound...].prefix { $0 != "\"" }
                all.append(String(value))
                rest = rest[range.upperBound...]
            }
            #expect(
                all.count == ids.count,
                "duplicate ids: \(Dictionary(grouping: all, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            // A chapter's ids carry its slug, so the table in the plenary is not the tables section's.
            #expect(ids.contains("plenary-opening") && ids.contains("plenary-table-funding") && ids.contains("table-funding"))
        }
    }

    @Test func linksInsideTheReportPointInsideThePage() {
        for html in [zh, en] {
            let ids = LinkChecker.attributeValues("id", in: html)
            let links = LinkChecker.attributeValues("href", in: html)
            let inPage = links.filter { $0.hasPrefix("#") }
            #expect(inPage.count >= 5)
            for link in inPage { #expect(ids.contains(String(link.dropFirst())), "\(link) has no target on the page") }
            // Chapter and table pages of the report are not linked from it; other pages by full URL.
            for link in links where link.hasPrefix("/") {
                #expect(!link.contains("/plenary/") && !link.contains("/tables/"), "\(link) should point inside the page")
            }
        }
        #expect(en.contains("href=\"#plenary-economy-reports\""), "a chapter's own #anchor")
        #expect(en.contains("href=\"#print-table-funding\""), "a link to a table page")
        #expect(en.contains("href=\"https://example.org/zh-hant/spsg/#threats\""), "another language's chapter, by full URL")
    }

    @Test func printsWithItsOwnStyleSheetFoundFromAFile() {
        #expect(en.contains("<link rel=\"stylesheet\" href=\"../../assets/print.css\" media=\"print\">"))
        #expect(en.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"))
        #expect(en.contains("@top-center { content: \"Test Meeting Report\"; }"), "the running title")
    }

    @Test func isLinkedFromEachHomeAndListedInTheSitemap() throws {
        #expect(try result.text("zh-hant/index.html").contains("<a href=\"/zh-hant/print/\">"))
        #expect(try result.text("en/index.html").contains("<a href=\"/en/print/\">"))
        let sitemap = try result.text("sitemap.xml")
        #expect(
            sitemap.contains("<loc>https://example.org/en/print/</loc>")
                && sitemap.contains("<loc>https://example.org/zh-hant/print/</loc>"))
        // No PDF was made, so none is linked.
        #expect(try !result.text("en/index.html").contains(".pdf"))
    }

    @Test func aPDFGivenToTheBuildIsWrittenAndLinked() throws {
        let project = try TestProject()
        let pdf = Data("%PDF-1.4 test".utf8)
        let built = try SiteBuilder.build(root: project.root, pdfs: ["report.en.pdf": pdf])
        #expect(built.files.first { $0.path == "report.en.pdf" }?.data == pdf)
        #expect(!built.files.contains { $0.path == "report.zh-hant.pdf" })
        let home = try built.text("en/index.html")
        #expect(home.contains("<a href=\"/report.en.pdf\" type=\"application/pdf\">PDF</a>"))
        #expect(home.contains("<meta name=\"citation_pdf_url\" content=\"https://example.org/report.en.pdf\">"))
        #expect(try !built.text("zh-hant/index.html").contains(".pdf\""))
        #expect(built.printEditions.map(\.pdf) == ["report.zh-hant.pdf", "report.en.pdf"])
    }

    @Test func anchorsRewriteIdsReferencesAndLinksButNotText() {
        let urls = SiteURLs(baseURL: "https://example.org/tel53/", basePath: "/tel53/")
        let english = Language(code: "en", name: "English")
        let anchors = PrintAnchors(
            language: english, urls: urls, chapterSlugs: ["plenary", "dsg"], tableNames: ["funding"], relativeRoot: "../../")
        let html = """
            <h2 id="opening">an id=&quot;x&quot; in text</h2><label for="q">Q</label><td headers="a b">1</td>\
            <div aria-labelledby="h"></div><a href="#opening">o</a><a href="/tel53/en/dsg/#items">d</a>\
            <a href="/tel53/en/dsg/">D</a><a href="/tel53/en/tables/funding/">f</a><a href="/tel53/zh-hant/dsg/">z</a>\
            <a href="/tel53/data/funding.csv">c</a><a href="https://apec.org/">x</a><img src="/tel53/figures/a.png" alt="">
            """
        #expect(
            anchors.rewrite(html, chapter: "plenary") == """
                <h2 id="plenary-opening">an id=&quot;x&quot; in text</h2><label for="plenary-q">Q</label><td headers="plenary-a plenary-b">1</td>\
                <div aria-labelledby="plenary-h"></div><a href="#plenary-opening">o</a><a href="#dsg-items">d</a>\
                <a href="#dsg">D</a><a href="#print-table-funding">f</a><a href="https://example.org/tel53/zh-hant/dsg/">z</a>\
                <a href="https://example.org/tel53/data/funding.csv">c</a><a href="https://apec.org/">x</a><img src="../../figures/a.png" alt="">
                """)
        #expect(anchors.rewrite("<div id=\"table-funding\"><a href=\"#x\">", chapter: nil) == "<div id=\"table-funding\"><a href=\"#x\">")
    }

    @Test func anchorsOnBytesAreAnchorsBySplitting() {
        let urls = SiteURLs(baseURL: "https://example.org/tel53/", basePath: "/tel53/")
        let anchors = PrintAnchors(
            language: Language(code: "en", name: "English"), urls: urls, chapterSlugs: ["plenary", "dsg"], tableNames: ["funding"],
            relativeRoot: "../../")
        // HTML as the renderer and templates write it, and what raw HTML may add: values without
        // a name, names without a space before them, unclosed values, other names and cases.
        let pieces = [
            "\"", "=", " ", "  ", "\n", "\r\n", "\t", "<h2", "<a", ">", "</a>", " id=", "id=", " for=", " headers=", " aria-labelledby=",
            " aria-describedby=", " href=", " src=", " ID=", " data-id=", " xid=", " 臺id=", "臺灣", "&quot;", "x", "a b", "#", "#x",
            "/tel53/", "/tel53/en/dsg/", "/tel53/en/dsg/#items", "/tel53/en/tables/funding/", "/tel53/zh-hant/dsg/", "/other/",
            "https://apec.org/", "😀", "-", "é",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let html = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for slug in ["plenary", nil] {
                #expect(anchors.rewrite(html, chapter: slug) == anchors.rewriteBySplitting(html, chapter: slug), "\(html)")
            }
        }
    }

    @Test func theRunningTitleIsEscapedForCSSInsideStyle() {
        #expect(PageBuilder.cssString("a\"b\\c</style>") == "a\\22 b\\5c c\\3c /style\\3e ")
    }
}
