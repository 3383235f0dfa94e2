import FlyingFox

/// The WebSocket end of live reload: one socket per open page. A WebSocket does not count
/// against the browser's six HTTP connections per host, which one event stream per tab would.
struct ReloadSocket: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let messages = state.listen()
        return AsyncStream { continuation in
            let relay = Task {
                for await message in messages {
                    continuation.yield(message)
                }
                continuation.finish()
            }
            // The page closed its socket: stop relaying.
            let watch = Task {
                for await _ in client {}
                continuation.finish()
            }
            continuation.onTermination = { _ in
                relay.cancel()
                watch.cancel()
            }
        }
    }
}
