import Foundation
import Testing

@testable import Integrity
@testable import Rapporteur
@testable import Support

/// The bilingual integrity check on a fixture site whose two languages agree: it must pass as it
/// is, and each case breaks the English (or the exceptions) in one way that must be named at
/// the right file, line and value.
@Suite struct IntegrityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var old: String
        var new: String
        /// Each expected warning: where it starts (`path:line:`) and what its message contains.
        var expected: [(location: String, message: String)]

        var testDescription: String { name }
    }

    static let zh = "content/zh-Hant/01-report.md"
    static let en = "content/en/01-report.md"

    static let cases: [Case] = [
        Case(
            name: "a changed amount", file: en, old: "US$14.09 million", new: "US$14.90 million",
            expected: [
                ("\(zh):10:", "number '1,409 萬' (14090000) in the zh-Hant section #funding"),
                ("\(en):10:", "number '14.90 million' (14900000) in the en section #funding"),
            ]),
        Case(
            name: "a swapped digit in a year", file: en, old: "4 November 2016", new: "4 November 2061",
            expected: [
                ("\(zh):21:", "date '2016 年 10 月 31 日' (2016-10-31)"),
                ("\(zh):21:", "date '11 月 4 日' (2016-11-04)"),
                ("\(en):21:", "date '31 October' (2061-10-31)"),
                ("\(en):21:", "date '4 November 2061' (2061-11-04)"),
            ]),
        Case(
            name: "a dropped name", file: en, old: "The Chair, Andrey Mukhanov of Russia,", new: "The Chair of Russia",
            expected: [
                ("\(zh):21:8", "name 'Andrey' in the zh-Hant section #meetings (line 19) is not in the en section #meetings of \(en):19"),
                ("\(zh):21:15", "name 'Mukhanov'"),
            ]),
        Case(
            name: "a missing link", file: en, old: "See the [next section](#meetings).", new: "See the next section.",
            expected: [("\(zh):17:3", "link #meetings in the zh-Hant section #funding (line 8) is not in the en section #funding")]),
        Case(
            name: "a table block in a different place", file: en,
            old: "```table roster\n```\n\nSee the [next section](#meetings).\n\n## Future meetings {#meetings}\n",
            new: "See the [next section](#meetings).\n\n## Future meetings {#meetings}\n\n```table roster\n```\n",
            expected: [
                (
                    "\(zh):14:1",
                    "table roster in the zh-Hant section #funding (line 8) is not in the en section #funding of \(en):8; the en chapter has it at line 18"
                ),
                (
                    "\(en):18:1",
                    "table roster in the en section #meetings (line 16) is not in the zh-Hant section #meetings of \(zh):19; the zh-Hant chapter has it at line 14"
                ),
            ]),
        Case(
            name: "a figure with another number", file: en, old: "number: 1", new: "number: 2",
            expected: [
                ("\(zh):25:1", "figure 1 in the zh-Hant section #meetings"),
                ("\(en):25:1", "figure 2 in the en section #meetings"),
            ]),
        Case(
            name: "a section the original does not have", file: en, old: "See the [IPv6 report](https://www.apnic.net/ipv6).\n",
            new: "See the [IPv6 report](https://www.apnic.net/ipv6).\n\n## Venue {#venue}\n\nTacna, Peru.\n",
            expected: [("\(en):32:1", "section #venue has no heading with this id in \(zh), so it is not compared")]),
        Case(
            name: "a changed number in a table cell", file: "content/tables/roster.yaml", old: "40 in all", new: "14 in all",
            expected: [
                ("content/tables/roster.yaml:13:3", "number '40' in the zh-Hant 'notes' is not in the en 'notes'"),
                ("content/tables/roster.yaml:13:3", "number '14' in the en 'notes' is not in the zh-Hant 'notes'"),
            ]),
        Case(
            name: "a table cell in one language only", file: "content/tables/roster.yaml", old: "host: {zh-Hant: 日本, en: Japan}",
            new: "host: {zh-Hant: 日本}",
            expected: [("content/tables/roster.yaml:13:3", "'host' has no en text")]),
        Case(
            name: "Chinese text given once for every language", file: "content/tables/roster.yaml", old: "host: {zh-Hant: 日本, en: Japan}",
            new: "host: 日本",
            expected: [("content/tables/roster.yaml:13:3", "'host' is Chinese text given once for every language")]),
        Case(
            name: "an unused exception", file: "content/integrity-exceptions.yaml", old: "value: Vally", new: "value: Valley",
            expected: [
                ("content/integrity-exceptions.yaml:2:3", "unused exception: no difference 'Valley' in report section #meetings"),
                ("\(zh):23:", "name 'Vally'"),
            ]),
    ]

    @Test func theFixturePairsPass() throws {
        let project = try IntegrityProject()
        let result = try project.build(strict: true)
        #expect(result.warnings.filter { $0.message.hasPrefix(IntegrityReport.prefix) }.isEmpty, "\(result.warnings)")
    }

    @Test(arguments: cases)
    func namesTheFileLineAndValue(_ testCase: Case) throws {
        let project = try IntegrityProject()
        try project.replace(testCase.file, testCase.old, with: testCase.new)
        let warnings = try project.build().warnings.filter { $0.message.hasPrefix(IntegrityReport.prefix) }.map(\.description)
        for (location, message) in testCase.expected {
            #expect(
                warnings.contains { $0.hasPrefix(location) && $0.contains(": warning: integrity: ") && $0.contains(message) },
                "expected \(location) ... \(message), got:\n\(warnings.joined(separator: "\n"))")
        }
        #expect(warnings.count == testCase.expected.count, "\(warnings.joined(separator: "\n"))")
    }

    @Test func strictTurnsTheWarningsIntoErrors() throws {
        let project = try IntegrityProject()
        try project.replace(Self.en, "US$14.09 million", with: "US$14.90 million")
        #expect {
            _ = try project.build(strict: true)
        } throws: { error in
            (error as? SiteError)?.diagnostics.contains { $0.severity == .error && $0.description.hasPrefix("\(Self.zh):10:") } == true
        }
    }

    @Test func checkPrintsACountPerChapterAndStrictFails() throws {
        let project = try IntegrityProject()
        try project.replace(Self.en, "US$14.09 million", with: "US$14.90 million")
        let check = try project.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("01-report.md\t2"), "\(check.stdout)")
        let strict = try project.run(["check", "--strict"])
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("\(Self.en):10:"), "\(strict.stderr)")
        #expect(strict.stderr.contains(": error: integrity: number '14.90 million'"), "\(strict.stderr)")
        let build = try project.run(["build", "--strict"])
        #expect(build.status != 0)
        #expect(!FileManager.default.fileExists(atPath: project.url("public").path))
    }

    @Test func aMalformedExceptionNamesItsLine() throws {
        let project = try IntegrityProject()
        try project.replace("content/integrity-exceptions.yaml", "  reason: The original", with: "  because: The original")
        #expect {
            _ = try project.build()
        } throws: { error in
            (error as? SiteError)?.diagnostics.contains {
                $0.description.hasPrefix("content/integrity-exceptions.yaml:5:3: error: unknown key 'because'")
            } == true
        }
    }
}

/// A throwaway copy of `Tests/Fixtures/sites/integrity` with the repository's templates.
struct IntegrityProject {
    let project: TestProject

    init() throws {
        project = try TestProject()
        let manager = FileManager.default
        let content = project.url("content")
        try manager.removeItem(at: content)
        let fixture = TestProject.fixtures.appendingPathComponent("integrity/content")
        try manager.copyItem(at: fixture, to: content)
    }

    func url(_ path: String) -> URL { project.url(path) }

    func replace(_ path: String, _ old: String, with new: String) throws {
        try project.replace(path, old, with: new)
    }

    func build(strict: Bool = false) throws -> BuildResult {
        try SiteBuilder.build(root: project.root, integrity: strict ? .errors : .warnings)
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try project.run(arguments)
    }
}
