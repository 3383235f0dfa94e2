import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// `publication:` in site.yaml: the colophon and the "cite" box of the home, the BibTeX and
/// CSL-JSON files, `citation_*` meta tags and JSON-LD, on a fixture whose title is hostile.
@Suite struct PublicationTests {
    let result: BuildResult
    let home: String

    static let hostileTitle = "Test </script><!-- \"Report\" & {50%} \\ <style> $_#~^"

    init() throws {
        result = try TestProject(fixture: "publication").build()
        home = try result.text("en/index.html")
    }

    /// The text of each `<script type="application/ld+json">` of a page.
    private func jsonLD(_ html: String) -> [String] {
        html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map {
            String($0[..<$0.range(of: "</script>")!.lowerBound])
        }
    }

    @Test func theColophonShowsEveryFieldInThePagesLanguage() throws {
        for line in [
            "<dt>Authors</dt><dd>Test delegation, Jane Doe</dd>", "<dt>Publisher</dt><dd>Test Publisher &amp; Sons</dd>",
            "<dt>Report number</dt><dd>R-2016/07 &lt;b&gt;</dd>", "<dt>Meeting</dt><dd>53rd Meeting, Tacna, Peru, 12", "17 June 2016</dd>",
            "<dt>Published</dt><dd>15 July 2016</dd>", "<dt>Updated</dt><dd>January 2017</dd>",
            "<dt>Original document</dt><dd><a href=\"https://example.org/original.pdf?a=1&amp;b=2\">",
            "<dt>Licence</dt><dd>CC BY 4.0</dd>",
        ] {
            #expect(home.contains(line), "\(line)")
        }
        let zh = try result.text("zh-hant/index.html")
        #expect(zh.contains("<dt>出版日期</dt><dd>2016 年 7 月 15 日</dd>"))
        #expect(zh.contains("<dt>作者</dt><dd>測試代表團、Jane Doe</dd>"))
        #expect(try result.text("en/print/index.html").contains("<dt>Licence</dt><dd>CC BY 4.0</dd>"), "and on the print edition")
    }

    @Test func theCitationIsPlainTextInThePagesLanguage() throws {
        // The date range is ICU's, with its own spaces around the dash.
        #expect(
            home.contains(
                "<p class=\"citation-text\">Test delegation, Jane Doe. Test &lt;/script&gt;&lt;!-- &quot;Report&quot; &amp; {50%} \\ &lt;style&gt; $_#~^. Test Publisher &amp; Sons. Report number R-2016/07 &lt;b&gt;. 53rd Meeting, Tacna, Peru, 12"
            ))
        #expect(home.contains("17 June 2016. 15 July 2016. https://example.org/en/</p>"))
        #expect(try result.text("zh-hant/index.html").contains("測試代表團、Jane Doe。《測試會議報告 &lt;/script&gt;"))
        #expect(home.contains("<a href=\"/report.en.bib\" download>BibTeX</a> · <a href=\"/report.en.json\" download>CSL-JSON</a>"))
    }

    @Test func theJSONLDCannotCloseItsScriptAndParsesBack() throws {
        let scripts = jsonLD(home)
        try #require(scripts.count == 1)
        #expect(!scripts[0].contains("<") && !scripts[0].contains(">") && !scripts[0].contains("&"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(scripts[0].utf8)) as? [String: Any])
        #expect(report["@type"] as? String == "Report")
        #expect(report["name"] as? String == Self.hostileTitle)
        #expect(report["datePublished"] as? String == "2016-07-15")
        #expect(report["dateModified"] as? String == "2017-01")
        #expect(report["reportNumber"] as? String == "R-2016/07 <b>")
        #expect((report["about"] as? [String: Any])?["startDate"] as? String == "2016-06-12")
        // The whole page still has exactly the scripts it should.
        #expect(home.components(separatedBy: "<script").count - 1 == 3, "site.js, tables.js and the JSON-LD")
    }

    @Test func theMetaTagsAreGoogleScholarsAndEscaped() {
        for tag in [
            "<meta name=\"citation_title\" content=\"Test &lt;/script&gt;&lt;!-- &quot;Report&quot; &amp; {50%} \\ &lt;style&gt; $_#~^\">",
            "<meta name=\"citation_author\" content=\"Test delegation\">", "<meta name=\"citation_author\" content=\"Jane Doe\">",
            "<meta name=\"citation_publication_date\" content=\"2016/07/15\">",
            "<meta name=\"citation_technical_report_institution\" content=\"Test Publisher &amp; Sons\">",
            "<meta name=\"citation_technical_report_number\" content=\"R-2016/07 &lt;b&gt;\">",
            "<meta name=\"citation_language\" content=\"en\">",
        ] {
            #expect(home.contains(tag), "\(tag)")
        }
    }

    @Test func theBibTeXEscapesTeXAndTheCSLJSONParses() throws {
        let bib = try result.text("report.en.bib")
        #expect(bib.hasPrefix("@techreport{test-script-report-50-style,\n"))
        #expect(bib.contains("  author = {{Test delegation} and {Jane Doe}},\n"))
        #expect(
            bib.contains("  title = {{Test </script><!-- \"Report\" \\& \\{50\\%\\} \\textbackslash{} <style> \\$\\_\\#\\~{}\\^{}}},\n"))
        #expect(bib.contains("  year = {2016},\n  month = {7},\n"))
        let csl = try #require(
            try JSONSerialization.jsonObject(with: Data(try result.text("report.zh-hant.json").utf8)) as? [[String: Any]])
        #expect(csl.first?["title"] as? String == "測試會議報告 </script><script>alert(1)</script>")
        #expect(csl.first?["type"] as? String == "report")
        #expect((csl.first?["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2016, 7, 15]])
    }

    @Test func theRunningTitleOfThePrintEditionCannotCloseItsStyle() throws {
        let print = try result.text("en/print/index.html")
        let style = print.components(separatedBy: "<style media=\"print\">")[1].components(separatedBy: "</style>")[0]
        #expect(!style.contains("<") && style.contains("Test \\3c /script\\3e "))
    }

    @Test func everyPageHasTheFavicon() {
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.data, as: UTF8.self)
            #expect(html.contains("<link rel=\"icon\" href=\"") && html.contains("favicon.svg\" type=\"image/svg+xml\">"), "\(file.path)")
        }
        #expect(result.files.contains { $0.path == "assets/favicon.svg" })
    }

    @Test func aSiteWithoutPublicationDetailsStatesNone() throws {
        let plain = try TestProject().build()
        let home = try plain.text("en/index.html")
        #expect(!home.contains("<dl class=\"facts\">\n<div><dt>Authors"))
        #expect(!home.contains("citation_author") && !home.contains("citation_publication_date"))
        #expect(try plain.text("report.en.bib").contains("@techreport{test-meeting-report,\n  title = {{Test Meeting Report}},"))
    }

    @Test func aBadPublicationDateIsAnErrorAtItsLine() throws {
        let project = try TestProject(fixture: "publication")
        try project.replace("content/site.yaml", "published: 2016-07-15", with: "published: 15 July 2016")
        #expect {
            try project.build()
        } throws: { error in
            let text = (error as? SiteError)?.diagnostics.map(\.description).joined() ?? ""
            return text.contains("content/site.yaml:")
                && text.contains("published must be a date such as 2016-07-15, 2016-07 or 2016, got '15 July 2016'")
        }
    }
}
