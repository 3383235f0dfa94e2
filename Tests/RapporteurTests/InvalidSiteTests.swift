import Foundation
import Testing

/// Whole sites under `Tests/Fixtures/sites/invalid/`, each broken in one way that reads best as
/// files: the build must fail with exactly the problems in its `expected.txt`, in that order.
@Suite struct InvalidSiteTests {
    static let cases: [String] = {
        let folder = TestProject.fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func everyCaseIsThere() {
        #expect(Self.cases == ["headings", "links", "table"])
    }

    @Test(arguments: cases)
    func failsWithTheExpectedProblems(_ name: String) throws {
        let project = try TestProject(fixture: "invalid/" + name)
        let result = try project.run(["build"])
        #expect(result.status != 0)
        let printed = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        let expected = try String(
            contentsOf: TestProject.fixtures.appendingPathComponent("invalid/\(name)/expected.txt"), encoding: .utf8
        ).split(separator: "\n")
        #expect(printed == expected)
        #expect(!FileManager.default.fileExists(atPath: project.url("public").path))
    }
}
