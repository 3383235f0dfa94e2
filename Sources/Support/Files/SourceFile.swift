import Foundation

/// Reading source files as UTF-8 text, with the line of the first bad byte when they are not.
package enum SourceFile {
    package static func read(_ url: URL, as file: String) throws(SiteError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SiteError("cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: file))
        }
        return try decode(data, as: file)
    }

    package static func decode(_ data: Data, as file: String) throws(SiteError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        let bytes = [UInt8](data)
        let bad = firstInvalidByte(bytes) ?? 0
        let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<bad].count(where: { $0 == 0x0A }) + 1
        let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
        throw SiteError("invalid UTF-8: the file must be saved as UTF-8", at: SourceLocation(file: file, line: line, column: column))
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629).
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let length: Int
            let second: ClosedRange<UInt8>
            switch bytes[index] {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return index
            }
            guard index + length <= bytes.count, second.contains(bytes[index + 1]),
                bytes[(index + 2)..<(index + length)].allSatisfy({ (0x80...0xBF).contains($0) })
            else { return index }
            index += length
        }
        return nil
    }
}

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
