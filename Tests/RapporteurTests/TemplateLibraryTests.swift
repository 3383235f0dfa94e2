import Foundation
import Mustache
import Testing

@testable import Rapporteur
@testable import Support

@Suite struct TemplateLibraryTests {
    /// Strings for English and Chinese with every key the build looks up, and `skip`.
    static let strings = ["en", "zh-Hant"].map { language in
        language + ":\n" + (TemplateLibrary.stringsTheBuildUses + ["skip"]).map { "  \($0): x\n" }.joined()
    }.joined()

    /// A library of these templates alone (no built-in ones), with `strings` unless given.
    private func library(_ templates: [String: String]) throws(SiteError) -> TemplateLibrary {
        var files: [String: Theme.File] = [:]
        for (path, text) in templates.merging(["strings.yaml": Self.strings], uniquingKeysWith: { given, _ in given }) {
            files[path] = Theme.File(displayPath: "Templates/" + path, data: Data(text.utf8))
        }
        return try TemplateLibrary.load(Theme(files: files), languages: ["en", "zh-Hant"])
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
        let inAList = try #require(throws: SiteError.self) {
            try templates.render("figure", ["page": ["title": "t", "tags": ["a", nil] as [String?]] as [String: Any]])
        }
        #expect(inAList.description.contains("holds an optional at 'page.tags.1'"))
    }
}

/// The theme inside the binary is the one in `Sources/Rapporteur/Theme/`, every file of it.
@Suite struct BuiltInThemeTests {
    @Test func everyFileOfTheThemeFolderIsBuiltIn() throws {
        let onDisk = FileTree.files(under: TestProject.theme).filter { $0 != "README.md" }
        #expect(BuiltInTheme.files.map(\.path).sorted() == onDisk)
        for (path, bytes) in BuiltInTheme.files {
            #expect(Data(bytes) == FileManager.default.contents(atPath: TestProject.theme.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func aProjectOverridesOneFileAndGetsTheRestBuiltIn() throws {
        let project = try TestProject()
        for folder in ["Templates/partials", "Templates/assets"] {
            try FileManager.default.createDirectory(at: project.url(folder), withIntermediateDirectories: true)
        }
        try project.write("Templates/partials/table.mustache", "<table class=\"mine\"></table>\n")
        try project.write("Templates/assets/style.css", "body { color: teal }\n")
        let result = try project.build()
        #expect(try result.text("en/plenary/index.html").contains("<table class=\"mine\"></table>"))
        #expect(try result.text("en/plenary/index.html").contains("<nav"), "the built-in chapter template")
        #expect(try result.text("assets/style.css") == "body { color: teal }\n")
        #expect(result.files.contains { $0.path == "assets/search.js" }, "the built-in script")
    }

    @Test func theThemeIsExportedForEditingAndNeverOverFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Theme.exportBuiltIn(to: folder)
        #expect(FileTree.files(under: folder) == BuiltInTheme.files.map(\.path).sorted())
        #expect(throws: SiteError.self) { try Theme.exportBuiltIn(to: folder) }
    }
}
