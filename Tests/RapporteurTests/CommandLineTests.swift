import Foundation
import Testing

/// The `rapporteur` command as a user runs it: from any folder, with `--project`, and `--version`.
@Suite struct CommandLineTests {
    @Test func printsItsVersion() throws {
        let result = try TestProject().run(["--version"])
        #expect(result.status == 0)
        #expect(
            result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil,
            "\(result.stdout)")
    }

    @Test func buildsAndChecksAProjectNamedFromAnotherFolder() throws {
        let project = try TestProject()
        let elsewhere = FileManager.default.temporaryDirectory
        let built = try project.run(["build", "--project", project.root.path], in: elsewhere)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.url("public/en/plenary/index.html").path), "public/ is the project's")
        let checked = try project.run(["check", "--project", project.root.path], in: elsewhere)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("check passed"))
        let missing = try project.run(["build", "--project", project.url("nowhere").path], in: elsewhere)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("content/site.yaml"), "\(missing.stderr)")
    }
}
