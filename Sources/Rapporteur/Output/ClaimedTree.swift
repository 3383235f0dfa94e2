import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder beside the output that one build holds and writes its tree into, and the moves
/// that put it in the output's place.
///
/// Beside the output `NAME` there are `.NAME.previous`, the tree the last build replaced, and the
/// folders of builds: `.NAME.staging-UUID`, and `.NAME.replaced-UUID`, an output moved aside where
/// two paths cannot be swapped in one step. A build holds a lock (`flock`) on each of its folders
/// and renames only folders it has locked, so one that nobody holds was left by a stopped build
/// (Ctrl-C, a crash, a kill at any point). The next build puts back a replaced output if the
/// output is missing, takes one as its tree when there is no previous tree, and removes the rest.
final class ClaimedTree {
    /// Where the build writes.
    let path: String
    /// Whether the folder holds an earlier build's tree (the previous one, or a stopped build's).
    let reused: Bool
    private let names: Names
    private let moves: any FolderMoves
    /// The open folder this build holds its lock through.
    private var lock: Int32

    init(for output: URL, moves: any FolderMoves) throws {
        let names = Names(output: output)
        let path = names.make("staging")
        if let lock = Self.takeTree(to: path, names: names, moves: moves) {
            (self.path, self.lock, reused) = (path, lock, true)
        } else {
            (self.path, self.lock) = try Self.makeTree(names: names, moves: moves)
            reused = false
        }
        self.names = names
        self.moves = moves
    }

    deinit { unlock() }

    /// Puts the tree in the output's place; the output it replaces becomes the previous tree.
    func swapIntoOutput() throws {
        guard Self.exists(names.output) else { return try moves.move(path, to: names.output) }
        // Held so that no other build takes it while it lies beside the output under a build's name.
        // Nil only when another build swaps at the same moment; each swap is whole all the same.
        let replaced = Self.lock(names.output)
        defer { if let replaced { close(replaced) } }
        if try moves.exchange(path, names.output) {
            keep(path)
            return
        }
        // A build stopped between these two renames leaves no output; the next one puts it back.
        let aside = names.make("replaced")
        try moves.move(names.output, to: aside)
        do {
            try moves.move(path, to: names.output)
        } catch {
            try? moves.move(aside, to: names.output)
            throw error
        }
        keep(aside)
    }

    /// Gives up the tree, leaving the output as it is: a reused tree is kept for the next build,
    /// a new one removed.
    func giveBack() {
        if !reused || (try? moves.move(path, to: names.previous)) == nil { try? moves.removeTree(path) }
        unlock()
    }

    func unlock() {
        if lock >= 0 { close(lock) }
        lock = -1
    }

    /// Keeps the replaced output as the previous tree; removes it if another build kept one meanwhile.
    private func keep(_ replaced: String) {
        if (try? moves.move(replaced, to: names.previous)) == nil { try? moves.removeTree(replaced) }
    }
}

// MARK: - Claiming

private extension ClaimedTree {
    /// The names beside the output.
    struct Names {
        let output: String
        let previous: String
        let parent: String
        /// `.NAME.`
        let prefix: String

        init(output url: URL) {
            output = url.path
            parent = url.deletingLastPathComponent().path
            prefix = "." + url.lastPathComponent + "."
            previous = parent + "/" + prefix + "previous"
        }

        /// A new name for a build's folder of this kind.
        func make(_ kind: String) -> String { parent + "/" + prefix + kind + "-" + UUID().uuidString }

        /// The folders of builds beside the output, sorted (`new-` from versions that claimed the
        /// previous tree under that name before locking it, and leaked it when stopped there).
        func builds() -> [String] {
            let kinds = ["staging-", "replaced-", "new-"].map { prefix + $0 }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            return entries.filter { entry in kinds.contains { entry.hasPrefix($0) } }.sorted().map { parent + "/" + $0 }
        }

        func isReplaced(_ path: String) -> Bool { path.hasPrefix(parent + "/" + prefix + "replaced-") }
    }

    /// Takes the previous tree, else a stopped build's, renamed to `path` and locked; puts back an
    /// output that a stopped build moved aside, and removes the other folders of stopped builds.
    static func takeTree(to path: String, names: Names, moves: any FolderMoves) -> Int32? {
        var held = lock(names.previous)
        if let previous = held, (try? moves.move(names.previous, to: path)) == nil {
            close(previous)
            held = nil
        }
        for folder in names.builds() where folder != path {
            guard let lock = lock(folder) else { continue }  // a running build's
            if names.isReplaced(folder) && !exists(names.output) {
                try? moves.move(folder, to: names.output)
            } else if held == nil && (try? moves.move(folder, to: path)) != nil {
                held = lock
                continue
            } else {
                try? moves.removeTree(folder)
            }
            close(lock)
        }
        return held
    }

    /// Makes a new empty folder for the tree and locks it.
    static func makeTree(names: Names, moves: any FolderMoves) throws -> (path: String, lock: Int32) {
        // Before it is locked, another build may take or remove it as a stopped build's: then make another.
        for _ in 1...5 {
            let path = names.make("staging")
            try moves.makeFolder(path)
            if let lock = lock(path) { return (path, lock) }
        }
        throw POSIXError(.EAGAIN)
    }

    /// Locks a folder for this build; nil when another build holds it, or it cannot be opened, or
    /// it is no longer at `path` once locked (another build moved or removed it meanwhile).
    static func lock(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        var opened = stat()
        var named = stat()
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, fstat(descriptor, &opened) == 0, lstat(path, &named) == 0,
            opened.st_dev == named.st_dev, opened.st_ino == named.st_ino
        else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

// MARK: - Moves

/// The calls that make, move and remove folders beside the output. Tests pass one that stops a
/// build at each call, as a kill would.
protocol FolderMoves {
    func move(_ source: String, to target: String) throws
    /// Swaps two paths in one step; false where the system cannot.
    func exchange(_ first: String, _ second: String) throws -> Bool
    func makeFolder(_ path: String) throws
    func removeTree(_ path: String) throws
}

/// The moves as the system makes them.
struct SystemFolderMoves: FolderMoves {
    func move(_ source: String, to target: String) throws {
        guard rename(source, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// `renameat2` with `RENAME_EXCHANGE`, `renamex_np` with `RENAME_SWAP`, so that the output
    /// never disappears.
    func exchange(_ first: String, _ second: String) -> Bool {
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

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func removeTree(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }
}
