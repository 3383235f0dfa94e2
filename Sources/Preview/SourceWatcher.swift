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
                first()
                while !isStopped {
                    guard var changed = events.next(timeout: 0.1), !isStopped else { continue }
                    while let more = events.next(timeout: quiet) { changed.formUnion(more) }
                    onChange(changed)
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
    private final class KernelEvents {
        private let root: URL
        private let descriptor: Int32
        /// The folder (relative to the project) of each watch.
        private var folders: [Int32: String] = [:]
        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

        /// The watched folders' names, seen at the project's root when one is made again.
        private let sources: Set<String>

        init?(root: URL, folders: [String]) {
            self.root = root
            sources = Set(folders)
            descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard descriptor >= 0 else { return nil }
            // The root itself, for a source folder deleted and made again (a `git checkout`).
            let rootWatch = inotify_add_watch(descriptor, root.path, UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM))
            if rootWatch >= 0 { self.folders[rootWatch] = "" }
            for folder in folders { watch(folder) }
        }

        deinit { close(descriptor) }

        /// Watches `folder` and the folders in it.
        private func watch(_ folder: String) {
            let path = root.appendingPathComponent(folder).path
            let identifier = inotify_add_watch(descriptor, path, Self.mask)
            guard identifier >= 0 else { return }
            folders[identifier] = folder
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for entry in entries.sorted() {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isFolder), isFolder.boolValue {
                    watch(folder + "/" + entry)
                }
            }
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
                    guard let folder = folders[identifier] else { continue }
                    if mask & UInt32(IN_IGNORED) != 0 { folders[identifier] = nil }
                    guard !name.isEmpty, !SourceWatcher.isEditorDebris(name), !folder.isEmpty || sources.contains(name) else { continue }
                    let path = folder.isEmpty ? name : folder + "/" + name
                    changed.insert(path)
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(path) }
                }
            }
            return changed
        }
    }
#endif
