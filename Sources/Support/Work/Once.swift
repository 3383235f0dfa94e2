import Foundation

/// A value made the first time any thread asks for it, then shared.
package final class Once<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?

    package init() {}

    /// The value, made by `make` if no thread has made it yet.
    package func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
