/// The files under a folder, and the symbolic links under it that were not followed.
package struct FileListing {
    /// Paths relative to the folder, sorted.
    package var files: [String] = []
    /// Links whose target is outside the project or missing, as (path relative to the folder, target).
    package var refusedLinks: [(path: String, target: String)] = []

    /// An error for each refused link, at `folder/path`.
    package func logRefusedLinks(in folder: String, log: inout DiagnosticLog) {
        for link in refusedLinks {
            log.error(
                "symbolic link to '\(link.target)', which is outside the project or missing: only links to files and folders inside the project are followed",
                at: SourceLocation(file: folder + "/" + link.path))
        }
    }
}
