import Foundation
import Support

/// Where a built site may be written (the writing itself is `StagingFolder`'s).
public enum OutputFolder {
    /// Refuses an output folder that is or contains the project, or lies inside its sources.
    public static func refuseUnsafe(_ output: URL, project root: URL) throws(SiteError) {
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var refused = target == rootPath || rootPath.hasPrefix(target + "/")
        if target.hasPrefix(rootPath + "/") {
            let first = target.dropFirst(rootPath.count + 1).split(separator: "/").first.map(String.init) ?? ""
            refused = refused || ["content", "Templates", "Sources", "Tests", ".git"].contains(first)
        }
        if refused {
            throw SiteError(
                "--output: refusing to write the site to '\(output.path)': it is or contains the project, or lies inside its sources",
                at: nil)
        }
    }
}
