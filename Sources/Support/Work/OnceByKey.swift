import Foundation

/// Values made once per key, each by the first thread that asks for it, then shared; a thread
/// making one key's value does not hold up threads asking for other keys.
package final class OnceByKey<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Once<Value>] = [:]

    package init() {}

    /// The value of `key`, made by `make` if no thread has made it yet.
    package func value(_ key: Key, _ make: () -> Value) -> Value {
        let once = lock.withLock {
            if let once = values[key] { return once }
            let once = Once<Value>()
            values[key] = once
            return once
        }
        return once.value(make)
    }
}
