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

/// `rapporteur pdf` when Chromium is missing or fails: a clear error, and the output as it was.
@Suite struct PdfCommandTests {
    /// Runs `rapporteur pdf` on `project` with `PATH` set to `path`; returns its status and standard error.
    private func pdf(_ project: TestProject, path: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = TestProject.executable
        process.arguments = ["pdf", "--project", project.root.path]
        process.environment = ["PATH": path]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test func withoutChromiumItNamesThePackageAndWritesNothing() throws {
        let project = try TestProject()
        let result = try pdf(project, path: project.url("no-bin").path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("install the Debian package chromium"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.url("public").path))
    }

    @Test func aLibraryGetsAPDFOfEveryReportInEachOfItsLanguages() throws {
        let project = try TestProject(fixture: "library")
        try FileManager.default.createDirectory(at: project.url("bin"), withIntermediateDirectories: true)
        // A stand-in for Chromium that "prints" the page it was given: its address, as a PDF.
        try project.write(
            "bin/chromium",
            """
            #!/bin/sh
            for argument; do case "$argument" in --print-to-pdf=*) pdf="${argument#--print-to-pdf=}" ;; file:*) page="$argument" ;; esac; done
            printf '%%PDF-1.4 %s' "$page" >"$pdf"

            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.url("bin/chromium").path)
        let result = try pdf(project, path: project.url("bin").path + ":/usr/bin:/bin")
        #expect(result.status == 0, "\(result.stderr)")
        let printed = project.snapshot().filter { $0.key.hasSuffix(".pdf") }.mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(
            printed.keys.sorted() == [
                "data/forum3-sample/report.zh-hant.pdf", "data/tel60-sample/report.en.pdf", "data/tel60-sample/report.zh-hant.pdf",
                "data/tel61-sample/report.en.pdf", "data/tel61-sample/report.zh-hant.pdf",
            ])
        #expect(printed["data/tel61-sample/report.en.pdf"]?.hasSuffix("/en/tel61-sample/print/index.html") == true)
        #expect(try project.read("public/zh-hant/forum3-sample/index.html").contains("/library/data/forum3-sample/report.zh-hant.pdf"))
    }

    @Test func whenChromiumFailsTheOutputIsLeftAsItWas() throws {
        let project = try TestProject()
        try FileManager.default.createDirectory(at: project.url("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.url("public"), withIntermediateDirectories: true)
        try project.write("bin/chromium", "#!/bin/sh\necho 'cannot print' >&2\nexit 3\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.url("bin/chromium").path)
        try project.write("public/old.html", "the last good site")
        let result = try pdf(project, path: project.url("bin").path + ":/usr/bin:/bin")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Chromium failed to print") && result.stderr.contains("cannot print"), "\(result.stderr)")
        #expect(project.snapshot() == ["old.html": Data("the last good site".utf8)])
    }
}
