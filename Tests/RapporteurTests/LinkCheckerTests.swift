import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// The check of the built pages' links, the safety net for links that templates make.
@Suite struct LinkCheckerTests {
    static let pages = [
        OutputFile(path: "en/a/index.html", text: "<h2 id=\"top\">A</h2>"),
        OutputFile(
            path: "en/b/index.html",
            text: """
                <p id="here"><a href="/tel53/en/a/#top">ok</a> <a href="../a/">ok</a> <a href="#here">ok</a>
                <a href="/tel53/en/a/?q=1#top">ok</a> <a href="https://example.org/x">external</a> <img src="/tel53/assets/x.png">
                <a href="/tel53/en/c/">missing page</a> <a href="../a/#bottom">missing id</a> <a href="#nowhere">missing here</a>
                <a href="/elsewhere/">outside</a></p>
                """),
    ]

    func problems(basePath: String = "/tel53/") -> [String] {
        let pages = Self.pages.map(LinkChecker.PageLinks.init)
        let paths = Set(Self.pages.map(\.path) + ["assets/x.png"])
        var log = DiagnosticLog()
        LinkChecker(paths: paths, pages: pages, basePath: basePath).check(pages, log: &log)
        return log.diagnostics.map(\.description)
    }

    @Test func reportsEveryBrokenLinkAndNothingElse() {
        #expect(
            problems() == [
                "public/en/b/index.html: error: broken link '#nowhere': public/en/b/index.html has no id 'nowhere'",
                "public/en/b/index.html: error: broken link '../a/#bottom': public/en/a/index.html has no id 'bottom'",
                "public/en/b/index.html: error: broken link '/elsewhere/': public/(outside the site) /elsewhere/ is not built",
                "public/en/b/index.html: error: broken link '/tel53/en/c/': public/en/c/index.html is not built",
            ])
    }

    @Test func findsThePagesLinkingToAPage() {
        let pages = Self.pages.map(LinkChecker.PageLinks.init)
        let checker = LinkChecker(paths: Set(Self.pages.map(\.path)), pages: pages, basePath: "/tel53/")
        #expect(checker.pages(pages, linkingTo: ["en/a/index.html"]) == ["en/b/index.html"])
        #expect(checker.pages(pages, linkingTo: ["en/c/index.html"]) == ["en/b/index.html"])
        #expect(checker.pages(pages, linkingTo: ["en/z/index.html"]).isEmpty)
    }
}
