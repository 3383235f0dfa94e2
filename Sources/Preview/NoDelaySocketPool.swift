import FlyingSocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// FlyingFox's socket pool, turning off Nagle's algorithm on every socket it waits for.
///
/// FlyingFox 0.27.1 writes a response's head and body in two writes and has no `TCP_NODELAY`
/// option: with Nagle's algorithm the body then waits for the client's delayed ACK, about 40 ms
/// per keep-alive response (measured: 21 requests per second on one connection). Every socket
/// the server reads or accepts from passes through `suspendSocket` first; sockets accepted after
/// the listener got the option inherit it on Linux.
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
