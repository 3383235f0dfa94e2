import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// `content/CODE/_index.md`: the report at a glance on each language's home page, through the
/// steps a chapter takes (ids, tables, glossary, links), and no page of its own.
@Suite struct HomeSummaryTests {
    let project: TestProject

    init() throws {
        project = try TestProject()
        try project.write(
            "content/zh-Hant/_index.md",
            "---\ntitle: 報告重點\n---\n\n## 重要決議 {#decisions}\n\n- 通過 3 項新計畫，見[大會](01-plenary.md#opening)與[經費表](../tables/funding.yaml)。\n")
        try project.write(
            "content/en/_index.md",
            "---\ntitle: At a glance\n---\n\n## Key decisions\n\n- 3 new projects approved; see the [plenary](01-plenary.md#opening).\n")
    }

    @Test func eachHomeShowsItsSummaryWithLinksResolved() throws {
        let result = try project.build()
        let chinese = try result.text("zh-hant/index.html")
        #expect(chinese.contains("<section class=\"summary\" aria-label=\"報告重點\">\n<h2 id=\"decisions\">重要決議</h2>"))
        #expect(chinese.contains("<a href=\"/zh-hant/plenary/#opening\">大會</a>與<a href=\"/zh-hant/tables/funding/\">經費表</a>"))
        let english = try result.text("en/index.html")
        #expect(english.contains("<h2 id=\"decisions\">Key decisions</h2>"), "the translation takes the original's ids")
        #expect(english.contains("<a href=\"/en/plenary/#opening\">plenary</a>"))
        #expect(!result.files.contains { $0.path.contains("index/") }, "the summary has no page of its own")
        #expect(!(try result.text("sitemap.xml")).contains("/index/"))
    }

    @Test func aBrokenLinkInTheSummaryFailsAtItsLine() throws {
        try project.replace("content/en/_index.md", "01-plenary.md#opening", with: "01-plenary.md#nowhere")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("content/en/_index.md:7:"), "\(error)")
        #expect(error.description.contains("missing anchor '#nowhere'"), "\(error)")
    }

    @Test func contentThatSaysNilIsNoTemplateLeftover() throws {
        // The summary and a table's notes are inserted as HTML; their words are content.
        try project.replace("content/en/_index.md", "3 new projects approved", with: "nil tariffs, Optional( and {{ approved")
        try project.replace(
            "content/tables/funding.yaml", "en: Amounts in US dollars.", with: "en: 'Amounts in US dollars; nil {{ Optional('")
        let result = try project.build()
        #expect(try result.text("en/index.html").contains("nil tariffs, Optional( and {{ approved"))
        #expect(try result.text("en/tables/funding/index.html").contains("nil {{ Optional("))
    }
}
