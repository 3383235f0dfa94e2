import Foundation

#if canImport(Glibc)
    import Glibc

    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    private let posixWrite = Darwin.write
#endif

/// Writes a built site to disk atomically: into a staging folder beside the output, swapped in
/// only when every file was written, so a failed build leaves the old output exactly as it was.
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

    /// Writes `files` into `output`, replacing what was there.
    public static func write(_ files: [OutputFile], to output: URL) throws(SiteError) {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        let old = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for file in files {
                var path = Substring(file.path)
                while let slash = path.lastIndex(of: "/"), folders.insert(String(path[..<slash])).inserted {
                    path = path[..<slash]
                }
            }
            // Sorted, so each folder's parent exists before it: one mkdir per folder.
            for folder in folders.sorted() where mkdir(staging.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
            }
            let root = staging.path
            let failures = files.parallelMap { file in writeFile(file.data, to: root + "/" + file.path) }.compactMap { $0 }
            if let failure = failures.first { throw failure }
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
            try? manager.removeItem(at: staging)
            throw SiteError(
                "cannot write the site: \(error.localizedDescription); \(output.path) was left as it was",
                at: SourceLocation(file: output.path))
        }
    }

    /// Writes one file with plain POSIX calls (Foundation's `Data.write` syncs every file, which
    /// makes thousands of pages wait on the disk) and checks that every byte was written. The
    /// swap of the whole folder is what makes the output safe, not a sync per file.
    private static func writeFile(_ data: Data, to path: String) -> CocoaError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        var written = 0
        data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = posixWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { break }
                written += result
            }
        }
        let closed = close(descriptor) == 0
        guard written == data.count, closed else { return CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
        return nil
    }
}
