import Foundation

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
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
                let size = (try manager.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
                guard size == file.data.count else { throw CocoaError(.fileWriteOutOfSpace) }
            }
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
}
