import Foundation
import Testing

@testable import Preview

/// The server started in-process on a free loopback port, against a copy of the fixture project.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct PreviewServerTests {
    @Test func servesEveryFileTypeWithItsContentType() async throws {
        try await RunningPreview.with { preview in
            let expected = [
                "/en/plenary/": "text/html; charset=utf-8",
                "/assets/style.css": "text/css; charset=utf-8",
                "/assets/site.js": "text/javascript; charset=utf-8",
                "/data/funding.json": "application/json; charset=utf-8",
                "/data/funding.csv": "text/csv; charset=utf-8",
                "/assets/mark.svg": "image/svg+xml; charset=utf-8",
            ]
            for (target, type) in expected.sorted(by: { $0.key < $1.key }) {
                let response = try await preview.get(target)
                #expect(response.status == 200, "\(target)")
                #expect(response.headers["content-type"] == type, "\(target)")
                #expect(!response.body.isEmpty, "\(target)")
            }
        }
    }

    @Test func pagesAreBuiltForTheServerAndGetTheReloadScript() async throws {
        try await RunningPreview.with { preview in
            let page = try await preview.get("/en/plenary/")
            #expect(page.text.contains("Original opening text."))
            #expect(page.text.contains("http://127.0.0.1:\(preview.port)/en/plenary/"))
            #expect(page.text.contains(LiveReload.path))
            let css = try await preview.get("/assets/style.css")
            #expect(!css.text.contains(LiveReload.path))
            #expect(preview.listening.homes == ["http://127.0.0.1:\(preview.port)/zh-hant/", "http://127.0.0.1:\(preview.port)/en/"])
            #expect(!FileManager.default.fileExists(atPath: preview.project.path("public").path))
        }
    }

    @Test func cleanURLsRedirectAndNotFound() async throws {
        try await RunningPreview.with { preview in
            #expect(try await preview.get("/").status == 200)
            #expect(try await preview.get("/en/").status == 200)
            let redirect = try await preview.get("/en/plenary?lang=en")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/en/plenary/?lang=en")
            let missing = try await preview.get("/en/no-such-page/")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text.contains("class=\"not-found\""))
            #expect(try await preview.get("/en/plenary/index.html/").status == 404)
        }
    }

    @Test func headAndConditionalRequests() async throws {
        try await RunningPreview.with { preview in
            for target in ["/en/plenary/", "/assets/style.css"] {
                let full = try await preview.get(target)
                let etag = try #require(full.headers["etag"])
                // HEAD then GET on one connection: a body sent after HEAD would garble the second response.
                let port = preview.port
                let (head, after) = try await offPool {
                    let connection = try RawConnection(port: port)
                    return (try connection.request("HEAD", target), try connection.request("GET", "/assets/site.js"))
                }
                #expect(head.status == 200)
                #expect(head.body.isEmpty)
                #expect(after.status == 200 && after.headers["content-type"] == "text/javascript; charset=utf-8")
                #expect(head.headers["content-length"] == String(full.body.count))
                #expect(head.headers["etag"] == etag)
                let cached = try await preview.get(target, headers: ["If-None-Match": etag])
                #expect(cached.status == 304, "\(target)")
                #expect(cached.body.isEmpty)
                #expect(try await preview.get(target, headers: ["If-None-Match": "\"other\""]).status == 200)
            }
            #expect(try await preview.request("POST", "/en/plenary/").status == 405)
        }
    }

    /// Every way out of the site folder, including the forms that broke Zola, MkDocs and Eleventy.
    @Test func traversalIsRefused() async throws {
        try await RunningPreview.with { preview in
            let attempts = [
                "/../secret.txt", "/../../secret.txt", "/en/../../secret.txt", "/%2e%2e/secret.txt",
                "/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%2F..%2Fsecret.txt",
                "/..\\secret.txt", "/%2e%2e%5csecret.txt", "/assets/..\\..\\secret.txt",
                "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/..%252fsecret.txt",
                "/secret.txt%00.css", "/%00", "/assets/style.css%00", "/%zz", "/%c0%ae%c0%ae/secret.txt",
                "/%c0%af", "//secret.txt", "/./secret.txt", "/assets/leak.txt", "/content/en/01-plenary.md",
                "/../content/en/01-plenary.md", "/%2e%2e/content/en/01-plenary.md", "secret.txt",
            ]
            for target in attempts {
                let response = try await preview.get(target)
                #expect([400, 404].contains(response.status), "\(target) gave \(response.status)")
                #expect(!response.text.contains(PreviewProject.secret), "\(target) leaked a file")
                #expect(!response.text.contains("Original opening text."), "\(target) leaked a source")
            }
            #expect(try await preview.get("/en/plenary/").status == 200, "the server keeps serving")
        }
    }

    /// DNS rebinding: a page on another name must not reach the server, nor open its reload socket.
    @Test func foreignHostsAndOriginsAreRefused() async throws {
        try await RunningPreview.with { preview in
            let port = preview.port
            #expect(try await preview.get("/", headers: ["Host": "evil.example:\(port)"]).status == 403)
            #expect(try await preview.get("/", headers: ["Host": "127.0.0.1.evil.example:\(port)"]).status == 403)
            #expect(try await preview.get("/", headers: ["Host": "127.0.0.1:\(port + 1)"]).status == 403)
            #expect(try await preview.get("/", headers: ["Host": "localhost:\(port)"]).status == 200)
            let foreign = try await preview.webSocket(origin: "http://evil.example:\(port)")
            #expect(foreign.handshake.status == 403)
            let sameOrigin = try await preview.webSocket()
            #expect(sameOrigin.handshake.status == 101)
        }
    }

    @Test func fiftyConcurrentClientsAreAllAnswered() async throws {
        try await RunningPreview.with { preview in
            let port = preview.port
            let answered = try await withThrowingTaskGroup(of: Int.self) { group in
                for client in 0..<50 {
                    group.addTask {
                        try await offPool {
                            let connection = try RawConnection(port: port)
                            var ok = 0
                            for request in 0..<20 {
                                let target = (client + request) % 3 == 0 ? "/assets/style.css" : "/en/plenary/"
                                let response = try connection.request("GET", target)
                                if response.status == 200, !response.body.isEmpty { ok += 1 }
                            }
                            return ok
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(answered == 1000)
        }
    }

    @Test func editingAChapterReloadsOpenPagesWithinTwoSeconds() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket()
            let first = try await socket.status()
            #expect(!first.build.isEmpty)
            let clock = ContinuousClock()
            let saved = clock.now
            let chapter = "content/en/01-plenary.md"
            try preview.project.save(
                chapter, try preview.project.read(chapter).replacingOccurrences(of: "Original opening text.", with: "Edited opening text."))
            let next = try await socket.status()
            let elapsed = clock.now - saved
            #expect(next.build != first.build)
            #expect(next.errors == nil)
            #expect(elapsed < .seconds(2), "reload after \(elapsed)")
            let page = try await preview.get("/en/plenary/")
            #expect(page.text.contains("Edited opening text."))
            #expect(page.text.contains(next.build), "the page carries the build it came from")
        }
    }

    @Test func newAndDeletedChaptersArePickedUp() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket()
            _ = try await socket.status()
            try preview.project.save("content/en/02-closing.md", "---\ntitle: Closing\n---\n\nThe meeting closed.\n")
            _ = try await socket.status()
            #expect(try await preview.get("/en/closing/").status == 200)
            try FileManager.default.removeItem(at: preview.project.path("content/en/02-closing.md"))
            _ = try await socket.status()
            #expect(try await preview.get("/en/closing/").status == 404)
        }
    }

    @Test func aSourceFolderReplacedWholeIsWatchedAgain() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket()
            _ = try await socket.status()
            // The way a checkout replaces a folder: a new copy renamed over the old one.
            let manager = FileManager.default
            let content = preview.project.path("content")
            let copy = preview.project.path("content-new")
            try manager.copyItem(at: content, to: copy)
            try manager.removeItem(at: content)
            try manager.moveItem(at: copy, to: content)
            _ = try await socket.status()
            try preview.project.save("content/en/02-closing.md", "---\ntitle: Closing\n---\n\nThe meeting closed.\n")
            _ = try await socket.status()
            #expect(try await preview.get("/en/closing/").status == 200, "an edit inside the new folder is seen")
        }
    }

    @Test func aBrokenEditShowsTheErrorsAndKeepsTheLastGoodSite() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket()
            let good = try await socket.status()
            let chapter = "content/en/01-plenary.md"
            let original = try preview.project.read(chapter)
            try preview.project.save(chapter, original.replacingOccurrences(of: "```table funding", with: "```table <no-such-table>"))
            let broken = try await socket.status()
            #expect(broken.build == good.build, "no new build is announced")
            let errors = try #require(broken.errors)
            #expect(errors.contains("content/en/01-plenary.md:"))

            let page = try await preview.get("/en/plenary/")
            #expect(page.status == 200)
            #expect(page.text.contains("Original opening text."), "the last good page is still served")
            #expect(page.text.contains("id=\"\(LiveReload.overlayID)\""))
            #expect(page.text.contains("&lt;no-such-table&gt;"))
            #expect(!page.text.contains("<no-such-table>"), "diagnostics are escaped")

            try preview.project.save(chapter, original)
            let fixed = try await socket.status()
            #expect(fixed.build != good.build)
            #expect(fixed.errors == nil)
            #expect(!(try await preview.get("/en/plenary/").text.contains("id=\"\(LiveReload.overlayID)\"")))
        }
    }

    @Test func aProjectThatDoesNotBuildShowsItsErrorsUntilFixed() async throws {
        let chapter = "content/en/01-plenary.md"
        var original = ""
        let breakChapter = { (project: PreviewProject) throws in
            original = try project.read(chapter)
            try project.save(chapter, "---\ntitle: [unclosed\n---\n")
        }
        try await RunningPreview.with(prepare: breakChapter) { preview in
            #expect(preview.listening.homes.isEmpty)
            let page = try await preview.get("/en/plenary/")
            #expect(page.status == 503)
            #expect(page.text.contains("id=\"\(LiveReload.overlayID)\""))
            #expect(page.text.contains("content/en/01-plenary.md:"))
            let socket = try await preview.webSocket()
            let broken = try await socket.status()
            #expect(broken.build.isEmpty)
            #expect(broken.errors != nil)
            try preview.project.save(chapter, original)
            let fixed = try await socket.status()
            #expect(!fixed.build.isEmpty)
            #expect(try await preview.get("/en/plenary/").status == 200)
        }
    }

    @Test func aBurstOfSavesGivesOneRebuild() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket(timeout: 2)
            let first = try await socket.status()
            let chapter = "content/zh-Hant/01-plenary.md"
            let text = try preview.project.read(chapter)
            for round in 1...20 {
                try preview.project.save(chapter, text + "\n\(round)\n")
                try preview.project.save("content/zh-Hant/4913", "vim probe \(round)")
            }
            let second = try await socket.status()
            #expect(second.build != first.build)
            // No second announcement follows (the read times out after 2 s).
            let quiet = try await offPool { () -> Bool in
                do {
                    _ = try socket.receive()
                    return false
                } catch {
                    return true
                }
            }
            #expect(quiet)
        }
    }

    @Test func stoppingClosesReloadSocketsAndTheListener() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let server = PreviewServer(root: project.root, host: "127.0.0.1", port: 0)
        let listening = try await server.start()
        let socket = try await offPool { try RawWebSocket(port: listening.port, origin: "http://127.0.0.1:\(listening.port)") }
        _ = try await socket.status()
        await server.stop()
        await #expect(throws: RawHTTPError.self) { _ = try await socket.status() }
        await #expect(throws: RawHTTPError.self) { try await offPool { _ = try RawConnection(port: listening.port) } }
    }
}
