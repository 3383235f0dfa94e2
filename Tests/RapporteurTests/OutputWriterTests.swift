import Foundation
import Testing

@testable import Rapporteur

@Suite struct OutputWriterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-writer-\(UUID().uuidString)")

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
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    @Test func aWriteThatFailsHalfWayLeavesTheOldOutput() throws {
        let output = folder.appendingPathComponent("public")
        try write([OutputFile(path: "index.html", text: "good")], to: output)
        // "a" as a file and "a/b.html" inside it cannot both be written: the second write fails.
        let broken = [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "inside a file")]
        #expect(throws: SiteError.self) { try write(broken, to: output) }
        #expect(contents(of: output) == ["index.html": "good"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"], "no staging folder left")
    }

    @Test func refusesOutputFoldersThatHoldTheProject() throws {
        let root = folder.appendingPathComponent("project")
        for bad in [root, folder, root.appendingPathComponent("content"), root.appendingPathComponent("Templates/x")] {
            #expect(throws: SiteError.self, "\(bad.path)") { try OutputWriter.checkOutputFolder(bad, project: root) }
        }
        try OutputWriter.checkOutputFolder(root.appendingPathComponent("public"), project: root)
        try OutputWriter.checkOutputFolder(folder.appendingPathComponent("elsewhere"), project: root)
    }
}
