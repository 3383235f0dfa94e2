import Foundation
import Testing

@testable import Integrity
@testable import Model
@testable import Rapporteur
@testable import Support

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A library of reports (`content/reports/`): three sample reports in two meeting series, linked
/// to each other by file, one with a `meeting` column, one with no English yet.
@Suite struct LibraryTests {
    @Test func everyPartOfTheLibraryHasItsAddress() throws {
        let result = try TestProject(fixture: "library").build()
        let paths = Set(result.files.map(\.path))
        for path in [
            "index.html", "404.html", "zh-hant/index.html", "en/index.html", "en/years/2024/index.html", "en/years/2025/index.html",
            "en/meetings/apec-tel/index.html", "zh-hant/meetings/sample-forum/index.html", "en/feed.xml", "zh-hant/feed.xml",
            "en/search/index.html", "en/tel60-sample/index.html", "en/tel60-sample/hosting/index.html",
            "zh-hant/tel60-sample/tables/hosting-roster/index.html", "data/tel60-sample/hosting-roster.json",
            "data/tel60-sample/hosting-roster.csv", "zh-hant/forum3-sample/summary/index.html", "sitemap.xml",
        ] {
            #expect(paths.contains(path), "no \(path)")
        }
        #expect(!paths.contains("en/forum3-sample/index.html"), "a report with no English has no English pages")
        let sitemap = try result.text("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/library/en/tel61-sample/steering-groups/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/library/en/meetings/apec-tel/</loc>"))
    }

    @Test func theHomeListsTheNewestReportFirstAndSaysWhichLackALanguage() throws {
        let result = try TestProject(fixture: "library").build()
        let home = try result.text("en/index.html")
        let positions = ["/library/zh-hant/forum3-sample/", "/library/en/tel61-sample/", "/library/en/tel60-sample/"].compactMap {
            home.range(of: "href=\"\($0)\"")?.lowerBound
        }
        #expect(positions.count == 3 && positions == positions.sorted(), "newest meeting first")
        #expect(home.contains("<span class=\"only-in\">in 中文 only</span>"))
        #expect(home.contains("<a href=\"/library/en/years/2024/\">2024</a> <span class=\"count\">2 reports</span>"))
        #expect(home.contains("<a href=\"/library/en/years/2025/\">2025</a> <span class=\"count\">1 report</span>"))
    }

    @Test func chaptersLinkToOtherReportsByTheirFiles() throws {
        let result = try TestProject(fixture: "library").build()
        let hosting = try result.text("en/tel60-sample/hosting/index.html")
        #expect(hosting.contains("href=\"/library/en/tel61-sample/summary/#decisions\""))
        let forum = try result.text("zh-hant/forum3-sample/summary/index.html")
        #expect(forum.contains("href=\"/library/zh-hant/tel60-sample/hosting/#future-meetings\""))
    }

    @Test func reportsShowingTheSiteGlossaryAlikeHaveItWithTheirOwnLinks() throws {
        let project = try TestProject(fixture: "library")
        // A second report like tel60-sample, on the next meeting, with no glossary of its own.
        try FileManager.default.copyItem(at: project.url("content/reports/tel60-sample"), to: project.url("content/reports/tel62-sample"))
        try project.replace("content/reports/tel62-sample/report.yaml", "number: 60", with: "number: 62")
        let result = try project.build()
        func glossaryTable(_ report: String) throws -> String {
            let page = try result.text("en/\(report)/tables/glossary/index.html")
            let start = try #require(page.range(of: "<table class=\"glossary-table\""))
            let end = try #require(page.range(of: "</table>", range: start.upperBound..<page.endIndex))
            return String(page[start.lowerBound..<end.upperBound])
        }
        #expect(try glossaryTable("tel62-sample") == (try glossaryTable("tel60-sample")))
        #expect(try !glossaryTable("tel60-sample").contains("Digital Society Steering Group"), "tel61-sample's own term")
        #expect(try glossaryTable("tel61-sample").contains("Digital Society Steering Group"))
        for report in ["tel60-sample", "tel62-sample"] {
            let glossary = try result.text("en/\(report)/tables/glossary/index.html")
            #expect(glossary.contains("href=\"/library/data/\(report)/glossary.csv\""))
            let print = try result.text("en/\(report)/print/index.html")
            #expect(
                print.contains("href=\"https://example.org/library/data/\(report)/glossary.csv\""),
                "the print edition's glossary links its own report's files")
        }
    }

    @Test func aBrokenLinkToAnotherReportIsAnErrorAtItsLine() throws {
        let project = try TestProject(fixture: "library")
        let file = "content/reports/tel60-sample/en/02-hosting.md"
        try project.replace(file, "../../tel61-sample/en/01-summary.md#decisions", with: "../../tel61-sample/en/01-summary.md#nowhere")
        try project.replace(file, "../../tel61-sample/en/01-summary.md)", with: "../../tel99/en/01-summary.md)")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("\(file):13:"), "\(error)")
        #expect(error.description.contains("missing anchor '#nowhere' in content/reports/tel61-sample/en/01-summary.md"), "\(error)")
        #expect(error.description.contains("\(file):17:"), "\(error)")
        #expect(error.description.contains("no report 'tel99'"), "\(error)")
    }

    @Test func aMeetingCellLinksToItsSeriesAndToTheReportOnIt() throws {
        let result = try TestProject(fixture: "library").build()
        let table = try result.text("en/tel60-sample/tables/hosting-roster/index.html")
        #expect(
            table.contains("<a href=\"/library/en/meetings/apec-tel/#meeting-61\">APEC TEL 61</a> · <a href=\"/library/en/tel61-sample/\""))
        #expect(table.contains("<a href=\"/library/en/meetings/apec-tel/#meeting-62\">APEC TEL 62</a><"), "62 has no report")
        let series = try result.text("en/meetings/apec-tel/index.html")
        #expect(series.contains("<li id=\"meeting-62\">"))
        #expect(series.contains("No report yet"))
        #expect(try result.text("data/tel60-sample/hosting-roster.csv").contains("apec-tel 61"))
    }

    @Test func anUnknownMeetingIsAnErrorAtItsRow() throws {
        let project = try TestProject(fixture: "library")
        let file = "content/reports/tel60-sample/tables/hosting-roster.yaml"
        try project.replace(file, "meeting: apec-tel 62", with: "meeting: apec-tel 63")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("\(file):"), "\(error)")
        #expect(error.description.contains("unknown meeting 'apec-tel 63'"), "\(error)")
        try project.replace(file, "meeting: apec-tel 63", with: "meeting: no-such-series 1")
        let other = try #require(throws: SiteError.self) { try project.build() }
        #expect(other.description.contains("there is no content/meetings/no-such-series.yaml"), "\(other)")
    }

    @Test func aReportHomeLinksTheMeetingsBeforeAndAfter() throws {
        let result = try TestProject(fixture: "library").build()
        let home = try result.text("en/tel60-sample/index.html")
        #expect(home.contains("<a class=\"next\" rel=\"next\" href=\"/library/en/tel61-sample/\""))
        #expect(!home.contains("rel=\"prev\""))
        #expect(home.contains("<a class=\"library-title\" href=\"/library/en/\">"))
        #expect(home.contains(">Search every report</label>"), "a report's search box searches the library")
        let next = try result.text("en/tel61-sample/index.html")
        #expect(next.contains("<a class=\"previous\" rel=\"prev\" href=\"/library/en/tel60-sample/\""))
        #expect(next.contains("<div><dt>Venue</dt><dd>Beta City (sample)</dd></div>"), "a report without facts shows its meeting's")
    }

    @Test func theFeedListsReportsNewestFirst() throws {
        let result = try TestProject(fixture: "library").build()
        let feed = try result.text("en/feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        let ids = feed.components(separatedBy: "<entry>").dropFirst().compactMap { entry in
            entry.range(of: "<id>").map { String(entry[$0.upperBound...].prefix { $0 != "<" }) }
        }
        #expect(
            ids == [
                "https://example.org/library/zh-hant/forum3-sample/", "https://example.org/library/en/tel61-sample/",
                "https://example.org/library/en/tel60-sample/",
            ])
        #expect(XMLParser(data: Data(feed.utf8)).parse(), "well-formed XML")
    }

    @Test func aReportNamedLikeALibraryPageIsRefused() throws {
        let project = try TestProject(fixture: "library")
        try FileManager.default.moveItem(at: project.url("content/reports/forum3-sample"), to: project.url("content/reports/search"))
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("a report cannot be called 'search'"), "\(error)")
    }

    @Test func searchSectionsCarryTheirReport() throws {
        let result = try TestProject(fixture: "library").build()
        let fragments = result.files.filter { $0.path.hasPrefix("en/search/fragments-") }
        let text = fragments.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(text.contains("\"report\":\"tel60-sample\""))
        #expect(text.contains("\"report\":\"tel61-sample\""))
    }

    @Test func eachReportsPDFIsWrittenBesideItsDataAndLinkedFromItsHome() throws {
        let project = try TestProject(fixture: "library")
        let pdf = Data("%PDF-1.4 test".utf8)
        let built = try SiteBuilder.build(root: project.root, pdfs: ["data/tel60-sample/report.en.pdf": pdf])
        #expect(
            built.printEditions.map(\.pdf).sorted() == [
                "data/forum3-sample/report.zh-hant.pdf", "data/tel60-sample/report.en.pdf", "data/tel60-sample/report.zh-hant.pdf",
                "data/tel61-sample/report.en.pdf", "data/tel61-sample/report.zh-hant.pdf",
            ])
        #expect(
            built.printEditions.contains { $0.page == "en/tel60-sample/print/index.html" && $0.pdf == "data/tel60-sample/report.en.pdf" })
        #expect(built.files.first { $0.path == "data/tel60-sample/report.en.pdf" }?.data == pdf)
        let home = try built.text("en/tel60-sample/index.html")
        #expect(home.contains("<a href=\"/library/data/tel60-sample/report.en.pdf\" type=\"application/pdf\">PDF</a>"))
        #expect(home.contains("<meta name=\"citation_pdf_url\" content=\"https://example.org/library/data/tel60-sample/report.en.pdf\">"))
        for other in ["zh-hant/tel60-sample/index.html", "en/tel61-sample/index.html", "en/index.html"] {
            #expect(try !built.text(other).contains(".pdf\""), "\(other) links a PDF it was not given")
        }
    }

    @Test func servingALibraryRebuildsOnlyTheEditedReport() throws {
        let project = try TestProject(fixture: "library")
        let site = LiveSite(root: project.root, baseURL: "http://127.0.0.1:8000/")
        let first = try site.update(changed: nil)
        #expect(first.files.contains { $0.path == "en/tel61-sample/summary/index.html" })
        #expect(first.deferred.map(\.path) == ["zh-hant/search/", "en/search/"])
        let file = "content/reports/tel61-sample/en/01-summary.md"
        try project.replace(file, "The plenary approved", with: "The plenary, edited, approved")
        let update = try site.update(changed: [file])
        #expect(!update.isComplete)
        let page = try #require(update.files.first { $0.path == "en/tel61-sample/summary/index.html" })
        #expect(String(decoding: page.data, as: UTF8.self).contains("The plenary, edited, approved"))
        #expect(update.files.allSatisfy { $0.path.contains("tel61-sample/") }, "\(update.files.map(\.path))")
        #expect(update.files.count < 10, "the chapter's page and what lists it, not the whole report: \(update.files.map(\.path))")
        let search = try #require(update.deferred.first { $0.path == "en/search/" })
        #expect(search.files.contains { String(decoding: $0.data, as: UTF8.self).contains("The plenary, edited, approved") })

        // A table of the report: that report's pages and files are built again, no other's.
        let table = "content/reports/tel61-sample/tables/glossary.yaml"
        try project.replace(table, "Digital Society Steering Group}", with: "Digital Society Steering Group (edited)}")
        let tableUpdate = try site.update(changed: [table])
        #expect(!tableUpdate.isComplete)
        #expect(tableUpdate.files.allSatisfy { $0.path.contains("tel61-sample/") }, "\(tableUpdate.files.map(\.path))")
        let glossary = try #require(tableUpdate.files.first { $0.path == "en/tel61-sample/tables/glossary/index.html" })
        #expect(String(decoding: glossary.data, as: UTF8.self).contains("Digital Society Steering Group (edited)"))

        // A heading id another report links to: the whole library is built again, and its link fails.
        try project.replace(file, "{#decisions}", with: "{#decided}")
        let error = try #require(throws: SiteError.self) { try site.update(changed: [file]) }
        #expect(error.description.contains("content/reports/tel60-sample/en/02-hosting.md:13:"), "\(error)")
        try project.replace(file, "{#decided}", with: "{#decisions}")
        #expect(try !site.update(changed: [file]).isComplete, "the ids are those of the last build again")
    }

    @Test func checksAreSummarisedPerReport() throws {
        let project = try TestProject(fixture: "library")
        try project.replace("content/reports/tel61-sample/en/02-steering-groups.md", "62nd meeting", with: "63rd meeting")
        let result = try SiteBuilder.build(root: project.root)
        let counts = IntegrityReport.countsPerChapter(result.warnings)
        #expect(counts.map(\.chapter) == ["tel61-sample/02-steering-groups.md"] && counts.first?.count == 2, "\(counts)")
        #expect(
            result.coverage.contains {
                $0.item == "forum3-sample: chapter 01-summary.md" && $0.counts.map(\.language) == ["zh-Hant", "en"]
            })
        #expect(result.coverage.contains { $0.item == "tel60-sample: table hosting-roster" })
    }

    @Test func aSeriesMayNameItsMeetingsAroundTheNumber() throws {
        let project = try TestProject(fixture: "library")
        try project.replace("content/meetings/sample-forum.yaml", "short: {zh-Hant: 範例論壇", with: "short: {zh-Hant: \"範例論壇第 {number} 次會議\"")
        let home = try project.build().text("zh-hant/index.html")
        #expect(home.contains(">範例論壇第 3 次會議</a>"), "\(home)")
    }

    @Test func aReportMayBeWrittenInAnotherLanguageThanTheLibrarys() throws {
        let project = try TestProject(fixture: "library")
        let file = "content/reports/tel61-sample/report.yaml"
        try project.replace(file, "title:\n", with: "original: en\ntitle:\n")
        var log = DiagnosticLog()
        let library = try #require(Library.load(root: project.root, baseURL: nil, log: &log))
        #expect(library.report("tel61-sample")?.report.config.originalLanguage.code == "en")
        #expect(library.report("tel60-sample")?.report.config.originalLanguage.code == "zh-Hant")
        #expect(try project.build().files.contains { $0.path == "zh-hant/tel61-sample/summary/index.html" })
        try project.replace("content/reports/forum3-sample/report.yaml", "title:\n", with: "original: en\ntitle:\n")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("original 'en': the report has no content/reports/forum3-sample/en/ folder"), "\(error)")
    }

    @Test func aReportsGlossaryMustHaveTheSiteGlossarysColumns() throws {
        let project = try TestProject(fixture: "library")
        let file = "content/reports/tel61-sample/tables/glossary.yaml"
        try project.replace(file, "- id: notes", with: "- id: remarks")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(
            error.description.contains(
                "\(file): error: this table adds rows to content/glossary.yaml, so it needs its columns (acronym, expansion, notes)"),
            "\(error)")
    }
}
