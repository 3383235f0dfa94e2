/// `withDeadline` gave up: the client was too slow.
struct DeadlinePassed: Error {}

/// Runs `body`, cancelling it and throwing `DeadlinePassed` when `deadline` comes first. A socket
/// wait in FlyingSocks' pool ends as soon as its task is cancelled.
func withDeadline<T: Sendable>(_ deadline: ContinuousClock.Instant, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(until: deadline, clock: .continuous)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
        return value
    }
}
