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

        init(_ data: Data, path: String) {
            var hasher = FNV1a()
            hasher.add(data)
            self.data = data
            etag = "\"\(hasher.hex)-\(String(data.count, radix: 16))\""
            contentType = MediaType.contentType(forPath: path)
        }
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
    /// Files made when first asked for (the search indexes), by path.
    private let deferred: [String: LazyFile]

    /// The site of a complete build.
    init(files: [OutputFile], deferred: [DeferredFile] = [], buildID: String) {
        self.buildID = buildID
        self.files = Dictionary(files.map { ($0.path, File($0.data, path: $0.path)) }) { _, last in last }
        self.deferred = Dictionary(uniqueKeysWithValues: deferred.map { ($0.path, LazyFile($0)) })
    }

    private init(files: [String: File], deferred: [String: LazyFile], buildID: String) {
        self.buildID = buildID
        self.files = files
        self.deferred = deferred
    }

    /// The site after `update`: all of it for a complete build, else this one with the files that changed.
    func applying(_ update: SiteUpdate, buildID: String) -> SiteSnapshot {
        let deferred = Dictionary(uniqueKeysWithValues: update.deferred.map { ($0.path, LazyFile($0)) })
        guard !update.isComplete else { return SiteSnapshot(files: update.files, deferred: update.deferred, buildID: buildID) }
        var files = files
        for file in update.files { files[file.path] = File(file.data, path: file.path) }
        return SiteSnapshot(files: files, deferred: deferred, buildID: buildID)
    }

    private func file(_ path: String) -> File? { files[path] ?? deferred[path]?.file }

    /// Finds the file for a site-relative path: `en/plenary/` serves `en/plenary/index.html`,
    /// `en/plenary` redirects to the slash form.
    func resolve(_ path: String) -> Resolution {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return file(index).map { .file(path: index, $0) } ?? .notFound
        }
        if let file = file(path) { return .file(path: path, file) }
        if files[path + "/index.html"] != nil { return .redirect("/" + path + "/") }
        return .notFound
    }

    /// The site's own 404 page, when it has one.
    var notFoundPage: File? { files["404.html"] }
}

/// A deferred file, made (and given its validator) on the first request for it.
private final class LazyFile: @unchecked Sendable {
    private let deferred: DeferredFile
    private let lock = NSLock()
    private var made: SiteSnapshot.File?

    init(_ deferred: DeferredFile) {
        self.deferred = deferred
    }

    var file: SiteSnapshot.File {
        lock.withLock {
            let file = made ?? SiteSnapshot.File(deferred.data, path: deferred.path)
            made = file
            return file
        }
    }
}
