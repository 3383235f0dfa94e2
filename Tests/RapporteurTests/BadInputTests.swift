import Foundation
import Testing

/// Each case breaks one file of the valid fixture; the build must name the file and line, exit
/// non-zero and leave the previous `public/` exactly as it was.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The file to break and how: replace `old` with `new`.
        var file: String
        var old: String
        var new: String
        /// What the message must start with: `path:line` (and `:column` where it is known).
        var location: String
        var message: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "malformed YAML in site.yaml", file: "content/site.yaml", old: "  - code: en\n", new: "  - code: [en\n",
            location: "content/site.yaml:9:", message: "invalid YAML"),
        Case(
            name: "malformed front matter", file: "content/zh-Hant/01-plenary.md", old: "description: 開幕與各經濟體報告", new: "description: [開幕",
            location: "content/zh-Hant/01-plenary.md:4:", message: "invalid YAML"),
        Case(
            name: "malformed table YAML", file: "content/tables/funding.yaml", old: "    type: date-range\n",
            new: "    type: date-range\n   bad: [\n",
            location: "content/tables/funding.yaml:17:", message: "invalid YAML"),
        Case(
            name: "duplicate YAML key points at the second key", file: "content/tables/funding.yaml", old: "    apec: 58100\n",
            new: "    apec: 58100\n    apec: 1\n",
            location: "content/tables/funding.yaml:50:5", message: "duplicate key 'apec'"),
        Case(
            name: "YAML aliases are refused", file: "content/tables/funding.yaml", old: "notes:\n  - zh-Hant: 金額以美元計。",
            new: "notes:\n  - &a\n    zh-Hant: 金額以美元計。",
            location: "content/tables/funding.yaml:", message: "anchors and aliases are not allowed"),
        Case(
            name: "10,000 nested block quotes", file: "content/zh-Hant/02-spsg.md", old: "回到[大會](01-plenary.md)。",
            new: String(repeating: "> ", count: 10_000) + "x",
            location: "content/zh-Hant/02-spsg.md:12:201", message: "nested too deep"),
        Case(
            name: "10,000 nested list markers", file: "content/zh-Hant/02-spsg.md", old: "回到[大會](01-plenary.md)。",
            new: String(repeating: "- ", count: 10_000) + "x",
            location: "content/zh-Hant/02-spsg.md:12:101", message: "nested too deep"),
        Case(
            name: "100,000 nested emphasis markers", file: "content/zh-Hant/02-spsg.md", old: "回到[大會](01-plenary.md)。",
            new: String(repeating: "*a **a ", count: 50_000) + "b" + String(repeating: " a** a*", count: 50_000),
            location: "content/zh-Hant/02-spsg.md:12:", message: "nested too deep"),
        Case(
            name: "10,000 nested YAML lists in a table", file: "content/tables/funding.yaml", old: "  - zh-Hant: 金額以美元計。",
            new: "  - zh-Hant: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            location: "content/tables/funding.yaml:59:", message: "nested too deep"),
        Case(
            name: "200 nested YAML lists in a table", file: "content/tables/funding.yaml", old: "  - zh-Hant: 金額以美元計。",
            new: "  - zh-Hant: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
            location: "content/tables/funding.yaml:59:111", message: "nested too deep"),
        Case(
            name: "deeply nested YAML in front matter", file: "content/zh-Hant/02-spsg.md", old: "title: 安全暨繁榮指導分組\n",
            new: "title: 安全暨繁榮指導分組\nx: " + String(repeating: "{a: ", count: 10_000) + "b" + String(repeating: "}", count: 10_000) + "\n",
            location: "content/zh-Hant/02-spsg.md:3:", message: "nested too deep"),
        Case(
            name: "link to an address the site does not have", file: "content/zh-Hant/02-spsg.md", old: "[大會](01-plenary.md)",
            new: "[大會](/zh-hant/nowhere/)",
            location: "content/zh-Hant/02-spsg.md:12:3", message: "the site has no file zh-hant/nowhere/index.html"),
        Case(
            name: "image the site does not have", file: "content/zh-Hant/02-spsg.md", old: "回到[大會](01-plenary.md)",
            new: "回到![圖](/assets/missing.png)",
            location: "content/zh-Hant/02-spsg.md:12:3", message: "the site has no file assets/missing.png"),
        Case(
            name: "link by address to a missing anchor", file: "content/zh-Hant/02-spsg.md", old: "[大會](01-plenary.md)",
            new: "[大會](/zh-hant/plenary/#nope)",
            location: "content/zh-Hant/02-spsg.md:12:3", message: "missing anchor '#nope' in content/zh-Hant/01-plenary.md"),
        Case(
            name: "chapter without a title", file: "content/zh-Hant/02-spsg.md", old: "title: 安全暨繁榮指導分組\n", new: "",
            location: "content/zh-Hant/02-spsg.md:1:1", message: "missing title"),
        Case(
            name: "unknown table name", file: "content/zh-Hant/01-plenary.md", old: "```table funding", new: "```table fundng",
            location: "content/zh-Hant/01-plenary.md:25:1", message: "unknown table 'fundng'"),
        Case(
            name: "text where money is expected", file: "content/tables/funding.yaml", old: "    total: 70000",
            new: "    total: seventy thousand",
            location: "content/tables/funding.yaml:55:12", message: "expected money"),
        Case(
            name: "YAML 1.1 boolean is not a number", file: "content/tables/funding.yaml", old: "    total: 70000", new: "    total: no",
            location: "content/tables/funding.yaml:55:12", message: "expected money"),
        Case(
            name: "unknown status", file: "content/tables/funding.yaml", old: "    status: proposed\n    source:",
            new: "    status: approved\n    source:",
            location: "content/tables/funding.yaml:50:13", message: "unknown status 'approved'"),
        Case(
            name: "duplicate slug", file: "content/zh-Hant/02-spsg.md", old: "description: SPSG 會議",
            new: "description: SPSG 會議\nslug: plenary",
            location: "content/zh-Hant/02-spsg.md:1:1", message: "duplicate slug 'plenary'"),
        Case(
            name: "link to a missing chapter", file: "content/zh-Hant/02-spsg.md", old: "01-plenary.md", new: "09-nowhere.md",
            location: "content/zh-Hant/02-spsg.md:12:3", message: "link to missing chapter '09-nowhere.md'"),
        Case(
            name: "link to a missing anchor", file: "content/zh-Hant/01-plenary.md", old: "02-spsg.md#threats", new: "02-spsg.md#risks",
            location: "content/zh-Hant/01-plenary.md:6:55", message: "missing anchor '#risks'"),
        Case(
            name: "link to a missing anchor in the same chapter", file: "content/zh-Hant/01-plenary.md", old: "(#economy-reports)",
            new: "(#economy)",
            location: "content/zh-Hant/01-plenary.md:10:10", message: "missing anchor '#economy'"),
        Case(
            name: "duplicate heading id", file: "content/zh-Hant/01-plenary.md", old: "## 各經濟體國情報告 {#economy-reports}",
            new: "## 各經濟體國情報告 {#opening}",
            location: "content/zh-Hant/01-plenary.md:18:1", message: "duplicate heading id 'opening'"),
        Case(
            name: "template syntax error", file: "Templates/chapter.mustache", old: "{{/hasToc}}", new: "{{/hasTOC}}",
            location: "Templates/chapter.mustache:", message: "template error"),
        Case(
            name: "template naming a missing partial", file: "Templates/table-page.mustache", old: "{{>partials/tables-pager}}",
            new: "{{>partials/tables-pagr}}",
            location: "Templates/table-page.mustache:14:1", message: "template 'partials/tables-pagr' does not exist"),
        Case(
            name: "slug trying ../", file: "content/zh-Hant/02-spsg.md", old: "description: SPSG 會議",
            new: "description: SPSG 會議\nslug: ../../etc",
            location: "content/zh-Hant/02-spsg.md:4:7", message: "slug '../../etc'"),
        Case(
            name: "heading level 1 in the body", file: "content/zh-Hant/02-spsg.md", old: "## 資安威脅\n", new: "# 資安威脅\n",
            location: "content/zh-Hant/02-spsg.md:6:1", message: "only h1"),
        Case(
            name: "source link to a missing heading", file: "content/tables/funding.yaml", old: "plenary#economy-reports",
            new: "plenary#nowhere",
            location: "content/tables/funding.yaml:51:13", message: "missing anchor '#nowhere'"),
    ]

    @Test(arguments: cases)
    func reportsTheFileAndLineAndKeepsPublic(_ testCase: Case) throws {
        let project = try TestProject()
        let first = try project.run(["build"])
        try #require(first.status == 0, "the valid fixture builds: \(first.stderr)")
        let before = project.snapshot()
        try #require(before.count > 10)

        // A template is broken in the project's own copy, which overrides the built-in one.
        if testCase.file.hasPrefix("Templates/") { try project.overrideTheme(String(testCase.file.dropFirst("Templates/".count))) }
        try project.replace(testCase.file, testCase.old, with: testCase.new)
        let broken = try project.run(["build"])

        #expect(broken.status != 0)
        let errors = broken.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(
            errors.contains { $0.hasPrefix(testCase.location) && $0.contains(testCase.message) },
            "expected \(testCase.location) ... \(testCase.message), got:\n\(broken.stderr)")
        #expect(project.snapshot() == before, "public/ changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let project = try TestProject()
        try #require(try project.run(["build"]).status == 0)
        let before = project.snapshot()
        var bytes = Data(try project.read("content/zh-Hant/02-spsg.md").utf8)
        let marker = Data("回到".utf8)
        let range = try #require(bytes.range(of: marker))
        bytes.replaceSubrange(range.lowerBound..<range.lowerBound + 1, with: [0xFF])
        try bytes.write(to: project.url("content/zh-Hant/02-spsg.md"))

        let broken = try project.run(["build"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("content/zh-Hant/02-spsg.md:12:1: error: invalid UTF-8"), "\(broken.stderr)")
        #expect(project.snapshot() == before)
    }

    @Test func reportsEveryProblemAtOnce() throws {
        let project = try TestProject()
        try project.replace("content/zh-Hant/01-plenary.md", "```table funding", with: "```table nothing")
        try project.replace("content/zh-Hant/02-spsg.md", "01-plenary.md", with: "07-gone.md")
        let broken = try project.run(["check"])
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("content/zh-Hant/01-plenary.md:25:1: error: unknown table 'nothing'"))
        #expect(broken.stderr.contains("content/zh-Hant/02-spsg.md:12:3: error: link to missing chapter '07-gone.md'"))
    }

    @Test func refusesAnOutputFolderInsideTheSources() throws {
        let project = try TestProject()
        for output in ["content", "content/public", "Templates/out", "."] {
            let result = try project.run(["build", "--output", output])
            #expect(result.status != 0, "\(output)")
            #expect(result.stderr.contains("refusing to write the site"), "\(output): \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: project.url("content/site.yaml").path))
    }

    @Test func aBuildWarnsOfTableTextInOneLanguage() throws {
        let project = try TestProject()
        try project.replace("content/tables/funding.yaml", "proposer: {zh-Hant: 越南, en: Viet Nam}", with: "proposer: {zh-Hant: 越南}")
        let result = try project.run(["build"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("content/tables/funding.yaml:52:5: warning: 'proposer' has no en text"), "\(result.stderr)")
    }

    @Test func checkWritesNothing() throws {
        let project = try TestProject()
        let result = try project.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("chapter 01-plenary.md"), "coverage summary")
        #expect(!FileManager.default.fileExists(atPath: project.url("public").path))
    }

    @Test func aFrontMatterTitleIsEscaped() throws {
        let project = try TestProject()
        try project.replace("content/en/01-plenary.md", "title: Plenary", with: "title: \"<script>alert('x')</script> Plenary\"")
        let result = try project.build()
        let page = try result.text("en/plenary/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert"))
    }

    @Test func aScriptInATableCellIsEscaped() throws {
        let project = try TestProject()
        try project.replace("content/tables/funding.yaml", "en: Russia", with: "en: \"<script>alert(1)</script>\"")
        let result = try project.build()
        for path in ["en/tables/funding/index.html", "en/plenary/index.html"] {
            let page = try result.text(path)
            #expect(!page.contains("<script>alert(1)"), "\(path)")
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
        }
    }
}
