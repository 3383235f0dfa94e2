import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a client may take: how large a request head and how long it may be in coming.
struct ConnectionLimits: Sendable {
    /// Request line and header fields together. Browsers send a few KB.
    var headBytes = 16 * 1024
    /// From a connection's opening, or a request's first byte, to the end of its head.
    var headerTimeout: Duration = .seconds(10)
    /// How long an open connection may wait for its next request, or a client take to read a response.
    var idleTimeout: Duration = .seconds(60)
}

/// One client connection of the preview server: reads requests within the limits and answers
/// them in order; a WebSocket upgrade hands the connection over to its handler.
struct PreviewConnection {
    let socket: AsyncSocket
    let handler: any HTTPHandler
    let limits: ConnectionLimits
    /// Counts the connections answering a request, which stopping the server lets finish.
    let busy: BusyCount
    /// Receives a line for each request refused before the handler.
    let log: @Sendable (String) -> Void

    func run() async {
        let reader = ConnectionReader(socket: socket)
        defer { try? socket.close() }
        var waitUntil = ContinuousClock.now + limits.headerTimeout
        var isFirst = true
        while !Task.isCancelled {
            let head: RequestHead
            do {
                if !reader.hasBytes {
                    try await withDeadline(isFirst ? waitUntil : .now + limits.idleTimeout) { try await reader.fill() }
                }
                // After the first request, the head's time starts with its first byte.
                if !isFirst { waitUntil = .now + limits.headerTimeout }
                head = try RequestHead(parsing: try await withDeadline(waitUntil) { try await reader.head(limit: limits.headBytes) })
            } catch let refusal as RequestRefusal {
                return await refuse(refusal, reader: reader)
            } catch is DeadlinePassed {
                // Silence on an idle connection just ends it; a request cut short is told why.
                guard reader.hasBytes else { return }
                return await refuse(
                    RequestRefusal(code: 408, phrase: "Request Timeout", message: "The request did not arrive in time."), reader: reader)
            } catch {
                return
            }
            isFirst = false
            busy.add(1)
            defer { busy.add(-1) }
            guard await answer(head, reader: reader) else { return }
        }
    }
}

// MARK: - Answers

private extension PreviewConnection {
    /// Answers one request; false when the connection ends with it.
    func answer(_ head: RequestHead, reader: ConnectionReader) async -> Bool {
        var response: HTTPResponse
        do {
            response = try await handler.handleRequest(head.request)
        } catch {
            response = HTTPResponse(statusCode: .internalServerError)
        }
        if case .webSocket(let frames) = response.payload {
            await relay(frames, head: Self.encodeHead(response), reader: reader)
            return false
        }
        // A body is never read, so the connection cannot carry another request after it.
        let keepsAlive = head.keepsAlive && !head.hasBody
        if !keepsAlive {
            response.headers[.connection] = "close"
        } else if head.request.version != .http11 {
            response.headers[.connection] = "keep-alive"
        }
        guard let body = try? await response.bodyData else { return false }
        let bytes = Self.encodeHead(response) + body
        guard (try? await withDeadline(.now + limits.idleTimeout, { [socket] in try await socket.write(bytes) })) != nil else {
            return false
        }
        if head.hasBody { await lingeringClose(reader) }
        return keepsAlive
    }

    func refuse(_ refusal: RequestRefusal, reader: ConnectionReader) async {
        log("\(refusal.code) refused: \(refusal.message)")
        let response = HTTPResponse(
            statusCode: refusal.status, headers: [.contentType: "text/plain; charset=utf-8", .connection: "close"],
            body: Data((refusal.message + "\n").utf8))
        let bytes = Self.encodeHead(response) + Data((refusal.message + "\n").utf8)
        guard (try? await withDeadline(.now + .seconds(2), { [socket] in try await socket.write(bytes) })) != nil else { return }
        await lingeringClose(reader)
    }

    /// Closes the sending side, then drops what the client still sends for a moment: closing
    /// with unread bytes resets the connection, and the client may lose the answer.
    func lingeringClose(_ reader: ConnectionReader) async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        await reader.drain(until: .now + .seconds(2))
    }

    /// Sends the handshake's answer, then the handler's frames until either side closes.
    func relay(_ frames: any WSHandler, head: Data, reader: ConnectionReader) async {
        let client = AsyncThrowingStream<WSFrame, any Error> { try await WebSocketFrames.next(from: reader) }
        do {
            let server = try await frames.makeFrames(for: client)
            try await socket.write(head)
            for await frame in server {
                try await socket.write(WebSocketFrames.encode(frame))
            }
        } catch {}
    }

    /// The status line and headers, sorted so that responses are the same every time.
    static func encodeHead(_ response: HTTPResponse) -> Data {
        var headers = response.headers
        let code = response.statusCode.code
        if headers[.contentLength] == nil, code >= 200, code != 204, code != 304, case .httpBody(let body) = response.payload {
            headers[.contentLength] = String(body.count ?? 0)
        }
        var text = "HTTP/1.1 \(code) \(response.statusCode.phrase)\r\n"
        for name in headers.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            for value in headers.values(for: name) { text += "\(name.rawValue): \(value)\r\n" }
        }
        return Data((text + "\r\n").utf8)
    }
}

/// How many connections are answering a request right now.
final class BusyCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var isZero: Bool { lock.withLock { count == 0 } }

    func add(_ change: Int) {
        lock.withLock { count += change }
    }
}
