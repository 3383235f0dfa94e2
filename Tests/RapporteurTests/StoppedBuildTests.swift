import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// A build stopped (killed) at each call that makes, moves or removes a folder beside the output,
/// in turn: the next build still finds a complete output, and puts everything else right.
@Suite final class StoppedBuildTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-stopped-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// One way a build goes, and how many calls it makes beside the output: a new call is a new
    /// point to stop at, and fails the count until it is counted here.
    struct Run: Sendable, CustomTestStringConvertible {
        let testDescription: String
        /// Builds before this one: 0 (no output yet), 1 (an output), 2 (an output and a previous tree).
        var builds = 2
        /// Whether the system swaps two paths in one step (else two renames).
        var exchanges = true
        /// Whether a write fails, so that the build gives its tree back.
        var fails = false
        /// Whether a stopped build's folder lies beside the output.
        var stoppedBefore = false
        let points: Int
    }

    static let runs = [
        Run(testDescription: "first build", builds: 0, points: 2),  // make, rename into place
        Run(testDescription: "second build", builds: 1, points: 3),  // make, exchange, keep as previous
        Run(testDescription: "reusing the previous tree", points: 3),  // claim, exchange, keep
        Run(testDescription: "two renames, no exchange", exchanges: false, points: 5),  // claim, exchange, aside, in, keep
        Run(testDescription: "a failed write", fails: true, points: 2),  // claim, give back
        Run(testDescription: "a stopped build's folder", stoppedBefore: true, points: 4),  // claim, remove, exchange, keep
    ]

    private static func site(_ version: String, _ pages: [String]) -> [OutputFile] {
        pages.map { OutputFile(path: $0, text: version) }
    }

    @Test(arguments: runs) func theBuildAfterAStoppedOneSucceeds(_ run: Run) throws {
        var old: [String: String] = [:]
        var new = Self.site("new", ["index.html", "b/index.html"])
        if run.fails { new.append(contentsOf: [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "inside a file")]) }
        let next = Self.site("next", ["index.html", "a/index.html"])
        for stop in 0...20 {
            let parent = folder.appendingPathComponent("\(stop)")
            let output = parent.appendingPathComponent("public")
            for version in (0..<run.builds).map(String.init) {
                try write(Self.site(version, ["index.html", "a/index.html"]), to: output)
                old = contents(of: output)
            }
            if run.stoppedBefore {
                try FileManager.default.createDirectory(
                    at: parent.appendingPathComponent(".public.staging-stopped/x"), withIntermediateDirectories: true)
            }

            let moves = StoppingMoves(after: stop, exchanges: run.exchanges)
            build(new, to: output, moves: moves)

            // A build that fails still leaves a whole output, the old one or the new.
            try StagingFolder(for: output).discard()
            let kept = contents(of: output)
            #expect(kept == old || kept == contents(of: new), "stopped at call \(stop + 1)")
            try write(next, to: output)
            #expect(contents(of: output) == contents(of: next), "stopped at call \(stop + 1)")
            let beside = Set(try FileManager.default.contentsOfDirectory(atPath: parent.path))
            #expect(beside.subtracting([".public.previous"]) == ["public"], "stopped at call \(stop + 1)")
            if !moves.stopped {
                #expect(stop == run.points, "calls beside the output")
                return
            }
        }
        Issue.record("the build never finished")
    }

    /// Another build may take a new folder as a stopped build's before its build has locked it.
    @Test func makesAnotherFolderWhenOneIsTakenBeforeItIsLocked() throws {
        let output = folder.appendingPathComponent("public")
        let staging = try StagingFolder(for: output, moves: TakenFolderMoves())
        staging.write(OutputFile(path: "index.html", text: "1"))
        try staging.commit()
        #expect(contents(of: output) == ["index.html": "1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    /// Builds with `moves`; stopped, the build is dropped where it is: nothing is cleaned up, and
    /// its locks are released as a process's are when it dies.
    private func build(_ files: [OutputFile], to output: URL, moves: StoppingMoves) {
        guard let staging = try? StagingFolder(for: output, moves: moves), !moves.stopped else { return }
        for file in files { staging.write(file) }
        try? staging.commit()
    }

    private func write(_ files: [OutputFile], to output: URL) throws(SiteError) {
        let staging = try StagingFolder(for: output)
        for file in files { staging.write(file) }
        try staging.commit()
    }

    private func contents(of files: [OutputFile]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    private func contents(of output: URL) -> [String: String] {
        var files: [String: String] = [:]
        for path in FileTree.files(under: output) {
            files[path] = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }
}

/// The system's moves until call `after + 1`, where the build stops as if killed: that call and
/// every later one throw, so nothing more changes beside the output.
private final class StoppingMoves: FolderMoves {
    struct Stopped: Error {}

    let after: Int
    let exchanges: Bool
    private(set) var calls = 0
    private let system = SystemFolderMoves()

    var stopped: Bool { calls > after }

    init(after: Int, exchanges: Bool) {
        self.after = after
        self.exchanges = exchanges
    }

    private func call() throws {
        calls += 1
        if stopped { throw Stopped() }
    }

    func move(_ source: String, to target: String) throws {
        try call()
        try system.move(source, to: target)
    }

    func exchange(_ first: String, _ second: String) throws -> Bool {
        try call()
        return exchanges && system.exchange(first, second)
    }

    func makeFolder(_ path: String) throws {
        try call()
        try system.makeFolder(path)
    }

    func removeTree(_ path: String) throws {
        try call()
        try system.removeTree(path)
    }
}

/// The system's moves, but the first folder made is taken away at once, as another build that
/// found it unlocked would.
private final class TakenFolderMoves: FolderMoves {
    private let system = SystemFolderMoves()
    private var taken = false

    func move(_ source: String, to target: String) throws { try system.move(source, to: target) }

    func exchange(_ first: String, _ second: String) throws -> Bool { system.exchange(first, second) }

    func makeFolder(_ path: String) throws {
        try system.makeFolder(path)
        if !taken { try system.removeTree(path) }
        taken = true
    }

    func removeTree(_ path: String) throws { try system.removeTree(path) }
}
