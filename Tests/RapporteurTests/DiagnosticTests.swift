import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// How problems are printed: at a real place or at none, and never with raw control characters.
@Suite struct DiagnosticTests {
    @Test func aLocationIsPrintedAsFarAsItIsKnown() {
        #expect(Diagnostic(.error, "m", at: SourceLocation(file: "a.md", line: 3, column: 7)).description == "a.md:3:7: error: m")
        #expect(Diagnostic(.error, "m", at: SourceLocation(file: "a.md", line: 3)).description == "a.md:3: error: m")
        #expect(
            Diagnostic(.warning, "m", at: SourceLocation(file: "Templates/x.mustache")).description == "Templates/x.mustache: warning: m")
        #expect(Diagnostic(.error, "--output: m", at: nil).description == "error: --output: m")
    }

    @Test func controlCharactersAreEscaped() {
        let file = "content/en/01-a\u{1B}[31mred\nnext\u{202E}.md"
        let printed = Diagnostic(.error, "unknown table '\u{7}'", at: SourceLocation(file: file, line: 1, column: 1)).description
        #expect(printed == "content/en/01-a\\u{1B}[31mred\\u{A}next\\u{202E}.md:1:1: error: unknown table '\\u{7}'")
        #expect(Diagnostic(.error, "表 'x'", at: SourceLocation(file: "content/zh-Hant/01-大會.md")).description.contains("01-大會.md"))
    }

    @Test func aFileNameWithAnEscapeSequenceReachesTheTerminalEscaped() throws {
        let project = try TestProject()
        try project.write("content/en/03-x\u{1B}[2Jy.md", "---\ntitle: [\n---\n")
        let result = try project.run(["build"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("content/en/03-x\\u{1B}[2Jy.md"), "\(result.stderr)")
    }

    @Test func commandLineProblemsHaveNoFile() throws {
        let project = try TestProject()
        let result = try project.run(["build", "--base-url", "ftp://example.org/"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("error: --base-url: baseURL must be an http(s) address"), "\(result.stderr)")
        let output = try project.run(["build", "--output", "content"])
        #expect(output.stderr.hasPrefix("error: --output: refusing to write the site"), "\(output.stderr)")
    }
}
