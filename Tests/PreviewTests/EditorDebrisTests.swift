import Foundation
import Testing

@testable import Preview

/// What an editor writes beside a chapter (a swap file) neither rebuilds nor reloads pages.
@Suite struct EditorDebrisTests {
    @Test func aSwapFileAloneReloadsNothing() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket(timeout: 2)
            let first = try await socket.status()
            try Data("swap".utf8).write(to: preview.project.path("content/en/.01-plenary.md.swp"))
            await #expect(throws: (any Error).self, "no status, so no reload, within 2 s") { try await socket.status() }
            let again = try await preview.webSocket()
            #expect(try await again.status().build == first.build, "the build is the same")
        }
    }
}
