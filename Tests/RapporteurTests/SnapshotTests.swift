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
        try Snapshot.expect(actual, named: path.replacingOccurrences(of: "/", with: "_"))
    }
}
