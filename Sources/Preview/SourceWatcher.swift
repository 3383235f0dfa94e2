import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Notices changes under the project's source folders and says which files changed.
///
/// On Linux it is told by the kernel (inotify), so a save is seen at once; elsewhere it polls
/// the folders every 100 ms. Either way it sees what editors do: save by writing a temporary
/// file and renaming it over the old one, new and deleted chapters, new folders. A burst of
/// changes (a `git checkout`) gives one call, once the folders have been quiet for `quiet`.
final class SourceWatcher: @unchecked Sendable {
    private let root: URL
    private let folders: [String]
    private let quiet: TimeInterval
    private let lock = NSLock()
    private var stopped = false
    #if canImport(Glibc)
        private var kernel: KernelEvents?
    #endif

    init(root: URL, folders: [String] = ["content", "Templates"], quiet: TimeInterval = 0.02) {
        self.root = root
        self.folders = folders
        self.quiet = quiet
    }

    /// Runs `first` once, then watches until `stop()`, calling `onChange` on this thread with the
    /// changed paths (relative to the project) after each burst. Changes made while `first` or
    /// `onChange` runs are reported by the next call.
    func run(first: () -> Void, onChange: (Set<String>) -> Void) {
        #if canImport(Glibc)
            if let events = KernelEvents(root: root, folders: folders) {
                lock.withLock { kernel = events }
                first()
                while !isStopped {
                    guard var changed = events.next(timeout: 0.1), !isStopped else { continue }
                    while let more = events.next(timeout: quiet) { changed.formUnion(more) }
                    // A burst of editor debris alone (a swap file) changes nothing to rebuild.
                    if !changed.isEmpty { onChange(changed) }
                }
                return
            }
        #endif
        poll(first: first, onChange: onChange)
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// The folders watched by the kernel (relative to the project, sorted); empty while polling.
    var watchedFolders: [String] {
        #if canImport(Glibc)
            lock.withLock { kernel }?.watchedFolders ?? []
        #else
            []
        #endif
    }

    /// Files editors write beside the one being saved: Vim's swap files and its `4913` probe,
    /// backups, Emacs lock files, JetBrains' safe-write copies, Finder's metadata.
    static func isEditorDebris(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let suffixes = [".swp", ".swo", ".swx", "~", ".bck", ".bak", ".tmp", "___jb_old___", "___jb_tmp___"]
        return name == "4913" || name == ".DS_Store" || name.hasPrefix(".#")
            || (name.hasPrefix("#") && name.hasSuffix("#")) || suffixes.contains(where: name.hasSuffix)
    }
}

// MARK: - Polling

extension SourceWatcher {
    /// What identifies a version of a file: a save by rename gives a new inode, an in-place write
    /// a new modification time or size.
    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var inode: UInt64?
    }

    private func poll(first: () -> Void, onChange: (Set<String>) -> Void) {
        var last = scan()
        first()
        var changed: Set<String> = []
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.1)
            let now = scan()
            if now != last {
                changed.formUnion(Set(now.keys).symmetricDifference(last.keys))
                changed.formUnion(now.keys.filter { last[$0] != nil && last[$0] != now[$0] })
                last = now
            } else if !changed.isEmpty, !isStopped {
                onChange(changed)
                changed = []
            }
        }
    }

    private func scan() -> [String: Stamp] {
        let manager = FileManager.default
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard let paths = manager.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            while let path = paths.nextObject() as? String {
                guard !Self.isEditorDebris(path), let attributes = paths.fileAttributes,
                    attributes[.type] as? FileAttributeType != .typeDirectory
                else { continue }
                stamps[folder + "/" + path] = Stamp(
                    modified: attributes[.modificationDate] as? Date,
                    size: (attributes[.size] as? NSNumber)?.intValue,
                    inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
            }
        }
        return stamps
    }
}

// MARK: - inotify

