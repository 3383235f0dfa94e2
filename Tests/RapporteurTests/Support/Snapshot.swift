import Foundation
import Testing

/// The golden files of `Tests/RapporteurTests/Snapshots/`: an output is compared with its file,
/// or, with `RECORD_SNAPSHOTS=1`, written to it (look at the diff before committing it).
enum Snapshot {
    static func expect(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let snapshot = TestProject.repository.appendingPathComponent("Tests/RapporteurTests/Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(actual.utf8).write(to: snapshot)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(
            actual == expected, "Snapshots/\(name) differs; if the change is intended, re-record with RECORD_SNAPSHOTS=1",
            sourceLocation: sourceLocation)
    }
}
