import Foundation
import Rapporteur

/// One complete build of the site, held in memory and never changed: every response is served
/// from a single snapshot, so a rebuild in progress can never show a half-written page.
struct SiteSnapshot: Sendable {
    /// A file of the site with what its responses need.
    struct File: Sendable {
        var data: Data
        /// A strong validator of `data` (quoted, as the header carries it).
        var etag: String
        var contentType: String
    }

    /// What a request path leads to.
    enum Resolution: Sendable {
        case file(path: String, File)
        /// A folder asked for without its trailing slash; the value is the path to send the client to.
        case redirect(String)
        case notFound
    }

    /// Identifies this build among all builds of this server process (sent to open pages).
    let buildID: String
    private let files: [String: File]

    init(files: [OutputFile], buildID: String) {
        self.buildID = buildID
        var byPath: [String: File] = [:]
        for file in files {
            var hasher = FNV1a()
            hasher.add(file.data)
            byPath[file.path] = File(
                data: file.data,
                etag: "\"\(hasher.hex)-\(String(file.data.count, radix: 16))\"",
                contentType: MediaType.contentType(forPath: file.path))
        }
        self.files = byPath
    }

    /// Finds the file for a site-relative path: `en/plenary/` serves `en/plenary/index.html`,
    /// `en/plenary` redirects to the slash form.
    func resolve(_ path: String) -> Resolution {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return files[index].map { .file(path: index, $0) } ?? .notFound
        }
        if let file = files[path] { return .file(path: path, file) }
        if files[path + "/index.html"] != nil { return .redirect("/" + path + "/") }
        return .notFound
    }

    /// The site's own 404 page, when it has one.
    var notFoundPage: File? { files["404.html"] }
}
