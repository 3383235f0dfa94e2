import Foundation
import Markdown
import Testing

@testable import Rapporteur
@testable import Support

/// `404.html` is served for any missing address, in no language in particular: it says the same in
/// every language, links every language's home and search page, is kept out of search engines and
/// works under any base path.
@Suite struct NotFoundPageTests {
    /// The valid fixture's languages, with the paths of their home pages below the base path.
    static let languages = [("zh-Hant", "zh-hant/"), ("en", "en/")]

    static func notFoundPage(baseURL: String? = nil) throws -> String {
        try TestProject().build(baseURL: baseURL).text("404.html")
    }

    /// The interface strings the page is made from, as the built-in theme has them.
    static func strings() throws -> [String: [String: String]] {
        var log = DiagnosticLog()
        let theme = Theme.load(project: FileManager.default.temporaryDirectory, log: &log)
        return try TemplateLibrary.load(theme, languages: languages.map(\.0)).strings
    }

    /// The part of the page in one language: its `<section lang>`.
    static func section(_ language: String, of html: String) throws -> String {
        let start = try #require(html.range(of: "<section lang=\"\(language)\">"), "no section in \(language)")
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test(arguments: [nil, "https://example.org/tel53/"])
    func saysTheSameInEveryLanguageAndLinksEachHomeAndSearchPage(baseURL: String?) throws {
        let html = try Self.notFoundPage(baseURL: baseURL)
        let basePath = baseURL == nil ? "/" : "/tel53/"
        let strings = try Self.strings()
        for (language, home) in Self.languages {
            let section = try Self.section(language, of: html)
            let t = try #require(strings[language])
            for key in ["notFoundTitle", "notFoundText", "backHome", "searchLabel"] {
                let text = try #require(t[key], "strings.yaml has no \(key) for \(language)")
                #expect(section.contains(HTML.escape(text)), "the \(language) section lacks \(key) '\(text)'")
            }
            let links = LinkChecker.attributeValues("href", in: section)
            #expect(links.contains(basePath + home), "the \(language) section does not link \(basePath + home): \(links)")
            #expect(
                links.contains(basePath + home + "search/"), "the \(language) section does not link \(basePath + home)search/: \(links)")
        }
    }

    @Test func isKeptOutOfSearchEnginesAndClaimsNoMissingTranslation() throws {
        let html = try Self.notFoundPage()
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!html.contains("rel=\"canonical\""), "the 404 page has a canonical link")
        #expect(!html.contains("rel=\"alternate\""), "the 404 page has alternate links")
        #expect(!html.contains("hreflang"), "the 404 page has hreflang links")
        #expect(!html.contains("translation-missing"), "the 404 page says a translation is missing")
        for t in try Self.strings().values {
            let missing = try #require(t["translationMissing"])
            #expect(!html.contains(HTML.escape(missing)), "the 404 page says '\(missing)'")
        }
    }

    /// Served for /any/depth/ of the site, so every address on it starts from the site's root:
    /// none is relative, and all start with the base path.
    @Test(arguments: [nil, "https://example.org/tel53/"])
    func everyAddressStartsFromTheSitesRoot(baseURL: String?) throws {
        let project = try TestProject()
        let result = try project.build(baseURL: baseURL)
        let html = try result.text("404.html")
        let basePath = baseURL == nil ? "/" : "/tel53/"
        let paths = Set(result.files.map(\.path))
        let addresses = LinkChecker.attributes(["href", "src", "action"], in: html).values.flatMap { $0 }
        #expect(addresses.count >= 8)
        for address in addresses where !address.hasPrefix("#") {
            #expect(address.hasPrefix(basePath), "'\(address)' does not start with \(basePath)")
            var file = String(address.dropFirst(basePath.count))
            if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
            #expect(paths.contains(file), "'\(address)' names no file of the site")
        }
    }
}
