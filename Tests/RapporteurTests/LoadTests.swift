import Foundation
import Markdown
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// Loading and resolving: the byte-level scheme test gives what the Character-based one gives, on
/// usual and on awkward input; the file tree; the glossary.
@Suite struct LoadTests {
    @Test func schemesAreFoundAsOnCharacters() {
        let urls = [
            "https://apec.org", "mailto:a@b", "a+b-c.d:x", "05-dsg.md", "05-dsg.md#fig-3", "#opening", "../tables/f.yaml",
            ":x", "1http:x", "ht_tp:x", "http:", "http:\u{301}x", "ht\u{301}tp:x", "http\u{301}:x", "中文:x", "a b:c", "a/b:c",
            "C:\\dir", "x:\u{600}", "", "javascript:alert(1)",
        ]
        for url in urls {
            #expect(LinkRewriter.hasScheme(url) == LinkRewriter.hasSchemeByCharacters(url), "\(url.debugDescription)")
        }
    }

    @Test func fileTreeFollowsLinksInsideTheProjectOnly() throws {
        let manager = FileManager.default
        let project = manager.temporaryDirectory.appendingPathComponent("rapporteur-filetree-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: project) }
        let root = project.appendingPathComponent("content")
        for folder in ["content/a/b/c", "content/.hidden", "content/empty", "content/中文", "elsewhere"] {
            try manager.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["01-x.md", "a/2.md", "a/b/c/3.yaml", ".hidden/4", ".dot", "中文/五.md", "../elsewhere/6.md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        func link(_ name: String, _ destination: String) throws {
            try manager.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: destination)
        }
        try link("link.md", "01-x.md")
        try link("linked", "a")
        try link("other", "../elsewhere")
        try link("a/b/loop", "..")
        try link("../elsewhere/back", "../content")
        try link("dangling", "nothing")
        try link("passwd.md", "/etc/passwd")
        try link("root", "/")

        let listing = FileTree.files(under: root, within: project)
        #expect(
            listing.files == [
                ".dot", ".hidden/4", "01-x.md", "a/2.md", "a/b/c/3.yaml", "link.md", "linked/2.md", "linked/b/c/3.yaml", "other/6.md",
                "中文/五.md",
            ])
        #expect(listing.refusedLinks.map(\.path) == ["dangling", "passwd.md", "root"])
        #expect(listing.refusedLinks.map(\.target) == ["nothing", "/etc/passwd", "/"])
        #expect(FileTree.files(under: root.appendingPathComponent("missing"), within: project).files == [])
        #expect(FileTree.files(under: root.appendingPathComponent("01-x.md"), within: project).files == [])
    }

    @Test func glossaryWordsThatOnlyLookLikeAcronymsStayText() {
        let marker = GlossaryMarker(
            terms: [
                .init(acronym: "TEL", expansion: "Telecommunications"), .init(acronym: "4K", expansion: "ultra-high-definition"),
            ], expansionFormat: "")
        let position = SourcePosition(line: 1, column: 1)
        let marked = marker.mark([.paragraph([.text("Tel TELx TEL 4k 4K TEL")], position)])
        #expect(
            marked == [
                .paragraph(
                    [
                        .text("Tel TELx "), .abbreviation("TEL", title: "Telecommunications"), .text(" 4k "),
                        .abbreviation("4K", title: "ultra-high-definition"), .text(" TEL"),
                    ], position)
            ])
    }
}
