import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// The report's three charts in both languages, compared with `Snapshots/chart_*.svg`. Run with
/// `RECORD_SNAPSHOTS=1` to re-record them (the run then fails, to be reviewed).
@Suite struct ChartSnapshotTests {
    static let charts = ["funding", "hosting-roster", "schedule"].flatMap { name in ["zh-Hant", "en"].map { (name, $0) } }

    @Test(arguments: charts)
    func chartMatchesItsSnapshot(_ table: String, _ languageCode: String) throws {
        var log = DiagnosticLog()
        let project = try #require(Project.load(root: TestProject.repository, baseURL: nil, log: &log))
        let language = try #require(project.config.languages.first { $0.code == languageCode })
        let table = try #require(project.table(named: table))
        let context = table.chartContext(
            0, in: language, languages: project.config.languageCodes, id: "chart", strings: project.templates.strings[languageCode] ?? [:])
        let actual = try #require((context["svg"] as? ContentHTML)?.html) + "\n"
        try Snapshot.expect(actual, named: "chart_\(table.name)_\(languageCode.lowercased()).svg")
    }
}
