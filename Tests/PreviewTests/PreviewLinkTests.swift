import Foundation
import Testing

@testable import Preview

/// A symbolic link out of the project is refused by the build, named in the error overlay, and
/// what it points at is never served.
@Suite struct PreviewLinkTests {
    @Test func aLinkOutOfTheProjectIsAnErrorAndNeverServed() async throws {
        let plant = { (project: PreviewProject) throws in try project.plantLinkOutOfTheProject() }
        try await RunningPreview.with(prepare: plant) { preview in
            let page = try await preview.get("/en/")
            #expect(page.text.contains("Templates/assets/leak.txt: error: symbolic link to"), "\(page.text.prefix(600))")
            #expect(!page.text.contains(PreviewProject.secret))
            let leak = try await preview.get("/assets/leak.txt")
            #expect(leak.status != 200)
            #expect(!leak.text.contains(PreviewProject.secret))

            let socket = try await preview.webSocket()
            _ = try await socket.status()
            try FileManager.default.removeItem(at: preview.project.path("Templates/assets/leak.txt"))
            _ = try await socket.status()
            #expect(try await preview.get("/en/").status == 200, "removing the link mends the build")
        }
    }
}
