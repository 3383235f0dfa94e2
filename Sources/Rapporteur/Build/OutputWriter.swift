import Foundation

#if canImport(Glibc)
    import Glibc

    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    private let posixWrite = Darwin.write
#endif

/// Where a built site may be written. The writing itself is `StagingFolder`'s.
public enum OutputWriter {
    /// Refuses an output folder that is or contains the project, or lies inside its sources.
    public static func checkOutputFolder(_ output: URL, project root: URL) throws(SiteError) {
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var refused = target == rootPath || rootPath.hasPrefix(target + "/")
        if target.hasPrefix(rootPath + "/") {
            let first = target.dropFirst(rootPath.count + 1).split(separator: "/").first.map(String.init) ?? ""
            refused = refused || ["content", "Templates", "Sources", "Tests", ".git"].contains(first)
        }
        if refused {
            throw SiteError(
                "refusing to write the site to '\(output.path)': it is or contains the project, or lies inside its sources",
                at: SourceLocation(file: "--output"))
        }
    }
}

/// A folder beside the output that a build writes into, file by file from any thread, and that
/// replaces the output in one rename when the build succeeded. Until then the output is untouched.
final class StagingFolder: @unchecked Sendable {
    let output: URL
    private let staging: URL
    private let old: URL
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failure: (any Error)?

    init(for output: URL) throws(SiteError) {
        self.output = output
        let parent = output.deletingLastPathComponent()
        let process = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(process)")
        old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(process)")
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw failed(error)
        }
    }

    /// Writes one file; a failure is kept and reported by `commit()`, which then fails.
    func write(_ file: OutputFile) {
        do {
            try makeFolder(of: file.path)
            try Self.writeFile(file.data, to: staging.path + "/" + file.path)
        } catch {
            lock.withLock { failure = failure ?? error }
        }
    }

    /// Swaps the staging folder in for the output, or removes it and throws if a write failed.
    func commit() throws(SiteError) {
        let manager = FileManager.default
        do {
            if let failure = lock.withLock({ failure }) { throw failure }
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: old)
                do {
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    try? manager.moveItem(at: old, to: output)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: output)
            }
        } catch {
            discard()
            throw failed(error)
        }
    }

    /// Removes the staging folder; the output stays as it was.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func failed(_ error: any Error) -> SiteError {
        SiteError(
            "cannot write the site: \(error.localizedDescription); \(output.path) was left as it was", at: SourceLocation(file: output.path)
        )
    }

    /// Creates the file's folder and its parents once each, whichever thread asks first.
    private func makeFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if lock.withLock({ folders.contains(folder) }) { return }
        try makeFolder(of: folder)
        if mkdir(staging.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
        lock.withLock { _ = folders.insert(folder) }
    }

    /// Writes one file with plain POSIX calls (Foundation's `Data.write` syncs every file, which
    /// makes thousands of pages wait on the disk) and checks that every byte was written. The
    /// swap of the whole folder is what makes the output safe, not a sync per file.
    private static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        var written = 0
        data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = posixWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { break }
                written += result
            }
        }
        let closed = close(descriptor) == 0
        guard written == data.count, closed else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
    }
}
