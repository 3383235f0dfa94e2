import Foundation
import Mustache
import Testing

@testable import Rapporteur
@testable import Support

@Suite final class TemplateLibraryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-templates-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Strings for English and Chinese with every key the build looks up, and `skip`.
    static let strings = ["en", "zh-Hant"].map { language in
        language + ":\n" + (TemplateLibrary.stringsTheBuildUses + ["skip"]).map { "  \($0): x\n" }.joined()
    }.joined()

    private func library(_ templates: [String: String]) throws(SiteError) -> TemplateLibrary {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in templates.merging(["strings.yaml": Self.strings], uniquingKeysWith: { given, _ in given }) {
            try? Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return try TemplateLibrary.load(directory: folder, project: folder, displayPath: "Templates", languages: ["en", "zh-Hant"])
    }

    @Test func escapesValuesAsSwiftMustacheDoes() throws {
        let value = "<a href=\"x\">Tom's & Jerry's</a> 資安 e\u{301}"
        let ours = try library(["page.mustache": "<p title=\"{{v}}\">{{v}}</p>{{{v}}}\n"]).render("page", ["v": value])
        let theirs = try MustacheTemplate(string: "<p title=\"{{v}}\">{{v}}</p>{{{v}}}\n").render(["v": value])
        #expect(ours == theirs)
        #expect(ours.contains("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;"))
    }

    /// swift-mustache's own escaping (2.1.1) looks characters up whole, so a quote followed by a
    /// combining mark (one `Character`) passes unescaped and could end an attribute.
    @Test func aQuoteWithACombiningMarkIsEscaped() throws {
        let value = "x\"\u{301} onmouseover=alert(1) <\u{301}b>"
        let ours = try library(["meta.mustache": "<meta content=\"{{v}}\">\n"]).render("meta", ["v": value])
        #expect(ours == "<meta content=\"x&quot;\u{301} onmouseover=alert(1) &lt;\u{301}b&gt;\">\n")
    }

    @Test func standaloneTagsStillLeaveNoLines() throws {
        let text = "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"
        let ours = try library(["list.mustache": text]).render("list", ["items": ["a", "b"]])
        #expect(ours == "<li>a</li>\n<li>b</li>\n")
    }

    @Test(arguments: [(text: "{{/close}}\n", line: 1), (text: "<p>\n\n{{/close}}\n", line: 3)])
    func syntaxErrorsNameTheirLine(text: String, line: Int) throws {
        let error = try #require(throws: SiteError.self) { try library(["broken.mustache": text]) }
        #expect(error.diagnostics.first?.location?.file == "Templates/broken.mustache")
        #expect(error.diagnostics.first?.location?.line == line, "\(error)")
    }

    @Test func anInterfaceStringNoLanguageHasIsAnErrorWhereItIsUsed() throws {
        let error = try #require(throws: SiteError.self) { try library(["page.mustache": "<p>\n  {{t.skip}} {{#t.skpi}}x{{/t.skpi}}\n"]) }
        #expect(
            error.diagnostics.map(\.description) == [
                "Templates/page.mustache:2:14: error: interface string 'skpi' is not in Templates/strings.yaml"
            ])
    }

    @Test func aStringMissingInOneLanguageIsAnErrorAtThatLanguage() throws {
        let strings = Self.strings + "  only: en\n"  // the last language, zh-Hant, has a key English lacks
        let error = try #require(throws: SiteError.self) { try library(["strings.yaml": strings]) }
        #expect(error.diagnostics.map(\.description) == ["Templates/strings.yaml:1:1: error: strings.yaml: 'only' is missing for 'en'"])
    }

    @Test func aStringTheBuildNeedsIsRequired() throws {
        let error = try #require(throws: SiteError.self) { try library(["strings.yaml": "en:\n  skip: x\nzh-Hant:\n  skip: x\n"]) }
        #expect(
            error.diagnostics.first?.description
                == "Templates/strings.yaml: error: Templates/strings.yaml needs the interface string 'search' in every language")
    }

    @Test func templateDataHoldingAnOptionalFailsInsteadOfPrintingNil() throws {
        let templates = try library(["figure.mustache": "<p>{{#source}}{{source}}{{/source}}</p>\n"])
        let missing: String? = nil
        let error = try #require(throws: SiteError.self) { try templates.render("figure", ["rows": [["source": missing as Any]]]) }
        #expect(
            error.description
                == "Templates/figure.mustache: error: template data for 'figure' holds an optional at 'rows.0.source' (leave a missing value out instead)"
        )
        #expect(try templates.render("figure", ["caption": "c"]) == "<p></p>\n")
    }
}
