import FlyingSocks
import Foundation
import Testing

@testable import Preview

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the server does with requests too large, malformed, unknown or too slow, and when it
/// cannot accept connections: it answers or closes at once, and keeps serving everyone else.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct RequestLimitsTests {
    @Test func anOversizedRequestLineIsRefusedAtOnceWhileOthersAreServed() async throws {
        try await RunningPreview.with { preview in
            let port = preview.port
            let clock = ContinuousClock()
            let started = clock.now
            let (refused, served) = try await withThrowingTaskGroup(of: ([Int], [Int]).self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        let response = try await offPool {
                            try RawConnection(port: port).request("GET", "/" + String(repeating: "a", count: 100_000))
                        }
                        return ([response.status], [])
                    }
                }
                group.addTask {
                    var statuses: [Int] = []
                    for _ in 0..<5 {
                        statuses.append(try await offPool { try RawConnection(port: port).request("GET", "/en/plenary/") }.status)
                    }
                    return ([], statuses)
                }
                return try await group.reduce(into: ([Int](), [Int]())) {
                    $0.0 += $1.0
                    $0.1 += $1.1
                }
            }
            #expect(refused == [414, 414, 414])
            #expect(served == [200, 200, 200, 200, 200])
            #expect(clock.now - started < .seconds(2), "took \(clock.now - started)")
        }
    }

    @Test func anOversizedHeaderBlockIsRefusedAndAnAllowedOneServed() async throws {
        try await RunningPreview.with { preview in
            let filler = String(repeating: "a", count: 500)
            var large: [String: String] = [:]
            for index in 0..<40 { large["X-Filler-\(index)"] = filler }
            let refused = try await preview.get("/en/plenary/", headers: large)
            #expect(refused.status == 431)
            #expect(refused.headers["connection"] == "close")
            var allowed: [String: String] = [:]
            for index in 0..<25 { allowed["X-Filler-\(index)"] = filler }
            #expect(try await preview.get("/en/plenary/", headers: allowed).status == 200, "12 KB of headers pass")
        }
    }

    @Test func anUnknownMethodGets405WithAllowAndABody() async throws {
        try await RunningPreview.with { preview in
            let response = try await preview.request("BREW", "/")
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
            #expect(response.text.contains("GET and HEAD"))
            // A body is not read: the answer closes the connection.
            let port = preview.port
            let (posted, closed) = try await offPool { () -> (RawResponse, Bool) in
                let connection = try RawConnection(port: port, timeout: 3)
                try connection.send(Data("POST /en/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 5\r\n\r\nhello".utf8))
                let response = try connection.readResponse(hasBody: true)
                try connection.waitForClose()
                return (response, true)
            }
            #expect(posted.status == 405 && posted.headers["connection"] == "close" && closed)
        }
    }

    @Test func malformedRequestsGet400AndTheServerKeepsServing() async throws {
        try await RunningPreview.with { preview in
            let host = "Host: 127.0.0.1:\(preview.port)\r\n"
            let malformed = [
                "GET / HTTP/1.1 extra\r\n\(host)\r\n", "GET  / HTTP/1.1\r\n\(host)\r\n", "GET /\r\n\(host)\r\n",
                "G(T / HTTP/1.1\r\n\(host)\r\n", "GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n",
                "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n folded\r\n\r\n",
                "GET / HTTP/1.1\r\n\(host)NoColon\r\n\r\n", "GET / HTTP/1.1\r\n\(host)\(host)\r\n", "GET / HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\n\(host)Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "GET / HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", "GET / HTTP/1.1\r\n\(host)X-A: a\u{0}b\r\n\r\n",
                "GET /\u{1}x HTTP/1.1\r\n\(host)\r\n", "GET / FTP/1.0\r\n\(host)\r\n", "GET / HTTP/1.1\r\n\(host)X-A: a\rb\r\n\r\n",
            ]
            for head in malformed + ["GET / HTTP/2.0\r\n\(host)\r\n", "\r\n\r\nGET /en/ HTTP/1.1\r\n\(host)\r\n"] {
                let port = preview.port
                let response = try await offPool {
                    let connection = try RawConnection(port: port)
                    try connection.send(Data(head.utf8))
                    return try connection.readResponse(hasBody: true)
                }
                let expected = malformed.contains(head) ? 400 : head.contains("HTTP/2.0") ? 505 : 200
                #expect(response.status == expected, "\(head.debugDescription)")
            }
            #expect(try await preview.get("/en/plenary/").status == 200)
        }
    }

    @Test func slowAndIdleClientsAreClosed() async throws {
        let limits = ConnectionLimits(headerTimeout: .milliseconds(300), idleTimeout: .milliseconds(500))
        try await RunningPreview.with(limits: limits) { preview in
            let port = preview.port
            let clock = ContinuousClock()
            let started = clock.now
            // Half a request, then nothing: 408 and closed.
            let cut = try await offPool {
                let connection = try RawConnection(port: port, timeout: 2)
                try connection.send(Data("GET /en/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n".utf8))
                let response = try connection.readResponse(hasBody: true)
                try connection.waitForClose()
                return response.status
            }
            #expect(cut == 408)
            // One byte at a time does not keep the head's deadline away.
            let drip = try await offPool {
                let connection = try RawConnection(port: port, timeout: 2)
                Thread {
                    for byte in "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1234567890\r\n".utf8 {
                        guard (try? connection.send(Data([byte]))) != nil else { return }
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                }.start()
                return try connection.readResponse(hasBody: true).status
            }
            #expect(drip == 408)
            // A connection that says nothing, and one idle after a request, are closed without a word.
            try await offPool { try RawConnection(port: port, timeout: 2).waitForClose() }
            let kept = try await offPool {
                let connection = try RawConnection(port: port, timeout: 2)
                let status = try connection.request("GET", "/en/").status
                try connection.waitForClose()
                return status
            }
            #expect(kept == 200)
            #expect(clock.now - started < .seconds(5), "took \(clock.now - started)")
        }
    }

    /// The accept loop outlives a shortage of file descriptors (injected here; the real one is
    /// `ServeProcessTests`): it reports it, retries, and serves once descriptors are free.
    @Test func acceptFailuresAreReportedAndServingResumes() async throws {
        let shortageEnded = Flag()
        let events = EventLog()
        let accept: Listener.Accept = { listening in
            if !shortageEnded.isSet { throw SocketError.failed(type: "Accept", errno: EMFILE, message: "Too many open files") }
            return try await listening.accept()
        }
        try await RunningPreview.with(accept: accept, events: events) { preview in
            let port = preview.port
            // Waits in the kernel's backlog while accepting fails.
            let waiting = Task { try await offPool { try RawConnection(port: port, timeout: 5).request("GET", "/en/").status } }
            try await Task.sleep(for: .milliseconds(300))
            #expect(events.all.filter { $0.contains("out of file descriptors (EMFILE)") }.count == 1, "reported once: \(events.all)")
            shortageEnded.set()
            #expect(try await waiting.value == 200)
            #expect(events.all.contains("problem: accepting connections again"))
        }
    }
}

