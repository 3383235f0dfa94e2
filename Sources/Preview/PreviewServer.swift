import FlyingSocks
import Foundation
import Model
import Rapporteur
import Support

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
        /// One request: method, target (control characters escaped) and status; or a request
        /// refused before it was read whole, and why.
        case request(String)
        /// A problem the server works around while it keeps serving, such as running out of
        /// file descriptors.
        case problem(String)
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
    private let limits: ConnectionLimits
    private let accept: Listener.Accept
    private var listener: Listener?

    /// - Parameters:
    ///   - host: an IP address or `localhost`; `0.0.0.0` or `::` for every interface.
    ///   - port: 0 lets the system choose a free port (see `Listening.port`).
    public init(root: URL, host: String = "127.0.0.1", port: UInt16 = 8000, onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.init(root: root, host: host, port: port, limits: ConnectionLimits(), accept: { try await $0.accept() }, onEvent: onEvent)
    }

    /// A server with other limits, or another way to accept connections (for tests).
    init(
        root: URL, host: String, port: UInt16, limits: ConnectionLimits, accept: @escaping Listener.Accept,
        onEvent: @escaping @Sendable (Event) -> Void = { _ in }
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.limits = limits
        self.accept = accept
        self.onEvent = onEvent
        self.watcher = SourceWatcher(root: root)
    }

    /// The folders the watcher watches, relative to the project.
    nonisolated var watchedFolders: [String] { watcher.watchedFolders }

    /// Listens, builds once, and starts watching `content/` and `Templates/`.
    public func start() async throws -> Listening {
        let onEvent = onEvent
        let handler = PreviewHandler(state: state) { onEvent(.request($0)) }
        let listener = try await Listener(
            address: try Self.socketAddress(host: host, port: port), handler: handler, limits: limits, accept: accept, report: onEvent)
        self.listener = listener
        let port = listener.port
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
        await listener?.stop()
        listener = nil
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
