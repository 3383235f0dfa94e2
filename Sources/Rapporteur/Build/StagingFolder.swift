import Foundation

#if canImport(Glibc)
    import Glibc

    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    private let posixWrite = Darwin.write
#endif

/// A folder beside the output that a build writes into, file by file from any thread, and that
/// takes the output's place in one rename when the build succeeded. Until then the output is untouched.
///
/// The tree a build replaces is kept beside the output (`.public.previous`), and the next build
/// writes over its files in place instead of making every file and folder anew: creating and
/// deleting tens of thousands of inodes on each build cost more than rendering the pages (ext4
/// without a journal even searches past each recently freed inode). What the reused tree holds
/// and the new build does not write is removed before the swap.
///
/// A build holds a lock (`flock`) on its staging folder while it runs. A staging folder that
/// nobody holds is what a stopped build (Ctrl-C, a crash) left: the next build takes it as its
/// tree when there is no previous one, else removes it.
final class StagingFolder: @unchecked Sendable {
    let output: URL
    private let staging: URL
    /// The tree the last build replaced, reused by the next one.
    private let previous: URL
    /// Whether the staging folder is an earlier build's tree (the previous one, or a stopped one's).
    private var reusesTree = false
    private let writing: WorkTimer
    private let lock = NSLock()
    /// Folders this build writes into, known to exist.
    private var folders: Set<String> = [""]
    /// What the reused tree holds that this build has not yet written over.
    private var leftoverFolders: Set<String> = []
    private var leftoverFiles: Set<String> = []
    private var failure: (any Error)?
    /// The open staging folder this build holds its lock through.
    private var locked: Int32 = -1

    /// `writing` sums the time spent writing files.
    init(for output: URL, writing: WorkTimer = WorkTimer()) throws(SiteError) {
        self.output = output
        self.writing = writing
        let parent = output.deletingLastPathComponent()
        let name = "." + output.lastPathComponent
        staging = parent.appendingPathComponent("\(name).staging-\(UUID().uuidString)")
        previous = parent.appendingPathComponent("\(name).previous")
        // A tree is claimed by a rename to a name no other build looks at, locked, and only then
        // named as a staging folder: a staging folder without a lock is always an orphan.
        let claimed = parent.appendingPathComponent("\(name).new-\(UUID().uuidString)")
        var tree = rename(previous.path, claimed.path) == 0 && Self.isFolder(claimed.path)
        for orphan in Self.orphans(of: name, in: parent) {
            guard let descriptor = Self.lock(orphan.path) else { continue }  // a build that runs
            if !tree && rename(orphan.path, claimed.path) == 0 {
                locked = descriptor
                tree = true
            } else {
                try? FileManager.default.removeItem(at: orphan)
                close(descriptor)
            }
        }
        do {
            if !tree {
                try? FileManager.default.removeItem(at: claimed)  // what was claimed, if it was no folder
                try FileManager.default.createDirectory(at: claimed, withIntermediateDirectories: true)
            }
            if locked < 0 { locked = Self.lock(claimed.path) ?? -1 }
            try FileManager.default.moveItem(at: claimed, to: staging)
        } catch {
            if !tree || rename(claimed.path, previous.path) != 0 { try? FileManager.default.removeItem(at: claimed) }
            throw failed(error)
        }
        if tree {
            reusesTree = true
            (leftoverFolders, leftoverFiles) = Self.survey(staging.path)
        }
    }

    deinit { unlock() }

    /// Writes one file; a failure is kept and reported by `commit()`, which then fails.
    func write(_ file: OutputFile) {
        do {
            try writing.measure { () throws in
                try makeFolder(of: file.path)
                let path = staging.path + "/" + file.path
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
        defer { unlock() }
        do {
            if let failure = lock.withLock({ failure }) { throw failure }
            try removeLeftovers()
            guard Self.exists(output.path) else {
                try FileManager.default.moveItem(at: staging, to: output)
                return
            }
            try swapIntoOutput()
            // `staging` now holds the replaced output.
            if rename(staging.path, previous.path) != 0 { try? FileManager.default.removeItem(at: staging) }
        } catch {
            discard()
            throw failed(error)
        }
    }

    /// Gives up the staging folder; the output stays as it was. A reused tree is kept for the
    /// next build, a new one removed.
    func discard() {
        if !reusesTree || rename(staging.path, previous.path) != 0 { try? FileManager.default.removeItem(at: staging) }
        unlock()
    }

    private func unlock() {
        if locked >= 0 { close(locked) }
        locked = -1
    }

    private func failed(_ error: any Error) -> SiteError {
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
            let full = staging.path + "/" + folder
            if fileInTheWay { unlink(full) }
            if mkdir(full, 0o755) != 0 && !(errno == EEXIST && Self.isFolder(full)) {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
            }
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
        for file in files where unlink(staging.path + "/" + file) != 0 && errno != ENOENT && errno != ENOTDIR {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
        // Deepest first, so each folder is empty when it is removed.
        for folder in folders.sorted(by: { $0.count > $1.count })
        where rmdir(staging.path + "/" + folder) != 0 && errno != ENOENT && errno != ENOTDIR {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder])
        }
    }

    /// Puts the staging folder in the output's place and the output in the staging folder's.
    func swapIntoOutput() throws {
        if Self.exchange(staging.path, output.path) { return }
        // Without an atomic exchange: two renames, the output restored if the second fails.
        let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-old")
        let manager = FileManager.default
        try manager.moveItem(at: output, to: old)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: old, to: output)
            throw error
        }
        try manager.moveItem(at: old, to: staging)
    }
}

// MARK: - File system

private extension StagingFolder {
    /// Swaps two paths in one step (`renameat2` with `RENAME_EXCHANGE`, `renamex_np` with
    /// `RENAME_SWAP`), so the output never disappears; false where the system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if canImport(Glibc)
            // Glibc declares renameat2 only for _GNU_SOURCE, which Swift's Glibc module does not define.
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameExchange: UInt32 = 1 << 1
            return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #elseif canImport(Darwin)
            return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
            return false
        #endif
    }

    /// The staging folders beside the output, `NAME.staging-*`.
    static func orphans(of name: String, in parent: URL) -> [URL] {
        let prefix = name + ".staging-"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return entries.filter { $0.hasPrefix(prefix) }.sorted().map { parent.appendingPathComponent($0) }
    }

    /// Locks a folder for this build; nil when another build holds it (or it cannot be opened).
    static func lock(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Lists a reused tree's folders and files; anything else in it (a symbolic link, a file
    /// linked from elsewhere) is removed, so that no write reaches outside the tree.
    static func survey(_ tree: String) -> (folders: Set<String>, files: Set<String>) {
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
                return true
            } else {
                unlink(path)
            }
            return false
        }
        return (folders, files)
    }
}
