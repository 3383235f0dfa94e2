import Foundation
import Rapporteur
import Support

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
    /// Folders whose files are made when first asked for (the search files), by path.
    private let deferred: [String: LazyFolder]

    /// The site of a complete build.
    init(files: [OutputFile], deferred: [DeferredFolder] = [], buildID: String) {
        self.buildID = buildID
        self.files = Dictionary(files.map { ($0.path, File($0.data, path: $0.path)) }) { _, last in last }
        self.deferred = Dictionary(uniqueKeysWithValues: deferred.map { ($0.path, LazyFolder($0)) })
    }

    private init(files: [String: File], deferred: [String: LazyFolder], buildID: String) {
        self.buildID = buildID
        self.files = files
        self.deferred = deferred
    }

    /// The site after `update`: all of it for a complete build, else this one with the files that changed.
    func applying(_ update: SiteUpdate, buildID: String) -> SiteSnapshot {
        let deferred = Dictionary(uniqueKeysWithValues: update.deferred.map { ($0.path, LazyFolder($0)) })
        guard !update.isComplete else { return SiteSnapshot(files: update.files, deferred: update.deferred, buildID: buildID) }
        var files = files
        for file in update.files { files[file.path] = File(file.data, path: file.path) }
        return SiteSnapshot(files: files, deferred: deferred, buildID: buildID)
    }

    private func file(_ path: String) -> File? {
        if let file = files[path] { return file }
        return deferred.first { path.hasPrefix($0.key) }?.value.file(path)
    }

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

/// A deferred folder's files, each given its validator on the first request for it.
private final class LazyFolder: @unchecked Sendable {
    private let deferred: DeferredFolder
    private let lock = NSLock()
    private var made: [String: SiteSnapshot.File] = [:]

    init(_ deferred: DeferredFolder) {
        self.deferred = deferred
    }

    func file(_ path: String) -> SiteSnapshot.File? {
        lock.withLock {
            if let file = made[path] { return file }
            guard let data = deferred.data(at: path) else { return nil }
            let file = SiteSnapshot.File(data, path: path)
            made[path] = file
            return file
        }
    }
}
