import Foundation

/// One file of the built site: its path relative to the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

/// What a build made, and what it has to say about the sources.
public struct BuildResult: Sendable {
    /// The site's files, sorted by path; empty when the build wrote them to a folder.
    public var files: [OutputFile]
    /// How many files the site has.
    public var fileCount: Int
    /// Warnings (a build with errors throws instead).
    public var warnings: [Diagnostic]
    /// HTML pages per language code (the landing page and 404 not counted).
    public var pagesPerLanguage: [(language: String, pages: Int)]
    public var tableCount: Int
    /// Per chapter and table, how much of it each language has.
    public var coverage: [CoverageLine]
    /// Seconds spent in each phase of the build, in order.
    public var timings: [(phase: String, seconds: Double)]
    /// Processor seconds of work done inside the phases on all cores at once (parsing within
    /// "load", writing within "render"), summed over the threads that did it.
    public var workTimings: [(work: String, seconds: Double)]
}

/// Measures the phases of a build with a monotonic clock.
struct PhaseTimer {
    private(set) var phases: [(phase: String, seconds: Double)] = []
    /// Chapters parsed (front matter and Markdown), summed over threads.
    let parsing = WorkTimer()
    /// Files written, summed over threads.
    let writing = WorkTimer()

    var work: [(work: String, seconds: Double)] { [("parse", parsing.seconds), ("write", writing.seconds)] }

    mutating func measure<T, Failure: Error>(_ phase: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        phases.append((phase, (clock.now - start).seconds))
        return result
    }
}

/// The processor time one kind of work takes on any thread, summed. The work of a phase that
/// runs on every core at once (parsing, writing) has no wall-clock span of its own, and a
/// clock on the wall would also count the time its thread waited for a core.
final class WorkTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var total = Duration.zero

    func measure<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        let start = Self.threadTime()
        defer {
            let elapsed = Self.threadTime() - start
            lock.withLock { total += elapsed }
        }
        return try body()
    }

    var seconds: Double { lock.withLock { total.seconds } }

    private static func threadTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// A line of the translation-coverage summary of `rapporteur check`.
public struct CoverageLine: Sendable {
    /// `chapter 04-plenary.md` or `table funding`.
    public var item: String
    /// Per language code: headings, words (Chinese counted in characters), table cells.
    public var counts: [(language: String, headings: Int, words: Int, cells: Int)]
}
