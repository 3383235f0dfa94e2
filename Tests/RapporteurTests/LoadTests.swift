import Foundation
import Markdown
import Testing

@testable import Rapporteur

/// The byte-level fast paths of loading and resolving give what the plain Foundation or
/// Character-based code gives, on usual and on awkward input.
@Suite struct LoadTests {
    @Test func fenceLinesAreFoundAsTrimmingFindsThem() {
        let lines = [
            "---", " --- ", "\t---\r", "---\u{0B}\u{0C}", "----", "-- -", "- --", "", " ", "title: a-b", "--- x",
            "\u{3000}---", "---\u{A0}", "---\u{85}", "\u{2028}---\u{2029}", "—", "－－－", "---\u{301}", "標題 ---", "\u{1C}---",
        ]
        for line in lines {
            let expected = line.trimmingCharacters(in: .whitespacesAndNewlines) == "---"
            #expect(FrontMatter.isFence(Substring(line)) == expected, "\(line.debugDescription)")
        }
    }

    @Test func explicitIDsAreSplitAsFoundationsSearchSplitsThem() {
        let headings = [
            "Opening {#opening}", "開幕式 {#opening}", "開幕式{#opening}", "{#a}", "{#}", "a {#A}", "a {#a b}", "a {#-a}",
            "a {#a} {#b}", "a {#a}}", "a {#a}\u{301}", "a {#\u{301}a}", "a {\u{301}#a}", "\u{600}{#a}", "a\u{301}{#a}",
            "a {{#a}", "a #a}", "a {# a}", "a\u{200D}{#a}", "  spaced   {#x-1}", "🇹🇼{#tw}", "no id", "}",
        ]
        for heading in headings {
            let fast = Outliner.explicitID(in: heading)
            let search = Outliner.explicitIDBySearch(in: heading)
            #expect(fast?.rest == search?.rest && fast?.id == search?.id, "\(heading.debugDescription)")
        }
    }

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

    @Test func fileTreeListsWhatFileManagersEnumeratorLists() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("rapporteur-filetree-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        for folder in ["a/b/c", ".hidden", "empty", "中文"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["01-x.md", "a/2.md", "a/b/c/3.yaml", ".hidden/4", ".dot", "中文/五.md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(
            at: root.appendingPathComponent("link.md"), withDestinationURL: root.appendingPathComponent("01-x.md"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: root.appendingPathComponent("a"))
        try manager.createSymbolicLink(
            at: root.appendingPathComponent("dangling"), withDestinationURL: root.appendingPathComponent("nothing"))

        for folder in [
            root, root.appendingPathComponent("a"), root.appendingPathComponent("linked"), root.appendingPathComponent("01-x.md"),
        ] {
            #expect(FileTree.files(under: folder) == Self.enumeratedFiles(under: folder), "\(folder.lastPathComponent)")
        }
        #expect(FileTree.files(under: root.appendingPathComponent("missing")) == [])
        #expect(FileTree.files(under: root) == [".dot", ".hidden/4", "01-x.md", "a/2.md", "a/b/c/3.yaml", "中文/五.md"])
    }

    /// The listing as FileManager's enumerator gives it: regular files, paths relative to the folder.
    static func enumeratedFiles(under directory: URL) -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let root = directory.standardizedFileURL.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(root) else { continue }
            files.append(String(path.dropFirst(root.count)))
        }
        return files.sorted()
    }

    @Test func glossaryWordsThatOnlyLookLikeAcronymsStayText() {
        let marker = GlossaryMarker(terms: [
            .init(acronym: "TEL", expansion: "Telecommunications"), .init(acronym: "4K", expansion: "ultra-high-definition"),
        ])
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
