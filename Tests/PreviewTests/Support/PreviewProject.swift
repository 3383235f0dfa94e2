import Foundation
import Testing

@testable import Preview

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A throwaway project for one test: the fixture's content/ and an asset of its own in Templates/,
/// copied into `…/rapporteur-preview-UUID/site/`, with secret files inside and beside it that no
/// request may ever read (and, on request, a symbolic link to the one beside it). The folder goes with the value.
final class PreviewProject: Sendable {
    /// The marker written into files outside the site folder.
    static let secret = "TOP-SECRET-\(UUID().uuidString)"

    let folder: URL
    var root: URL { folder.appendingPathComponent("site") }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("rapporteur-preview-\(UUID().uuidString)")
        let root = folder.appendingPathComponent("site")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = Self.repository.appendingPathComponent("Tests/Fixtures/sites/preview/content")
        try manager.copyItem(at: fixture, to: root.appendingPathComponent("content"))
        try manager.createDirectory(at: root.appendingPathComponent("Templates/assets"), withIntermediateDirectories: true)
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8).write(to: root.appendingPathComponent("Templates/assets/mark.svg"))
        try Data(Self.secret.utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try Data(Self.secret.utf8).write(to: root.appendingPathComponent("secret.txt"))
    }

    /// Links `Templates/assets/leak.txt` to the secret beside the project, which the build refuses.
    func plantLinkOutOfTheProject() throws {
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Templates/assets/leak.txt"), withDestinationURL: folder.appendingPathComponent("secret.txt"))
    }

    func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: path(relative), encoding: .utf8) }

    /// Saves the way editors do: write a temporary file beside the target, then rename it over.
    func save(_ relative: String, _ text: String) throws {
        let target = path(relative)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).swp")
        try Data(text.utf8).write(to: temporary)
        try #require(rename(temporary.path, target.path) == 0)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A preview server on a free loopback port, serving a fresh `PreviewProject`.
struct RunningPreview {
    let project: PreviewProject
    let server: PreviewServer
    let listening: PreviewServer.Listening
    var port: Int { listening.port }

    /// Starts a server, runs `body`, and always stops the server and deletes the project.
    static func with(
        limits: ConnectionLimits = ConnectionLimits(), accept: @escaping Listener.Accept = { try await $0.accept() },
        events: EventLog = EventLog(), prepare: (PreviewProject) throws -> Void = { _ in }, _ body: (RunningPreview) async throws -> Void
    ) async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try prepare(project)
        let server = PreviewServer(
            root: project.root, host: "127.0.0.1", port: 0, limits: limits, accept: accept, onEvent: { events.record($0) })
        let listening = try await server.start()
        do {
            try await body(RunningPreview(project: project, server: server, listening: listening))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// One request on a new connection.
    func request(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) async throws -> RawResponse {
        let port = port
        return try await offPool { try RawConnection(port: port).request(method, target, headers: headers) }
    }

    func get(_ target: String, headers: [String: String] = [:]) async throws -> RawResponse {
        try await request("GET", target, headers: headers)
    }

    /// A reload socket whose reads give up after `timeout` seconds.
    func webSocket(origin: String? = nil, timeout: Int = 5) async throws -> RawWebSocket {
        let port = port
        let origin = origin ?? "http://127.0.0.1:\(port)"
        return try await offPool { try RawWebSocket(port: port, origin: origin, timeout: timeout) }
    }
}

/// The lines a server reported, for tests that look at its requests and problems.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var all: [String] { lock.withLock { lines } }

    func record(_ event: PreviewServer.Event) {
        switch event {
        case .request(let line): lock.withLock { lines.append("request: " + line) }
        case .problem(let line): lock.withLock { lines.append("problem: " + line) }
        case .built, .failed: break
        }
    }
}

extension RawWebSocket: @unchecked Sendable {}

// Tests hand a connection to a second thread only to write while the first reads.
extension RawConnection: @unchecked Sendable {}

extension RawWebSocket {
    /// The next status message, decoded.
    func status() async throws -> (build: String, errors: String?) {
        let text = try await offPool { try self.receive() }
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] ?? [:]
        return (object["build"] ?? "", object["errors"])
    }
}
