import Foundation
import Testing

@testable import Rapporteur
@testable import Support

@Suite final class StagingFolderTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-writer-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func contents(of output: URL) -> [String: String] {
        var files: [String: String] = [:]
        for path in FileTree.files(under: output) {
            files[path] = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    /// Writes `files` the way a build does: into a staging folder, swapped in at the end.
    private func write(_ files: [OutputFile], to output: URL) throws(SiteError) {
        let staging = try StagingFolder(for: output)
        for file in files { staging.write(file) }
        try staging.commit()
    }

    @Test func replacesTheOutputWhole() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "old.html", text: "old"), OutputFile(path: "a/index.html", text: "a")], to: output)
        try write([OutputFile(path: "a/index.html", text: "new")], to: output)
        #expect(contents(of: output) == ["a/index.html": "new"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.previous", "public"])
    }

    private func inode(_ url: URL) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64)
    }

    /// The third build writes into the first one's tree: same files, same folders, nothing stale.
    @Test func reusesThePreviousTreeInPlace() throws {
        let output = folder.appendingPathComponent("public")
        let same = OutputFile(path: "same.html", text: "unchanged")
        try write([OutputFile(path: "a/index.html", text: "1"), OutputFile(path: "gone/x/index.html", text: "1"), same], to: output)
        let first = try inode(output.appendingPathComponent("a/index.html"))
        let sameURL = output.appendingPathComponent("same.html")
        let written = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: sameURL.path)
        try write([OutputFile(path: "a/index.html", text: "2"), same], to: output)
        try write([OutputFile(path: "a/index.html", text: "longer 3"), OutputFile(path: "b.html", text: "3"), same], to: output)
        try write([OutputFile(path: "a/index.html", text: "4"), OutputFile(path: "b.html", text: "3"), same], to: output)
        try write([OutputFile(path: "a/index.html", text: "5"), OutputFile(path: "b.html", text: "3"), same], to: output)
        #expect(contents(of: output) == ["a/index.html": "5", "b.html": "3", "same.html": "unchanged"], "a shorter file is cut to length")
        #expect(try inode(output.appendingPathComponent("a/index.html")) == first, "the file was written over, not made anew")
        let attributes = try FileManager.default.attributesOfItem(atPath: sameURL.path)
        #expect(attributes[.modificationDate] as? Date == written, "a file with the same bytes is not written")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("gone").path), "stale folders are removed")
        #expect(
            contents(of: folder.appendingPathComponent(".public.previous")) == [
                "a/index.html": "4", "b.html": "3", "same.html": "unchanged",
            ])
    }

    /// A reused tree may hold a file where a folder now goes, or the other way round.
    @Test func reusesATreeOfAnotherShape() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "a", text: "file"), OutputFile(path: "b/index.html", text: "in b")], to: output)
        try write([OutputFile(path: "c.html", text: "c")], to: output)
        try write([OutputFile(path: "a/index.html", text: "in a"), OutputFile(path: "b", text: "file")], to: output)
        #expect(contents(of: output) == ["a/index.html": "in a", "b": "file"])
    }

    /// Nothing in the reused tree leads a write outside it: a symbolic link is replaced, and a
    /// file that has another name elsewhere (a hard-linked copy of the site) is left alone.
    @Test func neverWritesThroughLinksInTheReusedTree() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "1")], to: output)
        try write([OutputFile(path: "index.html", text: "2")], to: output)
        let previous = folder.appendingPathComponent(".public.previous")
        let outside = folder.appendingPathComponent("outside.txt")
        let copy = folder.appendingPathComponent("copy.html")
        try Data("keep".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: previous.appendingPathComponent("linked.html"), withDestinationURL: outside)
        try FileManager.default.linkItem(at: previous.appendingPathComponent("index.html"), to: copy)

        try write([OutputFile(path: "index.html", text: "3"), OutputFile(path: "linked.html", text: "3")], to: output)
        #expect(contents(of: output) == ["index.html": "3", "linked.html": "3"])
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
        #expect(try String(contentsOf: copy, encoding: .utf8) == "1")
    }

    /// Two builds at once: only one claims the previous tree, and the output is one build whole.
    @Test func twoBuildsAtOnceEachWriteTheirOwnTree() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "1")], to: output)
        try write([OutputFile(path: "index.html", text: "2")], to: output)
        let first = try StagingFolder(for: output)
        let second = try StagingFolder(for: output)
        first.write(OutputFile(path: "index.html", text: "first"))
        first.write(OutputFile(path: "a.html", text: "first"))
        second.write(OutputFile(path: "index.html", text: "second"))
        try first.commit()
        #expect(contents(of: output) == ["index.html": "first", "a.html": "first"])
        try second.commit()
        #expect(contents(of: output) == ["index.html": "second"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.previous", "public"])
    }

    /// What a stopped build (Ctrl-C) leaves, a staging folder nobody holds, is the next build's tree.
    @Test func takesOverTheFolderOfAStoppedBuild() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "1")], to: output)
        let stopped = folder.appendingPathComponent(".public.staging-stopped")
        try FileManager.default.createDirectory(at: stopped.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: stopped.appendingPathComponent("a/index.html"))
        try Data("stale".utf8).write(to: stopped.appendingPathComponent("stale.html"))
        let half = try inode(stopped.appendingPathComponent("a/index.html"))

        try write([OutputFile(path: "a/index.html", text: "2")], to: output)
        #expect(contents(of: output) == ["a/index.html": "2"])
        #expect(try inode(output.appendingPathComponent("a/index.html")) == half, "its files were written over")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.previous", "public"])
    }

    /// With a previous tree to reuse, the folders of stopped builds are removed, and so is what
    /// earlier versions leaked when stopped while claiming the previous tree (`.new-*`).
    @Test func removesTheFoldersOfStoppedBuilds() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "1")], to: output)
        try write([OutputFile(path: "index.html", text: "2")], to: output)
        for name in [".public.staging-one", ".public.staging-two", ".public.replaced-three", ".public.new-four"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name + "/x"), withIntermediateDirectories: true)
        }
        try write([OutputFile(path: "index.html", text: "3")], to: output)
        #expect(contents(of: output) == ["index.html": "3"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.previous", "public"])
    }

    /// Files are 0644 and folders 0755, the output's own included, whatever the umask: a copy
    /// (`rsync -a`) must stay readable by a web server. A reused tree made under another umask
    /// is put right too.
    @Test func writesReadableModesWhateverTheUmask() throws {
        let output = folder.appendingPathComponent("public")
        let site = [OutputFile(path: "index.html", text: "1"), OutputFile(path: "a/b/index.html", text: "1")]
        let readable = ["": "755", "a": "755", "a/b": "755", "index.html": "644", "a/b/index.html": "644"]
        // The umask is the process's: tests running meanwhile make their files under it too, for
        // these few milliseconds, which only keeps others from reading them.
        let saved = umask(0o077)
        defer { umask(saved) }
        try write(site, to: output)
        try write(site, to: output)
        #expect(modes(under: output) == readable, "new folders and files")
        let previous = folder.appendingPathComponent(".public.previous")
        for (path, mode) in [("", 0o700), ("a", 0o700), ("a/b/index.html", 0o600)] {
            chmod(previous.appendingPathComponent(path).path, mode_t(mode))
        }
        try write(site, to: output)
        #expect(modes(under: output) == readable, "a reused tree")
    }

    /// The permission bits, in octal, of `root` (as "") and of everything under it.
    private func modes(under root: URL) -> [String: String] {
        var modes: [String: String] = [:]
        func visit(_ relative: String, _ path: String, _: Int32) -> Bool {
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            modes[relative] = String(info.st_mode & 0o7777, radix: 8)
            return info.st_mode & S_IFMT == S_IFDIR
        }
        _ = visit("", root.path, 0)
        FileTree.walk(root.path, visit)
        return modes
    }

    @Test func aFailedBuildKeepsTheReusedTreeAndTheOutput() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "1")], to: output)
        try write([OutputFile(path: "index.html", text: "2")], to: output)
        let broken = [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "inside a file")]
        #expect(throws: SiteError.self) { try self.write(broken, to: output) }
        #expect(contents(of: output) == ["index.html": "2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".public.previous", "public"])
        try write([OutputFile(path: "index.html", text: "4")], to: output)
        #expect(contents(of: output) == ["index.html": "4"])
    }

    @Test func aWriteThatFailsHalfWayLeavesTheOldOutput() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "good")], to: output)
        // "a" as a file and "a/b.html" inside it cannot both be written: the second write fails.
        let broken = [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "inside a file")]
        #expect(throws: SiteError.self) { try self.write(broken, to: output) }
        #expect(contents(of: output) == ["index.html": "good"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"], "no staging folder left")
    }

    @Test func refusesOutputFoldersThatHoldTheProject() throws {
        let root = folder.appendingPathComponent("project")
        for bad in [root, folder, root.appendingPathComponent("content"), root.appendingPathComponent("Templates/x")] {
            #expect(throws: SiteError.self, "\(bad.path)") { try OutputFolder.refuseUnsafe(bad, project: root) }
        }
        try OutputFolder.refuseUnsafe(root.appendingPathComponent("public"), project: root)
        try OutputFolder.refuseUnsafe(folder.appendingPathComponent("elsewhere"), project: root)
    }
}