#if canImport(Glibc)
    /// The kernel's reports of changes in the watched folders and every folder below them.
    ///
    /// A symbolic link to a folder is followed only when its target lies inside the project and
    /// is not watched yet: a link to `/` would have it watch the whole disk, and a link to a
    /// parent (`ln -s . a`) a loop with no end.
    private final class KernelEvents {
        private let root: URL
        /// The project's resolved path, ending in a separator, which every watched folder starts with.
        private let realRoot: String
        private let descriptor: Int32
        /// Guards `folders`, which the watcher's thread changes and `watchedFolders` reads.
        private let lock = NSLock()
        /// The folder (relative to the project) of each watch.
        private var folders: [Int32: String] = [:]
        /// The folder each watch is on, so that a folder reached twice is watched once.
        private var identities: [Int32: FolderIdentity] = [:]
        private var watching: Set<FolderIdentity> = []
        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

        /// The watched folders' names, seen at the project's root when one is made again.
        private let sources: Set<String>

        init?(root: URL, folders: [String]) {
            self.root = root
            realRoot = (Self.realPath(root.path) ?? root.path) + "/"
            sources = Set(folders)
            descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard descriptor >= 0 else { return nil }
            // The root itself, for a source folder deleted and made again (a `git checkout`).
            let rootWatch = inotify_add_watch(descriptor, root.path, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM))
            if rootWatch >= 0 { self.folders[rootWatch] = "" }
            watch(folders)
        }

        deinit { close(descriptor) }

        var watchedFolders: [String] {
            lock.withLock { folders.values.filter { !$0.isEmpty }.sorted() }
        }

        /// Watches `start` and the folders below them, breadth first, so that a source folder
        /// is watched under its own name before any link to it is seen. An explicit queue, since
        /// a deep tree would overflow the thread's stack.
        private func watch(_ start: [String]) {
            var queue = start
            var next = 0
            while next < queue.count {
                let folder = queue[next]
                next += 1
                let path = root.appendingPathComponent(folder).path
                guard let identity = admit(path) else { continue }
                let identifier = inotify_add_watch(descriptor, path, Self.mask)
                guard identifier >= 0 else { continue }
                lock.withLock { folders[identifier] = folder }
                identities[identifier] = identity
                watching.insert(identity)
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                for entry in entries.sorted() {
                    var isFolder: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isFolder), isFolder.boolValue {
                        queue.append(folder + "/" + entry)
                    }
                }
            }
        }

        /// The identity of the folder at `path` (links resolved) when it lies inside the project
        /// and is not watched yet; nil otherwise.
        private func admit(_ path: String) -> FolderIdentity? {
            var info = stat()
            guard let real = Self.realPath(path), real.hasPrefix(realRoot), stat(real, &info) == 0,
                info.st_mode & S_IFMT == S_IFDIR
            else { return nil }
            let identity = FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            return watching.contains(identity) ? nil : identity
        }

        /// Stops watching `folder` and the folders below it: it was moved away or deleted.
        private func unwatch(_ folder: String) {
            let gone = lock.withLock { folders.filter { $0.value == folder || $0.value.hasPrefix(folder + "/") }.map(\.key) }
            for identifier in gone {
                inotify_rm_watch(descriptor, identifier)
                forget(identifier)
            }
        }

        private func forget(_ identifier: Int32) {
            lock.withLock { folders[identifier] = nil }
            if let identity = identities.removeValue(forKey: identifier) { watching.remove(identity) }
        }

        static func realPath(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }

        /// The paths changed, after waiting at most `timeout` for a first event; nil if none came.
        func next(timeout: TimeInterval) -> Set<String>? {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, Int32(timeout * 1000)) > 0 else { return nil }
            var changed: Set<String> = []
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let (identifier, mask, length) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                    offset += 16 + length
                    guard let folder = lock.withLock({ folders[identifier] }) else { continue }
                    if mask & UInt32(IN_IGNORED) != 0 { forget(identifier) }
                    guard !name.isEmpty, !SourceWatcher.isEditorDebris(name), !folder.isEmpty || sources.contains(name) else { continue }
                    let path = folder.isEmpty ? name : folder + "/" + name
                    changed.insert(path)
                    guard mask & UInt32(IN_ISDIR) != 0 else { continue }
                    // A folder moved keeps its watches: they are dropped and made again under its new name.
                    if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { unwatch(path) }
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch([path]) }
                }
            }
            return changed
        }
    }

    /// A folder as the file system knows it, whatever path or link reaches it.
    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }
#endif
