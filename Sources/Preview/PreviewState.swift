import FlyingFox
import Foundation
import Rapporteur
import Support

/// What the server serves right now, and the open pages waiting to hear about the next build.
///
/// Request handlers read one `Current` value under the lock and work on it afterwards, so a
/// response never mixes two builds.
final class PreviewState: @unchecked Sendable {
    /// The last good build (nil until one succeeds) and the errors of the build after it, if it failed.
    struct Current: Sendable {
        var snapshot: SiteSnapshot?
        var errors: [Diagnostic]
    }

    private let lock = NSLock()
    private var current = Current(snapshot: nil, errors: [])
    private var listeners: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var generation = 0
    /// Tells builds of this process from those of an earlier run, so a page reconnecting to a
    /// restarted server reloads.
    private let epoch = String(UInt64.random(in: 0...UInt64.max), radix: 36)

    private var listeningPort = 0

    var now: Current { lock.withLock { current } }

    /// The port the server listens on (0 until it does), which `Host` headers must name.
    var port: Int { lock.withLock { listeningPort } }

    func setPort(_ port: Int) {
        lock.withLock { listeningPort = port }
    }

    /// A new identifier for the next successful build.
    func nextBuildID() -> String {
        lock.withLock {
            generation += 1
            return "\(epoch)-\(generation)"
        }
    }

    /// Serves `snapshot` from now on and tells open pages to reload.
    func publish(_ snapshot: SiteSnapshot) {
        update { $0 = Current(snapshot: snapshot, errors: []) }
    }

    /// Keeps serving the last good build and shows `errors` in open pages.
    func fail(_ errors: [Diagnostic]) {
        update { $0.errors = errors }
    }

    /// A stream of status messages for one open page, starting with the current status.
    func listen() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: WSMessage.self, bufferingPolicy: .bufferingNewest(4))
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        lock.withLock {
            listeners[id] = continuation
            continuation.yield(.text(LiveReload.message(for: current)))
        }
        return stream
    }

    /// Closes every page's stream, so that the server can stop.
    func closeAll() {
        let all = lock.withLock {
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for listener in all {
            listener.yield(.close(.goingAway))
            listener.finish()
        }
    }

    private func update(_ change: (inout Current) -> Void) {
        lock.withLock {
            change(&current)
            let message = LiveReload.message(for: current)
            for listener in listeners.values {
                listener.yield(.text(message))
            }
        }
    }
}
