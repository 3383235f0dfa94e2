import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// A throwaway copy of a fixture project (its content/; the theme is built in) in a temporary
/// folder, so a test can break one file and build it. The folder goes with the value.
final class TestProject: Sendable {
    let root: URL

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The repository, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixtures: URL {
        repository.appendingPathComponent("Tests/Fixtures/sites")
    }

    /// Copies the fixture `name` and the repository's templates into a new temporary folder.
    init(fixture name: String = "valid") throws {
        let manager = FileManager.default
        root = manager.temporaryDirectory.appendingPathComponent("rapporteur-test-\(UUID().uuidString)")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.fixtures.appendingPathComponent("\(name)/content"), to: root.appendingPathComponent("content"))
    }

    /// Copies the repository's own content/ (the whole report) into a new temporary folder.
    init(copyingReport: Void) throws {
        let manager = FileManager.default
        root = manager.temporaryDirectory.appendingPathComponent("rapporteur-test-\(UUID().uuidString)")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.repository.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
    }

    /// The built-in theme's sources in the repository.
    static var theme: URL { repository.appendingPathComponent("Sources/Rapporteur/Theme") }

    /// Copies a file of the built-in theme into the project's `Templates/`, to change it there.
    func overrideTheme(_ path: String) throws {
        let target = url("Templates/" + path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.theme.appendingPathComponent(path), to: target)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(path))
    }

    /// Replaces the first occurrence of `old` in a file; fails the test when it is not there.
    func replace(_ path: String, _ old: String, with new: String) throws {
        let text = try read(path)
        try #require(text.contains(old), "'\(old)' is not in \(path)")
        try write(path, text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)))
    }

    func build(baseURL: String? = nil) throws -> BuildResult {
        try SiteBuilder.build(root: root, baseURL: baseURL)
    }

    /// Runs the `rapporteur` executable in the project folder (or in `folder`).
    func run(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? root
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// The `rapporteur` executable built beside the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("rapporteur").path) && folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("rapporteur")
    }

    /// Every file under `path` with its bytes, to compare a folder before and after.
    func snapshot(_ path: String = "public") -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in FileTree.files(under: url(path)) {
            files[relative] = FileManager.default.contents(atPath: url(path).appendingPathComponent(relative).path)
        }
        return files
    }
}

extension BuildResult {
    /// The text of an output file; fails the test when there is no such file.
    func text(_ path: String) throws -> String {
        let file = try #require(files.first { $0.path == path }, "no output file \(path)")
        return String(decoding: file.data, as: UTF8.self)
    }
}

extension FileTree {
    /// The files under a folder that is its own project, as the tests list built sites and fixtures.
    static func files(under directory: URL) -> [String] {
        files(under: directory, within: directory).files
    }
}
