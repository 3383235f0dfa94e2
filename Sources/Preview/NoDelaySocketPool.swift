import FlyingSocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// FlyingFox's socket pool, turning off Nagle's algorithm on every socket it waits for.
///
/// With Nagle's algorithm, the last small segment of a response waits for the client's delayed
/// ACK whenever an earlier write is still unacknowledged: about 40 ms per keep-alive response
/// (measured with FlyingFox 0.27.1's server, which wrote head and body apart: 21 requests per
/// second on one connection). `PreviewConnection` writes a response at once, but a body larger
/// than a segment still ends in a partial one. Every socket the server reads or accepts from
/// passes through `suspendSocket` first; sockets accepted after the listener got the option
/// inherit it on Linux.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws {
        try await base.prepare()
    }

    func run() async throws {
        try await base.run()
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        // Fails harmlessly on a socket that is not TCP.
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
