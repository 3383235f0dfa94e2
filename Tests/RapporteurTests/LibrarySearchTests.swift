import Foundation
import Testing

@testable import Rapporteur
@testable import Search

/// A library's search filters: the reports file (`SearchReports`) that says which sections are
/// each report's, named in the manifest only for a library, and the report's title on fragments.
@Suite struct LibrarySearchTests {
    static func json(_ result: BuildResult, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try result.text(path).utf8))
    }

    static func manifest(_ result: BuildResult, _ language: String) throws -> [String: Any] {
        try #require(try json(result, "\(language)/search/index.json") as? [String: Any])
    }

    /// Every section's fragment entry, in section order.
    static func fragments(_ result: BuildResult, _ language: String, manifest: [String: Any]) throws -> [[String: Any]] {
        let folder = try #require(manifest["fragments"] as? String)
        let sections = try #require(manifest["sections"] as? Int)
        let perFile = try #require(manifest["perFragment"] as? Int)
        return try stride(from: 0, to: sections, by: perFile).flatMap { start in
            try #require(try json(result, "\(language)/search/\(folder)\(start / perFile).json") as? [[String: Any]])
        }
    }

    @Test func theReportsFileCoversEachReportsSectionsInItsLanguage() throws {
        let result = try TestProject(fixture: "library").build()
        for (language, ids) in [("en", ["tel61-sample", "tel60-sample"]), ("zh-hant", ["forum3-sample", "tel61-sample", "tel60-sample"])] {
            let manifest = try Self.manifest(result, language)
            let name = try #require(manifest["reports"] as? String, "\(language): the manifest names no reports file")
            #expect(name.hasPrefix("reports-") && name.hasSuffix(".json"))
            let reports = try #require(try Self.json(result, "\(language)/search/\(name)") as? [[String: Any]])
            #expect(reports.compactMap { $0["id"] as? String } == ids, "\(language): the reports with pages in the language, newest first")
            let ranges = reports.compactMap { report in
                (report["first"] as? Int).flatMap { first in (report["end"] as? Int).map { first..<$0 } }
            }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == manifest["sections"] as? Int, "\(language): \(ranges)")
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty }, "\(language): \(ranges)")
            // Each section's fragment names the report whose range holds it, and its title.
            let fragments = try Self.fragments(result, language, manifest: manifest)
            for (report, range) in zip(reports, ranges) {
                for section in range {
                    #expect(fragments[section]["report"] as? String == report["id"] as? String, "\(language): section \(section)")
                    let label = try #require(fragments[section]["reportLabel"] as? String)
                    #expect(label.hasPrefix((report["title"] as? String ?? "") + " · "), "\(language): section \(section)")
                    #expect(label.hasSuffix(" · \(report["year"] as? Int ?? 0)"), "\(language): section \(section): \(label)")
                }
            }
        }
    }

    @Test func aReportSaysItsTitleSeriesAndYearInTheLanguage() throws {
        let result = try TestProject(fixture: "library").build()
        let name = try #require(try Self.manifest(result, "zh-hant")["reports"] as? String)
        let reports = try #require(try Self.json(result, "zh-hant/search/\(name)") as? [[String: Any]])
        let forum = try #require(reports.first)
        #expect(forum["title"] as? String == "(範例) 出席範例區域數位論壇第 3 次會議報告")
        #expect(forum["series"] as? String == "sample-forum")
        #expect(forum["seriesName"] as? String == "範例區域數位論壇")
        #expect(forum["year"] as? Int == 2025)
        let english = try #require(try Self.manifest(result, "en")["reports"] as? String)
        let tel60 = try #require((try Self.json(result, "en/search/\(english)") as? [[String: Any]])?.last)
        #expect(tel60["seriesName"] as? String == "APEC Telecommunications and Information Working Group")
        #expect(tel60["year"] as? Int == 2024)
    }

    @Test func aOneReportSiteHasNoReportsFile() throws {
        let result = try TestProject().build()
        let manifest = try Self.manifest(result, "en")
        #expect(manifest["reports"] == nil)
        #expect(!result.files.contains { $0.path.contains("/search/reports-") })
        let fragments = try Self.fragments(result, "en", manifest: manifest)
        #expect(fragments.allSatisfy { $0["report"] == nil && $0["reportLabel"] == nil })
    }

    @Test func theReportsFileIsWrittenAsTheFiltersReadIt() throws {
        let index = SearchIndex(
            language: "en", sections: [SearchIndex.Section(chapter: "Summary", heading: "Summary", url: "/en/a/summary/", text: "plenary")])
        let report: SearchReports.Report = (
            id: "a", title: "Report \"A\"", series: "apec-tel", seriesName: "APEC TEL", year: 2024, sections: 0..<1
        )
        let files = SearchFiles(index: index, reports: SearchReports(reports: [report]))
        let file = try #require(files.files.first { $0.name.hasPrefix("reports-") })
        #expect(
            String(decoding: file.data, as: UTF8.self)
                == #"[{"id":"a","title":"Report \"A\"","series":"apec-tel","seriesName":"APEC TEL","year":2024,"first":0,"end":1}]"#)
        let manifest = try #require(try JSONSerialization.jsonObject(with: files.manifest.data) as? [String: Any])
        #expect(manifest["reports"] as? String == file.name)
        var later = report
        later.year = 2025
        let changed = SearchFiles(index: index, reports: SearchReports(reports: [later]))
        #expect(changed.files.first { $0.name.hasPrefix("reports-") }?.name != file.name, "the name changes with the content")
        #expect(SearchFiles(index: index).files.allSatisfy { !$0.name.hasPrefix("reports-") })
    }
}
