import Foundation
import Model
import Support

/// Builds a site from a project folder: load everything, check it, render every page. Pages go
/// to an `OutputSink` as they are made: into memory, or straight into a staging folder that
/// replaces the output folder only when the build succeeded.
public enum SiteBuilder {
    /// Builds the project at `root`. Throws every problem found when there is any error.
    ///
    /// With `output`, files are written there (atomically, see `StagingFolder`) and the result's
    /// `files` is empty; without it, the result holds them. A process that exits right after the
    /// build passes `freesMemory: false`: freeing every chapter's tree took a 10,000-page site
    /// 0.4 s, and the system reclaims the memory at exit anyway (as compilers do). `pdfs` (from
    /// `rapporteur pdf`: each print edition's PDF, by the path `printEditions` gives it) are
    /// written and linked from their report's home.
    public static func build(
        root: URL, baseURL: String? = nil, integrity: IntegrityLevel = .warnings, writingTo output: URL? = nil,
        pdfs: [String: Data] = [:], freesMemory: Bool = true
    ) throws(SiteError) -> BuildResult {
        var timings = PhaseTimer()
        let staging = try output.map { output throws(SiteError) in try StagingFolder(for: output, writing: timings.writing) }
        let sink = OutputSink(staging: staging)
        let run: (builds: [Build], output: Build.Output, warnings: [Diagnostic])
        do throws(SiteError) {
            if Library.isLibrary(root: root) {
                let library = try LibraryBuild.run(
                    root: root, baseURL: baseURL, integrity: integrity, pdfs: pdfs, into: sink, timings: &timings)
                run = (library.build.reports, library.output, library.warnings)
            } else {
                let site = try Build.run(root: root, baseURL: baseURL, integrity: integrity, pdfs: pdfs, into: sink, timings: &timings)
                run = ([site.build], site.output, site.warnings)
            }
        } catch {
            staging?.discard()
            throw error
        }
        try timings.measure("swap") { () throws(SiteError) in try staging?.commit() }
        if !freesMemory { _ = Unmanaged.passRetained(Leftovers(builds: run.builds, index: run.output.index)) }
        return BuildResult(
            files: run.output.files,
            fileCount: run.output.paths.count,
            warnings: run.warnings,
            pagesPerLanguage: run.output.pagesPerLanguage,
            tableCount: run.builds.reduce(0) { $0 + $1.project.tables.count },
            coverage: run.output.coverage,
            timings: timings.phases,
            workTimings: timings.work,
            printEditions: run.builds.flatMap(printEditions))
    }
}

/// The print editions of a report (of the site, or of a library) and where their PDFs go, for `rapporteur pdf`.
private func printEditions(_ build: Build) -> [(language: String, page: String, pdf: String)] {
    build.config.languages.filter(build.project.hasPrintEdition).map { language in
        (language.code, build.urls.outputFile(of: build.urls.printEdition(language)), build.urls.outputFile(of: build.urls.pdf(language)))
    }
}

/// What `SiteBuilder.build(freesMemory: false)` leaves to the system.
private final class Leftovers {
    let builds: [Build]
    let index: [String: [String: ExpandedChapter]]

    init(builds: [Build], index: [String: [String: ExpandedChapter]]) {
        self.builds = builds
        self.index = index
    }
}
