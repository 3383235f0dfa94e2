import Foundation
import Testing

@testable import Preview

/// A chapter or table nested far too deep is an error in the overlay, never a crash of the server.
@Suite struct PreviewNestingTests {
    @Test func deepNestingIsShownAsAnErrorAndTheServerServesOn() async throws {
        try await RunningPreview.with { preview in
            let socket = try await preview.webSocket()
            _ = try await socket.status()
            let chapter = "content/en/01-plenary.md"
            let original = try preview.project.read(chapter)
            let inputs = [
                String(repeating: "> ", count: 10_000) + "x\n", String(repeating: "- ", count: 10_000) + "x\n",
                String(repeating: "*a **a ", count: 50_000) + "b" + String(repeating: " a** a*", count: 50_000) + "\n",
            ]
            for input in inputs {
                try preview.project.save(chapter, original + "\n" + input)
                var broken = try await socket.status()
                for _ in 0..<3 where broken.errors == nil { broken = try await socket.status() }
                let errors = try #require(broken.errors)
                #expect(errors.contains("content/en/01-plenary.md:"), "\(errors)")
                #expect(errors.contains("nested too deep"), "\(errors)")
                #expect(try await preview.get("/en/plenary/").status == 200, "the last good page is served")
            }
            try preview.project.save(chapter, original)
            // A save can reach the watcher as two changes, and a slow rebuild's status come late.
            var mended = try await socket.status()
            for _ in 0..<3 where mended.errors != nil { mended = try await socket.status() }
            #expect(mended.errors == nil)
        }
    }
}
