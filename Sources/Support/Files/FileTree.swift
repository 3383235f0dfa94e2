import Foundation

/// Listing files under a folder, sorted, as paths relative to it.
///
/// Reads the folders with `readdir`, which gives each entry's type without a stat. A symbolic
/// link is followed when its target lies inside the project, so an editor can link a chapter in
/// from another folder of it, and refused otherwise; a link to a folder that encloses it (a loop)
/// is not entered. Hidden files are listed; folders on another file system are not entered.
package enum FileTree {
    package static func files(under directory: URL, within project: URL) -> FileListing {
        var root = stat()
        guard lstat(directory.path, &root) == 0, root.st_mode & S_IFMT == S_IFDIR,
            let realProject = realPath(project.path), let realDirectory = realPath(directory.path)
        else { return FileListing() }
        var listing = FileListing()
        let inside = { (target: String) in target == realProject || target.hasPrefix(realProject + "/") }
        /// Lists one folder and, depth first, the folders in it; `enclosing` holds the real paths
        /// of the folders it lies in.
        func list(_ path: String, relative: String, enclosing: Set<String>) {
            walk(path, relative: relative) { relative, path, type in
                if type == Int32(DT_REG) {
                    listing.files.append(relative)
                    return false
                }
                var info = stat()
                guard lstat(path, &info) == 0 else { return false }
                let isLink = info.st_mode & S_IFMT == S_IFLNK
                if isLink {
                    guard let target = realPath(path), inside(target), stat(target, &info) == 0 else {
                        listing.refusedLinks.append((relative, linkTarget(path)))
                        return false
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    listing.files.append(relative)
                case S_IFDIR where info.st_dev == root.st_dev || isLink:
                    if let real = realPath(path), !enclosing.contains(real) {
                        list(path, relative: relative + "/", enclosing: enclosing.union([real]))
                    }
                default:
                    break
                }
                return false
            }
        }
        list(directory.path, relative: "", enclosing: [realDirectory])
        listing.files.sort()
        listing.refusedLinks.sort { $0.path < $1.path }
        return listing
    }

    /// The absolute path with every symbolic link resolved, or nil when it leads nowhere.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a symbolic link says, as written.
    private static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        return count < 0 ? "?" : String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Calls `visit` with every entry under the folder `path` (its path relative to that folder,
    /// its full path, and its `d_type`, which may be `DT_UNKNOWN`), in no particular order, and
    /// enters an entry when `visit` returns true.
    package static func walk(_ path: String, relative: String = "", _ visit: (String, String, Int32) -> Bool) {
        guard let stream = opendir(path) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let full = path + "/" + name
            if visit(relative + name, full, Int32(entry.pointee.d_type)) { walk(full, relative: relative + name + "/", visit) }
        }
    }
}
