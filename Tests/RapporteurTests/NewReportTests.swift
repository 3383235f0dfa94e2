import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// `rapporteur new`: a report in the languages asked for that builds, checks clean and serves.
@Suite struct NewReportTests {
    /// A new, empty folder, removed with the value.
    final class Folder: Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-new-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let languageSets = [
        ["zh-Hant", "en"], ["en"], ["ja", "en"], ["zh-Hant", "en", "es"], ["ko", "fr", "zh-Hans"], ["de", "en"],
    ]

    @Test(arguments: languageSets)
    func aNewReportBuildsAndChecksWithoutAWarning(_ languages: [String]) throws {
        let folder = Folder()
        try NewReport.create(at: folder.url, languages: languages)
        // The theme is built in; a language it has no strings for gets English ones to translate.
        let needsStrings = languages.contains { !NewReport.knownLanguages.contains($0) }
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Templates/strings.yaml").path) == needsStrings)
        let result = try SiteBuilder.build(root: folder.url, integrity: .errors)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.pagesPerLanguage.map(\.language) == languages)
        let home = try result.text(languages[0].lowercased() + "/index.html")
        for other in languages.dropFirst() { #expect(home.contains("hreflang=\"\(other)\""), "\(other)") }
        #expect(try result.text(languages[0].lowercased() + "/summary/index.html").contains("<abbr title="), "the glossary marks APEC")
    }

    @Test func everyLanguageOfThreeHasItsSwitchAlternatesAndSearch() throws {
        let folder = Folder()
        let languages = ["zh-Hant", "en", "es"]
        try NewReport.create(at: folder.url, languages: languages)
        let result = try SiteBuilder.build(root: folder.url, integrity: .errors)
        let sitemap = try result.text("sitemap.xml")
        for language in languages {
            let segment = language.lowercased()
            let chapter = try result.text(segment + "/summary/index.html")
            for other in languages where other != language {
                #expect(chapter.contains("href=\"/\(other.lowercased())/summary/\" hreflang=\"\(other)\""), "\(language) → \(other)")
                #expect(chapter.contains("<link rel=\"alternate\" hreflang=\"\(other)\""), "\(language): alternate \(other)")
            }
            #expect(sitemap.contains("<loc>https://example.org/\(segment)/summary/</loc>"), "\(language) in the sitemap")
            let manifest = try result.text(segment + "/search/index.json")
            #expect(manifest.contains("\"language\":\"\(language)\""), "\(language): the search manifest is its own")
            #expect(result.files.contains { $0.path.hasPrefix(segment + "/search/terms-") }, "\(language): search chunks")
        }
    }

    @Test func aNewReportServes() throws {
        let folder = Folder()
        try NewReport.create(at: folder.url, languages: ["zh-Hant", "en"])
        let update = try LiveSite(root: folder.url, baseURL: "http://127.0.0.1:8000/").update(changed: nil)
        #expect(update.isComplete)
        #expect(update.files.contains { $0.path == "en/summary/index.html" })
    }

    @Test func itNeverReplacesAFile() throws {
        let folder = Folder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.url.appendingPathComponent("README.md"))
        #expect(throws: SiteError.self) { try NewReport.create(at: folder.url, languages: ["en"]) }
        #expect(try String(contentsOf: folder.url.appendingPathComponent("README.md"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("content").path))
    }

    @Test func languageCodesAreChecked() {
        let folder = Folder()
        for bad in [[], ["en", "EN"], ["en/../x"]] {
            #expect(throws: SiteError.self, "\(bad)") { try NewReport.create(at: folder.url, languages: bad) }
        }
    }

    @Test func theCommandMakesAReport() throws {
        let project = try TestProject()
        let made = try project.run(["new", "report", "--languages", "ja,en"])
        #expect(made.status == 0, "\(made.stderr)")
        let built = try project.run(["build", "--project", project.url("report").path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty, "no warning: \(built.stderr)")
        let exported = try project.run(["theme", "export", "report/Templates"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.url("report/Templates/partials/table.mustache").path))
    }
}
