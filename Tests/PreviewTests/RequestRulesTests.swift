import Foundation
import Rapporteur
import Testing

@testable import Preview
@testable import Support

struct RequestPathTests {
    @Test(arguments: [
        ("/", ""), ("/en/", "en/"), ("/en/plenary", "en/plenary"), ("/assets/style.css", "assets/style.css"),
        ("/zh-hant/%E5%A4%A7%E6%9C%83/", "zh-hant/大會/"), ("/a%20b", "a b"),
    ])
    func acceptsSitePaths(raw: String, path: String) {
        #expect(RequestPath.resolve(raw) == path)
    }

    @Test(arguments: [
        "", "en/", "/..", "/../x", "/en/../x", "/./x", "/x/.", "//x", "/x//y", "/%2e%2e/x", "/%2E%2e/x",
        "/..%2fx", "/x%2Fy", "/x%5cy", "/x\\y", "/x%00", "/%zz", "/%c0%ae", "/%ff", "/%252e%252e/x",
        "/x%25", "/x%0ay", "/x y", "/\u{7f}", "/caf\u{e9}",
    ])
    func refusesEverythingElse(raw: String) {
        #expect(RequestPath.resolve(raw) == nil)
    }
}

struct HostPolicyTests {
    let policy = HostPolicy(port: 8000)

    @Test(arguments: ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "app.localhost:8000", "[::1]:8000", "192.168.1.20:8000"])
    func acceptsAddressesThatCannotBeRebound(host: String) {
        #expect(policy.allows(host: host))
    }

    @Test(arguments: [
        "evil.example:8000", "127.0.0.1.nip.io:8000", "localhost.evil.example:8000", "127.0.0.1:8001",
        "127.0.0.1", "localhost:80", "[::1]", "1.2.3.4.5:8000", "256.0.0.1:8000", ":8000", "127.0.0.1:8000:1",
    ])
    func refusesOtherNamesAndPorts(host: String) {
        #expect(!policy.allows(host: host))
    }

    @Test func theReloadSocketNeedsThePagesOwnOrigin() {
        #expect(policy.allows(origin: "http://127.0.0.1:8000", host: "127.0.0.1:8000"))
        #expect(!policy.allows(origin: "http://localhost:8000", host: "127.0.0.1:8000"))
        #expect(!policy.allows(origin: "http://evil.example", host: "127.0.0.1:8000"))
        #expect(!policy.allows(origin: nil, host: "127.0.0.1:8000"))
        #expect(!policy.allows(origin: "null", host: "127.0.0.1:8000"))
    }
}

struct SourceWatcherTests {
    @Test(arguments: [
        ".01-plenary.md.swp", "01-plenary.md~", "4913", "site.yaml.bck", "01.md___jb_old___", ".#01.md", "#01.md#", "a/.DS_Store",
    ])
    func ignoresEditorDebris(name: String) {
        #expect(SourceWatcher.isEditorDebris(name))
    }

    @Test(arguments: ["01-plenary.md", "site.yaml", "tables/funding.yaml", "assets/style.css", "layout.mustache"])
    func watchesSources(name: String) {
        #expect(!SourceWatcher.isEditorDebris(name))
    }
}

struct LiveReloadTests {
    @Test func insertsBeforeTheLastBodyEndTag() {
        let html = Data("<html><body><p>&lt;/body&gt;</p></body></html>".utf8)
        let decorated = String(decoding: LiveReload.decorate(html, buildID: "abc-1", errors: []), as: UTF8.self)
        #expect(decorated.hasPrefix("<html><body><p>&lt;/body&gt;</p><script>"))
        #expect(decorated.hasSuffix("</script>\n</body></html>"))
        #expect(decorated.contains("const served = \"abc-1\";"))
    }

    @Test func theOverlayEscapesDiagnostics() {
        let error = Diagnostic(
            .error, "unknown table '<script>alert(1)</script>'", at: .init(file: "content/en/01.md", line: 3, column: 1))
        let overlay = LiveReload.overlay([error])
        #expect(overlay.contains("content/en/01.md:3:1: error: unknown table &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"))
        #expect(!overlay.contains("<script>"))
    }
}
