import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// Builds the valid fixture site and reads the HTML it produces.
@Suite struct EndToEndTests {
    let project: TestProject
    let result: BuildResult

    init() throws {
        project = try TestProject()
        result = try project.build()
    }

    private var htmlPages: [(path: String, html: String)] {
        result.files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }
    }

    @Test func writesThePagesOfTheSpec() {
        let paths = Set(result.files.map(\.path))
        for path in [
            "index.html", "404.html", "robots.txt", "sitemap.xml", "assets/style.css",
            "zh-hant/index.html", "en/index.html", "zh-hant/plenary/index.html", "en/plenary/index.html",
            "zh-hant/spsg/index.html", "zh-hant/tables/funding/index.html", "en/tables/funding/index.html",
            "data/funding.json", "data/funding.csv",
        ] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(!paths.contains("en/spsg/index.html"))
    }

    @Test func everyPageHasTheRightLanguage() {
        for (path, html) in htmlPages {
            let expected = path.hasPrefix("en/") ? "en" : "zh-Hant"
            #expect(html.contains("<html lang=\"\(expected)\">"), "\(path)")
            #expect(html.contains("<title>"), "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            #expect(html.contains("class=\"skip-link\" href=\"#main\""), "\(path)")
        }
    }

    @Test func alternatesPointToPagesThatExist() throws {
        let paths = Set(result.files.map(\.path))
        for (path, html) in htmlPages where path != "404.html" {
            let alternates = html.components(separatedBy: "<link rel=\"alternate\" hreflang=\"").dropFirst()
            #expect(alternates.count >= 2, "\(path) has too few alternates")
            for alternate in alternates {
                let href = try #require(alternate.split(separator: "\"").dropFirst(2).first)
                let target = href.replacingOccurrences(of: "https://example.org/", with: "")
                #expect(paths.contains(target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target), "\(path): \(href)")
            }
            #expect(html.contains("hreflang=\"x-default\""), "\(path)")
        }
    }

    @Test func theLanguageSwitchLinksTheCounterpartOrSaysItIsMissing() throws {
        #expect(try result.text("zh-hant/plenary/index.html").contains("<a href=\"/en/plenary/\" hreflang=\"en\" lang=\"en\""))
        #expect(try result.text("en/plenary/index.html").contains("<a href=\"/zh-hant/plenary/\" hreflang=\"zh-Hant\" lang=\"zh-Hant\""))
        let untranslated = try result.text("zh-hant/spsg/index.html")
        #expect(untranslated.contains("English translation not available yet"))
        #expect(!untranslated.contains("href=\"/en/spsg/\""))
        #expect(result.warnings.contains { $0.location?.file == "content/zh-Hant/02-spsg.md" && $0.message.contains("no en translation") })
    }

    @Test func everyInternalLinkAndAnchorResolves() throws {
        var ids: [String: Set<String>] = [:]
        for (path, html) in htmlPages { ids[path] = LinkChecker.attributeValues("id", in: html) }
        let paths = Set(result.files.map(\.path))
        var checked = 0
        for (path, html) in htmlPages {
            for link in LinkChecker.attributeValues("href", in: html) where !link.hasPrefix("http") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                // The print edition links its style sheets relatively (`../../assets/`), so that it prints from a file.
                let resolved =
                    parts[0].hasPrefix("/")
                    ? parts[0] : (URL(string: parts[0], relativeTo: URL(string: "https://example.org/" + path))?.path ?? parts[0])
                var target = parts[0].isEmpty ? path : String(resolved.dropFirst())
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                #expect(paths.contains(target), "\(path) links to missing \(link)")
                if parts.count > 1 { #expect(ids[target]?.contains(parts[1]) == true, "\(path) links to missing anchor \(link)") }
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func chapterLinksAreRewrittenToSitePaths() throws {
        let zh = try result.text("zh-hant/plenary/index.html")
        #expect(zh.contains("<a href=\"/zh-hant/tables/funding/\">經費表</a>"))
        #expect(zh.contains("<a href=\"/zh-hant/spsg/#threats\">安全分組</a>"))
        #expect(zh.contains("<a href=\"#fig-1\">圖 1</a>"))
        // The English chapter links to the Chinese page where no translation exists yet.
        #expect(try result.text("en/plenary/index.html").contains("<a href=\"/zh-hant/spsg/#threats\">security group</a>"))
    }

    @Test func headingsGetStableIdsInBothLanguages() throws {
        let zh = try result.text("zh-hant/plenary/index.html")
        let en = try result.text("en/plenary/index.html")
        // Each heading ends with a link to itself (`a.heading-link`), labelled in the page's language.
        let heading = { (level: Int, id: String, text: String, label: String) in
            "<h\(level) id=\"\(id)\">\(text)<a class=\"heading-link\" href=\"#\(id)\" aria-label=\"\(label)\">#</a></h\(level)>"
        }
        #expect(zh.contains(heading(2, "opening", "開幕式", "本節連結")))
        #expect(en.contains(heading(2, "opening", "Opening", "Link to this section")))
        // A heading without {#id} takes the id of its counterpart at the same place.
        #expect(zh.contains(heading(3, "我國", "我國", "本節連結")))
        #expect(en.contains(heading(3, "我國", "Chinese Taipei", "Link to this section")))
        #expect(try result.text("zh-hant/spsg/index.html").contains(heading(2, "資安威脅", "資安威脅", "本節連結")))
        #expect(zh.contains("<a href=\"#economy-reports\">各經濟體國情報告</a>"), "table of contents")
    }

    @Test func chaptersHavePreviousAndNextLinks() throws {
        let first = try result.text("zh-hant/plenary/index.html")
        #expect(first.contains("rel=\"next\" href=\"/zh-hant/spsg/\""))
        #expect(!first.contains("rel=\"prev\""))
        #expect(try result.text("zh-hant/spsg/index.html").contains("rel=\"prev\" href=\"/zh-hant/plenary/\""))
    }

    @Test func tablesAreTypedComputedAndFormattedPerLanguage() throws {
        let zh = try result.text("zh-hant/tables/funding/index.html")
        let en = try result.text("en/tables/funding/index.html")
        #expect(zh.contains("83,000 美元") && zh.contains("24,900 美元") && zh.contains("153,000 美元"))
        #expect(en.contains("US$83,000") && en.contains("US$24,900") && en.contains("US$153,000") && en.contains("US$44,900"))
        #expect(zh.contains("2017 年 1 月至 12 月") && zh.contains("2016 年 11 月至 2017 年 11 月"))
        // British English as ICU writes it: a thin space each side of the en dash.
        #expect(en.contains("January\u{2009}–\u{2009}December 2017") && en.contains("November 2016\u{2009}–\u{2009}November 2017"))
        #expect(en.contains("<caption>New project proposals</caption>"))
        #expect(en.contains("<th scope=\"col\" class=\"cell-prose\">Project</th>"))
        #expect(en.contains("<th scope=\"row\" class=\"cell-prose\">"))
        #expect(en.contains("US$14,090,673") && zh.contains("14,090,673 美元"))
        #expect(en.contains("<a href=\"/en/plenary/#economy-reports\">"), "source link")
    }

    @Test func valuesFromContentAreEscaped() throws {
        let en = try result.text("en/tables/funding/index.html")
        #expect(en.contains("Earthquakes Monitoring System &lt;IoT&gt;"))
        #expect(!en.contains("<IoT>"))
        let spsg = try result.text("zh-hant/spsg/index.html")
        #expect(spsg.contains("<code>{{title}}</code>"), "content is never evaluated as a template")
        #expect(!spsg.contains("<script>alert(1)</script>"), "raw HTML is off by default")
    }

    @Test func figuresAreCaptionedBoxesWithAnchors() throws {
        let zh = try result.text("zh-hant/plenary/index.html")
        #expect(zh.contains("<figure class=\"figure\" id=\"fig-1\">"))
        #expect(zh.contains("圖 1</span> APEC TEL53 大會"))
        #expect(!zh.contains("<img"))
    }

    @Test func dataFilesAreTyped() throws {
        let csv = try #require(result.files.first { $0.path == "data/funding.csv" }).data
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]), "CSV starts with a byte-order mark")
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.contains("title (zh-Hant),title (en),proposer (zh-Hant),proposer (en),period,total,apec,self,status,source\r\n"))
        #expect(
            text.contains(
                "地震監測系統之 IoT 應用,Earthquakes Monitoring System <IoT>,俄羅斯,Russia,2017-01/2017-12,83000,58100,24900,proposed,plenary#economy-reports\r\n"
            ))
        let json = try result.text("data/funding.json")
        #expect(json.contains("\"total\": 83000"))
        #expect(json.contains("\"self\": 24900"))
        #expect(json.contains("\"period\": \"2017-01/2017-12\""))
    }

    @Test func sitemapListsEveryPageWithAlternates() throws {
        let sitemap = try result.text("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/en/plenary/</loc>"))
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://example.org/zh-hant/plenary/\"/>"))
        #expect(!sitemap.contains("https://example.org/en/spsg/"))
        #expect(try result.text("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"))
    }

    @Test func linksToTheSitesOwnAddressesKeepTheirAnchorAndBasePath() throws {
        let project = try TestProject()
        try project.replace(
            "content/zh-Hant/02-spsg.md", "[大會](01-plenary.md)", with: "[大會](/zh-hant/plenary/#economy-reports)、[地圖](/sitemap.xml)")
        let page = try project.build(baseURL: "https://example.org/tel53/").text("zh-hant/spsg/index.html")
        #expect(page.contains("<a href=\"/tel53/zh-hant/plenary/#economy-reports\">大會</a>"))
        #expect(page.contains("<a href=\"/tel53/sitemap.xml\">地圖</a>"))
    }

    @Test func worksUnderASubPath() throws {
        let sub = try project.build(baseURL: "https://example.org/tel53")
        let page = try sub.text("en/plenary/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/tel53/en/plenary/\">"))
        #expect(page.contains("href=\"/tel53/assets/style.css\""))
        #expect(page.contains("<a href=\"/tel53/en/tables/funding/\">funding table</a>"))
        #expect(!page.contains("href=\"/en/"))
    }

    @Test func aParallelBuildIsByteIdenticalToASequentialOne() throws {
        let sequential = try Parallelism.$isSequential.withValue(true) { try project.build() }
        #expect(result.files.map(\.path) == sequential.files.map(\.path))
        #expect(result.files.map(\.data) == sequential.files.map(\.data))
    }

    @Test func aBuildWrittenAsItGoesWritesTheSameFiles() throws {
        let written = try SiteBuilder.build(root: project.root, writingTo: project.url("public"))
        #expect(written.files.isEmpty, "pages went to disk, not into memory")
        #expect(written.fileCount == result.files.count)
        #expect(project.snapshot() == Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.data) }))
        #expect(written.timings.map(\.phase) == ["load", "resolve", "integrity", "render", "search", "check", "swap"])
        #expect(written.workTimings.map(\.work) == ["parse", "write"])
        #expect(written.workTimings.allSatisfy { $0.seconds > 0 }, "parsing and writing are timed: \(written.workTimings)")
    }

    @Test func largeSitesListTheChaptersAroundThisOne() throws {
        let large = try TestProject()
        for number in 3...70 {
            try large.write(
                "content/zh-Hant/\(String(format: "%02d", number))-part-\(number).md",
                "---\ntitle: 第 \(number) 章\n---\n\n## 內容 {#body}\n\n文字。\n")
        }
        let built = try large.build()
        let page = try built.text("zh-hant/part-40/index.html")
        #expect(page.contains("href=\"/zh-hant/part-30/\"") && page.contains("href=\"/zh-hant/part-50/\""))
        #expect(!page.contains("href=\"/zh-hant/part-29/\"") && !page.contains("href=\"/zh-hant/part-51/\""))
        #expect(page.contains("<a href=\"/zh-hant/#chapters\">所有章節</a>"))
        #expect(!(try result.text("zh-hant/plenary/index.html")).contains("所有章節"), "a small site lists every chapter")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let again = try project.build()
        #expect(result.files.map(\.path) == again.files.map(\.path))
        #expect(result.files.map(\.data) == again.files.map(\.data))
    }
}
