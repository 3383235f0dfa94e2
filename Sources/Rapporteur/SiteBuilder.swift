import Foundation
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
    /// 0.4 s, and the system reclaims the memory at exit anyway (as compilers do). `pdfs` (the
    /// print edition per language code, from `rapporteur pdf`) are written and linked.
    public static func build(
        root: URL, baseURL: String? = nil, integrity: IntegrityLevel = .warnings, writingTo output: URL? = nil,
        pdfs: [String: Data] = [:], freesMemory: Bool = true
    ) throws(SiteError) -> BuildResult {
        var timings = PhaseTimer()
        let staging = try output.map { output throws(SiteError) in try StagingFolder(for: output, writing: timings.writing) }
        let run: (build: Build, output: Build.Output, warnings: [Diagnostic])
        do throws(SiteError) {
            run = try Build.run(
                root: root, baseURL: baseURL, integrity: integrity, pdfs: pdfs, into: OutputSink(staging: staging), timings: &timings)
        } catch {
            staging?.discard()
            throw error
        }
        try timings.measure("swap") { () throws(SiteError) in try staging?.commit() }
        if !freesMemory { _ = Unmanaged.passRetained(Leftovers(project: run.build.project, index: run.output.index)) }
        return BuildResult(
            files: run.output.files,
            fileCount: run.output.paths.count,
            warnings: run.warnings,
            pagesPerLanguage: run.output.pagesPerLanguage,
            tableCount: run.build.project.tables.count,
            coverage: run.output.coverage,
            timings: timings.phases,
            workTimings: timings.work,
            printEditions: run.build.config.languages.filter(run.build.project.hasPrintEdition).map { language in
                let urls = run.build.urls
                return (language.code, urls.outputFile(of: urls.printEdition(language)), urls.outputFile(of: urls.pdf(language)))
            })
    }
}

/// What `SiteBuilder.build(freesMemory: false)` leaves to the system.
private final class Leftovers {
    let project: Project
    let index: [String: [String: ExpandedChapter]]

    init(project: Project, index: [String: [String: ExpandedChapter]]) {
        self.project = project
        self.index = index
    }
}
