import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// `serve` rebuilds only what an edit changes: after each edit, the files it holds must be the
/// files a whole build of the edited project makes, byte for byte.
@Suite struct LiveSiteTests {
    static let baseURL = "http://127.0.0.1:8000/"
    let project: TestProject
    let site: LiveSite
    /// The site as `serve` holds it: the first build, with each update's files laid over it.
    var served: [String: Data] = [:]

    init() throws {
        project = try TestProject(copyingReport: ())
        site = LiveSite(root: project.root, baseURL: Self.baseURL)
        try apply(site.update(changed: nil))
    }

    mutating func apply(_ update: SiteUpdate) {
        if update.isComplete { served = [:] }
        for file in update.files { served[file.path] = file.data }
        // A search folder is replaced whole: its files' names change with their content.
        for folder in update.deferred {
            served = served.filter { !$0.key.hasPrefix(folder.path) || $0.key.hasSuffix(".html") }
            for file in folder.files { served[file.path] = file.data }
        }
    }

    /// Edits a file, updates, and checks the result against a whole build.
    mutating func edit(_ path: String, _ old: String, _ new: String, alsoChanged: Set<String> = []) throws -> SiteUpdate {
        try project.replace(path, old, with: new)
        let update = try site.update(changed: alsoChanged.union([path]))
        apply(update)
        let whole = try SiteBuilder.build(root: project.root, baseURL: Self.baseURL, integrity: .off)
        #expect(served.keys.sorted() == whole.files.map(\.path))
        for file in whole.files where served[file.path] != file.data {
            Issue.record("\(file.path) differs from a whole build after editing \(path)")
        }
        return update
    }

    @Test mutating func aChangeOfTextRebuildsOnlyItsPage() throws {
        // `sed -i` and some editors save through a temporary file that is gone when the build runs.
        let update = try edit(
            "content/en/04-plenary.md", "Francisco Coronado", "Francisco CORONADO", alsoChanged: ["content/en/sedX1b2c3"])
        #expect(!update.isComplete)
        #expect(update.files.map(\.path) == ["en/plenary/index.html", "en/print/index.html"], "the page and the print edition")
    }

    @Test mutating func aNewTitleRebuildsTheChapterListsAndTheHome() throws {
        let update = try edit("content/zh-Hant/05-economy-reports.md", "title: 各經濟體國情報告", "title: 各經濟體國情報告（修訂）")
        #expect(!update.isComplete)
        #expect(
            update.files.count == 28,
            "18 chapters list it, the home, the 6 table pages (the glossary's among them), the tables index, the other glossary page, the print edition"
        )
        #expect(update.files.contains { $0.path == "zh-hant/index.html" })
    }

    @Test mutating func anOriginalsNewHeadingGivesItsTranslationTheSameID() throws {
        let update = try edit("content/zh-Hant/07-dsg.md", "\n## ", "\n## 新的一節\n\n## ")
        #expect(!update.isComplete)
        #expect(update.files.contains { $0.path == "en/dsg/index.html" }, "the translation's ids follow the original's")
    }

    @Test mutating func aRenumberedSectionThatATableCitesRebuildsEverything() throws {
        // A new first section of the plenary makes (二) APEC TEL 主席致詞, which a note of the
        // hosting roster cites, (三): every page showing that table changes.
        let update = try edit("content/zh-Hant/04-plenary.md", "\n## ", "\n## 新的一節\n\n## ")
        #expect(update.isComplete)
    }

    @Test mutating func aBrokenAnchorFailsUntilMendedEvenAfterOtherEdits() throws {
        let path = "content/zh-Hant/06-plenary-decisions.md"
        try project.replace(path, "{#new-proposals}", with: "{#proposals}")
        let error = try #require(throws: SiteError.self) { try site.update(changed: [path]) }
        #expect(error.description.contains("content/tables/funding.yaml"), "\(error)")
        #expect(error.description.contains("new-proposals"), "\(error)")
        // An edit elsewhere still reports the broken anchor: the failed change is remembered.
        try project.replace("content/en/04-plenary.md", "Francisco Coronado", with: "Francisco CORONADO")
        #expect(throws: SiteError.self) { try site.update(changed: ["content/en/04-plenary.md"]) }
        let mended = try edit(path, "{#proposals}", "{#new-proposals}")
        #expect(!mended.isComplete)
        #expect(mended.files.contains { $0.path == "en/plenary/index.html" })
    }

    @Test mutating func otherSourcesRebuildEverything() throws {
        try project.overrideTheme("chapter.mustache")
        let update = try edit("Templates/chapter.mustache", "</main>", "</main><!-- edited -->")
        #expect(update.isComplete)
        #expect(page("en/plenary/index.html").contains("<!-- edited -->"))
        let stray = try edit("content/site.yaml", "\n", "\n# a comment\n")
        #expect(stray.isComplete)
        // A deleted override is a change too: the built-in template is back.
        try FileManager.default.removeItem(at: project.url("Templates/chapter.mustache"))
        let restored = try site.update(changed: ["Templates/chapter.mustache"])
        apply(restored)
        #expect(restored.isComplete)
        #expect(!page("en/plenary/index.html").contains("<!-- edited -->"))
    }

    private func page(_ path: String) -> String {
        String(decoding: served[path] ?? Data(), as: UTF8.self)
    }
}