extension RequestLimitsTests {
    /// Requests sent together in one write, an empty line between them, are answered in order.
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await RunningPreview.with { preview in
            let port = preview.port
            let (page, script) = try await offPool {
                let connection = try RawConnection(port: port)
                let host = "Host: 127.0.0.1:\(port)\r\n"
                try connection.send(Data("GET /en/plenary/ HTTP/1.1\r\n\(host)\r\n\r\nGET /assets/site.js HTTP/1.1\r\n\(host)\r\n".utf8))
                return (try connection.readResponse(hasBody: true), try connection.readResponse(hasBody: true))
            }
            #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        }
    }
}

extension RequestLimitsTests {
    /// A page's masked frames: a ping gets its pong, and a close (sent when the page goes away)
    /// gets a close back; a frame over the limit closes the socket.
    @Test func theReloadSocketReadsTheBrowsersFrames() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket()
            _ = try await socket.status()
            let (pong, close) = try await offPool { () -> ((UInt8, Data), (UInt8, Data)) in
                try socket.send(opcode: 0x9, Data("are you there".utf8))
                let pong = try socket.frame()
                try socket.send(opcode: 0x8, Data([0x03, 0xe9]))
                return (pong, try socket.frame())
            }
            #expect(pong.0 == 0xA && pong.1 == Data("are you there".utf8))
            #expect(close.0 == 0x8)
            let large = try await preview.webSocket()
            _ = try await large.status()
            let refused = try await offPool {
                try large.sendHead(length: 1 << 40)
                return try large.frame()
            }
            #expect(refused.opcode == 0x8, "closed with a protocol error")
            #expect(try await preview.get("/en/plenary/").status == 200)
        }
    }
}
