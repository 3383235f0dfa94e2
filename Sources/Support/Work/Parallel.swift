import Dispatch

/// How the build spreads independent work over the machine's cores.
public enum Parallelism {
    /// When true, every `parallelMap` of this task runs on the calling thread, in order; the
    /// output must be the same bytes either way (a test compares the two).
    @TaskLocal public static var isSequential = false

    /// Starts `work` on another thread and returns what to wait on; runs it at once when sequential.
    package static func start(_ work: @escaping @Sendable () -> Void) -> DispatchGroup {
        let group = DispatchGroup()
        if isSequential { work() } else { DispatchQueue.global().async(group: group, execute: work) }
        return group
    }
}

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores; results keep the order of the elements, so output
    /// stays the same as a sequential map's.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, !Parallelism.isSequential else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(self[index])
            }
        }
        return results.map { $0! }
    }

    /// `parallelMap` for work that logs: each element logs into a log of its own, and the logs
    /// are appended to `log` in the elements' order, so the messages read as a sequential map's.
    package func parallelMap<T: Sendable>(log: inout DiagnosticLog, _ transform: @Sendable (Element, inout DiagnosticLog) -> T) -> [T] {
        let results = parallelMap { element in
            var elementLog = DiagnosticLog()
            let result = transform(element, &elementLog)
            return (result, elementLog.diagnostics)
        }
        for (_, diagnostics) in results { log.append(contentsOf: diagnostics) }
        return results.map(\.0)
    }
}
