import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP response as read off the wire.
struct RawResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct RawHTTPError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking HTTP/1.1 client on a plain socket, so that tests can send request targets exactly
/// as written (URLSession would normalise `..` and percent-encoding away). Every read times out.
final class RawConnection {
    private let descriptor: Int32
    private var buffer = Data()
    let port: Int

    init(port: Int, timeout: Int = 10) throws {
        self.port = port
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RawHTTPError(description: "socket() failed") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw RawHTTPError(description: "cannot connect to port \(port)")
        }
    }

    deinit { close(descriptor) }

    /// Sends one request and reads its response. `headers` may replace `Host`.
    func request(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) throws -> RawResponse {
        var lines = ["\(method) \(target) HTTP/1.1"]
        if !headers.keys.contains(where: { $0.lowercased() == "host" }) { lines.append("Host: 127.0.0.1:\(port)") }
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        try send(Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8))
        return try readResponse(hasBody: method != "HEAD")
    }

    func send(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { bytes in
                systemSend(descriptor, bytes.baseAddress! + offset, data.count - offset)
            }
            guard sent > 0 else { throw RawHTTPError(description: "send failed") }
            offset += sent
        }
    }

    func readResponse(hasBody: Bool) throws -> RawResponse {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard try fill() else { throw RawHTTPError(description: "connection closed before a response") }
        }
        let end = buffer.range(of: separator)!
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        buffer.removeSubrange(buffer.startIndex..<end.upperBound)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError(description: "bad status line: \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var response = RawResponse(status: status, headers: headers, body: Data())
        guard hasBody, status >= 200, status != 204, status != 304 else { return response }
        if let length = headers["content-length"].flatMap(Int.init) {
            response.body = try read(count: length)
        } else {
            while try fill() {}
            response.body = buffer
            buffer = Data()
        }
        return response
    }

    /// Waits for the server to close the connection, dropping what it still sends; throws when
    /// the read times out first.
    func waitForClose() throws {
        buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return }
            if count < 0 { throw RawHTTPError(description: "the connection stayed open (errno \(errno))") }
        }
    }

    /// Exactly `count` bytes.
    func read(count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else { throw RawHTTPError(description: "connection closed early") }
        }
        let data = buffer.prefix(count)
        buffer.removeFirst(count)
        return Data(data)
    }

    /// Reads what the socket has; false at end of stream. A timeout throws.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        if count < 0 { throw RawHTTPError(description: "read timed out or failed (errno \(errno))") }
        buffer.append(contentsOf: chunk[0..<count])
        return count > 0
    }
}

/// The browser's side of the live-reload socket, reduced to reading text messages.
final class RawWebSocket {
    private let connection: RawConnection
    /// The handshake's response (101 when accepted).
    let handshake: RawResponse

    init(port: Int, origin: String?, timeout: Int = 5) throws {
        connection = try RawConnection(port: port, timeout: timeout)
        var headers = [
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString(),
        ]
        headers["Origin"] = origin
        handshake = try connection.request("GET", "/__rapporteur/reload", headers: headers)
    }

    /// Sends the head of a text frame of `length` bytes, and no payload.
    func sendHead(length: UInt64) throws {
        try connection.send(
            Data([0x81, 0x80 | 127] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: length >> ($0 * 8)) } + [1, 2, 3, 4]))
    }

    /// Sends one frame, masked as browsers must.
    func send(opcode: UInt8, _ payload: Data) throws {
        let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
        var frame = Data([0x80 | opcode, 0x80 | UInt8(payload.count)] + mask)
        frame.append(contentsOf: payload.enumerated().map { $0.element ^ mask[$0.offset % 4] })
        try connection.send(frame)
    }

    /// The next frame's opcode and payload, whatever its kind.
    func frame() throws -> (opcode: UInt8, payload: Data) {
        let head = try connection.read(count: 2)
        var length = Int(head[1] & 0x7f)
        if length == 126 {
            length = try connection.read(count: 2).reduce(0) { $0 << 8 | Int($1) }
        } else if length == 127 {
            length = try connection.read(count: 8).reduce(0) { $0 << 8 | Int($1) }
        }
        return (head[0] & 0x0f, try connection.read(count: length))
    }

    /// The next text message (control frames skipped); throws on close or timeout.
    func receive() throws -> String {
        while true {
            let (opcode, payload) = try frame()
            switch opcode {
            case 0x1: return String(decoding: payload, as: UTF8.self)
            case 0x8: throw RawHTTPError(description: "closed by the server")
            default: continue
            }
        }
    }
}

/// `send(2)` without SIGPIPE when the server has closed the connection.
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
    #else
        Darwin.send(descriptor, bytes, count, 0)
    #endif
}

/// Runs blocking socket code on a thread of its own: the in-process server needs the (two-thread)
/// concurrency pool to answer.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
