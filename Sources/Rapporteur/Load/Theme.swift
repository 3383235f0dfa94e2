import Foundation
import Support

/// The files a site is made with: the built-in theme's, each replaced by the project's file of
/// the same path under `Templates/` where it has one (a project that changes only
/// `partials/table.mustache` and `assets/style.css` gets the rest built in).
package struct Theme: Sendable {
    /// One file of the theme: where it came from, as messages name it, and its bytes.
    struct File: Sendable {
        var displayPath: String
        var data: Data
    }

    /// The project's folder of overrides.
    static let folder = "Templates"
    /// How messages name a file of the built-in theme.
    static let builtInFolder = "built-in theme"

    /// The files by their path in the theme (`chapter.mustache`, `assets/style.css`).
    let files: [String: File]

    /// The static files, as paths under `assets/` (`style.css`), sorted.
    var assets: [String] { files.keys.filter { $0.hasPrefix("assets/") }.map { String($0.dropFirst("assets/".count)) }.sorted() }

    /// The built-in theme with the project's `Templates/` over it.
    static func load(project root: URL, log: inout DiagnosticLog) -> Theme {
        var files: [String: File] = [:]
        for (path, bytes) in BuiltInTheme.files {
            files[path] = File(displayPath: builtInFolder + "/" + path, data: Data(bytes))
        }
        let overrides = root.appendingPathComponent(folder)
        let listing = FileTree.files(under: overrides, within: root)
        listing.logRefusedLinks(in: folder, log: &log)
        for path in listing.files where !path.hasSuffix("README.md") {
            let displayPath = folder + "/" + path
            do {
                files[path] = File(displayPath: displayPath, data: try Data(contentsOf: overrides.appendingPathComponent(path)))
            } catch {
                log.error("cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: displayPath))
            }
        }
        return Theme(files: files)
    }

    /// Writes the built-in theme into `folder` for editing; refuses to replace a file there.
    package static func exportBuiltIn(to folder: URL) throws(SiteError) {
        let manager = FileManager.default
        for (path, _) in BuiltInTheme.files where manager.fileExists(atPath: folder.appendingPathComponent(path).path) {
            throw SiteError("\(path) exists already: export the theme into a new or empty folder", at: SourceLocation(file: folder.path))
        }
        do {
            for (path, bytes) in BuiltInTheme.files {
                let file = folder.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
        } catch {
            throw SiteError("cannot write the theme: \(error.localizedDescription)", at: SourceLocation(file: folder.path))
        }
    }
}
