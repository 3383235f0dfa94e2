import FlyingSocks

/// The bytes a client sent on one connection, read in chunks and kept until used.
///
/// A request head is looked for only in the bytes not searched before, so reading one takes
/// time linear in its size, and it may not grow beyond a limit (FlyingFox 0.27.1 rescanned its
/// whole line for every byte, with no limit: a 100 KB request line held a core for seconds).
/// Used by one task at a time: the connection's, then its WebSocket's reader.
final class ConnectionReader: @unchecked Sendable {
    private let socket: AsyncSocket
    private var buffer: [UInt8] = []
    /// Where the unused bytes start.
    private var start = 0
    /// How far the current head has been searched, and where its current line starts.
    private var scanned = 0
    private var lineStart = 0

    init(socket: AsyncSocket) {
        self.socket = socket
    }

    /// Whether bytes of a next request (or of a request cut short) are waiting.
    var hasBytes: Bool { start < buffer.count }

    /// Reads what the client has sent, waiting for at least one byte; throws
    /// `SocketError.disconnected` at the end of the stream.
    func fill() async throws {
        let bytes = try await socket.read(atMost: 16 * 1024)
        // Used bytes go before the buffer grows, so that a long-lived connection holds only what is unread.
        if start == buffer.count || start >= 16 * 1024 {
            buffer.removeSubrange(0..<start)
            (scanned, lineStart) = (max(0, scanned - start), max(0, lineStart - start))
            start = 0
        }
        buffer += bytes
    }

    /// The next request head, up to and including its empty line; empty lines before it are
    /// skipped (RFC 9112 section 2.2). Refused with 414 when its request line, or 431 when the
    /// head, passes `limit` bytes.
    func head(limit: Int) async throws -> ArraySlice<UInt8> {
        while true {
            if scanned <= start { (scanned, lineStart) = (start, start) }
            while scanned < buffer.count {
                let byte = buffer[scanned]
                scanned += 1
                if lineStart == start, scanned - 1 == start, byte == Self.carriageReturn || byte == Self.lineFeed {
                    // An empty line before the request line.
                    (start, lineStart) = (scanned, scanned)
                    continue
                }
                guard byte == Self.lineFeed else { continue }
                if lineStart == start, scanned - start > limit { throw Self.tooLarge(requestLineEnded: false) }
                let isEmptyLine = scanned - 1 == lineStart || (scanned - 2 == lineStart && buffer[lineStart] == Self.carriageReturn)
                if isEmptyLine, lineStart > start {
                    guard scanned - start <= limit else { throw Self.tooLarge(requestLineEnded: true) }
                    let head = buffer[start..<scanned]
                    (start, lineStart) = (scanned, scanned)
                    return head
                }
                lineStart = scanned
            }
            guard buffer.count - start <= limit else { throw Self.tooLarge(requestLineEnded: lineStart > start) }
            try await fill()
        }
    }

    /// The next `count` bytes.
    func read(_ count: Int) async throws -> ArraySlice<UInt8> {
        while buffer.count - start < count { try await fill() }
        defer { start += count }
        return buffer[start..<(start + count)]
    }

    /// Reads and drops what the client sends until it closes the connection or `deadline`
    /// passes, so that closing does not reset the connection before the client read the answer.
    func drain(until deadline: ContinuousClock.Instant) async {
        try? await withDeadline(deadline) { [self] in
            while true {
                start = buffer.count
                try await fill()
            }
        }
    }

    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private static func tooLarge(requestLineEnded: Bool) -> RequestRefusal {
        requestLineEnded
            ? RequestRefusal(code: 431, phrase: "Request Header Fields Too Large", message: "The request's headers are too large.")
            : RequestRefusal(code: 414, phrase: "URI Too Long", message: "The request's target is too long.")
    }
}
