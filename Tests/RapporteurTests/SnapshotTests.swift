import Foundation
import Testing

/// Golden files: whole pages of the fixture site compared with `Snapshots/`. Run with
/// `RECORD_SNAPSHOTS=1 swift test` to re-record them (the run then fails, to be reviewed).
@Suite struct SnapshotTests {
    static let pages = [
        "zh-hant/plenary/index.html", "en/plenary/index.html", "en/tables/funding/index.html",
        "zh-hant/index.html", "index.html", "sitemap.xml", "data/funding.json",
    ]

    @Test(arguments: pages)
    func pageMatchesItsSnapshot(_ path: String) throws {
        let result = try TestProject().build()
        let actual = try result.text(path)
        let name = path.replacingOccurrences(of: "/", with: "_")
        let snapshot = TestProject.repository.appendingPathComponent("Tests/RapporteurTests/Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(actual.utf8).write(to: snapshot)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from Snapshots/\(name); if the change is intended, re-record with RECORD_SNAPSHOTS=1")
    }
}
