import Foundation
import Model
import Support

/// The files under a report's `figures/` (`content/figures/`), which figures show with `image:`
/// and the build copies to `figures/`, with the size each one's header gives (read once per build).
struct FigureImages: Sendable {
    /// The figures folder of the report whose sources are in `folder`.
    static func folder(of report: Report) -> String { report.path("figures") }

    /// Paths under `content/figures/`, sorted.
    let paths: [String]
    /// Width and height by path; absent for a file that is not a PNG, JPEG, GIF or WebP image.
    let sizes: [String: ImageSize]

    static let none = FigureImages(paths: [], sizes: [:])

    /// Lists the figures folder `path` of the project at `root` (a missing folder is no figures) and reads each image's size.
    static func load(root: URL, folder path: String, log: inout DiagnosticLog) -> FigureImages {
        let folder = root.appendingPathComponent(path)
        let listing = FileTree.files(under: folder, within: root)
        listing.logRefusedLinks(in: path, log: &log)
        var sizes: [String: ImageSize] = [:]
        for path in listing.files {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path), let size = ImageSize(data) {
                sizes[path] = size
            }
        }
        return FigureImages(paths: listing.files, sizes: sizes)
    }
}
