import Foundation

/// Measures the phases of a build with a monotonic clock.
package struct PhaseTimer {
    package private(set) var phases: [(phase: String, seconds: Double)] = []
    /// Chapters parsed (front matter and Markdown), summed over threads.
    package let parsing = WorkTimer()
    /// Files written, summed over threads.
    package let writing = WorkTimer()

    package init() {}

    package var work: [(work: String, seconds: Double)] { [("parse", parsing.seconds), ("write", writing.seconds)] }

    package mutating func measure<T, Failure: Error>(_ phase: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        // A phase run once per report of a library is reported once, its times added.
        let seconds = (clock.now - start).seconds
        if let index = phases.firstIndex(where: { $0.phase == phase }) {
            phases[index].seconds += seconds
        } else {
            phases.append((phase, seconds))
        }
        return result
    }
}

/// The processor time one kind of work takes on any thread, summed. The work of a phase that
/// runs on every core at once (parsing, writing) has no wall-clock span of its own, and a
/// clock on the wall would also count the time its thread waited for a core.
package final class WorkTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var total = Duration.zero

    package init() {}

    package func measure<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        let start = Self.threadTime()
        defer {
            let elapsed = Self.threadTime() - start
            lock.withLock { total += elapsed }
        }
        return try body()
    }

    package var seconds: Double { lock.withLock { total.seconds } }

    private static func threadTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}

extension Duration {
    package var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
