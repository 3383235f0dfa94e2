import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The preview's listening socket and the loop that accepts its connections.
///
/// The loop outlives failures to accept: out of file descriptors (`EMFILE`, `ENFILE`) it reports
/// the problem, waits 100 ms and tries again, and serves as soon as descriptors are free.
/// (FlyingFox 0.27.1 ended its loop on the first error: the port closed for good while the
/// process lived on.)
final class Listener: Sendable {
    /// Takes the next connection off the listening socket; a seam for tests.
    typealias Accept = @Sendable (AsyncSocket) async throws -> AsyncSocket

    /// The port listened on.
    let port: Int
    private let socket: Socket
    private let stopping = Flag()
    private let task: Task<Void, Never>

    /// Listens on `address` and serves every connection with `handler`.
    init(
        address: some SocketAddress, handler: any HTTPHandler, limits: ConnectionLimits, accept: @escaping Accept,
        report: @escaping @Sendable (PreviewServer.Event) -> Void
    ) async throws {
        let socket = try Socket(domain: Int32(type(of: address).family))
        let pool = NoDelaySocketPool(base: HTTPServer.defaultPool())
        let listening: AsyncSocket
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
            try await pool.prepare()
            listening = try AsyncSocket(socket: socket, pool: pool)
        } catch {
            try? socket.close()
            throw error
        }
        switch try? socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): self.port = Int(port)
        case .unix, nil: self.port = 0
        }
        self.socket = socket
        let loop = AcceptLoop(
            listening: listening, pool: pool, handler: handler, limits: limits, accept: accept, stopping: stopping, report: report)
        task = Task { await loop.run() }
    }

    /// Stops accepting, lets answers in flight finish, ends every connection and closes the socket.
    func stop() async {
        stopping.set()
        // Wakes the waiting accept on Linux; elsewhere the task is cancelled after a moment.
        _ = shutdown(socket.file.rawValue, Int32(SHUT_RDWR))
        let task = task
        let fallback = Task {
            try? await Task.sleep(for: .milliseconds(500))
            task.cancel()
        }
        await task.value
        fallback.cancel()
        try? socket.close()
    }
}

/// The accept loop and the connections it started, in one task group.
private struct AcceptLoop<Pool: AsyncSocketPool>: Sendable {
    let listening: AsyncSocket
    let pool: Pool
    let handler: any HTTPHandler
    let limits: ConnectionLimits
    let accept: Listener.Accept
    let stopping: Flag
    let report: @Sendable (PreviewServer.Event) -> Void

    func run() async {
        let busy = BusyCount()
        await withDiscardingTaskGroup { group in
            group.addTask { [pool, stopping, report] in
                do {
                    try await pool.run()
                } catch {
                    if !stopping.isSet { report(.problem("the socket pool stopped: \(error.localizedDescription)")) }
                }
            }
            var failing = false
            while !stopping.isSet, !Task.isCancelled {
                do {
                    let client = try await accept(listening)
                    if failing { report(.problem("accepting connections again")) }
                    failing = false
                    let connection = PreviewConnection(
                        socket: client, handler: handler, limits: limits, busy: busy, log: { report(.request($0)) })
                    group.addTask { await connection.run() }
                } catch {
                    guard !stopping.isSet, !Task.isCancelled else { break }
                    if case SocketError.failed(_, let number, _) = error, number == ECONNABORTED { continue }
                    if !failing { report(.problem("cannot accept connections (\(Self.describe(error))); retrying every 100 ms")) }
                    failing = true
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            // Answers in flight on a loopback preview take milliseconds; open pages' reload
            // sockets were told to close.
            let end = ContinuousClock.now + .milliseconds(250)
            while !busy.isZero, ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(10)) }
            group.cancelAll()
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case SocketError.failed(_, let number, _) where number == EMFILE:
            "out of file descriptors (EMFILE): raise `ulimit -n` or close other programs"
        case SocketError.failed(_, let number, _) where number == ENFILE: "the system is out of file descriptors (ENFILE)"
        default: error.localizedDescription
        }
    }
}

/// A flag set once, read from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() {
        lock.withLock { value = true }
    }
}
