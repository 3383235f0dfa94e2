import Foundation
import Testing

@testable import Preview

/// Symbolic links among the sources: the watcher follows one only into a folder of the project
/// that it does not watch yet, never out of the project nor round a loop.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct WatcherLinksTests {
    @Test func linksOutOfTheProjectOrInALoopAreNotFollowed() async throws {
        var expected: [String] = []
        let addLinks = { (project: PreviewProject) throws in
            let manager = FileManager.default
            expected = try Self.realFolders(in: project) + ["content/notes", "content/notes/sub"]
            try manager.createDirectory(at: project.path("notes/sub"), withIntermediateDirectories: true)
            let links = [
                "content/zh-Hant/a": ".", "content/zh-Hant/root": "/", "content/up": "..", "content/en/outside": "../../..",
                "content/notes": "../notes", "Templates/again": "../content", "content/notes-again": "notes",
            ]
            for (link, target) in links.sorted(by: { $0.key < $1.key }) {
                try manager.createSymbolicLink(atPath: project.path(link).path, withDestinationPath: target)
            }
        }
        try await RunningPreview.with(prepare: addLinks) { preview in
            #expect(preview.server.watchedFolders == expected.sorted())
            let socket = try await preview.webSocket()
            // The build refuses the two links that leave the project, naming each; the server serves on.
            let refused = try await socket.status()
            let errors = try #require(refused.errors)
            #expect(errors.contains("content/en/outside: error: symbolic link to '../../..'"), "\(errors)")
            #expect(errors.contains("content/zh-Hant/root: error: symbolic link to '/'"), "\(errors)")
            for link in ["content/en/outside", "content/zh-Hant/root"] {
                try FileManager.default.removeItem(at: preview.project.path(link))
            }
            var first = try await socket.status()
            for _ in 0..<3 where first.errors != nil { first = try await socket.status() }
            #expect(first.errors == nil)
            #expect(try await preview.get("/en/plenary/").status == 200)
            // The watcher runs: an edit reloads the page, and so does one in the linked folder.
            let chapter = "content/en/01-plenary.md"
            try preview.project.save(chapter, try preview.project.read(chapter) + "\nEdited.\n")
            let second = try await socket.status()
            #expect(second.build != first.build)
            try preview.project.save("notes/sub/draft.md", "A note.\n")
            let third = try await socket.status()
            #expect(third.build != second.build)
        }
    }

    /// The folders under content/ and Templates/ that are not links.
    static func realFolders(in project: PreviewProject) throws -> [String] {
        var folders: [String] = []
        for source in ["content", "Templates"] {
            folders.append(source)
            let base = project.path(source)
            let enumerator = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey]))
            for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                folders.append(source + "/" + url.path.dropFirst(base.path.count + 1))
            }
        }
        return folders
    }
}
