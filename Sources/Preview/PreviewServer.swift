import FlyingFox
import FlyingSocks
import Foundation
import Rapporteur

/// `rapporteur serve`: builds the site into memory, serves it over HTTP, rebuilds when a source
/// changes and tells open pages to reload.
///
/// It never writes to disk: pages are built with the server's own address as base URL and served
/// from memory, so `public/` stays what `rapporteur build` makes.
public actor PreviewServer {
    /// What the server reports while it runs.
    public enum Event: Sendable {
        case built(SiteUpdate, seconds: Double)
        case failed(SiteError)
        /// One request: method, target (control characters escaped) and status.
        case request(String)
    }

    /// Where the server listens, once it has started.
    public struct Listening: Sendable {
        /// `http://HOST:PORT/`, the base URL pages are built with.
        public var baseURL: String
        /// The port listened on: the one asked for, or the one the system chose for port 0.
        public var port: Int
        /// The home page of each language, in the site's order (empty when the first build failed).
        public var homes: [String]
        /// False when it listens on an address other machines can reach.
        public var isLoopback: Bool
    }

    private let root: URL
    private let host: String
    private let port: UInt16
    private let onEvent: @Sendable (Event) -> Void
    private let state = PreviewState()
    private let watcher: SourceWatcher
    private var server: HTTPServer?

    /// - Parameters:
    ///   - host: an IP address or `localhost`; `0.0.0.0` or `::` for every interface.
    ///   - port: 0 lets the system choose a free port (see `Listening.port`).
    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.root = root
        self.host = host
        self.port = port
        self.onEvent = onEvent
        self.watcher = SourceWatcher(root: root)
    }

    /// The folders the watcher watches, relative to the project.
    nonisolated var watchedFolders: [String] { watcher.watchedFolders }

    /// Listens, builds once, and starts watching `content/` and `Templates/`.
    public func start() async throws -> Listening {
        let onEvent = onEvent
        let handler = PreviewHandler(state: state) { onEvent(.request($0)) }
        let server = HTTPServer(
            address: try Self.socketAddress(host: host, port: port),
            pool: NoDelaySocketPool(base: HTTPServer.defaultPool()), logger: .disabled, handler: handler)
        self.server = server
        let port = try await Self.listen(server)
        state.setPort(port)

        let baseURL = "http://\(Self.urlHost(host)):\(port)/"
        let site = LiveSite(root: root, baseURL: baseURL)
        let build: @Sendable (Set<String>?) -> SiteUpdate? = { [state] changed in
            Self.rebuild(site, changed: changed, state: state, onEvent: onEvent)
        }
        // Builds run on the watcher's thread, keeping the concurrency pool (which serves requests) free.
        let watcher = watcher
        let first = await withCheckedContinuation { continuation in
            Thread {
                watcher.run(first: { continuation.resume(returning: build(nil)) }, onChange: { _ = build($0) })
            }.start()
        }

        let homes = first?.pagesPerLanguage.map { baseURL + Language(code: $0.language, name: "").urlSegment + "/" } ?? []
        return Listening(baseURL: baseURL, port: port, homes: homes, isLoopback: Self.isLoopback(host))
    }

    /// Stops watching, closes open pages' reload sockets and the listening socket.
    public func stop() async {
        watcher.stop()
        state.closeAll()
        // In-flight responses of a loopback preview finish well within this.
        await server?.stop(timeout: 0.25)
    }
}

// MARK: - Steps

private extension PreviewServer {
    /// Builds what `changed` affects (everything when nil); on success serves the new build, on
    /// failure keeps the old one and shows the errors.
    static func rebuild(_ site: LiveSite, changed: Set<String>?, state: PreviewState, onEvent: @Sendable (Event) -> Void) -> SiteUpdate? {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let result = try site.update(changed: changed)
            let buildID = state.nextBuildID()
            let last = state.now.snapshot
            state.publish(
                last?.applying(result, buildID: buildID) ?? SiteSnapshot(files: result.files, deferred: result.deferred, buildID: buildID))
            let elapsed = (clock.now - start).components
            onEvent(.built(result, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
            return result
        } catch {
            state.fail(error.diagnostics)
            onEvent(.failed(error))
            return nil
        }
    }

    /// Runs the server and waits (at most 5 s) until it listens; returns the port it listens on.
    static func listen(_ server: HTTPServer) async throws -> Int {
        let failure = Failure()
        Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        for _ in 0..<500 {
            if let error = failure.error { throw error }
            if await server.isListening, let address = await server.listeningAddress {
                switch address {
                case .ip4(_, let port), .ip6(_, let port): return Int(port)
                case .unix: break
                }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw PreviewError("the server did not start listening")
    }
}

// MARK: - Addresses

extension PreviewServer {
    static func socketAddress(host: String, port: UInt16) throws -> any SocketAddress {
        if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
        let bare = host.trimmingCharacters(in: ["[", "]"])
        do {
            return bare.contains(":") ? try sockaddr_in6.inet6(ip6: bare, port: port) : try sockaddr_in.inet(ip4: bare, port: port)
        } catch {
            throw PreviewError("--host must be an IP address or localhost, not '\(host)'")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host.trimmingCharacters(in: ["[", "]"]) == "::1"
    }

    /// The host as it goes into a URL: a wildcard address is reached through loopback.
    static func urlHost(_ host: String) -> String {
        switch host.trimmingCharacters(in: ["[", "]"]) {
        case "0.0.0.0": "127.0.0.1"
        case "::": "[::1]"
        case let bare where bare.contains(":"): "[\(bare)]"
        case let bare: bare
        }
    }
}

/// A problem starting the preview server.
public struct PreviewError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The error of a task that is not awaited, read by another.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func set(_ error: any Error) {
        lock.withLock { stored = error }
    }
}
