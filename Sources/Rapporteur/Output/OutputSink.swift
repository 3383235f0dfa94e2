import Foundation

/// Receives a build's files as they are made, from any thread. It keeps them in memory (`check`,
/// `serve`, tests) or writes each to a staging folder at once (`build`), so a large site is never
/// held whole in memory; either way it keeps what the final checks need: every file's path, and
/// the ids and links of every page.
final class OutputSink: @unchecked Sendable {
    private let staging: StagingFolder?
    private let lock = NSLock()
    private var files: [OutputFile] = []
    private var paths: [String] = []
    private var pages: [LinkChecker.PageLinks] = []

    /// Without `staging`, the files are kept in memory.
    init(staging: StagingFolder? = nil) {
        self.staging = staging
    }

    func put(_ file: OutputFile) {
        let page = file.path.hasSuffix(".html") ? LinkChecker.PageLinks(file) : nil
        staging?.write(file)
        lock.withLock {
            paths.append(file.path)
            if let page { pages.append(page) }
            if staging == nil { files.append(file) }
        }
    }

    func put(_ files: [OutputFile]) {
        for file in files { put(file) }
    }

    /// What a sink holds at the end of a run.
    typealias Collected = (files: [OutputFile], paths: [String], pages: [LinkChecker.PageLinks])

    /// The kept files (none when written to a folder), every path, and the pages' links, each sorted by path.
    func collected() -> Collected {
        lock.withLock {
            (files.sorted { $0.path < $1.path }, paths.sorted(), pages.sorted { $0.path < $1.path })
        }
    }
}
