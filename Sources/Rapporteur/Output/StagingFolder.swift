import Foundation
import Support

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder beside the output that a build writes into, file by file from any thread, and that
/// takes the output's place in one rename when the build succeeded. Until then the output is untouched.
///
/// The tree a build replaces is kept beside the output (`.public.previous`), and the next build
/// writes over its files in place instead of making every file and folder anew: creating and
/// deleting tens of thousands of inodes on each build cost more than rendering the pages (ext4
/// without a journal even searches past each recently freed inode). What the reused tree holds
/// and the new build does not write is removed before the swap. Which folder a build writes
/// into, and how a stopped build's folders are found again, is `ClaimedTree`'s.
///
/// Files are 0644 and folders 0755 whatever the process umask (`open` and `mkdir` follow it, and
/// a reused tree may have been made under another), so that a web server can read a copy of the
/// site (`rsync -a` keeps the modes).
final class StagingFolder: @unchecked Sendable {
    let output: URL
    private let tree: ClaimedTree
    private let writing: WorkTimer
    private let lock = NSLock()
    /// Folders this build writes into, known to exist.
    private var folders: Set<String> = [""]
    /// What the reused tree holds that this build has not yet written over.
    private var leftoverFolders: Set<String> = []
    private var leftoverFiles: Set<String> = []
    private var failure: (any Error)?

    /// `writing` sums the time spent writing files; `moves` is for tests that stop a build half-way.
    init(for output: URL, writing: WorkTimer = WorkTimer(), moves: any FolderMoves = SystemFolderMoves()) throws(SiteError) {
        self.output = output
        self.writing = writing
        do {
            tree = try ClaimedTree(for: output, moves: moves)
        } catch {
            throw Self.failed(error, output)
        }
        var modesSet = true
        if tree.reused { (leftoverFolders, leftoverFiles, modesSet) = Self.survey(tree.path) }
        // The root as well, which FileManager made under the umask, or an earlier build did.
        if chmod(tree.path, 0o755) != 0 || !modesSet {
            failure = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: tree.path])
        }
    }

    /// Writes one file; a failure is kept and reported by `commit()`, which then fails.
    func write(_ file: OutputFile) {
        do {
            try writing.measure { () throws in
                try makeFolder(of: file.path)
                let path = tree.path + "/" + file.path
                let reusesFolder = lock.withLock {
                    leftoverFiles.remove(file.path)
                    return leftoverFolders.remove(file.path) != nil
                }
                // A folder of the reused tree where this build writes a file.
                if reusesFolder { try FileManager.default.removeItem(atPath: path) }
                try Self.writeFile(file.data, to: path)
            }
        } catch {
            lock.withLock { failure = failure ?? error }
        }
    }

    /// Removes what the reused tree held and this build did not write, then swaps the staging
    /// folder in for the output and keeps the output it replaced for the next build. Throws,
    /// leaving the output as it was, if a write failed.
    func commit() throws(SiteError) {
        defer { tree.unlock() }
        do {
            if let failure = lock.withLock({ failure }) { throw failure }
            try removeLeftovers()
            try tree.swapIntoOutput()
        } catch {
            discard()
            throw Self.failed(error, output)
        }
    }

    /// Gives up the staging folder; the output stays as it was. A reused tree is kept for the
    /// next build, a new one removed.
    func discard() {
        tree.giveBack()
    }

    private static func failed(_ error: any Error, _ output: URL) -> SiteError {
        SiteError(
            "cannot write the site: \(error.localizedDescription); \(output.path) was left as it was", at: SourceLocation(file: output.path)
        )
    }
}

// MARK: - Writing

private extension StagingFolder {
    /// Creates the file's folder and its parents once each, whichever thread asks first; a
    /// folder the reused tree has is taken as it is.
    func makeFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if lock.withLock({ folders.contains(folder) }) { return }
        try makeFolder(of: folder)
        let (reused, fileInTheWay) = lock.withLock { (leftoverFolders.remove(folder) != nil, leftoverFiles.remove(folder) != nil) }
        if !reused {
            let full = tree.path + "/" + folder
            if fileInTheWay { unlink(full) }
            let made = mkdir(full, 0o755) == 0 || (errno == EEXIST && Self.isFolder(full))
            guard made, chmod(full, 0o755) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder]) }
        }
        lock.withLock { _ = folders.insert(folder) }
    }

    /// Writes one file with plain POSIX calls and checks that every byte was written. A file the
    /// reused tree already holds with the same bytes is left as it is; another is written over
    /// from the start and cut to length. Not `O_TRUNC`: ext4 flushes a file truncated to zero
    /// and rewritten as soon as it is closed, which made a rebuild wait on the disk for every
    /// page. Not Foundation's `Data.write` either, which syncs every file. The swap of the whole
    /// folder is what makes the output safe, not a sync per file.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        var info = stat()
        var done = fstat(descriptor, &info) == 0
        if done && info.st_mode & 0o7777 != 0o644 { done = fchmod(descriptor, 0o644) == 0 }
        let size = Int(info.st_size)
        if done && !(size == data.count && hasBytes(data, descriptor)) {
            var written = 0
            data.withUnsafeBytes { buffer in
                while written < buffer.count {
                    let result = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(written))
                    if result <= 0 { break }
                    written += result
                }
            }
            done = written == data.count && (size <= data.count || ftruncate(descriptor, off_t(data.count)) == 0)
        }
        guard close(descriptor) == 0, done else { throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// Whether the open file holds exactly `data` (its size already known to match).
    static func hasBytes(_ data: Data, _ descriptor: Int32) -> Bool {
        guard !data.isEmpty else { return true }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 1)
        defer { buffer.deallocate() }
        guard pread(descriptor, buffer.baseAddress!, data.count, 0) == data.count else { return false }
        return data.withUnsafeBytes { memcmp($0.baseAddress!, buffer.baseAddress!, data.count) == 0 }
    }

    /// Deletes the reused tree's files and folders that this build did not write.
    func removeLeftovers() throws {
        let (files, folders) = lock.withLock { (leftoverFiles, leftoverFolders) }
        // Gone already (ENOENT, ENOTDIR) when a folder above was replaced by a file.
        for file in files where unlink(tree.path + "/" + file) != 0 && errno != ENOENT && errno != ENOTDIR {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
        // Deepest first, so each folder is empty when it is removed.
        for folder in folders.sorted(by: { $0.count > $1.count })
        where rmdir(tree.path + "/" + folder) != 0 && errno != ENOENT && errno != ENOTDIR {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
    }
}

// MARK: - File system

private extension StagingFolder {
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Lists a reused tree's folders and files, and makes its folders 0755 (`modesSet` is false
    /// if one could not be); anything else in it (a symbolic link, a file linked from elsewhere)
    /// is removed, so that no write reaches outside the tree.
    static func survey(_ tree: String) -> (folders: Set<String>, files: Set<String>, modesSet: Bool) {
        var modesSet = true
        var folders: Set<String> = []
        var files: Set<String> = []
        FileTree.walk(tree) { relative, path, _ in
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let type = info.st_mode & S_IFMT
            // A file with another name elsewhere (a hard-linked copy of the site) is not written over.
            if type == S_IFREG && info.st_nlink == 1 {
                files.insert(relative)
            } else if type == S_IFDIR {
                folders.insert(relative)
                if info.st_mode & 0o7777 != 0o755 && chmod(path, 0o755) != 0 { modesSet = false }
                return true
            } else {
                unlink(path)
            }
            return false
        }
        return (folders, files, modesSet)
    }
}
