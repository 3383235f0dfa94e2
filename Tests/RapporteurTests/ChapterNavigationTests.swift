import Foundation
import Testing

@testable import Rapporteur

/// A chapter page's chapter list: every chapter, the page's own marked, or on a long report the
/// ten on each side and a link to the full list.
@Suite struct ChapterNavigationTests {
    /// The valid fixture with `count` more chapters in each language.
    private func project(chapters count: Int) throws -> TestProject {
        let project = try TestProject(fixture: "valid")
        for number in 1...count {
            let file = String(format: "%02d-extra-%d.md", number + 10, number)
            try project.write("content/en/" + file, "---\ntitle: Extra \(number)\n---\n\nText \(number).\n")
            try project.write("content/zh-Hant/" + file, "---\ntitle: 附加 \(number)\n---\n\n內文 \(number)。\n")
        }
        return project
    }

    /// The items of the page's chapter list, in order.
    private func items(_ page: String) throws -> [String] {
        let start = try #require(page.range(of: "<nav class=\"chapter-nav\""))
        let end = try #require(page.range(of: "</nav>", range: start.upperBound..<page.endIndex))
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "\n").filter { $0.hasPrefix("<li>") }
    }

    @Test func aShortReportListsEveryChapterWithThePagesOwnMarked() throws {
        let result = try project(chapters: 3).build()
        let list = try items(try result.text("en/extra-2/index.html"))
        #expect(list.count == 4, "plenary and the three: \(list)")
        #expect(
            list.filter { $0.contains("aria-current=\"page\"") } == ["<li><a href=\"/en/extra-2/\" aria-current=\"page\">Extra 2</a></li>"])
        #expect(list.contains("<li><a href=\"/en/extra-3/\">Extra 3</a></li>"))
    }

    @Test func aLongReportListsTheChaptersAroundThePage() throws {
        let result = try project(chapters: 70).build()
        // The 72 Chinese chapters are plenary, spsg, then extra 1-70: extra 40 is the 42nd.
        let list = try items(try result.text("zh-hant/extra-40/index.html"))
        #expect(list.count == 2 * PageBuilder.navigationWindow + 2, "21 chapters and the link to all: \(list.count)")
        #expect(list.first == "<li><a href=\"/zh-hant/extra-30/\">附加 30</a></li>")
        #expect(list.contains("<li><a href=\"/zh-hant/extra-40/\" aria-current=\"page\">附加 40</a></li>"))
        #expect(list.last?.contains("#chapters") == true)
    }

    @Test func aThemeListingTheChaptersItselfStillGetsThem() throws {
        let project = try project(chapters: 2)
        try project.overrideTheme("chapter.mustache")
        try project.replace(
            "Templates/chapter.mustache", "{{{navItems}}}",
            with: "{{#nav}}<li>{{title}}{{#current}} (here){{/current}}</li>\n{{/nav}}")
        let list = try items(try project.build().text("en/extra-1/index.html"))
        #expect(list == ["<li>Plenary</li>", "<li>Extra 1 (here)</li>", "<li>Extra 2</li>"], "\(list)")
    }
}
