import Dispatch

/// How the build spreads independent work over the machine's cores.
public enum Parallelism {
    /// When true, every `parallelMap` of this task runs on the calling thread, in order; the
    /// output must be the same bytes either way (a test compares the two).
    @TaskLocal public static var isSequential = false
}

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores; results keep the order of the elements, so output
    /// stays the same as a sequential map's.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
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
}
