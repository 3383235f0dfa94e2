import Foundation

/// Notices changes under the project's source folders by polling them.
///
/// Polling the folders (not watching files) sees what editors do: save by writing a temporary file
/// and renaming it over the old one, new and deleted chapters, new folders. It is one code path on
/// Linux and macOS, has no watch descriptors to lose or queues to overflow, and a scan of the real
/// project takes about a millisecond. A burst of changes (a `git checkout`) gives one call, once
/// the folders have been quiet for one interval.
final class SourceWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let interval: TimeInterval
    private let lock = NSLock()
    private var stopped = false

    init(root: URL, folders: [String] = ["content", "Templates"], interval: TimeInterval = 0.1) {
        self.folders = folders.map { root.appendingPathComponent($0, isDirectory: true) }
        self.interval = interval
    }

    /// Runs `first` once, then polls until `stop()`, calling `onChange` on this thread after each
    /// burst of changes. Changes made while `first` or `onChange` runs are seen by the next scan.
    func run(first: () -> Void, onChange: () -> Void) {
        var last = scan()
        first()
        var changed = false
        while !isStopped {
            Thread.sleep(forTimeInterval: interval)
            let now = scan()
            if now != last {
                last = now
                changed = true
            } else if changed, !isStopped {
                changed = false
                onChange()
            }
        }
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// What identifies a version of a file: a save by rename gives a new inode, an in-place write
    /// a new modification time or size.
    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var inode: UInt64?
    }

    private func scan() -> [String: Stamp] {
        let manager = FileManager.default
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard let paths = manager.enumerator(atPath: folder.path) else { continue }
            while let path = paths.nextObject() as? String {
                guard !Self.isEditorDebris(path), let attributes = paths.fileAttributes,
                    attributes[.type] as? FileAttributeType != .typeDirectory
                else { continue }
                stamps[folder.lastPathComponent + "/" + path] = Stamp(
                    modified: attributes[.modificationDate] as? Date,
                    size: (attributes[.size] as? NSNumber)?.intValue,
                    inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
            }
        }
        return stamps
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
