import FlyingFox

/// A request refused before any handler sees it, with the status it is answered with.
struct RequestRefusal: Error, Equatable {
    var code: Int
    var phrase: String
    var message: String

    static func badRequest(_ message: String) -> RequestRefusal {
        RequestRefusal(code: 400, phrase: "Bad Request", message: message)
    }

    var status: HTTPStatusCode { HTTPStatusCode(code, phrase: phrase) }
}

/// A request's head (request line and header fields, RFC 9112 sections 2 to 5) turned into an
/// `HTTPRequest`, or refused.
///
/// Strict where leniency has let requests be read two ways (smuggling): no whitespace before a
/// header's colon, no folded lines, no bare CR, one `Host`, one `Content-Length`, not both
/// `Content-Length` and `Transfer-Encoding`.
struct RequestHead {
    var request: HTTPRequest
    /// Whether a body follows the head. The preview reads none: it answers and closes the connection.
    var hasBody: Bool
    /// Whether the client keeps the connection open for another request (HTTP/1.1 unless
    /// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`).
    var keepsAlive: Bool

    /// `bytes`: the head up to and including its empty line, without empty lines before it.
    init(parsing bytes: ArraySlice<UInt8>) throws(RequestRefusal) {
        var lines = try Self.lines(bytes)
        let requestLine = lines.removeFirst()
        let parts = requestLine.split(separator: Self.space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte) else {
            throw .badRequest("The request line must be METHOD TARGET HTTP-VERSION.")
        }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw .badRequest("The request target must be visible ASCII.")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            guard version.wholeMatch(of: /HTTP\/[0-9]\.[0-9]/) != nil else {
                throw .badRequest("The request line must end in HTTP/1.1.")
            }
            throw RequestRefusal(code: 505, phrase: "HTTP Version Not Supported", message: "This server speaks HTTP/1.1.")
        }

        var headers = HTTPHeaders()
        for line in lines {
            let (name, value) = try Self.field(line)
            headers.addValue(value, for: HTTPHeader(name))
        }
        let hosts = headers.values(for: .host)
        guard hosts.count == 1 || (hosts.isEmpty && version == "HTTP/1.0") else {
            throw .badRequest("An HTTP/1.1 request needs exactly one Host header.")
        }
        let lengths = headers.values(for: .contentLength)
        guard lengths.count <= 1, lengths.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else {
            throw .badRequest("Content-Length must be one number.")
        }
        let chunked = !headers.values(for: .transferEncoding).isEmpty
        guard !(chunked && !lengths.isEmpty) else { throw .badRequest("Content-Length and Transfer-Encoding exclude each other.") }

        let target = String(decoding: parts[1], as: UTF8.self)
        let query = target.firstIndex(of: "?")
        let tokens = headers.values(for: .connection).flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        keepsAlive = version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
        hasBody = chunked || lengths.contains { $0.contains { $0 != "0" } }
        request = HTTPRequest(
            method: HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)), version: HTTPVersion(version),
            target: HTTPRequest.Target(
                path: String(target[..<(query ?? target.endIndex)]), query: query.map { String(target[target.index(after: $0)...]) } ?? ""),
            headers: headers, body: HTTPBodySequence())
    }
}

// MARK: - Lines and fields

private extension RequestHead {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let carriageReturn = UInt8(ascii: "\r")
    static let lineFeed = UInt8(ascii: "\n")

    /// The head's lines without their CRLF (or bare LF) and without the final empty line.
    static func lines(_ bytes: ArraySlice<UInt8>) throws(RequestRefusal) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == lineFeed {
            var line = bytes[start..<index]
            if line.last == carriageReturn { line = line.dropLast() }
            start = index + 1
            if line.isEmpty { break }
            lines.append(line)
        }
        guard !lines.isEmpty else { throw .badRequest("The request has no request line.") }
        return lines
    }

    /// A header field's name and value (surrounding blanks removed).
    static func field(_ line: ArraySlice<UInt8>) throws(RequestRefusal) -> (String, String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .badRequest("A header line has no colon.") }
        let name = line[..<colon]
        // Also refuses a folded line (starting with a blank) and a blank before the colon.
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .badRequest("A header name is not a token.") }
        var value = line[(colon + 1)...]
        while let first = value.first, first == space || first == tab { value = value.dropFirst() }
        while let last = value.last, last == space || last == tab { value = value.dropLast() }
        guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7f || $0 == tab }) else {
            throw .badRequest("A header value holds a control character.")
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// `tchar` of RFC 9110: the characters of methods and header names.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
