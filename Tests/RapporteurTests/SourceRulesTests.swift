import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// What the build says about sources it does not take as they are: raw HTML (left out, with a
/// warning at its place) and symbolic links (followed inside the project, refused outside).
@Suite struct SourceRulesTests {
    @Test func rawHTMLIsLeftOutWithAWarningAtItsPlace() throws {
        let project = try TestProject()
        try project.replace("content/en/01-plenary.md", "The host economy spoke;", with: "The host <b>economy</b> spoke;")
        let result = try project.build()
        let warnings = result.warnings.map(\.description).filter { $0.contains("raw HTML") }
        #expect(warnings.contains { $0.hasPrefix("content/en/01-plenary.md:") && $0.contains(":10:") }, "\(warnings)")
        let page = try result.text("en/plenary/index.html")
        #expect(page.contains("The host <!-- raw HTML omitted -->economy<!-- raw HTML omitted --> spoke;"))
    }

    @Test func aChapterLinkedInFromInsideTheProjectIsBuilt() throws {
        let project = try TestProject()
        try FileManager.default.createDirectory(at: project.url("drafts"), withIntermediateDirectories: true)
        try project.write("drafts/03-notes.md", "---\ntitle: 筆記\n---\n\n筆記。\n")
        try FileManager.default.createSymbolicLink(
            atPath: project.url("content/zh-Hant/03-notes.md").path, withDestinationPath: "../../drafts/03-notes.md")
        #expect(try project.build().text("zh-hant/notes/index.html").contains("筆記。"))
    }

    @Test func aChapterLinkedFromOutsideTheProjectIsRefusedByName() throws {
        let project = try TestProject()
        try FileManager.default.createSymbolicLink(atPath: project.url("content/zh-Hant/97-x.md").path, withDestinationPath: "/etc/passwd")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("content/zh-Hant/97-x.md: error: symbolic link to '/etc/passwd'"), "\(error)")
    }
}
