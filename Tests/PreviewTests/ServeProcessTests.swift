import Foundation
import Testing

/// `rapporteur serve` as a child process, where limits of the whole process can be lowered
/// without touching the test process.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ServeProcessTests {
    /// Out of file descriptors (`ulimit -n 64`, more idle connections than that), the server
    /// says so and serves again once the connections are closed.
    @Test func outOfFileDescriptorsTheServerWaitsAndServesAgain() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let server = try ServeProcess(in: project.root, shell: "ulimit -n 64 && exec \"$0\" serve --port 0")
        defer { server.stop() }
        let port = try await offPool { try server.port() }

        var idle: [RawConnection] = []
        for _ in 0..<80 { idle.append(try RawConnection(port: port, timeout: 5)) }
        try await server.waitFor(in: .standardError, "out of file descriptors (EMFILE)")
        let waiting = Task { try await offPool { try RawConnection(port: port, timeout: 10).request("GET", "/en/plenary/").status } }
        try await Task.sleep(for: .milliseconds(200))
        idle.removeAll()
        #expect(try await waiting.value == 200)
        try await server.waitFor(in: .standardError, "accepting connections again")
    }
}

/// The built `rapporteur` run through `/bin/sh -c SCRIPT BINARY`, its output collected.
private final class ServeProcess: @unchecked Sendable {
    enum Stream { case standardOutput, standardError }

    private let process = Process()
    private let lock = NSLock()
    private var output = ""
    private var errors = ""

    init(in folder: URL, shell script: String) throws {
        var binary = Bundle.main.bundleURL
        while !FileManager.default.isExecutableFile(atPath: binary.appendingPathComponent("rapporteur").path), binary.path != "/" {
            binary = binary.deletingLastPathComponent()
        }
        binary.appendPathComponent("rapporteur")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the rapporteur product first")
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, binary.path]
        process.currentDirectoryURL = folder
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, to: .standardOutput) }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, to: .standardError) }
        try process.run()
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The port from the line `Serving on … (port N)`.
    func port() throws -> Int {
        for _ in 0..<300 {
            let text = lock.withLock { output }
            if let match = text.firstMatch(of: /\(port ([0-9]+)\)/), let port = Int(match.1) { return port }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw RawHTTPError(description: "serve did not start: \(lock.withLock { errors })")
    }

    /// Waits (at most 5 s) until `stream` contains `text`.
    func waitFor(in stream: Stream, _ text: String) async throws {
        for _ in 0..<100 {
            if lock.withLock({ stream == .standardOutput ? output : errors }).contains(text) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no '\(text)' in the server's output: \(lock.withLock { output + errors })")
    }

    private func append(_ data: Data, to stream: Stream) {
        let text = String(decoding: data, as: UTF8.self)
        lock.withLock {
            if stream == .standardOutput { output += text } else { errors += text }
        }
    }
}
